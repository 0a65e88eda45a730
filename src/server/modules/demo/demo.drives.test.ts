import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import { createTestOrg, ctxAs, type TestOrg } from '../../test/factories.js';
import { driveResults, driveTotalsByYear } from '../drives/drives.results.js';
import { partners } from '../partners/partners.table.js';
import { DEMO_DRIVE_ITEMS, insertDemoDrives } from './demo.drives.js';

let database: Database;
let org: TestOrg;
let ids: Record<string, string>;

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'DEMODRIVE');
  await database.db.insert(partners).values([
    { orgId: org.orgId, code: 'MANABI', nameJa: 'NPO法人 まなびサポート', kind: 'npo' },
    { orgId: org.orgId, code: 'UNICEF', nameJa: '公益財団法人 日本ユニセフ協会', kind: 'international' },
  ]);
  ids = await database.db.transaction((tx) => insertDemoDrives(tx, org.orgId, '2025-03-31'));
});

describe('the demo drives', () => {
  it('holds two closed drives with the seven items and last year to compare with', async () => {
    const ctx = await ctxAs(database, org, 'employee', 'ja');
    const r = await driveResults(ctx, ids['DRIVE-2024']);
    expect(r.status).toBe('closed');
    expect(r.items).toHaveLength(7);
    expect(r.items.find((i) => i.code === 'BELLMARK')?.recipient?.code).toBe('MANABI');
    // Each drive keeps its own rates, filled from the items'.
    expect(r.items.map((i) => [i.code, i.yenPerUnit])).toEqual(
      DEMO_DRIVE_ITEMS.map((i) => [i.code, i.yenPerUnit]),
    );
    expect(r.previous?.driveCodes).toEqual(['DRIVE-2023']);
    expect(r.totals.valueJpy).toBeGreaterThan(0);
    expect(r.totals.changeJpy).toBe(r.totals.valueJpy - r.totals.previousValueJpy!);
    const fy2023 = await driveTotalsByYear(ctx, 2023);
    expect(fy2023.valueJpy).toBe(r.totals.previousValueJpy);
  });

  it('is the same on every load', async () => {
    const again = await createTestOrg(database, 'DEMODRIVE2');
    const other = await database.db.transaction((tx) => insertDemoDrives(tx, again.orgId));
    const a = await driveResults(await ctxAs(database, org, 'employee'), ids['DRIVE-2024']);
    const b = await driveResults(await ctxAs(database, again, 'employee'), other['DRIVE-2024']);
    expect(b.items.map((i) => i.quantity)).toEqual(a.items.map((i) => i.quantity));
  });
});
