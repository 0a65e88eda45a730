import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearRange } from '../../../shared/fiscal-year.js';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { openTestDatabase } from '../../test/db.js';
import {
  buildEmployeeRow,
  buildTestApp,
  createTestOrg,
  ctxAs,
  type Session,
  signIn,
  type TestOrg,
} from '../../test/factories.js';
import { auditLog } from '../audit/audit.table.js';
import { roleGrants } from '../auth/auth.table.js';
import { loadGrants } from '../auth/sessions.service.js';
import { campaigns } from '../giving/giving.table.js';
import { account } from '../ledger/ledger.keys.js';
import { post } from '../ledger/ledger.post.js';
import { currentFiscalYear } from '../ledger/ledger.values.js';
import { partners } from '../partners/partners.table.js';
import { employees } from '../people/people.table.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let finance: Session;
let employee: Session;
let auditor: Session;
let FY: number;
let employeeId: string;

const send = (s: Session, url: string, payload: object) =>
  app.inject({ method: 'POST', url, headers: s.headers, payload });
const get = (s: Session, url: string) => app.inject({ method: 'GET', url, headers: s.headers });

/** A donation of points through the ledger core (the donations module's posting), to see spending. */
async function donatePoints(ctx: Ctx, points: number, links: { campaignId: string; partnerId: string }) {
  return post(ctx, {
    kind: 'point_donation',
    idempotencyKey: `donation-test:${points}:${links.campaignId}`,
    request: { points },
    links: { employeeId, ...links },
    lines: [
      { account: account.employeePoints(employeeId, FY), amount: -points },
      { account: account.pointsDonated(FY), amount: points },
      { account: account.pointsFunding(FY), amount: -points * 100 },
      { account: account.payable(links.partnerId, links.campaignId, 'JPY'), amount: points * 100 },
    ],
  });
}

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'PTS');
  app = await buildTestApp(database);
  finance = await signIn(app, org.users.finance.email);
  employee = await signIn(app, org.users.employee.email);
  auditor = await signIn(app, org.users.auditor.email);
  employeeId = org.users.employee.employeeId;
  FY = await currentFiscalYear(await ctxAs(database, org, 'finance'));
});

describe('point grants', () => {
  it('grants points that the employee sees in their balance and history, audited', async () => {
    const res = await send(finance, '/api/points/grants', {
      employeeId,
      fiscalYear: FY,
      points: 300,
      reference: 'WB-2026-0001',
      note: 'Yearly allowance',
    });
    expect(res.statusCode).toBe(201);
    const grant = res.json();
    expect(grant).toMatchObject({
      reference: 'WB-2026-0001',
      fiscalYear: FY,
      points: 300,
      valueJpy: 30_000,
      note: 'Yearly allowance',
      createdBy: 'finance',
      reversed: false,
      employee: { id: employeeId, employeeNumber: 'PTS-7' },
    });
    const [record] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.orgId), eq(auditLog.action, 'points.grant')));
    expect(record).toMatchObject({ entityType: 'ledger_posting', entityId: grant.postingId });
    expect(record.after).toMatchObject({ reference: 'WB-2026-0001', points: 300, fiscalYear: FY });

    const balance = (await get(employee, '/api/points/balance')).json();
    expect(balance).toMatchObject({ pointValueJpy: 100, currentFiscalYear: FY });
    const { end } = fiscalYearRange(FY, 4);
    expect(balance.items[0]).toEqual({
      fiscalYear: FY,
      label: `${FY}年度`,
      balance: 300,
      granted: 300,
      spent: 0,
      reimbursed: 0,
      donated: 0,
      expired: 0,
      expiresOn: end,
      ended: false,
    });
    const history = (await get(employee, '/api/points/history')).json();
    expect(history.total).toBe(1);
    expect(history.items[0]).toMatchObject({
      postingId: grant.postingId,
      kind: 'grant',
      points: 300,
      valueJpy: 30_000,
      memo: 'Yearly allowance',
      campaign: null,
      partner: null,
      reversal: false,
    });
  });

  it('shows spending with its campaign and organisation, and the year in English', async () => {
    const ctx = await ctxAs(database, org, 'employee');
    const [partner] = await database.db
      .insert(partners)
      .values({
        orgId: org.orgId,
        code: 'JRC',
        nameJa: '日本赤十字社',
        nameEn: 'Japanese Red Cross',
        kind: 'npo',
        eligibleUntil: '2099-12-31',
      })
      .returning();
    const [campaign] = await database.db
      .insert(campaigns)
      .values({
        orgId: org.orgId,
        companyId: org.companies.jp,
        code: 'NOTO',
        kind: 'disaster',
        fundType: 'relief_work',
        titleJa: '能登半島地震',
        titleEn: 'Noto earthquake',
        status: 'open',
        startsOn: `${FY}-04-01`,
        endsOn: `${FY + 1}-03-31`,
      })
      .returning();
    await donatePoints(ctx, 120, { campaignId: campaign.id, partnerId: partner.id });
    const en = { ...employee.headers, 'accept-language': 'en' };
    const balance = (await app.inject({ method: 'GET', url: '/api/points/balance', headers: en })).json();
    expect(balance.items[0]).toMatchObject({
      label: `fiscal ${FY + 1}`,
      balance: 180,
      granted: 300,
      spent: 120,
      donated: 120,
    });
    const history = (await get(employee, `/api/points/history?fiscalYear=${FY}&size=1`)).json();
    expect(history).toMatchObject({ total: 2, page: 1, size: 1 });
    expect(history.items[0]).toMatchObject({
      kind: 'point_donation',
      points: -120,
      valueJpy: -12_000,
      campaign: { id: campaign.id, titleJa: '能登半島地震', titleEn: 'Noto earthquake' },
      partner: { id: partner.id, nameEn: 'Japanese Red Cross' },
    });
  });

  it('answers the same grant for the same reference and content, and refuses other content', async () => {
    const body = { employeeId, fiscalYear: FY, points: 50, reference: 'WB-REPLAY' };
    const first = await send(finance, '/api/points/grants', body);
    const again = await send(finance, '/api/points/grants', body);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    const other = await send(finance, '/api/points/grants', { ...body, points: 51 });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');
    const grants = (await get(finance, '/api/points/grants?q=WB-REPLAY')).json();
    expect(grants.total).toBe(1);
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.orgId), eq(auditLog.entityId, first.json().postingId)));
    expect(audits).toHaveLength(1);
  });

  it('refuses a grant to a fiscal year that has ended, and posts nothing', async () => {
    const res = await send(finance, '/api/points/grants', {
      employeeId,
      fiscalYear: FY - 1,
      points: 10,
      reference: 'WB-LATE',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'fiscal_year_ended' });
    expect(res.json().detail ?? res.json().title).toContain(`${FY - 1}年度`);
    expect((await get(finance, '/api/points/grants?q=WB-LATE')).json().total).toBe(0);
  });

  it('rejects unknown fields, bad amounts and unknown employees', async () => {
    const base = { employeeId, fiscalYear: FY, points: 10, reference: 'WB-BAD' };
    expect((await send(finance, '/api/points/grants', { ...base, extra: 1 })).statusCode).toBe(400);
    expect((await send(finance, '/api/points/grants', { ...base, points: 0 })).statusCode).toBe(400);
    expect((await send(finance, '/api/points/grants', { ...base, points: 1.5 })).statusCode).toBe(400);
    const missing = await send(finance, '/api/points/grants', {
      ...base,
      employeeId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('who may grant and read', () => {
  it('lets an employee read only their own points, never grant or list grants', async () => {
    const body = { employeeId, fiscalYear: FY, points: 1000, reference: 'SELF' };
    expect((await send(employee, '/api/points/grants', body)).statusCode).toBe(403);
    expect((await get(employee, '/api/points/grants')).statusCode).toBe(403);
    expect((await get(employee, '/api/points/accounts')).statusCode).toBe(403);
    expect((await send(employee, '/api/points/expiry', { fiscalYear: FY - 1 })).statusCode).toBe(403);
  });

  it('lets an auditor read grants, one grant and the summary, and change nothing', async () => {
    const list = await get(auditor, '/api/points/grants');
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThanOrEqual(2);
    const one = await get(auditor, `/api/points/grants/${list.json().items[0].postingId}`);
    expect(one.statusCode).toBe(200);
    const summary = await get(auditor, '/api/points/accounts');
    expect(summary.statusCode).toBe(200);
    expect(summary.json().items[0]).toMatchObject({
      fiscalYear: FY,
      employees: 1,
      granted: 350,
      donated: 120,
      reimbursed: 0,
      expired: 0,
      outstanding: 230,
      outstandingJpy: 23_000,
      ended: false,
    });
    const body = { employeeId, fiscalYear: FY, points: 5, reference: 'AUDITOR' };
    expect((await send(auditor, '/api/points/grants', body)).statusCode).toBe(403);
  });

  it('keeps a company-scoped finance user to the employees of their company', async () => {
    const [usEmployee] = await database.db
      .insert(employees)
      .values(buildEmployeeRow(org.orgId, org.companies.us, 501, { employeeNumber: 'US-501' }))
      .returning();
    // The finance account loses its organisation-wide grant and keeps finance for US01 only.
    const financeId = org.users.finance.id;
    await database.db
      .delete(roleGrants)
      .where(and(eq(roleGrants.userId, financeId), eq(roleGrants.role, 'finance')));
    await database.db.insert(roleGrants).values({
      orgId: org.orgId,
      userId: financeId,
      role: 'finance',
      scopeType: 'company',
      companyId: org.companies.us,
    });
    expect(await loadGrants(database.db, org.orgId, financeId)).toContainEqual(
      expect.objectContaining({ role: 'finance', scopeType: 'company' }),
    );
    const usFinance = await signIn(app, org.users.finance.email);
    const jp = { employeeId, fiscalYear: FY, points: 5, reference: 'SCOPE-JP' };
    expect((await send(usFinance, '/api/points/grants', jp)).statusCode).toBe(403);
    const us = { employeeId: usEmployee.id, fiscalYear: FY, points: 5, reference: 'SCOPE-US' };
    expect((await send(usFinance, '/api/points/grants', us)).statusCode).toBe(201);
    const list = (await get(usFinance, '/api/points/grants')).json();
    expect(list.items.map((g: { reference: string }) => g.reference)).toEqual(['SCOPE-US']);
    const jpGrant = (await get(auditor, '/api/points/grants?q=WB-2026-0001')).json().items[0];
    expect((await get(usFinance, `/api/points/grants/${jpGrant.postingId}`)).statusCode).toBe(404);
    // Expiry is organisation-wide: a company-scoped grant does not cover it.
    expect((await send(usFinance, '/api/points/expiry', { fiscalYear: FY - 1 })).statusCode).toBe(403);
  });

  it('does not show one organisation’s grants to another', async () => {
    const other = await createTestOrg(database, 'PTSB');
    const otherAdmin = await signIn(app, other.users.org_admin.email);
    expect((await get(otherAdmin, '/api/points/grants')).json().total).toBe(0);
    const ours = (await get(auditor, '/api/points/grants')).json().items[0];
    expect((await get(otherAdmin, `/api/points/grants/${ours.postingId}`)).statusCode).toBe(404);
    const body = { employeeId, fiscalYear: FY, points: 5, reference: 'CROSS' };
    expect((await send(otherAdmin, '/api/points/grants', body)).statusCode).toBe(404);
  });
});
