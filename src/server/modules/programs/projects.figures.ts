import { sql } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import type { FiscalYearRange } from './records.fields.js';

/** A program's projects in one fiscal year (start year). */
export type ProjectYearFigures = {
  fiscalYear: number;
  /** Projects of that year, cancelled ones left out. */
  projects: number;
  /** Of them, completed. */
  completed: number;
  /** The sum of the quantities of those projects' outcomes ("14 projects born"). */
  outcomesQuantity: number;
  /** Distinct employees on those projects' teams. */
  teamMembers: number;
};

/**
 * Projects per fiscal year of a program, one entry per year of the range (zeros included). No
 * permission check: the caller (programFigures) has checked the program.
 */
export async function projectFigures(
  ctx: Ctx,
  programId: string,
  range: FiscalYearRange,
): Promise<ProjectYearFigures[]> {
  const rows = await rowsOf<Record<string, unknown>>(
    ctx.db,
    sql`
      with years as (select generate_series(${range.from}::int, ${range.to}::int) as fy),
      p as (
        select id, fiscal_year, status from program_projects
        where org_id = ${ctx.orgId} and program_id = ${programId} and status <> 'cancelled'
          and fiscal_year between ${range.from} and ${range.to}
      ),
      o as (
        select p.fiscal_year, sum(i.quantity) as quantity
        from program_project_items i join p on p.id = i.project_id
        where i.org_id = ${ctx.orgId} and i.kind = 'outcome'
        group by p.fiscal_year
      ),
      m as (
        select p.fiscal_year, count(distinct mb.employee_id) as members
        from program_project_members mb join p on p.id = mb.project_id
        where mb.org_id = ${ctx.orgId}
        group by p.fiscal_year
      )
      select y.fy,
        (select count(*) from p where p.fiscal_year = y.fy) as projects,
        (select count(*) from p where p.fiscal_year = y.fy and p.status = 'completed') as completed,
        coalesce((select quantity from o where o.fiscal_year = y.fy), 0) as quantity,
        coalesce((select members from m where m.fiscal_year = y.fy), 0) as members
      from years y order by y.fy`,
  );
  return rows.map((r) => ({
    fiscalYear: toNumber(r.fy),
    projects: toNumber(r.projects),
    completed: toNumber(r.completed),
    outcomesQuantity: toNumber(r.quantity),
    teamMembers: toNumber(r.members),
  }));
}
