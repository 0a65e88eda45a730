import { and, asc, eq, sql } from 'drizzle-orm';
import { actorUserId, type Ctx, inTransaction } from '../../lib/context.js';
import { assertHolds } from '../../lib/authz.js';
import { audit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { users } from '../auth/auth.table.js';
import { sites } from '../organisations/organisations.table.js';
import type { Report, ReportBody } from './drives.schema.js';
import {
  collectionDriveItems,
  collectionDriveSites,
  collectionItems,
  collectionReports,
} from './drives.table.js';
import { acceptsReports, driveRow } from './drives.view.js';

const selection = {
  id: collectionReports.id,
  driveId: collectionReports.driveId,
  siteId: collectionReports.siteId,
  itemId: collectionReports.itemId,
  quantity: sql<string>`${collectionReports.quantity}::text`,
  note: collectionReports.note,
  reportedBy: users.displayName,
  reportedAt: collectionReports.reportedAt,
};

type Selected = { [K in keyof typeof selection]: unknown };

const view = (r: Selected): Report => ({
  id: r.id as string,
  driveId: r.driveId as string,
  siteId: r.siteId as string,
  itemId: r.itemId as string,
  quantity: Number(r.quantity),
  note: r.note as string | null,
  reportedBy: r.reportedBy as string,
  reportedAt: (r.reportedAt as Date).toISOString(),
});

function selectReports(ctx: Ctx) {
  return ctx.db
    .select(selection)
    .from(collectionReports)
    .innerJoin(
      users,
      and(eq(users.orgId, collectionReports.orgId), eq(users.id, collectionReports.reportedBy)),
    );
}

/** What the drive's sites reported so far (one row per site and item), optionally for one site. */
export async function listReports(ctx: Ctx, driveId: string, q: { siteId?: string }): Promise<Report[]> {
  await driveRow(ctx, driveId);
  const rows = await selectReports(ctx)
    .where(
      and(
        eq(collectionReports.orgId, ctx.orgId),
        eq(collectionReports.driveId, driveId),
        q.siteId ? eq(collectionReports.siteId, q.siteId) : undefined,
      ),
    )
    .orderBy(asc(collectionReports.siteId), asc(collectionReports.itemId));
  return rows.map(view);
}

/** Points and counts are whole; kilograms have at most 3 decimals. */
function checkQuantity(unit: string, quantity: number): void {
  const thousandths = quantity * 1000;
  const code =
    unit !== 'kg' && !Number.isInteger(quantity)
      ? 'quantity_whole'
      : Math.abs(thousandths - Math.round(thousandths)) > 1e-6
        ? 'quantity_decimals'
        : null;
  if (code) throw new AppError('validation_failed', { fields: [{ path: 'quantity', code }] });
}

/**
 * Records what a site collected of one item in a drive; a second report for the same site and item
 * replaces the quantity (both audited). The caller must hold drives.report on the site; the site
 * must take part and the item be one of the drive's. Throws not_found, forbidden, drive_closed
 * (not open, or past its last day + the grace period), validation_failed (site_not_in_drive,
 * item_not_in_drive, quantity_whole, quantity_decimals).
 */
export async function reportCollection(
  ctx: Ctx,
  driveId: string,
  siteId: string,
  itemId: string,
  body: ReportBody,
): Promise<Report> {
  const userId = actorUserId(ctx);
  if (!userId) throw new AppError('forbidden', { params: { permission: 'drives.report' } });
  return inTransaction(ctx, async (tx) => {
    // Shared lock: closing the drive waits for the reports in flight.
    const drive = await driveRow(tx, driveId, 'share');
    const [site] = await tx.db
      .select({ id: sites.id, companyId: sites.companyId })
      .from(sites)
      .where(and(eq(sites.orgId, tx.orgId), eq(sites.id, siteId)));
    if (!site) throw new AppError('not_found', { params: { entity: 'site' } });
    assertHolds(tx, 'drives.report', { siteId, siteCompanyId: site.companyId });
    if (!acceptsReports(drive)) throw new AppError('drive_closed');
    const [taking] = await tx.db
      .select({ one: sql<number>`1` })
      .from(collectionDriveSites)
      .where(and(eq(collectionDriveSites.driveId, driveId), eq(collectionDriveSites.siteId, siteId)));
    const [item] = await tx.db
      .select({ unit: collectionItems.unit })
      .from(collectionDriveItems)
      .innerJoin(collectionItems, eq(collectionItems.id, collectionDriveItems.itemId))
      .where(and(eq(collectionDriveItems.driveId, driveId), eq(collectionDriveItems.itemId, itemId)));
    const issues = [
      ...(taking ? [] : [{ path: 'siteId', code: 'site_not_in_drive' }]),
      ...(item ? [] : [{ path: 'itemId', code: 'item_not_in_drive' }]),
    ];
    if (issues.length) throw new AppError('validation_failed', { fields: issues });
    checkQuantity(item.unit, body.quantity);
    const [before] = await tx.db
      .select()
      .from(collectionReports)
      .where(
        and(
          eq(collectionReports.driveId, driveId),
          eq(collectionReports.siteId, siteId),
          eq(collectionReports.itemId, itemId),
        ),
      )
      .for('update');
    const values = {
      quantity: body.quantity.toFixed(3),
      note: body.note ?? null,
      companyId: site.companyId,
      reportedBy: userId,
      reportedAt: new Date(),
    };
    const [row] = await tx.db
      .insert(collectionReports)
      .values({ orgId: tx.orgId, driveId, siteId, itemId, ...values })
      .onConflictDoUpdate({
        target: [collectionReports.driveId, collectionReports.siteId, collectionReports.itemId],
        set: values,
      })
      .returning();
    await audit(tx, {
      action: before ? 'collection_report.correct' : 'collection_report.create',
      entityType: 'collection_report',
      entityId: row.id,
      before: before ?? null,
      after: row,
    });
    const [out] = await selectReports(tx).where(eq(collectionReports.id, row.id));
    return view(out);
  });
}
