import { and, eq, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import { rolesFor } from '../../../shared/roles.js';
import { holdsOn, type Scope } from '../../lib/authz.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { employees } from '../people/people.table.js';
import { opportunities } from './volunteering.table.js';

/** An opportunity's scope for permission checks: its company and, when it has one, its site. */
export const opportunityScope = (o: { companyId: string; siteId: string | null }): Scope => ({
  companyId: o.companyId,
  siteId: o.siteId,
  siteCompanyId: o.companyId,
});

const organiserRoles = [...rolesFor('opportunities.manage'), 'auditor'];

/** Grants that see every opportunity of their scope, drafts included: organisers, and auditors (read only). */
function organiserGrants(actor: Actor) {
  return actor.kind === 'system' ? [] : actor.grants.filter((g) => organiserRoles.includes(g.role));
}

/** True when the actor runs (or audits) opportunities on this scope and so sees them in any status. */
export function organiserSees(actor: Actor, scope: Scope): boolean {
  if (actor.kind === 'system' || holdsOn(actor, 'opportunities.manage', scope)) return true;
  return organiserGrants(actor).some(
    (g) =>
      g.role === 'auditor' &&
      (g.scopeType === 'org' ||
        (g.scopeType === 'company' && g.companyId === scope.companyId) ||
        (g.scopeType === 'site' && !!g.siteId && g.siteId === scope.siteId)),
  );
}

/**
 * The opportunities the caller organises or audits (`mine=true`): undefined for the whole organisation,
 * false for none, else a condition on company and site.
 */
export function organisedBy(ctx: Ctx): SQL | undefined | false {
  if (ctx.actor.kind === 'system') return undefined;
  const grants = organiserGrants(ctx.actor);
  if (grants.some((g) => g.scopeType === 'org')) return undefined;
  const companyIds = grants.flatMap((g) => (g.scopeType === 'company' && g.companyId ? [g.companyId] : []));
  const siteIds = grants.flatMap((g) => (g.scopeType === 'site' && g.siteId ? [g.siteId] : []));
  const parts = [
    companyIds.length ? inArray(opportunities.companyId, companyIds) : undefined,
    siteIds.length ? inArray(opportunities.siteId, siteIds) : undefined,
  ].filter((p): p is SQL => !!p);
  return parts.length ? or(...parts) : false;
}

/** The group company of the caller's employee record (null without one). */
export async function viewerCompanyId(ctx: Ctx): Promise<string | null> {
  const employeeId = ctx.actor.kind === 'user' ? ctx.actor.employeeId : null;
  if (!employeeId) return null;
  const [row] = await ctx.db
    .select({ companyId: employees.companyId })
    .from(employees)
    .where(and(eq(employees.orgId, ctx.orgId), eq(employees.id, employeeId)));
  return row?.companyId ?? null;
}

/**
 * What an employee may see: opportunities that were published (also once completed or cancelled, so
 * history and notification links still open), open to the whole group or to their company.
 */
export function visibleToEmployees(companyId: string | null): SQL {
  const audience = companyId
    ? or(
        eq(opportunities.visibility, 'group'),
        sql`${opportunities.visibleCompanyIds} @> ARRAY[${companyId}]::uuid[]`,
      )!
    : eq(opportunities.visibility, 'group');
  return and(isNotNull(opportunities.publishedAt), sql`${opportunities.status} <> 'draft'`, audience)!;
}

/** The same rule as visibleToEmployees for one loaded row. */
export function employeeSees(
  o: { publishedAt: Date | null; status: string; visibility: string; visibleCompanyIds: string[] },
  companyId: string | null,
): boolean {
  if (!o.publishedAt || o.status === 'draft') return false;
  return o.visibility === 'group' || (!!companyId && o.visibleCompanyIds.includes(companyId));
}

/** Whether the caller may open an opportunity (organisers and auditors of its scope, or as an employee). */
export async function canSee(
  ctx: Ctx,
  o: {
    companyId: string;
    siteId: string | null;
    publishedAt: Date | null;
    status: string;
    visibility: string;
    visibleCompanyIds: string[];
  },
): Promise<boolean> {
  if (organiserSees(ctx.actor, opportunityScope(o))) return true;
  return employeeSees(o, await viewerCompanyId(ctx));
}
