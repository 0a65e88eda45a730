import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openPglite } from '../../server/db/client.js';
import { rowsOf } from '../../server/lib/sql.js';
import { createTestOrg } from '../../server/test/factories.js';
import { type CliResult, ROOT, runKyosei } from '../test/kyosei.js';

const FIXTURE = join(ROOT, 'src/server/modules/accounting/fixtures/expenses-sjis.csv');
const dir = mkdtempSync(join(tmpdir(), 'kyosei-expenses-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kyosei(args: string[]): Promise<CliResult> {
  return runKyosei(args, { KYOSEI_DATA_DIR: dir, KYOSEI_LANG: 'en' });
}

// The CLI runs on its own embedded data folder: the PostgreSQL tier skips this file (vitest.config.ts).
describe('kyosei import expenses', { timeout: 120_000 }, () => {
  it('imports the Shift_JIS fixture into the named organisation', async () => {
    // The run's migrated database (test/integration-global-setup.ts) as the CLI's data folder.
    const dump = new Blob([readFileSync(inject('pgliteDump'))]);
    const database = await openPglite(join(dir, 'pglite'), dump);
    await createTestOrg(database, 'CLIX');
    await database.close();
    const run = await kyosei(['import', 'expenses', FIXTURE, '--org', 'CLIX']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('20 rows: 20 created, 0 updated, 0 unchanged');
    const after = await openPglite(join(dir, 'pglite'));
    const [row] = await rowsOf<{ n: number; jpy: unknown }>(
      after.db,
      sql`select count(*)::int as n, sum(amount_jpy)::bigint as jpy from expenses`,
    );
    await after.close();
    expect(row.n).toBe(20);
    expect(Number(row.jpy)).toBe(65_442_250);
  });
});
