import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { openTestDatabase } from '../../test/db.js';
import { createTestOrg, ctxAs, type TestOrg } from '../../test/factories.js';
import { auditLog } from '../audit/audit.table.js';
import { createItem, updateItem } from './drives.items.js';
import { listReports, reportCollection } from './drives.reports.js';
import { createDrive, defaultPeriod, setDriveStatus, updateDrive } from './drives.service.js';
import { collectionReports } from './drives.table.js';
import { dayFromToday, drivePartners, sitePromoter } from './drives.test-support.js';
import { listDrives } from './drives.view.js';

let database: Database;
let org: TestOrg;
let manager: Ctx;
let employee: Ctx;
let tokyoPromoter: Ctx;
let texasPromoter: Ctx;
let p: { eligible: string; unscreened: string };
const item: Record<'bell' | 'stamps' | 'books', string> = {} as never;

const fieldsOf = async (promise: Promise<unknown>) => {
  const err = (await promise.then(
    () => null,
    (e) => e,
  )) as { code: string; fields: { path: string; code: string }[] } | null;
  if (!err) throw new Error('expected a refusal');
  return err;
};

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'DRIVES');
  manager = await ctxAs(database, org, 'csr_manager');
  employee = await ctxAs(database, org, 'employee');
  tokyoPromoter = (await sitePromoter(database, org, org.sites.tokyo, 'tokyo-promoter')).ctx;
  texasPromoter = (await sitePromoter(database, org, org.sites.texas, 'texas-promoter')).ctx;
  p = await drivePartners(database, org);
});

describe('the managed list of items', () => {
  it('adds items with their unit and exact yen rate, audited', async () => {
    const bell = await createItem(manager, {
      code: 'BELLMARK',
      nameJa: 'ベルマーク',
      nameEn: 'Bellmark symbols',
      unit: 'points',
      yenPerUnit: '1',
      active: true,
      position: 1,
    });
    expect(bell).toMatchObject({ code: 'BELLMARK', unit: 'points', yenPerUnit: '1' });
    const stamps = await createItem(manager, {
      code: 'USED-STAMPS',
      nameJa: '使用済み切手',
      unit: 'kg',
      yenPerUnit: '1200.5',
      active: true,
      position: 2,
    });
    expect(stamps.yenPerUnit).toBe('1200.5');
    const books = await createItem(manager, {
      code: 'BOOKS',
      nameEn: 'Used books',
      unit: 'count',
      active: true,
      position: 3,
    });
    expect(books.yenPerUnit).toBeNull();
    Object.assign(item, { bell: bell.id, stamps: stamps.id, books: books.id });
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'collection_item'), eq(auditLog.entityId, bell.id)));
    expect(entry.action).toBe('collection_item.create');
  });

  it('refuses a duplicate code, a nameless item and someone who does not manage drives', async () => {
    const dup = await fieldsOf(
      createItem(manager, { code: 'BELLMARK', nameJa: 'x', unit: 'points', active: true, position: 0 }),
    );
    expect(dup.fields[0]).toMatchObject({ path: 'code', code: 'duplicate' });
    const nameless = await fieldsOf(
      createItem(manager, { code: 'X', unit: 'kg', active: true, position: 0 }),
    );
    expect(nameless.fields[0]).toMatchObject({ path: 'nameJa', code: 'required' });
    expect(
      (
        await fieldsOf(
          createItem(employee, { code: 'Y', nameJa: 'y', unit: 'kg', active: true, position: 0 }),
        )
      ).code,
    ).toBe('forbidden');
  });

  it('refuses a negative rate in the database itself', async () => {
    await expect(
      database.db.execute(sql`update collection_items set yen_per_unit = -1 where id = ${item.bell}`),
    ).rejects.toThrow();
  });
});

describe('drives', () => {
  let driveId: string;

  it('defaults the period to 1 December – 31 January and takes the fiscal year of its first day', async () => {
    const d = defaultPeriod('2024-06-15');
    expect(d).toEqual({ startsOn: '2024-12-01', endsOn: '2025-01-31' });
    const drive = await createDrive(manager, {
      code: 'DRIVE-2023',
      titleJa: '2023年度 回収キャンペーン',
      startsOn: '2023-12-01',
      siteIds: [org.sites.tokyo],
      items: [{ itemId: item.bell, recipientId: p.eligible }],
    });
    expect(drive).toMatchObject({
      startsOn: '2023-12-01',
      endsOn: '2024-01-31',
      fiscalYear: 2023,
      status: 'planned',
    });
    expect(drive.items[0].recipient?.code).toBe('BELLMARK-FDN');
  });

  it('refuses a recipient that is not eligible, an unknown site and a duplicate item', async () => {
    const err = await fieldsOf(
      createDrive(manager, {
        code: 'BAD',
        titleEn: 'Bad',
        siteIds: [org.sites.tokyo, '00000000-0000-4000-8000-000000000000'],
        items: [{ itemId: item.bell, recipientId: p.unscreened }, { itemId: item.bell }],
      }),
    );
    expect(err.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'siteIds.1', code: 'not_found' }),
        expect.objectContaining({ path: 'items.0.recipientId', code: 'recipient_not_eligible' }),
        expect.objectContaining({ path: 'items.1.itemId', code: 'duplicate' }),
      ]),
    );
  });

  it('runs a drive around today: planned refuses reports, open takes them, closed refuses them', async () => {
    const drive = await createDrive(manager, {
      code: 'DRIVE-NOW',
      titleEn: 'This season',
      startsOn: dayFromToday(-10),
      endsOn: dayFromToday(20),
      siteIds: [org.sites.tokyo, org.sites.texas],
      items: [{ itemId: item.bell, recipientId: p.eligible }, { itemId: item.stamps }],
    });
    driveId = drive.id;
    const planned = await fieldsOf(
      reportCollection(tokyoPromoter, driveId, org.sites.tokyo, item.bell, { quantity: 5 }),
    );
    expect(planned.code).toBe('drive_closed');
    const opened = await setDriveStatus(manager, driveId, 'open');
    expect(opened.acceptingReports).toBe(true);
    const mine = opened.sites.find((s) => s.siteId === org.sites.tokyo);
    expect(mine?.canReport).toBe(true);
    const r = await reportCollection(tokyoPromoter, driveId, org.sites.tokyo, item.bell, { quantity: 1520 });
    expect(r).toMatchObject({ quantity: 1520, reportedBy: 'tokyo-promoter' });
  });

  it('lets a promoter report only for their own site', async () => {
    const err = await fieldsOf(
      reportCollection(tokyoPromoter, driveId, org.sites.texas, item.bell, { quantity: 3 }),
    );
    expect(err.code).toBe('forbidden');
    const texas = await reportCollection(texasPromoter, driveId, org.sites.texas, item.stamps, {
      quantity: 1.25,
    });
    expect(texas.quantity).toBe(1.25);
    const reportable = await listDrives(tokyoPromoter, { page: 1, size: 50, reportable: true });
    expect(reportable.items.map((d) => d.code)).toEqual(['DRIVE-NOW']);
  });

  it('replaces the quantity on a correction (one row) and audits both', async () => {
    const fixed = await reportCollection(tokyoPromoter, driveId, org.sites.tokyo, item.bell, {
      quantity: 1620,
      note: 'Counted the second box',
    });
    expect(fixed.quantity).toBe(1620);
    const rows = await listReports(manager, driveId, { siteId: org.sites.tokyo });
    expect(rows).toHaveLength(1);
    const trail = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'collection_report'), eq(auditLog.entityId, fixed.id)));
    expect(trail.map((t) => t.action).sort()).toEqual([
      'collection_report.correct',
      'collection_report.create',
    ]);
  });

  it('checks the quantity against the unit', async () => {
    const points = await fieldsOf(
      reportCollection(tokyoPromoter, driveId, org.sites.tokyo, item.bell, { quantity: 1.5 }),
    );
    expect(points.fields[0]).toMatchObject({ path: 'quantity', code: 'quantity_whole' });
    const grams = await fieldsOf(
      reportCollection(tokyoPromoter, driveId, org.sites.tokyo, item.stamps, { quantity: 1.2345 }),
    );
    expect(grams.fields[0]).toMatchObject({ path: 'quantity', code: 'quantity_decimals' });
  });

  it('takes reports only for the drive’s items and sites (service and foreign keys)', async () => {
    const books = await fieldsOf(
      reportCollection(tokyoPromoter, driveId, org.sites.tokyo, item.books, { quantity: 3 }),
    );
    expect(books.fields[0]).toMatchObject({ path: 'itemId', code: 'item_not_in_drive' });
    const other = await createDrive(manager, {
      code: 'TOKYO-ONLY',
      titleEn: 'Tokyo only',
      startsOn: dayFromToday(-1),
      endsOn: dayFromToday(1),
      siteIds: [org.sites.tokyo],
      items: [{ itemId: item.bell }],
    });
    await setDriveStatus(manager, other.id, 'open');
    const site = await fieldsOf(
      reportCollection(manager, other.id, org.sites.texas, item.bell, { quantity: 3 }),
    );
    expect(site.fields[0]).toMatchObject({ path: 'siteId', code: 'site_not_in_drive' });
    await expect(
      database.db.insert(collectionReports).values({
        orgId: org.orgId,
        driveId: other.id,
        siteId: org.sites.texas,
        itemId: item.books,
        companyId: org.companies.us,
        quantity: '1',
        reportedBy: org.users.csr_manager.id,
      }),
    ).rejects.toThrow();
  });

  it('keeps a site or item with reports, and freezes a closed drive', async () => {
    const err = await fieldsOf(updateDrive(manager, driveId, { siteIds: [org.sites.texas] }));
    expect(err.fields[0]).toMatchObject({ path: 'siteIds', code: 'has_reports' });
    const unit = await fieldsOf(updateItem(manager, item.bell, { unit: 'count' }));
    expect(unit.fields[0]).toMatchObject({ path: 'unit', code: 'unit_in_use' });
    await setDriveStatus(manager, driveId, 'close');
    const late = await fieldsOf(
      reportCollection(tokyoPromoter, driveId, org.sites.tokyo, item.bell, { quantity: 1 }),
    );
    expect(late.code).toBe('drive_closed');
    expect((await fieldsOf(updateDrive(manager, driveId, { endsOn: dayFromToday(40) }))).code).toBe(
      'drive_closed',
    );
    const renamed = await updateDrive(manager, driveId, { titleJa: '今シーズン' });
    expect(renamed.titleJa).toBe('今シーズン');
    expect((await fieldsOf(setDriveStatus(manager, driveId, 'close'))).code).toBe('invalid_transition');
  });

  it('refuses reports more than 30 days after the last day', async () => {
    const old = await createDrive(manager, {
      code: 'LAST-SEASON',
      titleEn: 'Last season',
      startsOn: dayFromToday(-80),
      endsOn: dayFromToday(-31),
      siteIds: [org.sites.tokyo],
      items: [{ itemId: item.bell }],
    });
    const opened = await setDriveStatus(manager, old.id, 'open');
    expect(opened.acceptingReports).toBe(false);
    const err = await fieldsOf(
      reportCollection(tokyoPromoter, old.id, org.sites.tokyo, item.bell, { quantity: 1 }),
    );
    expect(err.code).toBe('drive_closed');
  });
});
