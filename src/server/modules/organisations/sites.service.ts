import { and, asc, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { isPrefectureCode } from '../../../shared/prefectures.js';
import { audit } from '../../lib/audit.js';
import { assertHolds } from '../../lib/authz.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import type { FieldIssue } from '../../lib/errors.js';
import { offsetOf, type Page, sortSpec } from '../../lib/pagination.js';
import { toNumber } from '../../lib/sql.js';
import { roleGrants } from '../auth/auth.table.js';
import { employees } from '../people/people.table.js';
import { containing } from './companies.service.js';
import {
  isTimeZone,
  SITE_SORTS,
  type Site,
  type SiteCreate,
  type SiteListQuery,
  type SiteUpdate,
} from './organisations.schema.js';
import { groupCompanies, sites } from './organisations.table.js';
import { changedKeys, inUseError, notFoundError, throwIfInvalid } from './problems.js';

const columns = {
  id: sites.id,
  companyId: sites.companyId,
  companyCode: groupCompanies.code,
  code: sites.code,
  nameJa: sites.nameJa,
  nameEn: sites.nameEn,
  kind: sites.kind,
  prefecture: sites.prefecture,
  region: sites.region,
  timeZone: sites.timeZone,
};
const joined = and(eq(groupCompanies.orgId, sites.orgId), eq(groupCompanies.id, sites.companyId));
const view = (r: { kind: string } & Omit<Site, 'kind'>): Site => ({ ...r, kind: r.kind as Site['kind'] });

/** The organisation's sites, optionally of one group company, filtered by code or name. */
export async function listSites(ctx: Ctx, query: SiteListQuery): Promise<Page<Site>> {
  const conditions: (SQL | undefined)[] = [eq(sites.orgId, ctx.orgId)];
  if (query.companyId) conditions.push(eq(sites.companyId, query.companyId));
  if (query.q) {
    const p = containing(query.q);
    conditions.push(or(ilike(sites.code, p), ilike(sites.nameJa, p), ilike(sites.nameEn, p)));
  }
  const where = and(...conditions);
  const sort = sortSpec(query.sort, SITE_SORTS, 'code');
  const [{ total }] = await ctx.db.select({ total: count() }).from(sites).where(where);
  const rows = await ctx.db
    .select(columns)
    .from(sites)
    .innerJoin(groupCompanies, joined)
    .where(where)
    .orderBy((sort.desc ? desc : asc)(sites[sort.field]), asc(sites.id))
    .limit(query.size)
    .offset(offsetOf(query));
  return { items: rows.map(view), total: toNumber(total), page: query.page, size: query.size };
}

/** One site. Throws not_found. */
export async function getSite(ctx: Ctx, id: string): Promise<Site> {
  const [row] = await ctx.db
    .select(columns)
    .from(sites)
    .innerJoin(groupCompanies, joined)
    .where(and(eq(sites.orgId, ctx.orgId), eq(sites.id, id)));
  if (!row) throw notFoundError('site');
  return view(row);
}

async function check(ctx: Ctx, input: Partial<SiteCreate>, selfId?: string): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone))
    issues.push({ path: 'timeZone', code: 'invalid_time_zone' });
  if (input.prefecture && !isPrefectureCode(input.prefecture))
    issues.push({ path: 'prefecture', code: 'invalid_value' });
  if (input.code !== undefined) {
    const [taken] = await ctx.db
      .select({ id: sites.id })
      .from(sites)
      .where(and(eq(sites.orgId, ctx.orgId), eq(sites.code, input.code)));
    if (taken && taken.id !== selfId) issues.push({ path: 'code', code: 'duplicate' });
  }
  return issues;
}

/**
 * Creates a site of a group company; org.manage on that company (or the organisation) may.
 * Throws forbidden, validation_failed (companyId not found, timeZone, prefecture), duplicate (code).
 */
export async function createSite(ctx: Ctx, input: SiteCreate): Promise<Site> {
  return inTransaction(ctx, async (tx) => {
    const [company] = await tx.db
      .select({ id: groupCompanies.id })
      .from(groupCompanies)
      .where(and(eq(groupCompanies.orgId, tx.orgId), eq(groupCompanies.id, input.companyId)));
    if (!company) throwIfInvalid('site', [{ path: 'companyId', code: 'not_found' }]);
    assertHolds(tx, 'org.manage', { companyId: input.companyId });
    throwIfInvalid('site', await check(tx, input));
    const [row] = await tx.db
      .insert(sites)
      .values({
        ...input,
        prefecture: input.prefecture ?? null,
        region: input.region || null,
        orgId: tx.orgId,
      })
      .returning();
    await audit(tx, { action: 'site.create', entityType: 'site', entityId: row.id, after: row });
    return getSite(tx, row.id);
  });
}

async function lock(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(sites)
    .where(and(eq(sites.orgId, ctx.orgId), eq(sites.id, id)))
    .for('update');
  if (!row) throw notFoundError('site');
  return row;
}

/**
 * Changes a site (its group company stays); org.manage on the site, its company or the organisation may.
 * Throws not_found, forbidden, validation_failed, duplicate.
 */
export async function updateSite(ctx: Ctx, id: string, input: SiteUpdate): Promise<Site> {
  return inTransaction(ctx, async (tx) => {
    const before = await lock(tx, id);
    assertHolds(tx, 'org.manage', { siteId: id, siteCompanyId: before.companyId });
    const normalised = input.region === '' ? { ...input, region: null } : input;
    const keys = changedKeys(before, normalised);
    if (!keys.length) return getSite(tx, id);
    const patch = Object.fromEntries(keys.map((k) => [k, normalised[k as keyof SiteUpdate]]));
    throwIfInvalid('site', await check(tx, patch, id));
    const [after] = await tx.db
      .update(sites)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(sites.orgId, tx.orgId), eq(sites.id, id)))
      .returning();
    await audit(tx, { action: 'site.update', entityType: 'site', entityId: id, before, after });
    return getSite(tx, id);
  });
}

/**
 * Deletes a site that no employee or role grant refers to; org.manage on its company may.
 * Throws not_found, forbidden, conflict.
 */
export async function deleteSite(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await lock(tx, id);
    assertHolds(tx, 'org.manage', { companyId: before.companyId });
    for (const t of [employees, roleGrants]) {
      const [{ n }] = await tx.db
        .select({ n: count() })
        .from(t)
        .where(and(eq(t.orgId, tx.orgId), eq(t.siteId, id)));
      if (toNumber(n) > 0) throw inUseError(tx, 'site_in_use');
    }
    await tx.db.delete(sites).where(and(eq(sites.orgId, tx.orgId), eq(sites.id, id)));
    await audit(tx, { action: 'site.delete', entityType: 'site', entityId: id, before });
  });
}
