import { inArray, or, type SQL } from 'drizzle-orm';
import { companiesFor } from '../../lib/authz.js';
import type { Ctx } from '../../lib/context.js';
import type { Permission } from '../../../shared/roles.js';
import { employees } from './people.table.js';

/**
 * The employees a holder of `permission` may see, as a condition on `employees`: undefined for an
 * organisation-wide grant, false for none, else their companies' and sites' employees.
 */
export function employeesInScope(ctx: Ctx, permission: Permission): SQL | undefined | false {
  const scope = companiesFor(ctx.actor, permission);
  if (scope === 'all') return undefined;
  const parts = [
    scope.companyIds.length ? inArray(employees.companyId, scope.companyIds) : undefined,
    scope.siteIds.length ? inArray(employees.siteId, scope.siteIds) : undefined,
  ].filter((p): p is SQL => !!p);
  return parts.length ? or(...parts) : false;
}
