import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { rowsOf } from '../../lib/sql.js';
import { openTestDatabase } from '../../test/db.js';
import { createTestOrg, type TestOrg } from '../../test/factories.js';
import { partners } from '../partners/partners.table.js';
import { programs } from '../programs/programs.table.js';
import { DEMO_PROGRAMS, insertDemoPrograms } from './demo.programs.js';

let database: Database;
let org: TestOrg;

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'DEMOPROG');
  await database.db.insert(partners).values([
    { orgId: org.orgId, code: 'ETIC', nameJa: 'ETIC.', kind: 'npo' },
    { orgId: org.orgId, code: 'ITF', nameEn: 'International Tennis Federation', kind: 'international' },
  ]);
  await database.db.transaction((tx) => insertDemoPrograms(tx, org.orgId, '2025-06-01'));
});

describe('the demo programs', () => {
  it('holds the seed’s programs with valid classifications, linking only partners that exist', async () => {
    const rows = await database.db.select().from(programs).where(eq(programs.orgId, org.orgId));
    expect(rows.map((r) => r.code).sort()).toEqual(DEMO_PROGRAMS.map((p) => p.code).sort());
    expect(rows.every((r) => r.companyField && r.visionLayer && r.b4siCause)).toBe(true);
    expect(rows.find((r) => r.code === 'SES')).toMatchObject({
      startYear: 2002,
      nameEn: 'Social Entrepreneurship School',
    });
    const links = await rowsOf<{ program: string; partner: string; role: string }>(
      database.db,
      sql`select p.code as program, x.code as partner, pp.role from program_partners pp
        join programs p on p.id = pp.program_id join partners x on x.id = pp.partner_id
        where pp.org_id = ${org.orgId} order by 1`,
    );
    expect(links).toEqual([
      { program: 'SES', partner: 'ETIC', role: 'organiser' },
      { program: 'WTENNIS', partner: 'ITF', role: 'beneficiary' },
    ]);
  });
});
