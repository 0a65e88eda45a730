import { sql } from 'drizzle-orm';
import { fiscalYearLabel, fiscalYearRange, reportYearNumber } from '../../../shared/fiscal-year.js';
import { audit } from '../../lib/audit.js';
import { assertHolds } from '../../lib/authz.js';
import { actorUserId, type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { isUniqueViolation, rowsOf, toNumber } from '../../lib/sql.js';
import { currentFiscalYear, ledgerSettings, ledgerToday, yearLabel } from '../ledger/ledger.values.js';
import { reportFigures } from '../reports/report.figures.js';
import { fiscalYearCloses } from './accounting.table.js';
import type { AccountingYear, YearClose } from './closing.schema.js';
import { syncLedgerExpenses } from './ledger-sync.js';
import { closeOf } from './restatements.js';
import { restatementCounts } from './restatements.list.js';
import { companyCondition } from './totals.rules.js';

/**
 * Closes a fiscal year (start year): with the expenses table locked against other writers, posts the
 * ledger's pending company donations first, then stores the year's report figures as the close's
 * snapshot and audits it. From then on the database refuses any change to the year's expenses and
 * FX rates except through a restatement (migration 0016).
 * Needs years.close organisation-wide. Throws forbidden, fiscal_year_closed (already closed),
 * fiscal_year_not_ended (its last day is today or later, in the ledger's time zone).
 */
export async function closeYear(ctx: Ctx, startYear: number, now = new Date()): Promise<YearClose> {
  assertHolds(ctx, 'years.close', {});
  const settings = await ledgerSettings(ctx);
  const { end } = fiscalYearRange(startYear, settings.fiscalYearStartMonth);
  if (ledgerToday(now) <= end)
    throw new AppError('fiscal_year_not_ended', { params: { year: await yearLabel(ctx, startYear) } });
  const closed = async (c: Ctx) =>
    new AppError('fiscal_year_closed', { params: { year: await yearLabel(c, startYear) } });
  try {
    return await inTransaction(ctx, async (tx) => {
      // Writers of any expense wait until the close commits, then the trigger sees the close:
      // nothing lands in the year between the snapshot and the lock. Taken before the ledger sync's
      // inserts, so two closes queue here instead of deadlocking on a lock upgrade.
      await tx.db.execute(sql`lock table expenses in share mode`);
      if (await closeOf(tx, startYear)) throw await closed(tx);
      await syncLedgerExpenses(tx);
      const closedAt = new Date();
      const figures = await reportFigures(tx, startYear);
      const snapshot = { ...figures, closedAt: closedAt.toISOString() };
      await tx.db.insert(fiscalYearCloses).values({
        orgId: tx.orgId,
        fiscalYear: startYear,
        snapshot,
        closedBy: actorUserId(tx),
        closedAt,
      });
      await audit(tx, {
        action: 'fiscal_year.close',
        entityType: 'fiscal_year_close',
        after: { fiscalYear: startYear, totalJpy: figures.expenses.totalJpy, closedAt },
      });
      return { fiscalYear: startYear, closedAt: closedAt.toISOString(), totalJpy: figures.expenses.totalJpy };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw await closed(ctx);
    throw err;
  }
}

type YearRow = {
  fiscal_year: unknown;
  expense_count: unknown;
  total: unknown;
  closed_at: Date | string | null;
  closed_by: string | null;
};

/**
 * The fiscal years finance works with, latest first: every year with expenses or a close, and the
 * current and previous years; each with its expenses (count, company-method total), whether it has
 * ended and is closed (when, by whom) and how many restatements it has.
 */
export async function listYears(ctx: Ctx, now = new Date()): Promise<AccountingYear[]> {
  const s = await ledgerSettings(ctx);
  const fy = { startMonth: s.fiscalYearStartMonth, labelJa: s.fyLabelJa, labelEn: s.fyLabelEn };
  const current = await currentFiscalYear(ctx, now);
  const rows = await rowsOf<YearRow>(
    ctx.db,
    sql`with years as (
        select distinct fiscal_year from expenses where org_id = ${ctx.orgId}
        union select fiscal_year from fiscal_year_closes where org_id = ${ctx.orgId}
        union select ${current}::smallint union select ${current - 1}::smallint
      )
      select y.fiscal_year, coalesce(x.n, 0) as expense_count, coalesce(x.total, 0) as total,
        c.closed_at, u.display_name as closed_by
      from years y
      left join (
        select fiscal_year, count(*) as n, sum(amount_jpy) filter (where ${companyCondition}) as total
        from expenses where org_id = ${ctx.orgId} group by fiscal_year
      ) x on x.fiscal_year = y.fiscal_year
      left join fiscal_year_closes c on c.org_id = ${ctx.orgId} and c.fiscal_year = y.fiscal_year
      left join users u on u.org_id = c.org_id and u.id = c.closed_by
      order by y.fiscal_year desc`,
  );
  const counts = await restatementCounts(ctx);
  const today = ledgerToday(now);
  return rows.map((r) => {
    const year = toNumber(r.fiscal_year);
    const range = fiscalYearRange(year, fy.startMonth);
    return {
      fiscalYear: year,
      reportYear: reportYearNumber(year, fy),
      labelJa: fiscalYearLabel(year, 'ja', fy),
      labelEn: fiscalYearLabel(year, 'en', fy),
      start: range.start,
      end: range.end,
      ended: today > range.end,
      expenseCount: toNumber(r.expense_count),
      totalJpy: toNumber(r.total),
      closed: r.closed_at !== null,
      closedAt: r.closed_at === null ? null : new Date(r.closed_at).toISOString(),
      closedBy: r.closed_by,
      restatementCount: counts.get(year) ?? 0,
    };
  });
}
