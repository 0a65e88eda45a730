import { sql } from 'drizzle-orm';
import { loadavg } from 'node:os';
import { fiscalYearRange } from '../src/shared/fiscal-year.js';
import type { Database } from '../src/server/db/client.js';
import { systemCtx } from '../src/server/lib/context.js';
import { rowsOf } from '../src/server/lib/sql.js';
import type { Ctx } from '../src/server/lib/context.js';
import { leverageOf } from '../src/server/modules/accounting/totals.leverage.js';
import { expenseTotals } from '../src/server/modules/accounting/totals.js';
import { goalsForYear } from '../src/server/modules/goals/goals.report.js';
import { reportFigures } from '../src/server/modules/reports/report.figures.js';
import {
  disasterFigures,
  driveFigures,
  programLines,
} from '../src/server/modules/reports/report.figures.parts.js';
import { type Bench, fmtInt, heading, ms, note } from './lib.js';
import { buildReportData, EXPENSES, YEARS } from './report-data.js';

const RUNS = 5;
const TARGET_RATIO = 2;
const TARGET_MS = 2000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Where reportFigures spends its time: its parts one by one (median of three runs each). */
async function parts(ctx: Ctx, startYear: number): Promise<string> {
  const range = fiscalYearRange(startYear, 4);
  const steps: Array<[string, () => Promise<unknown>]> = [
    ['expenses (totals.ts, with leverage)', () => expenseTotals(ctx, startYear)],
    ['of which leverage (ledger + activity totals)', () => leverageOf(ctx, startYear)],
    ['goals', () => goalsForYear(ctx, startYear)],
    ['programs', () => programLines(ctx, startYear, range)],
    ['disaster campaigns (campaignTotalsBatch)', () => disasterFigures(ctx, range)],
    ['drives', () => driveFigures(ctx, startYear)],
  ];
  const out: string[] = [];
  for (const [name, fn] of steps) {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await fn();
      runs.push(performance.now() - t);
    }
    out.push(`${name} ${ms(median(runs))}`);
  }
  return out.join('; ');
}

/**
 * The baseline: one hand-written statement over the same tables for the same year — expenses by field
 * and type (company method, B4SI value) and the five-year trend, new registrants and registrants since
 * the plan's start, participations and participants from the sign-ups, and the giving ledger's sums
 * for the year (employee money and points donations, by disaster campaign).
 */
function baseline(database: Database, orgId: string, startYear: number) {
  const { start, end } = fiscalYearRange(startYear, 4);
  return rowsOf(
    database.db,
    sql`select
      (select json_agg(x) from (
        select keidanren_field, type, sum(amount_jpy) as jpy,
          sum(case when type in ('product_donation', 'facility_opening') then coalesce(cost_jpy, amount_jpy) else amount_jpy end) as b4si
        from expenses where org_id = ${orgId} and fiscal_year = ${startYear} and not political group by 1, 2) x) as expenses,
      (select json_agg(x) from (
        select fiscal_year, sum(amount_jpy) as jpy from expenses
        where org_id = ${orgId} and fiscal_year between ${startYear - 4} and ${startYear}
          and type in ('cash_donation', 'sponsorship', 'product_donation', 'facility_opening') group by 1) x) as trend,
      (select count(*) filter (where joined_on >= ${start}::date) from volunteer_registrations
        where org_id = ${orgId} and joined_on <= ${end}::date) as registrants,
      (select json_build_object('participations', count(*), 'participants', count(distinct s.employee_id), 'minutes', sum(s.minutes))
        from signups s join opportunity_shifts sh on sh.id = s.shift_id
        where s.org_id = ${orgId} and s.attendance = 'attended'
          and sh.starts_at >= ${start}::date and sh.starts_at < ${end}::date + 1) as participation,
      (select json_agg(x) from (
        select p.campaign_id, p.kind, sum(e.value_jpy) as jpy, count(distinct p.employee_id) as donors
        from ledger_postings p join ledger_entries e on e.posting_id = p.id
        join ledger_accounts a on a.id = e.account_id and a.kind = 'payable'
        where p.org_id = ${orgId} and p.fiscal_year = ${startYear} and p.kind in ('money_donation', 'point_donation')
        group by 1, 2) x) as ledger`,
  );
}

/**
 * The report of one fiscal year on PostgreSQL (issue #6): `reportFigures` (every figure of the report,
 * as a close snapshots it) over 100,000 employees, 1,000,000 sign-ups, 5,000,000 ledger entries and
 * 500,000 expenses, against one hand-written SQL aggregate over the same tables in the same run.
 * Target: within 2x of the baseline, under 2 s.
 */
export async function reportPostgres(bench: Bench): Promise<void> {
  heading(
    `Report on PostgreSQL: ${fmtInt(bench.employees)} employees, 1,000,000 sign-ups, ` +
      `${fmtInt(bench.employees * YEARS * 10)} ledger entries, ${fmtInt(EXPENSES)} expenses`,
  );
  const pg = await bench.freshPostgres('bench_report');
  try {
    const data = await buildReportData(bench, pg.database, pg.url, pg.orgId);
    const ctx = systemCtx(pg.database.db, pg.orgId, 'bench');
    const warm = await reportFigures(ctx, data.startYear);
    await baseline(pg.database, pg.orgId, data.startYear);
    note(
      `year ${data.startYear}: total ${fmtInt(warm.expenses.totalJpy)} yen, ${fmtInt(warm.volunteering.participants)} participants, ` +
        `${warm.disaster.length} disaster campaigns, leverage ${fmtInt(warm.expenses.b4si.leverage.employeeDonationsJpy)} yen`,
    );
    const report: number[] = [];
    const sqlOnly: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      await reportFigures(ctx, data.startYear);
      report.push(performance.now() - t);
      t = performance.now();
      await baseline(pg.database, pg.orgId, data.startYear);
      sqlOnly.push(performance.now() - t);
    }
    const r = median(report);
    const b = median(sqlOnly);
    const ratio = r / b;
    note(
      `reportFigures: median ${ms(r)} (min ${ms(Math.min(...report))}, max ${ms(Math.max(...report))}, ${RUNS} runs)`,
    );
    note(
      `hand-written SQL aggregate: median ${ms(b)} (min ${ms(Math.min(...sqlOnly))}, max ${ms(Math.max(...sqlOnly))})`,
    );
    note(`parts: ${await parts(ctx, data.startYear)}`);
    note(
      `ratio ${ratio.toFixed(2)}x; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    bench.results.push(
      { bench: 'report', figure: 'PostgreSQL: hand-written SQL aggregate (baseline) median', value: ms(b) },
      {
        bench: 'report',
        figure: 'PostgreSQL: reportFigures (one fiscal year) median',
        value: ms(r),
        target: `< ${TARGET_MS} ms`,
        ok: r < TARGET_MS,
      },
      {
        bench: 'report',
        figure: 'PostgreSQL: reportFigures / baseline',
        value: `${ratio.toFixed(2)}x`,
        target: `<= ${TARGET_RATIO}x`,
        ok: ratio <= TARGET_RATIO,
      },
    );
  } finally {
    await pg.database.close();
  }
}
