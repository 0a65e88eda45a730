import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { corporateNumberValid, localGovCodeValid } from '../../../shared/check-digits.js';
import type { Database } from '../../db/client.js';
import { rowsOf } from '../../lib/sql.js';
import { openTestDatabase } from '../../test/db.js';
import { createTestOrg, ctxAs, type TestOrg } from '../../test/factories.js';
import { readDocument } from '../files/files.service.js';
import { listAgreements } from '../partners/agreements.view.js';
import { insertDemoPartners } from './demo.partners.js';

let database: Database;
let org: TestOrg;
let counts: Awaited<ReturnType<typeof insertDemoPartners>>;

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'DEMOPART');
  counts = await database.db.transaction((tx) => insertDemoPartners(tx, org.orgId, '2026-11-21'));
});

describe('the partners demo', () => {
  it('holds the seed’s organisations with valid identifiers and their contacts', async () => {
    expect(counts).toEqual({ partners: 15, contacts: 6, agreements: 3 });
    const rows = await rowsOf<{ code: string; kind: string; local: string | null; corp: string | null }>(
      database.db,
      sql`select code, kind, local_gov_code as local, corporate_number as corp from partners
        where org_id = ${org.orgId} order by code`,
    );
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(byCode.get('PREF-FUKUSHIMA')).toMatchObject({ kind: 'prefecture', local: '070009' });
    expect(byCode.get('CITY-KAKEGAWA')).toMatchObject({ kind: 'municipality', local: '222135' });
    expect(byCode.get('CAREERLINK')?.kind).toBe('company');
    for (const r of rows) {
      if (r.local) expect(localGovCodeValid(r.local)).toBe(true);
      if (r.corp) expect(corporateNumberValid(r.corp)).toBe(true);
    }
  });

  it('holds the Fukushima and Kawasaki agreements (active) and Kakegawa’s (expired), each with a readable PDF', async () => {
    const ctx = await ctxAs(database, org, 'csr_manager');
    const list = await listAgreements(ctx, { page: 1, size: 50 });
    expect(list.items.map((a) => [a.code, a.status, a.parties.length, a.documents.length])).toEqual([
      ['KAWASAKI-SWC-PARTNERSHIP', 'active', 2, 1],
      ['FUKUSHIMA-PARTNERSHIP', 'active', 1, 1],
      ['KAKEGAWA-PROBONO-2018', 'expired', 2, 1],
    ]);
    const pdf = await readDocument(ctx, list.items[0].documents[0].fileId);
    expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.content.toString('latin1')).toContain('startxref');
  });

  it('inserts nothing twice when run again', async () => {
    const again = await database.db.transaction((tx) => insertDemoPartners(tx, org.orgId, '2026-11-21'));
    expect(again).toEqual({ partners: 0, contacts: 0, agreements: 0 });
  });
});
