import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { roleGrants, users } from '../auth/auth.table.js';
import { type Jobs, startJobs } from '../notifications/jobs.js';
import { mailOutbox, notifications } from '../notifications/notifications.table.js';
import { employees } from '../people/people.table.js';
import { LEDGER_CHECK_QUEUE, runLedgerCheck, runScheduledLedgerChecks } from './ledger.checks.js';
import { account } from './ledger.keys.js';
import { post } from './ledger.post.js';
import { ledgerAccounts, ledgerChecks } from './ledger.table.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let other: TestOrg;
let ctx: Ctx;
let finance: Session;
let csr: Session;
let auditor: Session;
let jobs: Jobs | undefined;
let disabledAdmin: string;
const FY = 2026;

const grant = (c: Ctx, employeeId: string, key: string, points: number) =>
  post(c, {
    kind: 'grant',
    idempotencyKey: key,
    request: { points },
    fiscalYear: FY,
    links: { employeeId },
    lines: [
      { account: account.pointsGranted(FY), amount: -points },
      { account: account.employeePoints(employeeId, FY), amount: points },
    ],
  });

const failedNotices = (orgId: string) =>
  database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.orgId, orgId), eq(notifications.kind, 'ledger_check_failed')));

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'CHECKS');
  other = await createTestOrg(database, 'CHECKS2');
  app = await buildTestApp(database);
  ctx = await ctxAs(database, org, 'finance');
  [finance, csr, auditor] = await Promise.all(
    (['finance', 'csr_manager', 'auditor'] as const).map((r) => signIn(app, org.users[r].email)),
  );
  await grant(ctx, org.users.employee.employeeId, 'grant-1', 100);
  await grant(await ctxAs(database, other, 'finance'), other.users.employee.employeeId, 'grant-1', 100);
  // Two more administrators: one without an employee record, one whose account is disabled.
  const [emp] = await database.db
    .insert(employees)
    .values(buildEmployeeRow(org.orgId, org.companies.jp, 90, { email: 'gone.admin@checks.test' }))
    .returning();
  disabledAdmin = emp.id;
  const extra = await database.db
    .insert(users)
    .values([
      { orgId: org.orgId, email: 'script.admin@checks.test', displayName: 'Script admin' },
      {
        orgId: org.orgId,
        email: 'gone.admin@checks.test',
        displayName: 'Gone',
        employeeId: emp.id,
        disabledAt: new Date(),
      },
    ])
    .returning();
  await database.db
    .insert(roleGrants)
    .values(extra.map((u) => ({ orgId: org.orgId, userId: u.id, role: 'org_admin', scopeType: 'org' })));
});
afterAll(async () => {
  await jobs?.stop();
});

describe('the ledger check', () => {
  it('records a sound check and tells no one', async () => {
    const check = await runLedgerCheck(ctx, 'app');
    expect(check).toMatchObject({ ok: true, entries: 2, problems: [], source: 'app' });
    expect(await failedNotices(org.orgId)).toEqual([]);
  });

  it('runs from the API for finance managers, and lists the results latest first', async () => {
    const ran = await app.inject({ method: 'POST', url: '/api/ledger/checks', headers: finance.headers });
    expect(ran.statusCode, ran.body).toBe(201);
    expect(ran.json()).toMatchObject({ ok: true, source: 'app' });
    expect(
      (await app.inject({ method: 'POST', url: '/api/ledger/checks', headers: csr.headers })).statusCode,
    ).toBe(403);
    const list = (
      await app.inject({ method: 'GET', url: '/api/ledger/checks?size=1', headers: auditor.headers })
    ).json();
    expect(list).toMatchObject({ total: 2, items: [{ id: ran.json().id }] });
  });

  it('records a failed check with its problems and alerts every administrator who has an employee record', async () => {
    const [points] = await database.db
      .select()
      .from(ledgerAccounts)
      .where(and(eq(ledgerAccounts.orgId, org.orgId), eq(ledgerAccounts.kind, 'employee_points')));
    // The triggers refuse this; a throwaway test database may switch them off to prove the check sees it.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table ledger_entries disable trigger user`);
      await tx.execute(sql`insert into ledger_entries (org_id, posting_id, account_id, unit, amount, value_jpy)
        select org_id, posting_id, account_id, unit, 5, 500 from ledger_entries where account_id = ${points.id}`);
      await tx.execute(sql`alter table ledger_entries enable trigger user`);
    });
    const res = await app.inject({ method: 'POST', url: '/api/ledger/checks', headers: finance.headers });
    const check = res.json();
    expect(check.ok).toBe(false);
    expect(check.problems.map((p: { code: string }) => p.code)).toEqual([
      'unbalanced_posting',
      'unbalanced_value',
      'balance_mismatch',
    ]);
    expect(check.problems[2]).toMatchObject({ count: 1, sample: [points.id] });
    const [stored] = await database.db.select().from(ledgerChecks).where(eq(ledgerChecks.id, check.id));
    expect(stored).toMatchObject({ ok: false, source: 'app', problems: check.problems });
    const notices = await failedNotices(org.orgId);
    expect(notices.map((n) => n.employeeId)).toEqual([org.users.org_admin.employeeId]);
    expect(notices[0]).toMatchObject({ link: '/finance/ledger', params: { count: 3 } });
    const mails = await database.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.orgId, org.orgId), eq(mailOutbox.kind, 'ledger_check_failed')));
    expect(mails.map((m) => m.toAddress)).toEqual([org.users.org_admin.email]);
    expect(mails[0].textBody).toMatch(/(Stored balances that differ|明細と一致しない保存残高)/);
    expect(mails[0].textBody).toContain(points.id);
    expect(notices.some((n) => n.employeeId === disabledAdmin)).toBe(false);
  });

  it('checks every organisation on schedule, each recorded and alerted on its own', async () => {
    expect(await runScheduledLedgerChecks(database)).toEqual({ checked: 2, failed: 1 });
    const rows = await database.db.select().from(ledgerChecks).where(eq(ledgerChecks.source, 'job'));
    expect(rows.map((r) => [r.orgId, r.ok]).sort()).toEqual(
      [
        [org.orgId, false],
        [other.orgId, true],
      ].sort(),
    );
    expect(await failedNotices(org.orgId)).toHaveLength(2);
    expect(await failedNotices(other.orgId)).toEqual([]);
  });

  it('is a daily pg-boss job', async () => {
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    jobs = await startJobs(database, { mailer: null, log, pollingIntervalSeconds: 0.5 });
    const schedules = await jobs.boss.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron])).toContainEqual([
      LEDGER_CHECK_QUEUE.name,
      LEDGER_CHECK_QUEUE.cron,
    ]);
    const before = (await database.db.select().from(ledgerChecks).where(eq(ledgerChecks.source, 'job')))
      .length;
    await jobs.boss.send(LEDGER_CHECK_QUEUE.name, {});
    const deadline = Date.now() + 30_000;
    let after = before;
    while (after < before + 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      after = (await database.db.select().from(ledgerChecks).where(eq(ledgerChecks.source, 'job'))).length;
    }
    expect(after).toBe(before + 2);
  });
});
