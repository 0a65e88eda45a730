import { sql } from 'drizzle-orm';
import { type Ctx, readConcurrently } from '../../lib/context.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import { participationFigures } from '../volunteering/kpi.queries.js';
import type { ExpenseFigures } from '../reports/report.schema.js';

/**
 * B4SI's leverage of a fiscal year, beside the total and never inside it: what employees gave (money
 * donations and point donations, in yen, from the giving ledger: the payable side of their postings,
 * net of reversals) and the hours they volunteered in their own time (the volunteering module's
 * activity totals: attended shifts and approved hour logs).
 */
export async function leverageOf(ctx: Ctx, startYear: number): Promise<ExpenseFigures['b4si']['leverage']> {
  // The ledger's giving totals of the year (kept by its entry trigger, decision 0016).
  const [rows, participation] = await readConcurrently(ctx, [
    () =>
      rowsOf<{ kind: string; value: unknown }>(
        ctx.db,
        sql`select kind, sum(value_jpy) as value from ledger_giving_totals
          where org_id = ${ctx.orgId} and fiscal_year = ${startYear}
            and kind in ('money_donation', 'point_donation') and account_kind = 'payable'
          group by kind`,
      ),
    () =>
      participationFigures(ctx, {
        current: { fiscalYear: startYear },
        previous: { fiscalYear: startYear - 1 },
        scope: {},
      }),
  ]);
  const value = (kind: string) => toNumber(rows.find((r) => r.kind === kind)?.value);
  let minutes = 0;
  for (const company of participation.values()) minutes += company.current.minutes;
  return {
    employeeDonationsJpy: value('money_donation'),
    pointDonationsJpy: value('point_donation'),
    ownTimeHours: Math.round((minutes / 60) * 100) / 100,
  };
}
