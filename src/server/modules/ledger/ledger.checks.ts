import { and, asc, count, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Locale } from '../../../shared/fiscal-year.js';
import { createI18n } from '../../../shared/i18n/index.js';
import type { Database } from '../../db/client.js';
import { type Ctx, inTransaction, systemCtx } from '../../lib/context.js';
import type { Page } from '../../lib/pagination.js';
import { toNumber } from '../../lib/sql.js';
import { roleGrants, users } from '../auth/auth.table.js';
import { notify } from '../notifications/notify.js';
import { organisations } from '../organisations/organisations.table.js';
import type { LedgerCheckView } from './ledger.schema.js';
import { ledgerChecks } from './ledger.table.js';
import { type LedgerProblem, verifyLedger } from './ledger.verify.js';

export type CheckSource = LedgerCheckView['source'];

/** The daily check: 03:30 in Tokyo (cron in UTC), after the night's imports and before office hours. */
export const LEDGER_CHECK_QUEUE = { name: 'ledger.check', cron: '30 18 * * *' } as const;

const i18n = createI18n('en');

/** A problem's name in a language ("Postings that do not sum to zero"), or its code when unknown. */
export function problemLabel(code: string, locale: Locale): string {
  return i18n.t(`finance:checks.problem.${code}`, { lng: locale, defaultValue: code });
}

/** The problems as lines of text in both languages, for the alert's mail. */
export function problemsText(problems: LedgerProblem[]): { ja: string; en: string } {
  const text = (lng: Locale) =>
    problems
      .map((p) =>
        i18n.t('finance:checks.problemLine', {
          lng,
          label: problemLabel(p.code, lng),
          code: p.code,
          count: p.count,
          sample: p.sample.join(', '),
        }),
      )
      .join('\n');
  return { ja: text('ja'), en: text('en') };
}

const view = (r: typeof ledgerChecks.$inferSelect): LedgerCheckView => ({
  id: r.id,
  source: r.source as CheckSource,
  ok: r.ok,
  entries: r.entries,
  problems: r.problems as LedgerProblem[],
  ranAt: r.ranAt.toISOString(),
});

/** The organisation's administrators who can be told: an active account linked to an employee record. */
async function adminEmployees(ctx: Ctx): Promise<string[]> {
  const rows = await ctx.db
    .selectDistinct({ employeeId: users.employeeId })
    .from(users)
    .innerJoin(roleGrants, and(eq(roleGrants.orgId, users.orgId), eq(roleGrants.userId, users.id)))
    .where(
      and(
        eq(users.orgId, ctx.orgId),
        eq(roleGrants.role, 'org_admin'),
        isNotNull(users.employeeId),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.employeeId));
  return rows.flatMap((r) => (r.employeeId ? [r.employeeId] : []));
}

/**
 * Checks the organisation's ledger (verifyLedger), records the result, and when it finds problems
 * tells every administrator with an employee record (ledger_check_failed, in-app and by mail).
 */
export async function runLedgerCheck(ctx: Ctx, source: CheckSource): Promise<LedgerCheckView> {
  const result = await verifyLedger(ctx.db, ctx.orgId);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(ledgerChecks)
      .values({ orgId: tx.orgId, source, ok: result.ok, problems: result.problems, entries: result.entries })
      .returning();
    if (!result.ok) {
      const total = result.problems.reduce((n, p) => n + p.count, 0);
      const problems = problemsText(result.problems);
      for (const employeeId of await adminEmployees(tx))
        await notify(tx, {
          employeeId,
          kind: 'ledger_check_failed',
          params: { count: total, problems },
          link: '/finance/ledger',
          dedupeKey: `ledger-check:${row.id}:${employeeId}`,
        });
    }
    return view(row);
  });
}

/** The results of the ledger check, latest first. */
export async function listChecks(
  ctx: Ctx,
  q: { page: number; size: number },
): Promise<Page<LedgerCheckView>> {
  const where = eq(ledgerChecks.orgId, ctx.orgId);
  const [{ total }] = await ctx.db.select({ total: count() }).from(ledgerChecks).where(where);
  const rows = await ctx.db
    .select()
    .from(ledgerChecks)
    .where(where)
    .orderBy(desc(ledgerChecks.ranAt), desc(ledgerChecks.id))
    .limit(q.size)
    .offset((q.page - 1) * q.size);
  return { items: rows.map(view), total: toNumber(total), page: q.page, size: q.size };
}

/** The scheduled run: every organisation's ledger, each recorded (and alerted) on its own. */
export async function runScheduledLedgerChecks(
  database: Database,
): Promise<{ checked: number; failed: number }> {
  const orgs = await database.db
    .select({ id: organisations.id })
    .from(organisations)
    .orderBy(asc(organisations.code));
  let failed = 0;
  for (const org of orgs) {
    const check = await runLedgerCheck(systemCtx(database.db, org.id, 'job:ledger-check'), 'job');
    if (!check.ok) failed++;
  }
  return { checked: orgs.length, failed };
}

type Log = { info(obj: object, msg: string): void; error(obj: object, msg: string): void };

/** Creates the daily ledger-check queue, its schedule and its worker (called by startJobs). */
export async function registerLedgerCheckJob(
  boss: PgBoss,
  database: Database,
  options: {
    log: Log;
    pollingIntervalSeconds: number;
    stopping: () => boolean;
    kickMail: () => Promise<void>;
  },
): Promise<void> {
  const q = LEDGER_CHECK_QUEUE;
  await boss.createQueue(q.name, { name: q.name, policy: 'stately', retryLimit: 0, expireInSeconds: 900 });
  await boss.schedule(q.name, q.cron);
  await boss.work(q.name, { pollingIntervalSeconds: options.pollingIntervalSeconds }, async () => {
    if (options.stopping()) return;
    const r = await runScheduledLedgerChecks(database);
    if (r.failed > 0) {
      options.log.error({ ...r }, 'ledger check: problems found');
      await options.kickMail();
    } else options.log.info({ ...r }, 'ledger check: sound');
  });
}
