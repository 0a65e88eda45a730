import type { FastifyInstance } from 'fastify';
import { and, desc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { openTestDatabase } from '../../test/db.js';
import { buildTestApp, createTestOrg, ctxAs, signIn, type TestOrg } from '../../test/factories.js';
import { auditLog } from '../audit/audit.table.js';
import { driveResultsCsv } from './drives.export.js';
import { createItem, updateItem } from './drives.items.js';
import { driveResults, driveTotalsByYear } from './drives.results.js';
import { createDrive, setDriveStatus, updateDrive } from './drives.service.js';
import { collectionReports } from './drives.table.js';
import { listDrives } from './drives.view.js';

let database: Database;
let org: TestOrg;
let manager: Ctx;
let app: FastifyInstance;
const item: Record<'bell' | 'stamps' | 'books', string> = {} as never;

/** Reports written as the import would (past drives take none through the service). */
async function history(driveId: string, rows: [itemId: string, quantity: string][]) {
  await database.db.insert(collectionReports).values(
    rows.map(([itemId, quantity]) => ({
      orgId: org.orgId,
      driveId,
      siteId: org.sites.tokyo,
      itemId,
      quantity,
      companyId: org.companies.jp,
      reportedBy: org.users.promoter.id,
    })),
  );
}

const rateOf = (d: { items: { itemId: string; yenPerUnit: string | null }[] }, itemId: string) =>
  d.items.find((i) => i.itemId === itemId)?.yenPerUnit;

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: { code: string }) => e.code,
  );

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'DRIVERATE');
  manager = await ctxAs(database, org, 'csr_manager', 'en');
  const add = (code: string, unit: 'points' | 'kg' | 'count', yenPerUnit: string | null) =>
    createItem(manager, { code, nameEn: code, unit, yenPerUnit, active: true, position: 0 });
  item.bell = (await add('BELLMARK', 'points', '1')).id;
  item.stamps = (await add('STAMPS', 'kg', '1200.5')).id;
  item.books = (await add('BOOKS', 'count', null)).id;
  app = await buildTestApp(database);
});

describe('a drive’s own rates', () => {
  let past: string;

  it('copies each item’s rate when the item joins the drive', async () => {
    const d = await createDrive(manager, {
      code: 'PAST',
      titleEn: 'Past',
      startsOn: '2023-12-01',
      siteIds: [org.sites.tokyo],
      items: [{ itemId: item.bell }, { itemId: item.stamps }, { itemId: item.books }],
    });
    past = d.id;
    expect([rateOf(d, item.bell), rateOf(d, item.stamps), rateOf(d, item.books)]).toEqual([
      '1',
      '1200.5',
      null,
    ]);
    await history(past, [
      [item.bell, '1000'],
      [item.stamps, '2'],
      [item.books, '40'],
    ]);
  });

  it('leaves a past drive’s results as they were when an item’s rate changes; a new drive takes the new rate', async () => {
    const before = await driveResults(manager, past);
    const csvBefore = (await driveResultsCsv(manager, past, 'en')).body;
    expect(before.totals.valueJpy).toBe(1000 + 2401);
    await updateItem(manager, item.bell, { yenPerUnit: '2' });
    await updateItem(manager, item.stamps, { yenPerUnit: '1500' });
    await updateItem(manager, item.books, { yenPerUnit: '10' });

    expect(await driveResults(manager, past)).toEqual(before);
    expect((await driveResultsCsv(manager, past, 'en')).body).toBe(csvBefore);
    expect(csvBefore).toContain('item,STAMPS,STAMPS,kg,2,1200.5,2401,');
    const year = await driveTotalsByYear(manager, 2023);
    expect(year.valueJpy).toBe(3401);
    expect(year.items.map((i) => [i.code, i.valueJpy])).toEqual(
      expect.arrayContaining([
        ['BELLMARK', 1000],
        ['STAMPS', 2401],
        ['BOOKS', null],
      ]),
    );
    const listed = await listDrives(manager, { page: 1, size: 50, reportable: false });
    expect(listed.items.find((d) => d.id === past)?.totalJpy).toBe(3401);

    const next = await createDrive(manager, {
      code: 'NEXT',
      titleEn: 'Next',
      startsOn: '2024-12-01',
      siteIds: [org.sites.tokyo],
      items: [{ itemId: item.bell }, { itemId: item.stamps }, { itemId: item.books }],
    });
    expect([rateOf(next, item.bell), rateOf(next, item.stamps), rateOf(next, item.books)]).toEqual([
      '2',
      '1500',
      '10',
    ]);
    await history(next.id, [
      [item.bell, '1000'],
      [item.stamps, '2'],
      [item.books, '40'],
    ]);
    const r = await driveResults(manager, next.id);
    // This year at the new rates, last year at last year's: the change is the rates'.
    expect(r.totals).toMatchObject({ valueJpy: 2000 + 3000 + 400, previousValueJpy: 3401 });
    const books = r.items.find((i) => i.itemId === item.books)!;
    // Books had no value last year: no yen comparison for them.
    expect(books).toMatchObject({ valueJpy: 400, previousValueJpy: null, changeJpy: null });
  });

  it('takes a rate set for the drive, keeps it when left out, and values nothing on null', async () => {
    const d = await createDrive(manager, {
      code: 'OVERRIDE',
      titleEn: 'Override',
      startsOn: '2025-12-01',
      siteIds: [org.sites.tokyo],
      items: [{ itemId: item.bell, yenPerUnit: '0.5' }],
    });
    expect(rateOf(d, item.bell)).toBe('0.5');
    await history(d.id, [[item.bell, '301']]);
    expect((await driveResults(manager, d.id)).totals.valueJpy).toBe(151);
    const kept = await updateDrive(manager, d.id, {
      items: [{ itemId: item.bell }, { itemId: item.stamps }],
    });
    expect([rateOf(kept, item.bell), rateOf(kept, item.stamps)]).toEqual(['0.5', '1500']);
    const changed = await updateDrive(manager, d.id, {
      items: [
        { itemId: item.bell, yenPerUnit: '3' },
        { itemId: item.stamps, yenPerUnit: null },
      ],
    });
    expect([rateOf(changed, item.bell), rateOf(changed, item.stamps)]).toEqual(['3', null]);
    const r = await driveResults(manager, d.id);
    expect(r.totals.valueJpy).toBe(903);
    expect(r.items.find((i) => i.itemId === item.stamps)?.valueJpy).toBeNull();
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, d.id), eq(auditLog.action, 'collection_drive.update')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(rateOf(entry.before as never, item.bell)).toBe('0.5');
    expect(rateOf(entry.after as never, item.bell)).toBe('3');
  });

  it('takes the override through the API and refuses a negative one', async () => {
    const csr = await signIn(app, org.users.csr_manager.email);
    const created = await app.inject({
      method: 'POST',
      url: '/api/drives',
      headers: csr.headers,
      payload: {
        code: 'API',
        titleEn: 'API',
        siteIds: [],
        items: [{ itemId: item.stamps, yenPerUnit: '1450.25' }],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().items[0].yenPerUnit).toBe('1450.25');
    const bad = await app.inject({
      method: 'PATCH',
      url: `/api/drives/${created.json().id}`,
      headers: csr.headers,
      payload: { items: [{ itemId: item.stamps, yenPerUnit: '-1' }] },
    });
    expect(bad.statusCode).toBe(400);
    await expect(
      database.db.execute(
        sql`update collection_drive_items set yen_per_unit = -1 where drive_id = ${created.json().id}`,
      ),
    ).rejects.toThrow();
  });

  it('never changes a closed drive’s rates', async () => {
    const d = await createDrive(manager, {
      code: 'CLOSED',
      titleEn: 'Closed',
      startsOn: '2022-12-01',
      siteIds: [org.sites.tokyo],
      items: [{ itemId: item.bell }],
    });
    await setDriveStatus(manager, d.id, 'open');
    await setDriveStatus(manager, d.id, 'close');
    expect(
      await refusal(updateDrive(manager, d.id, { items: [{ itemId: item.bell, yenPerUnit: '5' }] })),
    ).toBe('drive_closed');
    const titled = await updateDrive(manager, d.id, { titleEn: 'Closed, renamed' });
    expect(rateOf(titled, item.bell)).toBe('2');
  });
});
