import { sql } from 'drizzle-orm';
import { fiscalYearLabel } from '../../../shared/fiscal-year.js';
import type { Ctx } from '../../lib/context.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import { ledgerSettings } from '../ledger/ledger.values.js';
import type { ExpenseFigures } from '../reports/report.schema.js';
import { companyCondition } from './totals.rules.js';

/** How many fiscal years the trend shows at most (the seeds show three; five leaves room). */
export const TREND_YEARS = 5;

/**
 * The company's method's total per fiscal year, oldest first, ending with `startYear`: up to
 * TREND_YEARS years, from the first year with any expense (the year itself always, even when empty).
 */
export async function expenseTrend(ctx: Ctx, startYear: number): Promise<ExpenseFigures['trend']> {
  const from = startYear - TREND_YEARS + 1;
  const [firstRow] = await rowsOf<{ first: unknown }>(
    ctx.db,
    sql`select min(fiscal_year) as first from expenses where org_id = ${ctx.orgId}`,
  );
  const rows = await rowsOf<{ fiscal_year: unknown; total: unknown }>(
    ctx.db,
    sql`select expenses.fiscal_year, sum(expenses.amount_jpy) filter (where ${companyCondition}) as total
      from expenses
      where expenses.org_id = ${ctx.orgId} and expenses.fiscal_year between ${from} and ${startYear}
      group by expenses.fiscal_year`,
  );
  const totals = new Map(rows.map((r) => [toNumber(r.fiscal_year), toNumber(r.total)]));
  const first = firstRow?.first == null ? startYear : toNumber(firstRow.first);
  const s = await ledgerSettings(ctx);
  const settings = { startMonth: s.fiscalYearStartMonth, labelJa: s.fyLabelJa, labelEn: s.fyLabelEn };
  const out: ExpenseFigures['trend'] = [];
  for (let y = Math.max(from, Math.min(first, startYear)); y <= startYear; y++) {
    out.push({
      fiscalYear: y,
      labelJa: fiscalYearLabel(y, 'ja', settings),
      labelEn: fiscalYearLabel(y, 'en', settings),
      totalJpy: totals.get(y) ?? 0,
      ref: `expenses.trend.${y}`,
    });
  }
  return out;
}
