import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { assertHolds } from '../../lib/authz.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import type { FieldIssue } from '../../lib/errors.js';
import { offsetOf, type Page, sortSpec } from '../../lib/pagination.js';
import { likeEscape, toNumber } from '../../lib/sql.js';
import { roleGrants } from '../auth/auth.table.js';
import { employees } from '../people/people.table.js';
import {
  COMPANY_SORTS,
  type Company,
  type CompanyCreate,
  type CompanyListQuery,
  type CompanyUpdate,
  isCountryCode,
  isCurrencyCode,
  isTimeZone,
} from './organisations.schema.js';
import { departments, groupCompanies, sites } from './organisations.table.js';
import { changedKeys, inUseError, notFoundError, throwIfInvalid } from './problems.js';

const columns = {
  id: groupCompanies.id,
  code: groupCompanies.code,
  nameJa: groupCompanies.nameJa,
  nameEn: groupCompanies.nameEn,
  country: groupCompanies.country,
  currency: groupCompanies.currency,
  timeZone: groupCompanies.timeZone,
  // Qualified by hand: drizzle leaves a one-table select's columns unqualified, ambiguous in a subquery.
  siteCount: sql<unknown>`(select count(*) from ${sites} s where s.org_id = ${groupCompanies}.org_id and s.company_id = ${groupCompanies}.id)`,
  employeeCount: sql<unknown>`(select count(*) from ${employees} e where e.org_id = ${groupCompanies}.org_id and e.company_id = ${groupCompanies}.id)`,
};

type Row = { [K in keyof typeof columns]: K extends 'siteCount' | 'employeeCount' ? unknown : string };
const view = (r: Row): Company => ({
  ...r,
  siteCount: toNumber(r.siteCount),
  employeeCount: toNumber(r.employeeCount),
});

/** A pattern for ILIKE that matches the text anywhere. */
export const containing = (q: string) => `%${likeEscape(q)}%`;

/** The organisation's group companies, filtered by code or name. */
export async function listCompanies(ctx: Ctx, query: CompanyListQuery): Promise<Page<Company>> {
  const conditions: (SQL | undefined)[] = [eq(groupCompanies.orgId, ctx.orgId)];
  if (query.q) {
    const p = containing(query.q);
    conditions.push(
      or(ilike(groupCompanies.code, p), ilike(groupCompanies.nameJa, p), ilike(groupCompanies.nameEn, p)),
    );
  }
  const where = and(...conditions);
  const sort = sortSpec(query.sort, COMPANY_SORTS, 'code');
  const [{ total }] = await ctx.db.select({ total: count() }).from(groupCompanies).where(where);
  const rows = await ctx.db
    .select(columns)
    .from(groupCompanies)
    .where(where)
    .orderBy((sort.desc ? desc : asc)(groupCompanies[sort.field]), asc(groupCompanies.id))
    .limit(query.size)
    .offset(offsetOf(query));
  return { items: rows.map(view), total: toNumber(total), page: query.page, size: query.size };
}

/** One group company. Throws not_found. */
export async function getCompany(ctx: Ctx, id: string): Promise<Company> {
  const [row] = await ctx.db
    .select(columns)
    .from(groupCompanies)
    .where(and(eq(groupCompanies.orgId, ctx.orgId), eq(groupCompanies.id, id)));
  if (!row) throw notFoundError('company');
  return view(row);
}

async function check(ctx: Ctx, input: CompanyUpdate, selfId?: string): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (input.country !== undefined && !isCountryCode(input.country))
    issues.push({ path: 'country', code: 'invalid_value' });
  if (input.currency !== undefined && !isCurrencyCode(input.currency))
    issues.push({ path: 'currency', code: 'invalid_value' });
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone))
    issues.push({ path: 'timeZone', code: 'invalid_time_zone' });
  if (input.code !== undefined) {
    const [taken] = await ctx.db
      .select({ id: groupCompanies.id })
      .from(groupCompanies)
      .where(and(eq(groupCompanies.orgId, ctx.orgId), eq(groupCompanies.code, input.code)));
    if (taken && taken.id !== selfId) issues.push({ path: 'code', code: 'duplicate' });
  }
  return issues;
}

/**
 * Creates a group company. Needs an organisation-wide org.manage grant.
 * Throws forbidden, validation_failed (country, currency, timeZone), duplicate (code).
 */
export async function createCompany(ctx: Ctx, input: CompanyCreate): Promise<Company> {
  assertHolds(ctx, 'org.manage', {});
  return inTransaction(ctx, async (tx) => {
    throwIfInvalid('company', await check(tx, input));
    const [row] = await tx.db
      .insert(groupCompanies)
      .values({ ...input, orgId: tx.orgId })
      .returning();
    await audit(tx, { action: 'company.create', entityType: 'company', entityId: row.id, after: row });
    return getCompany(tx, row.id);
  });
}

async function lock(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(groupCompanies)
    .where(and(eq(groupCompanies.orgId, ctx.orgId), eq(groupCompanies.id, id)))
    .for('update');
  if (!row) throw notFoundError('company');
  return row;
}

/**
 * Changes a group company; org.manage on the company (or the whole organisation) may.
 * Throws not_found, forbidden, validation_failed, duplicate.
 */
export async function updateCompany(ctx: Ctx, id: string, input: CompanyUpdate): Promise<Company> {
  return inTransaction(ctx, async (tx) => {
    const before = await lock(tx, id);
    assertHolds(tx, 'org.manage', { companyId: id });
    const keys = changedKeys(before, input);
    if (!keys.length) return getCompany(tx, id);
    const patch = Object.fromEntries(keys.map((k) => [k, input[k as keyof CompanyUpdate]]));
    throwIfInvalid('company', await check(tx, patch, id));
    const [after] = await tx.db
      .update(groupCompanies)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(groupCompanies.orgId, tx.orgId), eq(groupCompanies.id, id)))
      .returning();
    await audit(tx, { action: 'company.update', entityType: 'company', entityId: id, before, after });
    return getCompany(tx, id);
  });
}

/**
 * Deletes a group company that nothing refers to. Needs an organisation-wide org.manage grant.
 * Throws not_found, forbidden, conflict (it still has sites, departments, employees or role grants).
 */
export async function deleteCompany(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await lock(tx, id);
    assertHolds(tx, 'org.manage', {});
    for (const t of [sites, departments, employees, roleGrants]) {
      const [{ n }] = await tx.db
        .select({ n: count() })
        .from(t)
        .where(and(eq(t.orgId, tx.orgId), eq(t.companyId, id)));
      if (toNumber(n) > 0) throw inUseError(tx, 'company_in_use');
    }
    await tx.db
      .delete(groupCompanies)
      .where(and(eq(groupCompanies.orgId, tx.orgId), eq(groupCompanies.id, id)));
    await audit(tx, { action: 'company.delete', entityType: 'company', entityId: id, before });
  });
}
