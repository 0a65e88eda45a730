import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { offsetOf, type Page, sortSpec } from '../../lib/pagination.js';
import { toNumber } from '../../lib/sql.js';
import { departments, groupCompanies, sites } from '../organisations/organisations.table.js';
import { EMPLOYEE_SORTS, type Employee, type EmployeeListQuery } from './people.schema.js';
import { employeeSearch } from './people.search.js';
import { employees } from './people.table.js';
import { employeesInScope } from './people.scope.js';

const own = {
  id: employees.id,
  employeeNumber: employees.employeeNumber,
  nameJa: employees.nameJa,
  nameEn: employees.nameEn,
  nameKana: employees.nameKana,
  email: employees.email,
  companyId: employees.companyId,
  siteId: employees.siteId,
  departmentId: employees.departmentId,
  employmentStatus: employees.employmentStatus,
  hireDate: employees.hireDate,
  leaveDate: employees.leaveDate,
};
type Row = Omit<Employee, 'employmentStatus'> & { employmentStatus: string };
export const employeeView = ({ employmentStatus, ...r }: Row): Employee => ({
  ...r,
  employmentStatus: employmentStatus as Employee['employmentStatus'],
});

/** One employee of the organisation with the codes of its company, site and department. */
export async function findEmployee(ctx: Ctx, id: string): Promise<Employee | undefined> {
  const [row] = await ctx.db
    .select({
      ...own,
      companyCode: groupCompanies.code,
      siteCode: sites.code,
      departmentCode: departments.code,
    })
    .from(employees)
    .innerJoin(groupCompanies, eq(groupCompanies.id, employees.companyId))
    .leftJoin(sites, eq(sites.id, employees.siteId))
    .leftJoin(departments, eq(departments.id, employees.departmentId))
    .where(and(eq(employees.orgId, ctx.orgId), eq(employees.id, id)));
  return row && employeeView(row);
}

/**
 * Lists and searches the employees the caller may read. `q` finds an employee number, part of a
 * name (ja or en), the kana reading or the e-mail; an exact employee number comes first.
 *
 * The page is chosen on employees alone and only its rows are joined to their codes. A search counts
 * its matches in the same pass (count(*) over ()), since ranking them already reads every match; a
 * plain list walks an index for the page and counts separately.
 */
export async function listEmployees(ctx: Ctx, query: EmployeeListQuery): Promise<Page<Employee>> {
  const empty = { items: [], total: 0, page: query.page, size: query.size };
  const scope = employeesInScope(ctx, 'people.read');
  if (scope === false) return empty;
  const search = query.q ? employeeSearch(ctx.orgId, query.q) : undefined;
  const where = and(
    search ? search.where : eq(employees.orgId, ctx.orgId),
    scope,
    query.companyId ? eq(employees.companyId, query.companyId) : undefined,
    query.siteId ? eq(employees.siteId, query.siteId) : undefined,
    query.departmentId ? eq(employees.departmentId, query.departmentId) : undefined,
    query.status ? eq(employees.employmentStatus, query.status) : undefined,
  );
  const sort = sortSpec(query.sort, EMPLOYEE_SORTS, 'employeeNumber');
  const direction = sort.desc ? desc : asc;
  const page = ctx.db
    .select({
      ...own,
      exact: (search ? search.exact : sql`false`).as('exact'),
      total: (search ? sql`count(*) over ()` : sql`null::bigint`).as('total'),
    })
    .from(employees)
    .where(where)
    .orderBy(...(search ? [desc(search.exact)] : []), direction(employees[sort.field]), asc(employees.id))
    .limit(query.size)
    .offset(offsetOf(query))
    .as('page');
  const fields = Object.fromEntries(Object.keys(own).map((k) => [k, page[k as keyof typeof own]])) as {
    [K in keyof typeof own]: (typeof page)[K];
  };
  const rows = await ctx.db
    .select({
      ...fields,
      companyCode: groupCompanies.code,
      siteCode: sites.code,
      departmentCode: departments.code,
      total: page.total,
    })
    .from(page)
    .innerJoin(groupCompanies, eq(groupCompanies.id, page.companyId))
    .leftJoin(sites, eq(sites.id, page.siteId))
    .leftJoin(departments, eq(departments.id, page.departmentId))
    .orderBy(desc(page.exact), direction(page[sort.field]), asc(page.id));
  let total = rows.length ? toNumber(rows[0].total) : 0;
  if (!search || (!rows.length && query.page > 1)) {
    [{ total }] = await ctx.db.select({ total: count() }).from(employees).where(where);
    total = toNumber(total);
  }
  return {
    items: rows.map(({ total: _, ...r }) => employeeView(r)),
    total,
    page: query.page,
    size: query.size,
  };
}
