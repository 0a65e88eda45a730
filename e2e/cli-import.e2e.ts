import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually, visit } from './support/app.js';
import { useBrowser } from './support/browser.js';
import { type Locale, t } from './support/i18n.js';
import { runCli } from './support/cli.js';
import { type ApiSession, DEMO_ACCOUNTS, sessionFor, setUserLocale } from './support/session.js';

const baseURL = inject('postgresBaseUrl');
const databaseEnv = { DATABASE_URL: inject('postgresDatabaseUrl'), LOG_LEVEL: 'warn', KYOSEI_LANG: 'en' };

const HEADER = 'employee_number,name_ja,name_en,name_kana,email,company_code,hire_date';
type Company = { code: string; country: string };
type Employee = { employeeNumber: string; nameJa: string; email: string };

type Counts = { rows: number; created: number; updated: number; unchanged: number };

/** The summary line the import prints, from the CLI's own catalogue. */
const summary = (lang: Locale, file: string, encoding: string, c: Counts) =>
  t(lang, 'cli:message.importDone', { fileName: basename(file), encoding, ...c });

describe('importing employees with the CLI while the server runs on PostgreSQL', () => {
  const browser = useBrowser();
  const dir = mkdtempSync(join(tmpdir(), 'kyosei-e2e-csv-'));
  let api: ApiSession;
  let utf8File: string;
  let sjisFile: string;

  beforeAll(async () => {
    api = await sessionFor(baseURL, DEMO_ACCOUNTS.org_admin);
    await setUserLocale(api, 'ja');
    const companies = await api.call<{ items: Company[] }>('GET', '/api/companies?size=100');
    const jp = companies.items.find((c) => c.country === 'JP') ?? companies.items[0];
    utf8File = join(dir, 'employees-utf8.csv');
    writeFileSync(
      utf8File,
      `\uFEFF${HEADER}\n` +
        `E2E-0001,共生 試験太郎,Shikentaro Kyosei,キョウセイ シケンタロウ,shikentaro.kyosei@e2e.example,${jp.code},2020-04-01\n` +
        `E2E-0002,共生 試験花子,Shikenhanako Kyosei,キョウセイ シケンハナコ,shikenhanako.kyosei@e2e.example,${jp.code},2021-04-01\n`,
    );
    sjisFile = join(dir, 'employees-sjis.csv');
    writeFileSync(
      sjisFile,
      iconv.encode(
        `${HEADER}\r\nE2E-0003,渡邊 試験次郎,Shikenjiro Watanabe,ワタナベ シケンジロウ,shikenjiro.watanabe@e2e.example,${jp.code},2019/10/1\r\n`,
        'Shift_JIS',
      ),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a UTF-8 file (with BOM) and reports what it created', async () => {
    const run = await runCli(['import', 'employees', utf8File, '--org', 'DEMO'], databaseEnv);
    expect(run.code, run.output).toBe(0);
    expect(run.stdout).toContain(
      summary('en', utf8File, 'utf-8', { rows: 2, created: 2, updated: 0, unchanged: 0 }),
    );
  });

  it('imports a Shift_JIS file', async () => {
    const run = await runCli(['import', 'employees', sjisFile, '--org', 'DEMO', '--encoding', 'shift_jis'], {
      ...databaseEnv,
      KYOSEI_LANG: 'ja',
    });
    expect(run.code, run.output).toBe(0);
    expect(run.stdout).toContain(
      summary('ja', sjisFile, 'shift_jis', { rows: 1, created: 1, updated: 0, unchanged: 0 }),
    );
    const found = await api.call<{ items: Employee[] }>('GET', '/api/employees?q=E2E-0003');
    expect(found.items[0]).toMatchObject({ employeeNumber: 'E2E-0003', nameJa: '渡邊 試験次郎' });
  });

  it('shows the imported employees in the running app', async () => {
    const page = await browser.page({ baseURL, locale: 'ja', storageState: api.state });
    await visit(page, '/employees', t('ja', 'employees.title'));
    await page.getByRole('searchbox', { name: t('ja', 'common.search') }).fill('試験');
    await eventually(async () => {
      const rows = await page.getByRole('table').locator('tbody tr').allInnerTexts();
      expect(rows.length).toBe(3);
      expect(rows.join('\n')).toContain('共生 試験太郎');
      expect(rows.join('\n')).toContain('渡邊 試験次郎');
    });
  });

  it('changes nothing when the same file is imported again', async () => {
    const run = await runCli(['import', 'employees', utf8File, '--org', 'DEMO'], databaseEnv);
    expect(run.code, run.output).toBe(0);
    expect(run.stdout).toContain(
      summary('en', utf8File, 'utf-8', { rows: 2, created: 0, updated: 0, unchanged: 2 }),
    );
  });

  it('refuses an invalid file, naming the row and column, and imports none of it', async () => {
    const bad = join(dir, 'employees-bad.csv');
    writeFileSync(
      bad,
      `${HEADER}\n` +
        'E2E-0101,共生 正常,Seijo Kyosei,キョウセイ セイジョウ,seijo@e2e.example,NOPE-COMPANY,2020-04-01\n' +
        'E2E-0102,共生 日付,Hizuke Kyosei,キョウセイ ヒヅケ,hizuke@e2e.example,NOPE-COMPANY,2020-13-45\n',
    );
    const run = await runCli(['import', 'employees', bad, '--org', 'DEMO'], databaseEnv);
    expect(run.code, run.output).not.toBe(0);
    const issue = (row: number, column: string, code: string, value: string) =>
      t('en', 'cli:message.issueValue', { row, column, value, message: t('en', `errors:field.${code}`) });
    expect(run.output).toContain(issue(2, 'company_code', 'unknown_company', 'NOPE-COMPANY'));
    expect(run.output).toContain(issue(3, 'hire_date', 'invalid_date', '2020-13-45'));
    const found = await api.call<{ total: number }>('GET', '/api/employees?q=E2E-01');
    expect(found.total).toBe(0);
  });

  it('says plainly that the PGlite data folder is in use by the running server, without hanging', async () => {
    const run = await runCli(['import', 'employees', utf8File, '--org', 'DEMO'], {
      KYOSEI_DATA_DIR: inject('pgliteDataDir'),
      LOG_LEVEL: 'warn',
      KYOSEI_LANG: 'en',
    });
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(inject('pgliteDataDir'));
  });
});
