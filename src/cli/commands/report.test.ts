import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPglite } from '../../server/db/client.js';
import { insertGeneratedExpenses } from '../../server/modules/accounting/totals.test-support.js';
import { createBlock } from '../../server/modules/reports/blocks.service.js';
import { buildTestApp, createTestOrg, ctxAs, signIn } from '../../server/test/factories.js';
import { type CliResult, runKyosei } from '../test/kyosei.js';

let dir: string;
let readerEmail: string;

function kyosei(args: string[]): Promise<CliResult> {
  return runKyosei(args, { KYOSEI_DATA_DIR: dir, KYOSEI_LANG: 'ja' });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kyosei-report-cli-'));
  // The run's migrated database, unpacked into the data folder the CLI opens (KYOSEI_DATA_DIR/pglite).
  const database = await openPglite(join(dir, 'pglite'), new Blob([readFileSync(inject('pgliteDump'))]));
  const org = await createTestOrg(database, 'CLI6');
  readerEmail = org.users.csr_manager.email;
  await insertGeneratedExpenses(database, {
    orgId: org.orgId,
    companyIds: [org.companies.jp, org.companies.us],
    years: [2022, 2023],
    count: 30,
    seed: 66,
  });
  await createBlock(await ctxAs(database, org, 'csr_manager'), 2023, {
    section: 'policy',
    titleJa: '方針',
    titleEn: 'Policy',
    bodyJa: '本文',
    bodyEn: 'Body',
  });
  await database.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kyosei report', { timeout: 180_000 }, () => {
  it('prints the same JSON as GET /api/reports/{fy}?lang=, in the language asked', async () => {
    const cli = await kyosei(['report', '--fy', '2024', '--lang', 'en', '--format', 'json']);
    expect(cli.code, cli.stderr).toBe(0);
    const database = await openPglite(join(dir, 'pglite'));
    try {
      const app = await buildTestApp(database);
      const session = await signIn(app, readerEmail);
      const res = await app.inject({
        method: 'GET',
        url: '/api/reports/2024?lang=en',
        headers: { cookie: session.cookie },
      });
      await app.close();
      const { computedAt: _a, ...fromCli } = JSON.parse(cli.stdout);
      const { computedAt: _b, ...fromApi } = res.json();
      expect(fromCli).toEqual(fromApi);
      expect(fromCli.lang).toBe('en');
      expect(fromCli.period.label).toBe('fiscal 2024');
      expect(fromCli.blocks[0].title).toBe('Policy');
    } finally {
      await database.close();
    }
  });
});
