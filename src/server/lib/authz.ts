import { type Permission, rolesFor } from '../../shared/roles.js';
import type { Actor, Ctx } from './context.js';
import { AppError } from './errors.js';

/** Where a record sits: the group company and, when it has one, the site. */
export type Scope = { companyId?: string | null; siteId?: string | null; siteCompanyId?: string | null };

/** True when the actor holds the permission on some scope (the route-level check). */
export function holds(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'system') return true;
  const roles = rolesFor(permission);
  return actor.grants.some((g) => roles.includes(g.role));
}

/**
 * True when the actor holds the permission on a scope that covers the record: an organisation-wide
 * grant covers everything, a company grant covers the company and its sites, a site grant its site.
 */
export function holdsOn(actor: Actor, permission: Permission, scope: Scope): boolean {
  if (actor.kind === 'system') return true;
  const roles = rolesFor(permission);
  return actor.grants.some((g) => {
    if (!roles.includes(g.role)) return false;
    if (g.scopeType === 'org') return true;
    if (g.scopeType === 'company') {
      return !!g.companyId && (g.companyId === scope.companyId || g.companyId === scope.siteCompanyId);
    }
    return !!g.siteId && g.siteId === scope.siteId;
  });
}

export function assertHolds(ctx: Ctx, permission: Permission, scope?: Scope): void {
  const ok = scope ? holdsOn(ctx.actor, permission, scope) : holds(ctx.actor, permission);
  if (!ok) throw new AppError('forbidden', { params: { permission } });
}

/** Company ids the actor may act on with a permission, or 'all' for an organisation-wide grant. */
export function companiesFor(
  actor: Actor,
  permission: Permission,
): 'all' | { companyIds: string[]; siteIds: string[] } {
  if (actor.kind === 'system') return 'all';
  const roles = rolesFor(permission);
  const grants = actor.grants.filter((g) => roles.includes(g.role));
  if (grants.some((g) => g.scopeType === 'org')) return 'all';
  return {
    companyIds: grants.flatMap((g) => (g.scopeType === 'company' && g.companyId ? [g.companyId] : [])),
    siteIds: grants.flatMap((g) => (g.scopeType === 'site' && g.siteId ? [g.siteId] : [])),
  };
}
