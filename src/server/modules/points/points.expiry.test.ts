import { and, eq, like } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearRange } from '../../../shared/fiscal-year.js';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { openTestDatabase } from '../../test/db.js';
import { buildTestApp, createTestOrg, ctxAs, signIn, type TestOrg } from '../../test/factories.js';
import { auditLog } from '../audit/audit.table.js';
import { balanceOf } from '../ledger/ledger.accounts.js';
import { account } from '../ledger/ledger.keys.js';
import { post, reverse } from '../ledger/ledger.post.js';
import { ledgerPostings } from '../ledger/ledger.table.js';
import { currentFiscalYear } from '../ledger/ledger.values.js';
import { jobsDb } from '../notifications/jobs.js';
import { partners } from '../partners/partners.table.js';
import { myBalance, pointsAccounts } from './points.balance.js';
import {
  expireEndedYears,
  expireFiscalYear,
  POINTS_EXPIRY_QUEUE,
  registerPointsExpiry,
  runPointsExpiry,
} from './points.expiry.js';

let database: Database;
let app: FastifyInstance;
let FY: number;
const log = { info: () => undefined, error: (e: unknown) => errors.push(e) };
const errors: unknown[] = [];

/** Points in a year through the ledger core: the service refuses grants to ended years, as it should. */
async function grant(ctx: Ctx, employeeId: string, fiscalYear: number, points: number, key: string) {
  const { start } = fiscalYearRange(fiscalYear, 4);
  return post(ctx, {
    kind: 'grant',
    idempotencyKey: `grant:${key}`,
    request: { employeeId, fiscalYear, points },
    fiscalYear,
    effectiveOn: start,
    links: { employeeId },
    lines: [
      { account: account.pointsGranted(fiscalYear), amount: -points },
      { account: account.employeePoints(employeeId, fiscalYear), amount: points },
    ],
  });
}

async function donate(ctx: Ctx, employeeId: string, fiscalYear: number, points: number, partnerId: string) {
  return post(ctx, {
    kind: 'point_donation',
    idempotencyKey: `donation:${employeeId}:${fiscalYear}:${points}`,
    request: { points },
    fiscalYear,
    effectiveOn: fiscalYearRange(fiscalYear, 4).start,
    links: { employeeId, partnerId },
    lines: [
      { account: account.employeePoints(employeeId, fiscalYear), amount: -points },
      { account: account.pointsDonated(fiscalYear), amount: points },
      { account: account.pointsFunding(fiscalYear), amount: -points * 100 },
      { account: account.payable(partnerId, null, 'JPY'), amount: points * 100 },
    ],
  });
}

/** An organisation whose employee and promoter hold points last year and this year. */
async function orgWithPoints(code: string) {
  const org = await createTestOrg(database, code);
  const ctx = await ctxAs(database, org, 'finance');
  const e = org.users.employee.employeeId;
  const p = org.users.promoter.employeeId;
  await grant(ctx, e, FY - 1, 100, `${code}-e-last`);
  await grant(ctx, p, FY - 1, 40, `${code}-p-last`);
  await grant(ctx, e, FY, 70, `${code}-e-now`);
  return { org, ctx, e, p };
}

const points = (ctx: Ctx, employeeId: string, fy: number) =>
  balanceOf(ctx, account.employeePoints(employeeId, fy));
const expiryAudits = (org: TestOrg) =>
  database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, org.orgId), eq(auditLog.action, 'points.expire')));

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database);
  FY = await currentFiscalYear(await ctxAs(database, await createTestOrg(database, 'PEXX'), 'finance'));
});

describe('points expiry', () => {
  it('expires what is left of an ended year on its last day, and nothing the second time', async () => {
    const { org, ctx, e, p } = await orgWithPoints('PEXA');
    const first = await expireFiscalYear(ctx, FY - 1);
    expect(first).toEqual({ fiscalYear: FY - 1, label: `fiscal ${FY}`, accounts: 2, points: 140 });
    expect(await points(ctx, e, FY - 1)).toBe(0);
    expect(await points(ctx, p, FY - 1)).toBe(0);
    expect(await points(ctx, e, FY)).toBe(70);
    expect(await balanceOf(ctx, account.pointsExpired(FY - 1))).toBe(140);
    const postings = await database.db
      .select()
      .from(ledgerPostings)
      .where(and(eq(ledgerPostings.orgId, org.orgId), eq(ledgerPostings.kind, 'expiry')));
    expect(postings).toHaveLength(2);
    expect(postings.every((x) => x.effectiveOn === fiscalYearRange(FY - 1, 4).end)).toBe(true);
    expect(postings.every((x) => x.fiscalYear === FY - 1 && x.idempotencyKey.startsWith('expiry:'))).toBe(
      true,
    );

    const second = await expireFiscalYear(ctx, FY - 1);
    expect(second).toMatchObject({ accounts: 0, points: 0 });
    const after = await database.db
      .select()
      .from(ledgerPostings)
      .where(and(eq(ledgerPostings.orgId, org.orgId), eq(ledgerPostings.kind, 'expiry')));
    expect(after).toHaveLength(2);
    const audits = await expiryAudits(org);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entityType: 'ledger_posting' });
    expect(audits[0].after).toMatchObject({ fiscalYear: FY - 1, accounts: 2, points: 140 });

    const employeeCtx = await ctxAs(database, org, 'employee');
    const last = (await myBalance(employeeCtx)).items.find((y) => y.fiscalYear === FY - 1);
    expect(last).toMatchObject({ balance: 0, granted: 100, expired: 100, ended: true });
    const summary = (await pointsAccounts(ctx)).items.find((y) => y.fiscalYear === FY - 1);
    expect(summary).toMatchObject({ granted: 140, expired: 140, outstanding: 0, employees: 2 });
  });

  it('is safe when two runs race: each account is expired once', async () => {
    const { org, ctx } = await orgWithPoints('PEXB');
    const other = await ctxAs(database, org, 'org_admin');
    const runs = await Promise.all([expireFiscalYear(ctx, FY - 1), expireFiscalYear(other, FY - 1)]);
    expect(runs.reduce((n, r) => n + r.points, 0)).toBe(140);
    const expiries = await database.db
      .select()
      .from(ledgerPostings)
      .where(and(eq(ledgerPostings.orgId, org.orgId), eq(ledgerPostings.kind, 'expiry')));
    expect(expiries).toHaveLength(2);
    expect(await balanceOf(ctx, account.pointsExpired(FY - 1))).toBe(140);
  });

  it('expires points that come back into an ended year (a refund) with a new key', async () => {
    const { org, ctx, e } = await orgWithPoints('PEXC');
    const [partner] = await database.db
      .insert(partners)
      .values({ orgId: org.orgId, code: 'NPO', nameJa: 'NPO', kind: 'npo', eligibleUntil: '2099-12-31' })
      .returning();
    const gift = await donate(ctx, e, FY - 1, 30, partner.id);
    expect(await expireFiscalYear(ctx, FY - 1)).toMatchObject({ accounts: 2, points: 110 });
    await reverse(ctx, gift.posting.id, { idempotencyKey: `refund:${gift.posting.id}` });
    expect(await points(ctx, e, FY - 1)).toBe(30);
    expect(await expireFiscalYear(ctx, FY - 1)).toMatchObject({ accounts: 1, points: 30 });
    expect(await expireFiscalYear(ctx, FY - 1)).toMatchObject({ accounts: 0, points: 0 });
    expect(await balanceOf(ctx, account.pointsExpired(FY - 1))).toBe(140);
    const keys = await database.db
      .select({ key: ledgerPostings.idempotencyKey })
      .from(ledgerPostings)
      .where(and(eq(ledgerPostings.orgId, org.orgId), like(ledgerPostings.idempotencyKey, 'expiry:%')));
    expect(new Set(keys.map((k) => k.key)).size).toBe(3);
  });

  it('refuses a year that has not ended, and needs organisation-wide points.manage', async () => {
    const { org, ctx, e } = await orgWithPoints('PEXD');
    await expect(expireFiscalYear(ctx, FY)).rejects.toMatchObject({ code: 'fiscal_year_open' });
    expect(await points(ctx, e, FY)).toBe(70);
    const csr = await ctxAs(database, org, 'csr_manager');
    await expect(expireFiscalYear(csr, FY - 1)).rejects.toMatchObject({ code: 'forbidden' });

    const finance = await signIn(app, org.users.finance.email);
    const open = await app.inject({
      method: 'POST',
      url: '/api/points/expiry',
      headers: finance.headers,
      payload: { fiscalYear: FY },
    });
    expect(open.statusCode).toBe(409);
    expect(open.json().code).toBe('fiscal_year_open');
    const ended = await app.inject({
      method: 'POST',
      url: '/api/points/expiry',
      headers: finance.headers,
      payload: { fiscalYear: FY - 1 },
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ fiscalYear: FY - 1, label: `${FY - 1}年度`, accounts: 2, points: 140 });
  });

  it('expires every ended year of every organisation in the daily job, and leaves open years', async () => {
    const a = await orgWithPoints('PEXE');
    const b = await orgWithPoints('PEXF');
    await grant(a.ctx, a.e, FY - 2, 5, 'PEXE-e-older');
    const results = await runPointsExpiry(database, log);
    expect(results.filter((r) => r.accounts > 0).length).toBeGreaterThanOrEqual(3);
    for (const { ctx, e, p } of [a, b]) {
      expect(await points(ctx, e, FY - 1)).toBe(0);
      expect(await points(ctx, p, FY - 1)).toBe(0);
      expect(await points(ctx, e, FY)).toBe(70);
    }
    expect(await points(a.ctx, a.e, FY - 2)).toBe(0);
    expect(await expireEndedYears(a.ctx)).toEqual([]);
  });
});

describe('the daily expiry job', () => {
  let boss: PgBoss | undefined;
  afterAll(async () => {
    await boss?.stop({ graceful: false, wait: true });
  });

  it('is scheduled daily and expires ended years when it runs', async () => {
    const { ctx, e } = await orgWithPoints('PEXG');
    boss = new PgBoss({ db: jobsDb(database), schema: 'pgboss', migrate: true });
    await boss.start();
    let stopping = false;
    await registerPointsExpiry(boss, database, {
      log,
      pollingIntervalSeconds: 0.5,
      stopping: () => stopping,
    });
    const schedules = await boss.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron])).toContainEqual([
      POINTS_EXPIRY_QUEUE.name,
      POINTS_EXPIRY_QUEUE.cron,
    ]);
    await boss.send(POINTS_EXPIRY_QUEUE.name, {});
    const deadline = Date.now() + 30_000;
    while ((await points(ctx, e, FY - 1)) !== 0) {
      if (Date.now() > deadline) throw new Error('the expiry job did not run');
      await new Promise((r) => setTimeout(r, 200));
    }
    stopping = true;
    expect(await points(ctx, e, FY)).toBe(70);
  });
});
