import { sql } from 'drizzle-orm';
import { fiscalYearRange } from '../../../shared/fiscal-year.js';
import type { Ctx } from '../../lib/context.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import { ledgerSettings } from '../ledger/ledger.values.js';
import { participationFigures } from '../volunteering/kpi.queries.js';
import type { ExpenseFigures } from '../reports/report.schema.js';

/**
 * B4SI's leverage of a fiscal year, beside the total and never inside it: what employees gave (money
 * donations and point donations, in yen, from the giving ledger: the payable side of their postings,
 * net of reversals) and the hours they volunteered in their own time (the volunteering module's
 * activity totals: attended shifts and approved hour logs).
 */
export async function leverageOf(ctx: Ctx, startYear: number): Promise<ExpenseFigures['b4si']['leverage']> {
  const { fiscalYearStartMonth: month } = await ledgerSettings(ctx);
  // The posting's fiscal year decides; the date window (a year either side) lets the
  // (org, kind, effective_on) index skip the other years' postings. Three steps the planner cannot
  // reorder (materialized): the year's postings, their entries by posting (through the array), the
  // payable accounts. Left to itself it starts from the payables, estimated at 400 entries each,
  // and reads every year's donations on them.
  const from = fiscalYearRange(startYear - 1, month).start;
  const to = fiscalYearRange(startYear + 1, month).end;
  const rows = await rowsOf<{ kind: string; value: unknown }>(
    ctx.db,
    sql`with p as materialized (
        select id, kind from ledger_postings
        where org_id = ${ctx.orgId} and kind in ('money_donation', 'point_donation')
          and effective_on between ${from} and ${to} and fiscal_year = ${startYear}),
      e as materialized (
        select posting_id, account_id, value_jpy from ledger_entries
        where posting_id = any(array(select id from p))),
      a as materialized (select id from ledger_accounts where org_id = ${ctx.orgId} and kind = 'payable')
      select p.kind, sum(e.value_jpy) as value
      from e
      join p on p.id = e.posting_id
      join a on a.id = e.account_id
      group by p.kind`,
  );
  const value = (kind: string) => toNumber(rows.find((r) => r.kind === kind)?.value);
  const participation = await participationFigures(ctx, {
    current: { fiscalYear: startYear },
    previous: { fiscalYear: startYear - 1 },
    scope: {},
  });
  let minutes = 0;
  for (const company of participation.values()) minutes += company.current.minutes;
  return {
    employeeDonationsJpy: value('money_donation'),
    pointDonationsJpy: value('point_donation'),
    ownTimeHours: Math.round((minutes / 60) * 100) / 100,
  };
}
