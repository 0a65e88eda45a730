import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { openTestDatabase } from '../../test/db.js';
import {
  buildTestApp,
  createTestOrg,
  ctxAs,
  type Session,
  signIn,
  type TestOrg,
} from '../../test/factories.js';
import { createItem } from './drives.items.js';
import { driveResults, driveTotalsByYear } from './drives.results.js';
import { createDrive } from './drives.service.js';
import { collectionReports } from './drives.table.js';
import { drivePartners } from './drives.test-support.js';

let database: Database;
let org: TestOrg;
let manager: Ctx;
let app: FastifyInstance;
const item: Record<'bell' | 'stamps' | 'books', string> = {} as never;
const drive: Record<'fy2023' | 'fy2024', string> = {} as never;

/** Past drives take no reports through the service: their history is written as the import would. */
async function history(driveId: string, rows: [siteId: string, itemId: string, quantity: string][]) {
  await database.db.insert(collectionReports).values(
    rows.map(([siteId, itemId, quantity]) => ({
      orgId: org.orgId,
      driveId,
      siteId,
      itemId,
      quantity,
      companyId: siteId === org.sites.tokyo ? org.companies.jp : org.companies.us,
      reportedBy: org.users.promoter.id,
    })),
  );
}

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'DRIVERES');
  manager = await ctxAs(database, org, 'csr_manager', 'ja');
  const p = await drivePartners(database, org);
  const add = (code: string, unit: 'points' | 'kg' | 'count', yenPerUnit: string | null, position: number) =>
    createItem(manager, {
      code,
      nameJa: code === 'STAMPS' ? '=使用済み切手' : code,
      unit,
      yenPerUnit,
      active: true,
      position,
    });
  item.bell = (await add('BELLMARK', 'points', '1', 1)).id;
  item.stamps = (await add('STAMPS', 'kg', '1200.5', 2)).id;
  item.books = (await add('BOOKS', 'count', null, 3)).id;
  const items = [
    { itemId: item.bell, recipientId: p.eligible },
    { itemId: item.stamps },
    { itemId: item.books },
  ];
  const sites = [org.sites.tokyo, org.sites.texas];
  drive.fy2023 = (
    await createDrive(manager, {
      code: 'DRIVE-2023',
      titleJa: '2023',
      startsOn: '2023-12-01',
      siteIds: sites,
      items,
    })
  ).id;
  drive.fy2024 = (
    await createDrive(manager, {
      code: 'DRIVE-2024',
      titleJa: '2024',
      startsOn: '2024-12-01',
      siteIds: sites,
      items,
    })
  ).id;
  await history(drive.fy2023, [
    [org.sites.tokyo, item.bell, '1000'],
    [org.sites.tokyo, item.stamps, '2'],
    [org.sites.texas, item.books, '40'],
  ]);
  await history(drive.fy2024, [
    [org.sites.tokyo, item.bell, '1250'],
    [org.sites.tokyo, item.stamps, '2.345'],
    [org.sites.texas, item.stamps, '1.111'],
    [org.sites.texas, item.books, '30'],
  ]);
  app = await buildTestApp(database);
});

describe('drive results', () => {
  it('totals each item in its unit and values it with exact decimals, rounded once', async () => {
    const r = await driveResults(manager, drive.fy2024);
    const stamps = r.items.find((i) => i.itemId === item.stamps)!;
    // 3.456 kg × 1200.5 = 4148.928 → 4149 (site by site: 2815.1725 + 1333.7555)
    expect(stamps).toMatchObject({ quantity: 3.456, valueJpy: 4149, sitesReported: 2, previousQuantity: 2 });
    expect(stamps.previousValueJpy).toBe(2401);
    expect(stamps.quantityChange).toBe(1.456);
    const books = r.items.find((i) => i.itemId === item.books)!;
    expect(books).toMatchObject({ quantity: 30, valueJpy: null, previousQuantity: 40, quantityChange: -10 });
    expect(books.quantityChangePercent).toBe(-25);
    expect(r.totals).toMatchObject({
      valueJpy: 1250 + 4149,
      previousValueJpy: 3401,
      reports: 4,
      sitesReported: 2,
    });
    expect(r.totals.changeJpy).toBe(5399 - 3401);
    expect(r.totals.changePercent).toBe(58.7);
  });

  it('totals per site, company and recipient, each rounded from exact sums', async () => {
    const r = await driveResults(manager, drive.fy2024);
    const tokyo = r.sites.find((s) => s.siteId === org.sites.tokyo)!;
    const texas = r.sites.find((s) => s.siteId === org.sites.texas)!;
    expect(tokyo).toMatchObject({ valueJpy: 1250 + 2815, previousValueJpy: 1000 + 2401, itemsReported: 2 });
    expect(texas).toMatchObject({ valueJpy: 1334, previousValueJpy: 0, changePercent: null });
    const jp = r.companies.find((c) => c.companyId === org.companies.jp)!;
    expect(jp.valueJpy).toBe(4065);
    const fdn = r.recipients.find((x) => x.code === 'BELLMARK-FDN')!;
    expect(fdn).toMatchObject({ valueJpy: 1250, previousValueJpy: 1000, changePercent: 25, items: 1 });
    const none = r.recipients.find((x) => x.partnerId === null)!;
    expect(none).toMatchObject({ valueJpy: 4149, items: 2 });
    expect(r.previous).toMatchObject({
      fiscalYear: 2023,
      fiscalYearLabel: '2023年度',
      driveCodes: ['DRIVE-2023'],
    });
  });

  it('has no comparison for a first drive', async () => {
    const r = await driveResults(manager, drive.fy2023);
    expect(r.previous).toBeNull();
    expect(r.totals).toMatchObject({ valueJpy: 3401, previousValueJpy: null, changeJpy: null });
  });

  it('gives the report a fiscal year’s totals', async () => {
    const y = await driveTotalsByYear(manager, 2024);
    expect(y.drives.map((d) => d.code)).toEqual(['DRIVE-2024']);
    expect(y.valueJpy).toBe(5399);
    expect(y.items.map((i) => [i.code, i.quantity, i.valueJpy])).toEqual([
      ['BELLMARK', 1250, 1250],
      ['STAMPS', 3.456, 4149],
      ['BOOKS', 30, null],
    ]);
    expect(y.companies.map((c) => c.valueJpy).sort()).toEqual([1334, 4065]);
    expect((await driveTotalsByYear(manager, 2022)).valueJpy).toBe(0);
  });
});

describe('the API', () => {
  let employee: Session;
  let admin: Session;
  let csr: Session;

  beforeAll(async () => {
    employee = await signIn(app, org.users.employee.email);
    admin = await signIn(app, org.users.org_admin.email);
    csr = await signIn(app, org.users.csr_manager.email);
  });

  it('lets every employee read drives and results, not manage them', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/drives', headers: employee.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((d: { code: string }) => d.code)).toEqual(['DRIVE-2024', 'DRIVE-2023']);
    expect(list.json().items[0]).toMatchObject({ totalJpy: 5399, siteCount: 2, itemCount: 3 });
    const results = await app.inject({
      method: 'GET',
      url: `/api/drives/${drive.fy2024}/results`,
      headers: employee.headers,
    });
    expect(results.statusCode).toBe(200);
    const create = await app.inject({
      method: 'POST',
      url: '/api/collection-items',
      headers: employee.headers,
      payload: { code: 'X', nameJa: 'x', unit: 'kg' },
    });
    expect(create.statusCode).toBe(403);
    const report = await app.inject({
      method: 'PUT',
      url: `/api/drives/${drive.fy2024}/reports/${org.sites.tokyo}/${item.bell}`,
      headers: employee.headers,
      payload: { quantity: 1 },
    });
    expect(report.statusCode).toBe(403);
  });

  it('answers a report on a drive that is not open with drive_closed', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: `/api/drives/${drive.fy2024}/reports/${org.sites.tokyo}/${item.bell}`,
      headers: csr.headers,
      payload: { quantity: 1 },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('drive_closed');
  });

  it('exports the results as CSV with a BOM, in the caller’s language, formulas defused', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/drives/${drive.fy2024}/results.csv?lang=ja`,
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFF区分,コード,名称,単位,数量,円換算単価,円換算額')).toBe(true);
    expect(res.body).toContain("品目,STAMPS,'=使用済み切手,kg,3.456,1200.5,4149,2,2401,1748,72.8\r\n");
    expect(res.body).toContain('合計,DRIVE-2024,2024,,,,5399,,3401,1998,58.7');
  });
});
