import { and, eq } from 'drizzle-orm';
import { employeeSearchDocument } from './people.search.js';
import { audit } from '../../lib/audit.js';
import { assertHolds, holdsOn } from '../../lib/authz.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { changedKeys, notFoundError, throwIfInvalid } from '../organisations/problems.js';
import { checkEmployee } from './people.rules.js';
import type { Employee, EmployeeCreate, EmployeeUpdate } from './people.schema.js';
import { findEmployee } from './people.list.js';
import { employees } from './people.table.js';

export { listEmployees } from './people.list.js';
export { employeeSearch, employeeSearchCondition } from './people.search.js';

const scopeOf = (e: { companyId: string; siteId?: string | null }) => ({
  companyId: e.companyId,
  siteId: e.siteId ?? null,
  siteCompanyId: e.companyId,
});

/** One employee the caller may read. Throws not_found (also when it is outside the caller's scope). */
export async function getEmployee(ctx: Ctx, id: string): Promise<Employee> {
  const e = await findEmployee(ctx, id);
  if (!e || !holdsOn(ctx.actor, 'people.read', scopeOf(e))) throw notFoundError('employee');
  return e;
}

/** The employee record linked to the caller's account. Throws not_found when there is none. */
export async function getOwnEmployee(ctx: Ctx): Promise<Employee> {
  const id = ctx.actor.kind === 'user' ? ctx.actor.employeeId : null;
  const e = id ? await findEmployee(ctx, id) : undefined;
  if (!e) throw notFoundError('employee');
  return e;
}

/**
 * Creates an employee; people.manage on its company or site (or the organisation) may.
 * Throws forbidden, validation_failed (site_outside_company, department_outside_company,
 * leave_before_hire, left_needs_leave_date, not_found), duplicate (employeeNumber).
 */
export async function createEmployee(ctx: Ctx, input: EmployeeCreate): Promise<Employee> {
  return inTransaction(ctx, async (tx) => {
    const record = { ...input, siteId: input.siteId ?? null, departmentId: input.departmentId ?? null };
    const merged = { ...record, leaveDate: input.leaveDate ?? null };
    throwIfInvalid('employee', await checkEmployee(tx, merged));
    assertHolds(tx, 'people.manage', scopeOf(merged));
    const doc = employeeSearchDocument(merged);
    const [row] = await tx.db
      .insert(employees)
      .values({ ...merged, orgId: tx.orgId, searchText: doc.text, searchGrams: doc.grams })
      .returning();
    await audit(tx, { action: 'employee.create', entityType: 'employee', entityId: row.id, after: row });
    return (await findEmployee(tx, row.id))!;
  });
}

/**
 * Changes an employee; the caller needs people.manage where the employee is and where it goes.
 * Throws not_found, forbidden, validation_failed, duplicate (as createEmployee).
 */
export async function updateEmployee(ctx: Ctx, id: string, input: EmployeeUpdate): Promise<Employee> {
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select()
      .from(employees)
      .where(and(eq(employees.orgId, tx.orgId), eq(employees.id, id)))
      .for('update');
    if (!before || !holdsOn(tx.actor, 'people.read', scopeOf(before))) throw notFoundError('employee');
    assertHolds(tx, 'people.manage', scopeOf(before));
    const keys = changedKeys(before, input);
    if (!keys.length) return (await findEmployee(tx, id))!;
    const patch = Object.fromEntries(keys.map((k) => [k, input[k as keyof EmployeeUpdate]]));
    const merged = { ...before, ...patch } as typeof before;
    throwIfInvalid('employee', await checkEmployee(tx, merged, id));
    assertHolds(tx, 'people.manage', scopeOf(merged));
    const doc = employeeSearchDocument(merged);
    const [after] = await tx.db
      .update(employees)
      .set({ ...patch, searchText: doc.text, searchGrams: doc.grams, updatedAt: new Date() })
      .where(and(eq(employees.orgId, tx.orgId), eq(employees.id, id)))
      .returning();
    await audit(tx, { action: 'employee.update', entityType: 'employee', entityId: id, before, after });
    return (await findEmployee(tx, id))!;
  });
}
