import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { openTestDatabase } from '../../test/db.js';
import {
  buildTestApp,
  createTestOrg,
  ctxAs,
  type Session,
  signIn,
  type TestOrg,
} from '../../test/factories.js';
import { auditLog } from '../audit/audit.table.js';
import { partners } from '../partners/partners.table.js';
import { balanceOf } from './ledger.accounts.js';
import { account } from './ledger.keys.js';
import { post } from './ledger.post.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let ctx: Ctx;
let finance: Session;
let csr: Session;
let employeeId: string;
let partnerId: string;
let grantId: string;
let donationId: string;
let grantBId: string;
const FY = 2026;

const grant = (key: string, points: number, effectiveOn: string) =>
  post(ctx, {
    kind: 'grant',
    idempotencyKey: key,
    request: { points },
    effectiveOn,
    fiscalYear: FY,
    memo: `grant ${key}`,
    links: { employeeId },
    lines: [
      { account: account.pointsGranted(FY), amount: -points },
      { account: account.employeePoints(employeeId, FY), amount: points },
    ],
  });

const donate = (key: string, points: number) =>
  post(ctx, {
    kind: 'point_donation',
    idempotencyKey: key,
    request: { points },
    effectiveOn: '2026-06-01',
    fiscalYear: FY,
    links: { employeeId, partnerId },
    lines: [
      { account: account.employeePoints(employeeId, FY), amount: -points },
      { account: account.pointsDonated(FY), amount: points },
      { account: account.pointsFunding(FY), amount: -points * 100 },
      { account: account.payable(partnerId, null, 'JPY'), amount: points * 100 },
    ],
  });

const get = (url: string, as = finance) => app.inject({ method: 'GET', url, headers: as.headers });
const reverse = (id: string, payload: object, as = finance) =>
  app.inject({ method: 'POST', url: `/api/ledger/postings/${id}/reverse`, headers: as.headers, payload });

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'LEDGERAPI');
  app = await buildTestApp(database);
  ctx = await ctxAs(database, org, 'finance');
  finance = await signIn(app, org.users.finance.email);
  csr = await signIn(app, org.users.csr_manager.email);
  employeeId = org.users.employee.employeeId;
  const [p] = await database.db
    .insert(partners)
    .values({
      orgId: org.orgId,
      code: 'RC',
      nameJa: '赤十字',
      nameEn: 'Red Cross',
      kind: 'npo',
      eligibleUntil: '2099-12-31',
    })
    .returning();
  partnerId = p.id;
  grantId = (await grant('grant-a', 100, '2026-04-01')).posting.id;
  grantBId = (await grant('grant-b', 30, '2026-05-15')).posting.id;
  donationId = (await donate('donation-a', 80)).posting.id;
});

describe('the ledger browser', () => {
  it('lists postings newest first with what they moved, filtered by kind, record and date', async () => {
    const all = (await get('/api/ledger/postings')).json();
    expect(all.total).toBe(3);
    expect(all.items[0]).toMatchObject({
      id: donationId,
      kind: 'point_donation',
      employee: { id: employeeId },
      partner: { id: partnerId, code: 'RC', nameEn: 'Red Cross' },
      amounts: [
        { unit: 'JPY', amount: 8_000 },
        { unit: 'PTS', amount: 80 },
      ],
      valueJpy: 8_000,
      reversedById: null,
    });
    const grants = (await get('/api/ledger/postings?kind=grant&from=2026-04-01&to=2026-04-30')).json();
    expect(grants.items.map((p: { id: string }) => p.id)).toEqual([grantId]);
    expect((await get(`/api/ledger/postings?partnerId=${partnerId}`)).json().total).toBe(1);
    expect((await get(`/api/ledger/postings?employeeId=${employeeId}&size=1&page=2`)).json()).toMatchObject({
      total: 3,
      page: 2,
      items: [{ kind: 'grant' }],
    });
    expect((await get('/api/ledger/postings?kind=bonus')).statusCode).toBe(400);
  });

  it('shows one posting with its entries and the accounts they move', async () => {
    const res = await get(`/api/ledger/postings/${donationId}`, csr);
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    expect(detail).toMatchObject({ pointValueJpy: 100, createdBy: { displayName: 'finance' } });
    expect(detail.entries).toHaveLength(4);
    const payable = detail.entries.find((e: { accountKind: string }) => e.accountKind === 'payable');
    expect(payable).toMatchObject({ unit: 'JPY', amount: 8_000, valueJpy: 8_000, partner: { code: 'RC' } });
    const points = detail.entries.find((e: { accountKind: string }) => e.accountKind === 'employee_points');
    expect(points).toMatchObject({
      amount: -80,
      valueJpy: -8_000,
      fiscalYear: FY,
      employee: { id: employeeId },
    });
    expect((await get(`/api/ledger/postings/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  it('reverses a posting through the API once, and the same key answers the same reversal', async () => {
    const body = { memo: 'Grant entered twice', idempotencyKey: 'ui-reverse-1' };
    const first = await reverse(grantBId, body);
    expect(first.statusCode, first.body).toBe(201);
    const reversal = first.json();
    expect(reversal.replayed).toBe(false);
    expect(reversal.posting).toMatchObject({ kind: 'grant', reversesId: grantBId, memo: body.memo });
    expect(await balanceOf(ctx, account.employeePoints(employeeId, FY))).toBe(20);
    const again = await reverse(grantBId, body);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ replayed: true, posting: { id: reversal.posting.id } });
    const audited = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'ledger_posting'), eq(auditLog.entityId, reversal.posting.id)));
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({
      action: 'reverse',
      after: { reversesId: grantBId, memo: body.memo },
    });
    const original = (await get(`/api/ledger/postings/${grantBId}`)).json();
    expect(original.reversedById).toBe(reversal.posting.id);
  });

  it('refuses a second reversal, reversing a reversal, a donation, a reused key and an overdraft', async () => {
    const twice = await reverse(grantBId, { memo: 'again', idempotencyKey: 'ui-reverse-2' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('already_reversed');
    const { reversedById } = (await get(`/api/ledger/postings/${grantBId}`)).json();
    expect((await reverse(reversedById, { memo: 'undo', idempotencyKey: 'ui-reverse-3' })).json().code).toBe(
      'cannot_reverse_reversal',
    );
    const donation = await reverse(donationId, { memo: 'refund?', idempotencyKey: 'ui-reverse-7' });
    expect(donation.statusCode).toBe(409);
    expect(donation.json().code).toBe('reversal_not_allowed');
    const reused = await reverse(grantId, { memo: 'other', idempotencyKey: 'ui-reverse-1' });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('idempotency_key_reused');
    await donate('donation-b', 20);
    const overdraw = await reverse(grantId, { memo: 'wrong grant', idempotencyKey: 'ui-reverse-4' });
    expect(overdraw.statusCode).toBe(409);
    expect(overdraw.json().code).toBe('insufficient_points');
    expect((await get(`/api/ledger/postings/${grantId}`)).json().reversedById).toBeNull();
  });

  it('asks for a reason, and lets only finance managers reverse', async () => {
    const noMemo = await reverse(grantId, { memo: '  ', idempotencyKey: 'ui-reverse-5' });
    expect(noMemo.statusCode).toBe(400);
    expect(noMemo.json().fields[0].path).toBe('memo');
    expect((await reverse(grantId, { idempotencyKey: 'ui-reverse-5' })).statusCode).toBe(400);
    expect((await reverse(grantId, { memo: 'x', idempotencyKey: 'ui-reverse-6' }, csr)).statusCode).toBe(403);
    const employee = await signIn(app, org.users.employee.email);
    expect((await get('/api/ledger/postings', employee)).statusCode).toBe(403);
  });

  it('lists what each organisation is owed, with totals per currency', async () => {
    const res = (await get('/api/payables', csr)).json();
    expect(res.items).toEqual([
      expect.objectContaining({
        partner: expect.objectContaining({ code: 'RC', bankReady: false, eligible: true }),
        campaign: null,
        currency: 'JPY',
        amountMinor: 10_000,
        openPayout: null,
      }),
    ]);
    expect(res.totals).toEqual([
      { currency: 'JPY', amountMinor: 10_000, unbatchedMinor: 10_000, partners: 1 },
    ]);
    expect((await get('/api/payables?currency=USD')).json()).toMatchObject({
      items: [],
      total: 0,
      totals: [],
    });
  });
});
