import { and, eq, inArray, sql } from 'drizzle-orm';
import { fiscalYearOf } from '../../../shared/fiscal-year.js';
import { assertHolds } from '../../lib/authz.js';
import { audit } from '../../lib/audit.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type FieldIssue } from '../../lib/errors.js';
import { isUniqueViolation } from '../../lib/sql.js';
import { ledgerSettings, ledgerToday } from '../ledger/ledger.values.js';
import { sites } from '../organisations/organisations.table.js';
import { partnerEligibleColumn } from '../partners/partners.eligibility.js';
import { partners } from '../partners/partners.table.js';
import type { Drive, DriveCreate, DriveUpdate } from './drives.schema.js';
import {
  collectionDriveItems,
  collectionDriveSites,
  collectionDrives,
  collectionItems,
  collectionReports,
} from './drives.table.js';
import { driveRow, getDrive } from './drives.view.js';

type DriveItemInput = { itemId: string; recipientId?: string | null; yenPerUnit?: string | null };

/** The default period: 1 December of this year to 31 January of the next. */
export function defaultPeriod(today = ledgerToday()): { startsOn: string; endsOn: string } {
  const year = Number(today.slice(0, 4));
  return { startsOn: `${year}-12-01`, endsOn: `${year + 1}-01-31` };
}

/** The first 31 January after a day (the end of the season that day starts). */
const januaryAfter = (day: string) => {
  const year = Number(day.slice(0, 4));
  return day < `${year}-01-31` ? `${year}-01-31` : `${year + 1}-01-31`;
};

const invalid = (fields: FieldIssue[]) => new AppError('validation_failed', { fields });

/**
 * Checks the sites and items exist in the organisation, once each; new recipients must be eligible
 * today. Returns each listed item's current yen rate (what a drive copies when the item joins it).
 */
async function checkLists(
  ctx: Ctx,
  siteIds: string[] | undefined,
  items: DriveItemInput[] | undefined,
  keptRecipients: Map<string, string | null>,
): Promise<Map<string, string | null>> {
  const issues: FieldIssue[] = [];
  const rates = new Map<string, string | null>();
  if (siteIds) {
    const found = siteIds.length
      ? await ctx.db
          .select({ id: sites.id })
          .from(sites)
          .where(and(eq(sites.orgId, ctx.orgId), inArray(sites.id, siteIds)))
      : [];
    siteIds.forEach((id, i) => {
      if (siteIds.indexOf(id) !== i) issues.push({ path: `siteIds.${i}`, code: 'duplicate' });
      else if (!found.some((f) => f.id === id)) issues.push({ path: `siteIds.${i}`, code: 'not_found' });
    });
  }
  if (items) {
    const itemIds = items.map((i) => i.itemId);
    const found = itemIds.length
      ? await ctx.db
          .select({
            id: collectionItems.id,
            active: collectionItems.active,
            rate: collectionItems.yenPerUnit,
          })
          .from(collectionItems)
          .where(and(eq(collectionItems.orgId, ctx.orgId), inArray(collectionItems.id, itemIds)))
      : [];
    for (const f of found) rates.set(f.id, f.rate);
    const recipientIds = items.flatMap((i) => (i.recipientId ? [i.recipientId] : []));
    const recipients = recipientIds.length
      ? await ctx.db
          .select({ id: partners.id, eligible: partnerEligibleColumn(ledgerToday()) })
          .from(partners)
          .where(and(eq(partners.orgId, ctx.orgId), inArray(partners.id, recipientIds)))
      : [];
    items.forEach((item, i) => {
      const known = found.find((f) => f.id === item.itemId);
      const kept = keptRecipients.has(item.itemId);
      if (itemIds.indexOf(item.itemId) !== i) issues.push({ path: `items.${i}.itemId`, code: 'duplicate' });
      else if (!known) issues.push({ path: `items.${i}.itemId`, code: 'not_found' });
      else if (!known.active && !kept) issues.push({ path: `items.${i}.itemId`, code: 'item_inactive' });
      if (!item.recipientId || keptRecipients.get(item.itemId) === item.recipientId) return;
      const partner = recipients.find((r) => r.id === item.recipientId);
      if (!partner) issues.push({ path: `items.${i}.recipientId`, code: 'not_found' });
      else if (!partner.eligible)
        issues.push({ path: `items.${i}.recipientId`, code: 'recipient_not_eligible' });
    });
  }
  if (issues.length) throw invalid(issues);
  return rates;
}

async function period(ctx: Ctx, startsOn: string, endsOn: string) {
  if (endsOn < startsOn) throw invalid([{ path: 'endsOn', code: 'ends_before_start' }]);
  const { fiscalYearStartMonth } = await ledgerSettings(ctx);
  return { startsOn, endsOn, fiscalYear: fiscalYearOf(startsOn, fiscalYearStartMonth) };
}

const titleRequired = (ja: string | null | undefined, en: string | null | undefined) => {
  if (!ja && !en) throw invalid([{ path: 'titleJa', code: 'required' }]);
};

const duplicateCode = () => invalid([{ path: 'code', code: 'duplicate' }]);

/**
 * Creates a drive (status planned) with its sites and items; the period defaults to 1 December –
 * 31 January and the fiscal year is that of the first day. Each item takes the rate given for the
 * drive, else the item's current rate: a later change of the item's rate leaves the drive as it is.
 * Throws forbidden, validation_failed.
 */
export async function createDrive(ctx: Ctx, input: DriveCreate): Promise<Drive> {
  assertHolds(ctx, 'drives.manage', {});
  titleRequired(input.titleJa, input.titleEn);
  const startsOn = input.startsOn ?? defaultPeriod().startsOn;
  const endsOn = input.endsOn ?? januaryAfter(startsOn);
  return inTransaction(ctx, async (tx) => {
    const dates = await period(tx, startsOn, endsOn);
    const rates = await checkLists(tx, input.siteIds, input.items, new Map());
    let id: string;
    try {
      const [row] = await tx.db
        .insert(collectionDrives)
        .values({
          orgId: tx.orgId,
          code: input.code,
          titleJa: input.titleJa ?? null,
          titleEn: input.titleEn ?? null,
          ...dates,
        })
        .returning();
      id = row.id;
    } catch (err) {
      if (isUniqueViolation(err, 'collection_drives_org_code')) throw duplicateCode();
      throw err;
    }
    if (input.siteIds.length)
      await tx.db
        .insert(collectionDriveSites)
        .values(input.siteIds.map((siteId) => ({ orgId: tx.orgId, driveId: id, siteId })));
    if (input.items.length)
      await tx.db.insert(collectionDriveItems).values(
        input.items.map((i) => ({
          orgId: tx.orgId,
          driveId: id,
          itemId: i.itemId,
          recipientId: i.recipientId ?? null,
          yenPerUnit: i.yenPerUnit === undefined ? (rates.get(i.itemId) ?? null) : i.yenPerUnit,
        })),
      );
    const after = await getDrive(tx, id);
    await audit(tx, {
      action: 'collection_drive.create',
      entityType: 'collection_drive',
      entityId: id,
      after,
    });
    return after;
  });
}

/** Ids among `ids` that have reports in the drive (for sites or items). */
async function reported(ctx: Ctx, driveId: string, column: 'siteId' | 'itemId', ids: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await ctx.db
    .selectDistinct({ id: collectionReports[column] })
    .from(collectionReports)
    .where(
      and(
        eq(collectionReports.orgId, ctx.orgId),
        eq(collectionReports.driveId, driveId),
        inArray(collectionReports[column], ids),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/**
 * Changes a drive. A closed drive keeps its period, sites, items and their rates (drive_closed); a
 * site or item with reports cannot be removed (field `has_reports`). An item already in the drive
 * keeps its rate unless `yenPerUnit` is given; a new one takes the item's current rate unless given.
 * Throws not_found, forbidden, drive_closed, validation_failed.
 */
export async function updateDrive(ctx: Ctx, id: string, input: DriveUpdate): Promise<Drive> {
  assertHolds(ctx, 'drives.manage', {});
  return inTransaction(ctx, async (tx) => {
    const row = await driveRow(tx, id, 'update');
    const before = await getDrive(tx, id);
    const structural =
      input.startsOn !== undefined ||
      input.endsOn !== undefined ||
      input.siteIds !== undefined ||
      input.items !== undefined;
    if (row.status === 'closed' && structural) throw new AppError('drive_closed');
    const titleJa = input.titleJa === undefined ? row.titleJa : input.titleJa;
    const titleEn = input.titleEn === undefined ? row.titleEn : input.titleEn;
    titleRequired(titleJa, titleEn);
    const dates = await period(tx, input.startsOn ?? row.startsOn, input.endsOn ?? row.endsOn);
    const keptRecipients = new Map(before.items.map((i) => [i.itemId, i.recipient?.id ?? null]));
    const rates = await checkLists(tx, input.siteIds, input.items, keptRecipients);
    const issues: FieldIssue[] = [];
    const goneSites = input.siteIds
      ? before.sites.map((s) => s.siteId).filter((s) => !input.siteIds!.includes(s))
      : [];
    const goneItems = input.items
      ? before.items.map((i) => i.itemId).filter((i) => !input.items!.some((n) => n.itemId === i))
      : [];
    if ((await reported(tx, id, 'siteId', goneSites)).size)
      issues.push({ path: 'siteIds', code: 'has_reports' });
    if ((await reported(tx, id, 'itemId', goneItems)).size)
      issues.push({ path: 'items', code: 'has_reports' });
    if (issues.length) throw invalid(issues);
    try {
      await tx.db
        .update(collectionDrives)
        .set({ code: input.code ?? row.code, titleJa, titleEn, ...dates, updatedAt: sql`now()` })
        .where(eq(collectionDrives.id, id));
    } catch (err) {
      if (isUniqueViolation(err, 'collection_drives_org_code')) throw duplicateCode();
      throw err;
    }
    if (goneSites.length)
      await tx.db
        .delete(collectionDriveSites)
        .where(and(eq(collectionDriveSites.driveId, id), inArray(collectionDriveSites.siteId, goneSites)));
    const newSites = (input.siteIds ?? []).filter((s) => !before.sites.some((b) => b.siteId === s));
    if (newSites.length)
      await tx.db
        .insert(collectionDriveSites)
        .values(newSites.map((siteId) => ({ orgId: tx.orgId, driveId: id, siteId })));
    if (goneItems.length)
      await tx.db
        .delete(collectionDriveItems)
        .where(and(eq(collectionDriveItems.driveId, id), inArray(collectionDriveItems.itemId, goneItems)));
    for (const item of input.items ?? []) {
      const given = item.yenPerUnit !== undefined;
      await tx.db
        .insert(collectionDriveItems)
        .values({
          orgId: tx.orgId,
          driveId: id,
          itemId: item.itemId,
          recipientId: item.recipientId ?? null,
          yenPerUnit: given ? item.yenPerUnit : (rates.get(item.itemId) ?? null),
        })
        .onConflictDoUpdate({
          target: [collectionDriveItems.driveId, collectionDriveItems.itemId],
          set: { recipientId: item.recipientId ?? null, ...(given ? { yenPerUnit: item.yenPerUnit } : {}) },
        });
    }
    const after = await getDrive(tx, id);
    await audit(tx, {
      action: 'collection_drive.update',
      entityType: 'collection_drive',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/**
 * Opens a planned drive for reports, or reopens a closed one (late corrections); closes an open one.
 * Throws not_found, forbidden, invalid_transition.
 */
export async function setDriveStatus(ctx: Ctx, id: string, action: 'open' | 'close'): Promise<Drive> {
  assertHolds(ctx, 'drives.manage', {});
  return inTransaction(ctx, async (tx) => {
    const row = await driveRow(tx, id, 'update');
    const allowed = action === 'open' ? row.status !== 'open' : row.status === 'open';
    if (!allowed) throw new AppError('invalid_transition', { params: { from: row.status } });
    const status = action === 'open' ? 'open' : 'closed';
    await tx.db
      .update(collectionDrives)
      .set({ status, updatedAt: sql`now()` })
      .where(eq(collectionDrives.id, id));
    await audit(tx, {
      action: `collection_drive.${action}`,
      entityType: 'collection_drive',
      entityId: id,
      before: { status: row.status },
      after: { status },
    });
    return getDrive(tx, id);
  });
}
