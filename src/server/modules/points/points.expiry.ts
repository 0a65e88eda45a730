import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Database } from '../../db/client.js';
import { audit } from '../../lib/audit.js';
import { assertHolds } from '../../lib/authz.js';
import { type Ctx, inTransaction, systemCtx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { account } from '../ledger/ledger.keys.js';
import { post } from '../ledger/ledger.post.js';
import { ledgerAccounts } from '../ledger/ledger.table.js';
import { ledgerSettings, ledgerToday } from '../ledger/ledger.values.js';
import { organisations } from '../organisations/organisations.table.js';
import type { ExpiryResult } from './points.schema.js';
import { yearInfo } from './points.service.js';

/**
 * Expires the points left in a fiscal year that has ended: one posting per employee account with a
 * balance, dated the year's last day, keyed `expiry:{accountId}:{lastEntryId}`. Running it again
 * posts nothing (the balances are zero, or a concurrent run's key answers); points that come back
 * into an ended year later (a refund) make a new last entry, so a later run expires them too.
 * One audit record per run that posted something. Needs organisation-wide points.manage.
 * @throws AppError forbidden, fiscal_year_open (the year has not ended yet).
 */
export async function expireFiscalYear(ctx: Ctx, fiscalYear: number): Promise<ExpiryResult> {
  assertHolds(ctx, 'points.manage', {});
  const s = await ledgerSettings(ctx);
  const year = yearInfo(s, fiscalYear, ctx.locale, ledgerToday());
  if (!year.ended) throw new AppError('fiscal_year_open', { params: { year: year.label } });
  return inTransaction(ctx, async (tx) => {
    const held = await tx.db
      .select({
        id: ledgerAccounts.id,
        employeeId: ledgerAccounts.employeeId,
        balance: ledgerAccounts.balance,
        lastEntryId: sql<unknown>`(select max(e.id) from ledger_entries e where e.account_id = ledger_accounts.id)`,
      })
      .from(ledgerAccounts)
      .where(
        and(
          eq(ledgerAccounts.orgId, tx.orgId),
          eq(ledgerAccounts.kind, 'employee_points'),
          eq(ledgerAccounts.fiscalYear, fiscalYear),
          gt(ledgerAccounts.balance, 0),
        ),
      )
      .orderBy(asc(ledgerAccounts.id));
    let accounts = 0;
    let points = 0;
    for (const a of held) {
      const balance = a.balance as number;
      const employeeId = a.employeeId as string;
      const lastEntryId = String(a.lastEntryId);
      const { replayed } = await post(tx, {
        kind: 'expiry',
        idempotencyKey: `expiry:${a.id}:${lastEntryId}`,
        request: { accountId: a.id, lastEntryId, points: balance },
        fiscalYear,
        effectiveOn: year.expiresOn,
        links: { employeeId },
        lines: [
          { account: account.employeePoints(employeeId, fiscalYear), amount: -balance },
          { account: account.pointsExpired(fiscalYear), amount: balance },
        ],
      });
      if (!replayed) {
        accounts++;
        points += balance;
      }
    }
    if (accounts > 0) {
      await audit(tx, {
        action: 'points.expire',
        entityType: 'ledger_posting',
        after: { fiscalYear, accounts, points, expiredOn: year.expiresOn },
      });
    }
    return { fiscalYear, label: year.label, accounts, points };
  });
}

/** The ended fiscal years that still hold points, oldest first. */
export async function yearsToExpire(ctx: Ctx): Promise<number[]> {
  const s = await ledgerSettings(ctx);
  const today = ledgerToday();
  const rows = await ctx.db
    .selectDistinct({ fiscalYear: ledgerAccounts.fiscalYear })
    .from(ledgerAccounts)
    .where(
      and(
        eq(ledgerAccounts.orgId, ctx.orgId),
        eq(ledgerAccounts.kind, 'employee_points'),
        gt(ledgerAccounts.balance, 0),
      ),
    )
    .orderBy(asc(ledgerAccounts.fiscalYear));
  return rows.map((r) => r.fiscalYear as number).filter((fy) => yearInfo(s, fy, ctx.locale, today).ended);
}

/** Expires every ended year that still holds points (the daily job, and the CLI without a year). */
export async function expireEndedYears(ctx: Ctx): Promise<ExpiryResult[]> {
  const results: ExpiryResult[] = [];
  for (const fy of await yearsToExpire(ctx)) results.push(await expireFiscalYear(ctx, fy));
  return results;
}

/** The daily queue of the points expiry: 00:30 in Tokyo (cron in UTC), after each day's end. */
export const POINTS_EXPIRY_QUEUE = { name: 'points.expiry', cron: '30 15 * * *' } as const;

type Log = { info: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void };

/**
 * One run of the job: every organisation's ended years, as the system. An organisation that fails
 * does not stop the others; the run then fails at the end (and the next day's run tries again).
 */
export async function runPointsExpiry(database: Database, log: Log): Promise<ExpiryResult[]> {
  const orgs = await database.db
    .select({ id: organisations.id, code: organisations.code })
    .from(organisations);
  const all: ExpiryResult[] = [];
  let failure: unknown;
  for (const org of orgs) {
    try {
      const results = await expireEndedYears(systemCtx(database.db, org.id, 'job:points-expiry'));
      for (const r of results.filter((x) => x.accounts > 0))
        log.info({ org: org.code, ...r }, 'points: expired the points left in an ended fiscal year');
      all.push(...results);
    } catch (err) {
      log.error({ err, org: org.code }, 'points: the expiry failed for an organisation');
      failure ??= err;
    }
  }
  if (failure) throw failure;
  return all;
}

/**
 * Creates the daily `points.expiry` queue, its schedule and its worker (called from
 * notifications/jobs.ts with the other queues).
 */
export async function registerPointsExpiry(
  boss: PgBoss,
  database: Database,
  options: { log: Log; pollingIntervalSeconds: number; stopping: () => boolean },
): Promise<void> {
  const q = POINTS_EXPIRY_QUEUE;
  await boss.createQueue(q.name, { name: q.name, policy: 'stately', retryLimit: 1, expireInSeconds: 3600 });
  await boss.schedule(q.name, q.cron);
  await boss.work(q.name, { pollingIntervalSeconds: options.pollingIntervalSeconds }, async () => {
    if (options.stopping()) return;
    await runPointsExpiry(database, options.log);
  });
}
