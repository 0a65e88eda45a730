import { sql } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import type { FiscalYearRange } from './records.fields.js';

/** A program's graduates in one fiscal year (start year). */
export type CohortYearFigures = {
  fiscalYear: number;
  /** Graduates of the cohorts of that year. */
  graduates: number;
  /** Graduates of every cohort up to and including that year. */
  graduatesCumulative: number;
  /** Graduates the program supported in that year (their ventures). */
  supportedVentures: number;
};

/**
 * Graduates per fiscal year of a program, one entry per year of the range (zeros included). No
 * permission check: the caller (programFigures) has checked the program.
 */
export async function cohortFigures(
  ctx: Ctx,
  programId: string,
  range: FiscalYearRange,
): Promise<CohortYearFigures[]> {
  const rows = await rowsOf<{ fy: number; graduates: unknown; supported: unknown; before: unknown }>(
    ctx.db,
    sql`
      with years as (select generate_series(${range.from}::int, ${range.to}::int) as fy),
      g as (
        select c.fiscal_year as cohort_year, g.supported_fiscal_year
        from program_graduates g
        join program_cohorts c on c.org_id = g.org_id and c.id = g.cohort_id
        where g.org_id = ${ctx.orgId} and g.program_id = ${programId}
      )
      select y.fy,
        (select count(*) from g where g.cohort_year = y.fy) as graduates,
        (select count(*) from g where g.cohort_year <= y.fy) as before,
        (select count(*) from g where g.supported_fiscal_year = y.fy) as supported
      from years y order by y.fy`,
  );
  return rows.map((r) => ({
    fiscalYear: toNumber(r.fy),
    graduates: toNumber(r.graduates),
    graduatesCumulative: toNumber(r.before),
    supportedVentures: toNumber(r.supported),
  }));
}
