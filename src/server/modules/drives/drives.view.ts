import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { companiesFor, holdsOn } from '../../lib/authz.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import type { Page } from '../../lib/pagination.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import { ledgerToday, yearLabel } from '../ledger/ledger.values.js';
import { groupCompanies, sites } from '../organisations/organisations.table.js';
import { partners } from '../partners/partners.table.js';
import { plainDecimal } from './drives.items.js';
import {
  type CollectionUnit,
  type Drive,
  type DriveListQuery,
  type DriveStatus,
  type DriveSummary,
  REPORT_GRACE_DAYS,
} from './drives.schema.js';
import {
  collectionDriveItems,
  collectionDriveSites,
  collectionDrives,
  collectionItems,
} from './drives.table.js';

type DriveRow = typeof collectionDrives.$inferSelect;

/** The day after which a drive takes no more reports: its last day plus the grace period. */
export function reportsUntil(endsOn: string): string {
  const d = new Date(`${endsOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + REPORT_GRACE_DAYS);
  return d.toISOString().slice(0, 10);
}

export const acceptsReports = (r: Pick<DriveRow, 'status' | 'endsOn'>, today = ledgerToday()) =>
  r.status === 'open' && today <= reportsUntil(r.endsOn);

export const canManageDrives = (ctx: Ctx) => holdsOn(ctx.actor, 'drives.manage', {});

async function base(ctx: Ctx, r: DriveRow) {
  return {
    id: r.id,
    code: r.code,
    titleJa: r.titleJa,
    titleEn: r.titleEn,
    fiscalYear: r.fiscalYear,
    fiscalYearLabel: await yearLabel(ctx, r.fiscalYear),
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    reportsUntil: reportsUntil(r.endsOn),
    status: r.status as DriveStatus,
    acceptingReports: acceptsReports(r),
    canManage: canManageDrives(ctx),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The drive row, or not_found; `lock` takes it FOR UPDATE or FOR SHARE (inside a transaction). */
export async function driveRow(ctx: Ctx, id: string, lock?: 'update' | 'share'): Promise<DriveRow> {
  const q = ctx.db
    .select()
    .from(collectionDrives)
    .where(and(eq(collectionDrives.orgId, ctx.orgId), eq(collectionDrives.id, id)));
  const [row] = lock ? await q.for(lock) : await q;
  if (!row) throw new AppError('not_found', { params: { entity: 'collection_drive' } });
  return row;
}

/**
 * One drive with its sites (and whether the caller may report for each) and its items with recipients
 * and the drive's own rate for each (never the item's current one).
 */
export async function getDrive(ctx: Ctx, id: string): Promise<Drive> {
  const row = await driveRow(ctx, id);
  const siteRows = await ctx.db
    .select({
      siteId: sites.id,
      code: sites.code,
      nameJa: sites.nameJa,
      nameEn: sites.nameEn,
      companyId: groupCompanies.id,
      companyCode: groupCompanies.code,
      companyNameJa: groupCompanies.nameJa,
      companyNameEn: groupCompanies.nameEn,
    })
    .from(collectionDriveSites)
    .innerJoin(
      sites,
      and(eq(sites.orgId, collectionDriveSites.orgId), eq(sites.id, collectionDriveSites.siteId)),
    )
    .innerJoin(groupCompanies, eq(groupCompanies.id, sites.companyId))
    .where(and(eq(collectionDriveSites.orgId, ctx.orgId), eq(collectionDriveSites.driveId, id)))
    .orderBy(asc(groupCompanies.code), asc(sites.code));
  const itemRows = await ctx.db
    .select({
      itemId: collectionItems.id,
      code: collectionItems.code,
      nameJa: collectionItems.nameJa,
      nameEn: collectionItems.nameEn,
      unit: collectionItems.unit,
      yenPerUnit: collectionDriveItems.yenPerUnit,
      recipientId: partners.id,
      recipientCode: partners.code,
      recipientNameJa: partners.nameJa,
      recipientNameEn: partners.nameEn,
    })
    .from(collectionDriveItems)
    .innerJoin(
      collectionItems,
      and(
        eq(collectionItems.orgId, collectionDriveItems.orgId),
        eq(collectionItems.id, collectionDriveItems.itemId),
      ),
    )
    .leftJoin(
      partners,
      and(eq(partners.orgId, collectionDriveItems.orgId), eq(partners.id, collectionDriveItems.recipientId)),
    )
    .where(and(eq(collectionDriveItems.orgId, ctx.orgId), eq(collectionDriveItems.driveId, id)))
    .orderBy(asc(collectionItems.position), asc(collectionItems.code));
  return {
    ...(await base(ctx, row)),
    sites: siteRows.map((s) => ({
      ...s,
      canReport: holdsOn(ctx.actor, 'drives.report', { siteId: s.siteId, siteCompanyId: s.companyId }),
    })),
    items: itemRows.map((i) => ({
      itemId: i.itemId,
      code: i.code,
      nameJa: i.nameJa,
      nameEn: i.nameEn,
      unit: i.unit as CollectionUnit,
      yenPerUnit: plainDecimal(i.yenPerUnit),
      recipient: i.recipientId
        ? { id: i.recipientId, code: i.recipientCode!, nameJa: i.recipientNameJa, nameEn: i.recipientNameEn }
        : null,
    })),
  };
}

/** Sites where the caller may report (every site for an organisation-wide grant). */
function reportableSites(ctx: Ctx): SQL {
  const scope = companiesFor(ctx.actor, 'drives.report');
  if (scope === 'all') return sql`true`;
  const parts: SQL[] = [];
  if (scope.companyIds.length) parts.push(inArray(sites.companyId, scope.companyIds));
  if (scope.siteIds.length) parts.push(inArray(sites.id, scope.siteIds));
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** The organisation's drives, newest first, with counts and the yen value reported so far (at each drive's rates). */
export async function listDrives(ctx: Ctx, q: DriveListQuery): Promise<Page<DriveSummary>> {
  const conditions: (SQL | undefined)[] = [
    eq(collectionDrives.orgId, ctx.orgId),
    q.status ? eq(collectionDrives.status, q.status) : undefined,
    q.fiscalYear ? eq(collectionDrives.fiscalYear, q.fiscalYear) : undefined,
  ];
  if (q.reportable) {
    conditions.push(
      eq(collectionDrives.status, 'open'),
      sql`${collectionDrives.endsOn} + ${REPORT_GRACE_DAYS}::int >= ${ledgerToday()}::date`,
      sql`exists (select 1 from ${collectionDriveSites} join ${sites} on ${sites.orgId} = ${collectionDriveSites.orgId}
        and ${sites.id} = ${collectionDriveSites.siteId}
        where ${collectionDriveSites.driveId} = ${collectionDrives.id} and ${reportableSites(ctx)})`,
    );
  }
  const where = and(...conditions);
  const [{ total }] = await ctx.db.select({ total: count() }).from(collectionDrives).where(where);
  const rows = await ctx.db
    .select()
    .from(collectionDrives)
    .where(where)
    .orderBy(desc(collectionDrives.startsOn), asc(collectionDrives.code))
    .limit(q.size)
    .offset((q.page - 1) * q.size);
  const ids = rows.map((r) => r.id);
  const figures = ids.length
    ? await rowsOf<{ drive_id: string; sites: unknown; items: unknown; value_jpy: unknown }>(
        ctx.db,
        sql`select d.id as drive_id,
          (select count(*) from collection_drive_sites s where s.drive_id = d.id) as sites,
          (select count(*) from collection_drive_items i where i.drive_id = d.id) as items,
          (select round(coalesce(sum(r.quantity * di.yen_per_unit), 0))::bigint
             from collection_reports r
             join collection_drive_items di on di.org_id = r.org_id and di.drive_id = r.drive_id
              and di.item_id = r.item_id
            where r.org_id = d.org_id and r.drive_id = d.id) as value_jpy
        from collection_drives d
        where d.org_id = ${ctx.orgId} and d.id in ${sql`(${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})`}`,
      )
    : [];
  const byId = new Map(figures.map((f) => [f.drive_id, f]));
  const items = await Promise.all(
    rows.map(async (r) => {
      const f = byId.get(r.id);
      return {
        ...(await base(ctx, r)),
        siteCount: toNumber(f?.sites),
        itemCount: toNumber(f?.items),
        totalJpy: toNumber(f?.value_jpy),
      };
    }),
  );
  return { items, total: toNumber(total), page: q.page, size: q.size };
}
