import { and, asc, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { assertHolds } from '../../lib/authz.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import type { FieldIssue } from '../../lib/errors.js';
import { offsetOf, type Page, sortSpec } from '../../lib/pagination.js';
import { toNumber } from '../../lib/sql.js';
import { employees } from '../people/people.table.js';
import { containing } from './companies.service.js';
import {
  DEPARTMENT_SORTS,
  type Department,
  type DepartmentCreate,
  type DepartmentListQuery,
  type DepartmentUpdate,
} from './organisations.schema.js';
import { departments, groupCompanies } from './organisations.table.js';
import { changedKeys, inUseError, notFoundError, throwIfInvalid } from './problems.js';

const columns = {
  id: departments.id,
  companyId: departments.companyId,
  companyCode: groupCompanies.code,
  parentId: departments.parentId,
  code: departments.code,
  nameJa: departments.nameJa,
  nameEn: departments.nameEn,
};
const joined = and(eq(groupCompanies.orgId, departments.orgId), eq(groupCompanies.id, departments.companyId));

/** The organisation's departments, optionally of one group company, filtered by code or name. */
export async function listDepartments(ctx: Ctx, query: DepartmentListQuery): Promise<Page<Department>> {
  const conditions: (SQL | undefined)[] = [eq(departments.orgId, ctx.orgId)];
  if (query.companyId) conditions.push(eq(departments.companyId, query.companyId));
  if (query.q) {
    const p = containing(query.q);
    conditions.push(
      or(ilike(departments.code, p), ilike(departments.nameJa, p), ilike(departments.nameEn, p)),
    );
  }
  const where = and(...conditions);
  const sort = sortSpec(query.sort, DEPARTMENT_SORTS, 'code');
  const [{ total }] = await ctx.db.select({ total: count() }).from(departments).where(where);
  const rows = await ctx.db
    .select(columns)
    .from(departments)
    .innerJoin(groupCompanies, joined)
    .where(where)
    .orderBy((sort.desc ? desc : asc)(departments[sort.field]), asc(groupCompanies.code), asc(departments.id))
    .limit(query.size)
    .offset(offsetOf(query));
  return { items: rows, total: toNumber(total), page: query.page, size: query.size };
}

/** One department. Throws not_found. */
export async function getDepartment(ctx: Ctx, id: string): Promise<Department> {
  const [row] = await ctx.db
    .select(columns)
    .from(departments)
    .innerJoin(groupCompanies, joined)
    .where(and(eq(departments.orgId, ctx.orgId), eq(departments.id, id)));
  if (!row) throw notFoundError('department');
  return row;
}

/** Checks the parent (same company, no cycle) and the code (unique within the company). */
async function check(
  ctx: Ctx,
  companyId: string,
  input: Partial<DepartmentCreate>,
  selfId?: string,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (input.parentId) {
    // Walk up from the new parent: meeting selfId means the department would sit under itself.
    let cursor: string | null = input.parentId;
    const seen = new Set<string>();
    while (cursor && !seen.has(cursor)) {
      seen.add(cursor);
      const [p] = await ctx.db
        .select({ id: departments.id, companyId: departments.companyId, parentId: departments.parentId })
        .from(departments)
        .where(and(eq(departments.orgId, ctx.orgId), eq(departments.id, cursor)));
      if (!p) {
        issues.push({ path: 'parentId', code: 'not_found' });
        break;
      }
      if (p.id === input.parentId && p.companyId !== companyId) {
        issues.push({ path: 'parentId', code: 'parent_outside_company' });
        break;
      }
      if (p.id === selfId) {
        issues.push({ path: 'parentId', code: 'parent_cycle' });
        break;
      }
      cursor = p.parentId;
    }
  }
  if (input.code !== undefined) {
    const [taken] = await ctx.db
      .select({ id: departments.id })
      .from(departments)
      .where(
        and(
          eq(departments.orgId, ctx.orgId),
          eq(departments.companyId, companyId),
          eq(departments.code, input.code),
        ),
      );
    if (taken && taken.id !== selfId) issues.push({ path: 'code', code: 'duplicate' });
  }
  return issues;
}

/**
 * Creates a department of a group company, optionally under a parent of the same company;
 * org.manage on that company (or the organisation) may.
 * Throws forbidden, validation_failed (companyId, parentId), duplicate (code within the company).
 */
export async function createDepartment(ctx: Ctx, input: DepartmentCreate): Promise<Department> {
  return inTransaction(ctx, async (tx) => {
    const [company] = await tx.db
      .select({ id: groupCompanies.id })
      .from(groupCompanies)
      .where(and(eq(groupCompanies.orgId, tx.orgId), eq(groupCompanies.id, input.companyId)));
    if (!company) throwIfInvalid('department', [{ path: 'companyId', code: 'not_found' }]);
    assertHolds(tx, 'org.manage', { companyId: input.companyId });
    throwIfInvalid('department', await check(tx, input.companyId, input));
    const [row] = await tx.db
      .insert(departments)
      .values({ ...input, parentId: input.parentId ?? null, orgId: tx.orgId })
      .returning();
    await audit(tx, { action: 'department.create', entityType: 'department', entityId: row.id, after: row });
    return getDepartment(tx, row.id);
  });
}

async function lock(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(departments)
    .where(and(eq(departments.orgId, ctx.orgId), eq(departments.id, id)))
    .for('update');
  if (!row) throw notFoundError('department');
  return row;
}

/**
 * Renames or moves a department within its group company; org.manage on the company may.
 * Throws not_found, forbidden, validation_failed (parent_outside_company, parent_cycle), duplicate.
 */
export async function updateDepartment(ctx: Ctx, id: string, input: DepartmentUpdate): Promise<Department> {
  return inTransaction(ctx, async (tx) => {
    const before = await lock(tx, id);
    assertHolds(tx, 'org.manage', { companyId: before.companyId });
    const keys = changedKeys(before, input);
    if (!keys.length) return getDepartment(tx, id);
    const patch = Object.fromEntries(keys.map((k) => [k, input[k as keyof DepartmentUpdate]]));
    throwIfInvalid('department', await check(tx, before.companyId, patch, id));
    const [after] = await tx.db
      .update(departments)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(departments.orgId, tx.orgId), eq(departments.id, id)))
      .returning();
    await audit(tx, { action: 'department.update', entityType: 'department', entityId: id, before, after });
    return getDepartment(tx, id);
  });
}

/**
 * Deletes a department without employees or sub-departments; org.manage on its company may.
 * Throws not_found, forbidden, conflict.
 */
export async function deleteDepartment(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await lock(tx, id);
    assertHolds(tx, 'org.manage', { companyId: before.companyId });
    const [{ people }] = await tx.db
      .select({ people: count() })
      .from(employees)
      .where(and(eq(employees.orgId, tx.orgId), eq(employees.departmentId, id)));
    const [{ children }] = await tx.db
      .select({ children: count() })
      .from(departments)
      .where(and(eq(departments.orgId, tx.orgId), eq(departments.parentId, id)));
    if (toNumber(people) + toNumber(children) > 0) throw inUseError(tx, 'department_in_use');
    await tx.db.delete(departments).where(and(eq(departments.orgId, tx.orgId), eq(departments.id, id)));
    await audit(tx, { action: 'department.delete', entityType: 'department', entityId: id, before });
  });
}
