import { and, asc, count, desc, eq, gte, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { offsetOf, type Page, sortSpec } from '../../lib/pagination.js';
import { toNumber } from '../../lib/sql.js';
import { groupCompanies, sites } from '../organisations/organisations.table.js';
import { employeeSearch } from '../people/people.search.js';
import { employees } from '../people/people.table.js';
import { type Registration, VOLUNTEER_SORTS, type VolunteerListQuery } from './registrations.schema.js';
import { registrationColumns, registrationView } from './registrations.view.js';
import { volunteerRegistrations as reg } from './volunteering.table.js';
import { employeesInScope } from '../people/people.scope.js';

const SORT_COLUMNS = {
  joinedOn: reg.joinedOn,
  employeeNumber: employees.employeeNumber,
  nameKana: employees.nameKana,
} as const;

/**
 * The volunteer database: registrations of the employees in the caller's scope (a company grant sees
 * that company's employees, a site grant its site's), filtered and paged. `q` is the employee search
 * (number, names, kana, e-mail; the exact number first).
 */
export async function listVolunteers(ctx: Ctx, query: VolunteerListQuery): Promise<Page<Registration>> {
  const scope = employeesInScope(ctx, 'volunteers.read');
  if (scope === false) return { items: [], total: 0, page: query.page, size: query.size };
  const search = query.q ? employeeSearch(ctx.orgId, query.q) : undefined;
  const where = and(
    eq(reg.orgId, ctx.orgId),
    search?.where,
    scope,
    query.companyId ? eq(employees.companyId, query.companyId) : undefined,
    query.siteId ? eq(employees.siteId, query.siteId) : undefined,
    query.field ? sql`${reg.interestFields} @> array[${query.field}]::text[]` : undefined,
    query.skill ? sql`${reg.skills} @> array[${query.skill}]::text[]` : undefined,
    query.status === 'active'
      ? isNull(reg.leftOn)
      : query.status === 'left'
        ? isNotNull(reg.leftOn)
        : undefined,
    query.joinedFrom ? gte(reg.joinedOn, query.joinedFrom) : undefined,
    query.joinedTo ? lte(reg.joinedOn, query.joinedTo) : undefined,
  );
  const joinEmployee = and(eq(employees.orgId, reg.orgId), eq(employees.id, reg.employeeId));
  const sort = sortSpec(query.sort ?? '-joinedOn', VOLUNTEER_SORTS, 'joinedOn');
  const direction = sort.desc ? desc : asc;
  const rows = await ctx.db
    .select(registrationColumns)
    .from(reg)
    .innerJoin(employees, joinEmployee)
    .innerJoin(groupCompanies, eq(groupCompanies.id, employees.companyId))
    .leftJoin(sites, eq(sites.id, employees.siteId))
    .where(where)
    .orderBy(...(search ? [desc(search.exact)] : []), direction(SORT_COLUMNS[sort.field]), asc(reg.id))
    .limit(query.size)
    .offset(offsetOf(query));
  const [{ total }] = await ctx.db
    .select({ total: count() })
    .from(reg)
    .innerJoin(employees, joinEmployee)
    .where(where);
  return { items: rows.map(registrationView), total: toNumber(total), page: query.page, size: query.size };
}
