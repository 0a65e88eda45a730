import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.table.js';
import { groupCompanies, organisations, sites } from '../organisations/organisations.table.js';
import { partners } from '../partners/partners.table.js';

/**
 * The managed list of what collection drives collect (Bellmark symbols, used books, used postcards…),
 * each with its unit and, where one applies, the yen a unit is worth for valuing the result.
 */
export const collectionItems = pgTable(
  'collection_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    code: text().notNull(),
    nameJa: text(),
    nameEn: text(),
    unit: text().notNull(),
    /** Yen per unit (exact decimal); null when the item is not valued. */
    yenPerUnit: numeric({ precision: 14, scale: 4 }),
    active: boolean().notNull().default(true),
    position: smallint().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('collection_items_org_id').on(t.orgId, t.id),
    unique('collection_items_org_code').on(t.orgId, t.code),
    check('collection_items_code', sql`${t.code} ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'`),
    check('collection_items_name', sql`coalesce(${t.nameJa}, ${t.nameEn}) is not null`),
    check('collection_items_unit', sql`${t.unit} in ('points', 'count', 'kg')`),
    check('collection_items_rate', sql`${t.yenPerUnit} is null or ${t.yenPerUnit} >= 0`),
  ],
);

/** A drive: a period (December to January by default), its items with their recipients, its sites. */
export const collectionDrives = pgTable(
  'collection_drives',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    code: text().notNull(),
    titleJa: text(),
    titleEn: text(),
    /** The fiscal year the drive belongs to (that of `startsOn`; set by the service). */
    fiscalYear: smallint().notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    status: text().notNull().default('planned'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('collection_drives_org_id').on(t.orgId, t.id),
    unique('collection_drives_org_code').on(t.orgId, t.code),
    check('collection_drives_code', sql`${t.code} ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'`),
    check('collection_drives_title', sql`coalesce(${t.titleJa}, ${t.titleEn}) is not null`),
    check('collection_drives_dates', sql`${t.endsOn} >= ${t.startsOn}`),
    check('collection_drives_status', sql`${t.status} in ('planned', 'open', 'closed')`),
    index('collection_drives_org_year_idx').on(t.orgId, t.fiscalYear),
  ],
);

/** An item a drive collects, and the NPO that receives it. */
export const collectionDriveItems = pgTable(
  'collection_drive_items',
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    driveId: uuid().notNull(),
    itemId: uuid().notNull(),
    recipientId: uuid(),
    /** Yen per unit for this drive, copied from the item when it joins: a later change of the item's rate
     * leaves past drives' values as they were. Null when the item is not valued. */
    yenPerUnit: numeric({ precision: 14, scale: 4 }),
  },
  (t) => [
    primaryKey({ name: 'collection_drive_items_pk', columns: [t.driveId, t.itemId] }),
    unique('collection_drive_items_org_drive_item').on(t.orgId, t.driveId, t.itemId),
    foreignKey({
      name: 'collection_drive_items_drive_fk',
      columns: [t.orgId, t.driveId],
      foreignColumns: [collectionDrives.orgId, collectionDrives.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'collection_drive_items_item_fk',
      columns: [t.orgId, t.itemId],
      foreignColumns: [collectionItems.orgId, collectionItems.id],
    }),
    check('collection_drive_items_rate', sql`${t.yenPerUnit} is null or ${t.yenPerUnit} >= 0`),
    foreignKey({
      name: 'collection_drive_items_recipient_fk',
      columns: [t.orgId, t.recipientId],
      foreignColumns: [partners.orgId, partners.id],
    }),
  ],
);

/** A site that takes part in a drive. */
export const collectionDriveSites = pgTable(
  'collection_drive_sites',
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    driveId: uuid().notNull(),
    siteId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ name: 'collection_drive_sites_pk', columns: [t.driveId, t.siteId] }),
    unique('collection_drive_sites_org_drive_site').on(t.orgId, t.driveId, t.siteId),
    foreignKey({
      name: 'collection_drive_sites_drive_fk',
      columns: [t.orgId, t.driveId],
      foreignColumns: [collectionDrives.orgId, collectionDrives.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'collection_drive_sites_site_fk',
      columns: [t.orgId, t.siteId],
      foreignColumns: [sites.orgId, sites.id],
    }),
  ],
);

/**
 * What one site collected of one item in a drive, as its promoter reported it. One row per site and
 * item: a correction replaces the quantity (audited). Only a participating site and one of the
 * drive's items can be reported (foreign keys to both lists).
 */
export const collectionReports = pgTable(
  'collection_reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    driveId: uuid().notNull(),
    siteId: uuid().notNull(),
    itemId: uuid().notNull(),
    /** The site's company when reported (totals per company stay put if a site moves). */
    companyId: uuid().notNull(),
    quantity: numeric({ precision: 14, scale: 3 }).notNull(),
    note: text(),
    reportedBy: uuid().notNull(),
    reportedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('collection_reports_org_id').on(t.orgId, t.id),
    unique('collection_reports_drive_site_item').on(t.driveId, t.siteId, t.itemId),
    foreignKey({
      name: 'collection_reports_drive_site_fk',
      columns: [t.orgId, t.driveId, t.siteId],
      foreignColumns: [collectionDriveSites.orgId, collectionDriveSites.driveId, collectionDriveSites.siteId],
    }),
    foreignKey({
      name: 'collection_reports_drive_item_fk',
      columns: [t.orgId, t.driveId, t.itemId],
      foreignColumns: [collectionDriveItems.orgId, collectionDriveItems.driveId, collectionDriveItems.itemId],
    }),
    foreignKey({
      name: 'collection_reports_company_fk',
      columns: [t.orgId, t.companyId],
      foreignColumns: [groupCompanies.orgId, groupCompanies.id],
    }),
    foreignKey({
      name: 'collection_reports_reported_by_fk',
      columns: [t.orgId, t.reportedBy],
      foreignColumns: [users.orgId, users.id],
    }),
    check('collection_reports_quantity', sql`${t.quantity} >= 0`),
    index('collection_reports_drive_idx').on(t.orgId, t.driveId),
  ],
);
