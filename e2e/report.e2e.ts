import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { formatYen, formatYenExact } from '../src/shared/amounts.js';
import { fiscalYearLabel, fiscalYearOf, reportYearNumber } from '../src/shared/fiscal-year.js';
import { eventually, heading, mainNav, shows, visit } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { sessionOf, yen } from './support/giving.js';
import { exact, type Locale, LOCALES, t } from './support/i18n.js';
import { ROOT } from './support/server.js';
import { type ApiSession, setUserLocale } from './support/session.js';

type Organisation = {
  code: string;
  fiscalYearStartMonth: number;
  fyLabelJa: 'start' | 'end';
  fyLabelEn: 'start' | 'end';
};
type AmountLine = { code: string; labelJa: string; labelEn: string; amountJpy: number };
type ReportJson = {
  fiscalYear: number;
  status: string;
  amountUnitJa: 'oku' | 'hyakuman';
  period: { label: string };
  expenses: { totalJpy: number; byField: AmountLine[] };
};

const FIXTURE = join(ROOT, 'src/server/modules/accounting/fixtures/expenses-sjis.csv');
const DATE = /\b(20\d\d)([-/])(\d\d?)\2(\d\d?)\b/g;
/** The last calendar year the shifted rows may fall in: before any year of the demo's expenses. */
const LATEST = 2013;

/**
 * H1's Shift_JIS fixture moved into a fiscal year no other record uses: every date shifts back by
 * whole leap cycles (so 29 February stays a date), its companies (the test organisation's JP01 and
 * US01) those of the demo, the text re-encoded in Shift_JIS as accounting exports it. Returns the
 * bytes and the fiscal years (start years) the rows land in.
 */
function freshYearCsv(
  startMonth: number,
  companies: Record<string, string>,
): { bytes: Buffer; startYears: number[]; currencies: string[] } {
  let text = iconv.decode(readFileSync(FIXTURE), 'Shift_JIS');
  for (const [from, to] of Object.entries(companies)) text = text.replaceAll(`,${from},`, `,${to},`);
  const years = [...text.matchAll(DATE)].map((m) => Number(m[1]));
  const shift = Math.ceil((Math.max(...years) - LATEST) / 4) * 4;
  const startYears = new Set<number>();
  const shifted = text.replace(DATE, (_, y: string, sep: string, m: string, d: string) => {
    const year = Number(y) - shift;
    startYears.add(fiscalYearOf(`${year}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`, startMonth));
    return `${year}${sep}${m}${sep}${d}`;
  });
  const currencies = [
    ...new Set([...shifted.matchAll(/,(USD|EUR|INR|THB|CNY|GBP|SGD)\b/g)].map((m) => m[1])),
  ];
  return { bytes: iconv.encode(shifted, 'Shift_JIS'), startYears: [...startYears].sort(), currencies };
}

/** The types the company's method adds up (cash, sponsorship, products, facilities), as the CSV writes them. */
const COMPANY_TYPES = new Set([
  'cash_donation',
  '現金寄付',
  'sponsorship',
  '協賛',
  'product_donation',
  '製品寄贈',
  'facility_opening',
  '施設開放',
]);

/** The CSV's rows and its company-method total, computed here from the file (all amounts in yen). */
function fileFigures(bytes: Buffer): { rows: number; totalJpy: number; companyRows: number } {
  const records = parse(iconv.decode(bytes, 'Shift_JIS'), {
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
  const type = (r: Record<string, string>) => r.type ?? r.種類;
  const amount = (r: Record<string, string>) => Number((r.amount ?? r.金額).replaceAll(',', ''));
  const totalJpy = records.filter((r) => COMPANY_TYPES.has(type(r))).reduce((sum, r) => sum + amount(r), 0);
  const companyRows = records.filter((r) => COMPANY_TYPES.has(type(r))).length;
  return { rows: records.length, totalJpy, companyRows };
}

/** The report's total (in its unit) and every field's label and exact amount, as the page writes them. */
function expectedTexts(doc: ReportJson, lang: Locale): string[] {
  return [
    formatYen(doc.expenses.totalJpy, lang, doc.amountUnitJa),
    ...doc.expenses.byField.flatMap((l) => [
      lang === 'ja' ? l.labelJa : l.labelEn,
      formatYenExact(l.amountJpy, lang),
    ]),
  ];
}

/** Finance imports the CSV through the expenses screen's import modal: a dry run first, then the import. */
async function importThroughModal(page: Page, locale: Locale, bytes: Buffer, rows: number) {
  await visit(page, '/accounting/expenses', t(locale, 'expenses:list.title'));
  await page.getByRole('button', { name: exact(t(locale, 'expenses:import.open')) }).click();
  const dialog = page.getByRole('dialog', { name: t(locale, 'expenses:import.title') });
  await shows(dialog, 'the import dialog');
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: 'expenses-sjis.csv', mimeType: 'text/csv', buffer: bytes });
  await dialog.getByRole('button', { name: exact(t(locale, 'expenses:import.check')) }).click();
  await shows(dialog.getByRole('status').filter({ hasText: String(rows) }), 'the dry run report');
  await dialog.getByRole('button', { name: exact(t(locale, 'expenses:import.import')) }).click();
  await shows(
    page.getByText(
      t(locale, 'expenses:import.doneToast', { rows: new Intl.NumberFormat(locale).format(rows) }),
    ),
    'the import notice',
  );
  await dialog
    .getByRole('button', { name: exact(t(locale, 'common.close')) })
    .first()
    .click();
}

describe('the bilingual report journey', () => {
  const browser = useBrowser();
  const servers: [Locale, string, string][] = [
    ['ja', inject('pgliteBaseUrl'), 'PGlite'],
    ['en', inject('postgresBaseUrl'), 'PostgreSQL'],
  ];

  for (const [locale, baseURL, server] of servers) {
    it(`finance imports and closes a year, a CSR manager publishes its report, the public page matches the JSON (${locale}, ${server})`, async () => {
      const [finance, csr] = await Promise.all(
        (['finance', 'csr_manager'] as const).map((r) => sessionOf(baseURL, r)),
      );
      await Promise.all([setUserLocale(finance, locale), setUserLocale(csr, locale)]);
      const org = await finance.call<Organisation>('GET', '/api/organisation');
      const settings = {
        startMonth: org.fiscalYearStartMonth,
        labelJa: org.fyLabelJa,
        labelEn: org.fyLabelEn,
      };
      const companies = await finance.call<{ items: { code: string; country: string }[] }>(
        'GET',
        '/api/companies?size=200',
      );
      const inCountry = (country: string) => {
        const c = companies.items.find((x) => x.country === country);
        if (!c) throw new Error(`the demo has no company in ${country}`);
        return c.code;
      };
      const csv = freshYearCsv(settings.startMonth, { JP01: inCountry('JP'), US01: inCountry('US') });
      expect(csv.startYears).toHaveLength(1);
      const startYear = csv.startYears[0];
      const fy = reportYearNumber(startYear, settings);
      for (const currency of csv.currencies)
        await finance.call('PUT', `/api/fx-rates/${startYear}/${currency}`, { jpyPerUnit: '150' });
      const before = await finance.call<{ total: number }>(
        'GET',
        `/api/expenses?fiscalYear=${startYear}&size=1`,
      );
      expect(before.total).toBe(0);
      const { rows, totalJpy, companyRows } = fileFigures(csv.bytes);

      // 1. Finance imports the Shift_JIS file through the modal, then closes the year.
      const financePage = await browser.page({ baseURL, locale, storageState: finance.state });
      await importThroughModal(financePage, locale, csv.bytes, rows);
      const imported = await finance.call<{ total: number }>(
        'GET',
        `/api/expenses?fiscalYear=${startYear}&size=1`,
      );
      expect(imported.total).toBe(rows);
      await closeYear(financePage, locale, finance, fiscalYearLabel(startYear, locale, settings), startYear);

      // 2. The CSR manager writes the policy in Japanese only: the missing translation blocks publishing.
      const page = await browser.page({ baseURL, locale, storageState: csr.state, bypassCSP: true });
      const label = fiscalYearLabel(startYear, locale, settings);
      await visit(page, '/reports', t(locale, 'reports:list.title'));
      const navItem = mainNav(page, locale).getByRole('link', { name: t(locale, 'reports:nav.reports') });
      expect(await navItem.getAttribute('aria-current')).toBe('page');
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: label, exact: true }) });
      await shows(row.getByText(t(locale, 'reports:status.draft')), 'the year as a draft');
      await row.getByRole('link', { name: label, exact: true }).click();
      await shows(heading(page, t(locale, 'reports:editor.title', { year: label })), 'the report editor');
      await writePolicy(page, locale, fy);
      await addAndMoveUp(page, locale);

      // 3. Publish, after a confirmation.
      const publish = page.getByRole('button', { name: exact(t(locale, 'reports:publish.button')) });
      await eventually(async () => expect(await publish.isEnabled()).toBe(true));
      await publish.click();
      const confirm = page.getByRole('dialog', { name: t(locale, 'reports:publish.button') });
      await confirm.getByRole('button', { name: exact(t(locale, 'reports:publish.run')) }).click();
      await shows(
        page.getByText(t(locale, 'reports:publish.done', { year: label })),
        'the publication notice',
      );
      await shows(
        page.getByRole('button', { name: exact(t(locale, 'reports:unpublish.button')) }),
        'the unpublish button',
      );

      const editorViolations = await seriousViolations(page, `${locale} report editor`);
      expect(editorViolations, editorViolations.join('\n')).toEqual([]);

      // The total opens the records behind it: the company-method rows, the published value beside.
      const figures = page.getByRole('region', { name: t(locale, 'reports:figures.title'), exact: true });
      await figures
        .getByRole('link', { name: yen(locale, totalJpy), exact: true })
        .first()
        .click();
      await shows(page.getByRole('heading', { level: 1, name: /.+/ }), 'the drill-down');
      const summary = page.getByRole('list', { name: t(locale, 'reports:records.summary') });
      await shows(summary.getByText(yen(locale, totalJpy), { exact: true }).first(), 'the figure value');
      await shows(summary.getByText(t(locale, 'reports:records.published')), 'the published value');
      await shows(summary.getByText(String(companyRows), { exact: true }), 'the count of records');
      await shows(page.getByRole('table').getByRole('row').nth(companyRows), 'every record in the table');
      const csvLink = page.getByRole('link', { name: exact(t(locale, 'reports:records.csv')) });
      const csvBody = await page.request.get((await csvLink.getAttribute('href')) ?? '');
      expect(csvBody.status()).toBe(200);
      expect((await csvBody.body()).subarray(0, 3).toString('hex')).toBe('efbbbf');
      const drillViolations = await seriousViolations(page, `${locale} drill-down`);
      expect(drillViolations, drillViolations.join('\n')).toEqual([]);
      await page.getByRole('link', { name: t(locale, 'reports:records.back') }).click();
      await shows(heading(page, t(locale, 'reports:editor.title', { year: label })), 'the editor again');

      // 4. Without a cookie: the page in both languages shows the figures of the public JSON.
      for (const lang of LOCALES) {
        const pub = await browser.page({ baseURL, locale: lang });
        const res = await pub.request.get(`/api/public/reports/${org.code}/${fy}?lang=${lang}`);
        expect(res.status()).toBe(200);
        const doc = (await res.json()) as ReportJson;
        expect(doc.status).toBe('published');
        expect(doc.expenses.totalJpy).toBe(totalJpy);
        expect(doc.expenses.byField.reduce((s, l) => s + l.amountJpy, 0)).toBe(doc.expenses.totalJpy);
        const html = await pub.goto(`/report/${lang}/${fy}`);
        expect(html?.status()).toBe(200);
        expect(await pub.locator('html').getAttribute('lang')).toBe(lang);
        await shows(pub.getByText(doc.period.label).first(), `the ${lang} period label`);
        const body = await pub.locator('body').innerText();
        for (const text of expectedTexts(doc, lang))
          expect(body, `${lang} page shows ${text}`).toContain(text);
      }

      // 5. The PDF export from the editor's menu is a real PDF.
      await page.getByRole('button', { name: exact(t(locale, 'reports:export.button')) }).click();
      const item = t(locale, 'reports:export.item', {
        format: t(locale, 'reports:export.format.pdf'),
        lang: t(locale, `reports:lang.${locale}`),
      });
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByRole('menuitem', { name: exact(item) }).click(),
      ]);
      const path = await download.path();
      const pdf = readFileSync(path);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(10_000);
    });
  }
});

/** Finance closes the year on the accounting years screen (a confirmation says it is final). */
async function closeYear(page: Page, locale: Locale, finance: ApiSession, label: string, startYear: number) {
  await visit(page, '/accounting/years', t(locale, 'expenses:years.title'));
  await page
    .getByRole('button', { name: exact(t(locale, 'expenses:years.closeNamed', { year: label })) })
    .click();
  const dialog = page.getByRole('dialog', {
    name: t(locale, 'expenses:years.confirmTitle', { year: label }),
  });
  await dialog
    .getByRole('button', { name: exact(t(locale, 'expenses:years.confirm', { year: label })) })
    .click();
  await shows(
    page.getByText(t(locale, 'expenses:years.closedToast', { year: label })),
    'the close notice',
    60_000,
  );
  const years = await finance.call<{ items: { fiscalYear: number; closed: boolean }[] }>(
    'GET',
    '/api/accounting/years',
  );
  expect(years.items.find((y) => y.fiscalYear === startYear)?.closed).toBe(true);
}

/**
 * Adds the policy text in Japanese, sees it listed as lacking English (publishing held back), writes the
 * English beside it and sees the list empty.
 */
async function writePolicy(page: Page, locale: Locale, fy: number) {
  const sectionName = t(locale, 'reports:section.policy');
  const section = page.getByRole('region', { name: sectionName, exact: true });
  await section
    .getByRole('button', { name: exact(t(locale, 'reports:blocks.add', { section: sectionName })) })
    .click();
  const name = t(locale, 'reports:block.name', { index: 1, section: sectionName });
  const block = page.getByRole('group', { name, exact: true });
  const ja = t(locale, 'reports:lang.ja');
  const en = t(locale, 'reports:lang.en');
  await block.getByRole('textbox', { name: t(locale, 'reports:block.title', { lang: ja }) }).fill('基本方針');
  await block
    .getByRole('textbox', { name: t(locale, 'reports:block.body', { lang: ja }) })
    .fill(`社会の課題に事業と社員の力で取り組みます(${fy})。`);
  await block.getByRole('button', { name: exact(t(locale, 'reports:block.save', { name })) }).click();
  await shows(page.getByText(t(locale, 'reports:block.saved', { name })), 'the saved notice');

  const missing = page.getByRole('region', { name: t(locale, 'reports:missing.title'), exact: true });
  await shows(missing.getByText(t(locale, 'reports:missing.lacks', { lang: en })), 'the missing English');
  const publish = page.getByRole('button', { name: exact(t(locale, 'reports:publish.button')) });
  expect(await publish.isDisabled()).toBe(true);

  await block
    .getByRole('textbox', { name: t(locale, 'reports:block.title', { lang: en }) })
    .fill('Basic policy');
  await block
    .getByRole('textbox', { name: t(locale, 'reports:block.body', { lang: en }) })
    .fill(`We take on society's issues with our business and our people (${fy}).`);
  await block.getByRole('button', { name: exact(t(locale, 'reports:block.save', { name })) }).click();
  await shows(missing.getByText(t(locale, 'reports:missing.none')), 'no missing translation');
}

/** Adds a second policy text in both languages and moves it above the first one. */
async function addAndMoveUp(page: Page, locale: Locale) {
  const sectionName = t(locale, 'reports:section.policy');
  const section = page.getByRole('region', { name: sectionName, exact: true });
  await section
    .getByRole('button', { name: exact(t(locale, 'reports:blocks.add', { section: sectionName })) })
    .click();
  const nameAt = (index: number) => t(locale, 'reports:block.name', { index, section: sectionName });
  const titleIn = (lang: Locale) =>
    t(locale, 'reports:block.title', { lang: t(locale, `reports:lang.${lang}`) });
  const second = page.getByRole('group', { name: nameAt(2), exact: true });
  await second.getByRole('textbox', { name: titleIn('ja') }).fill('社会貢献の考え方');
  await second.getByRole('textbox', { name: titleIn('en') }).fill('Why we contribute');
  await second
    .getByRole('button', { name: exact(t(locale, 'reports:block.save', { name: nameAt(2) })) })
    .click();
  await shows(page.getByText(t(locale, 'reports:block.saved', { name: nameAt(2) })), 'the saved notice');
  const first = page.getByRole('group', { name: nameAt(1), exact: true });
  expect(
    await first
      .getByRole('button', { name: exact(t(locale, 'reports:block.moveUp', { name: nameAt(1) })) })
      .isDisabled(),
  ).toBe(true);
  await second
    .getByRole('button', { name: exact(t(locale, 'reports:block.moveUp', { name: nameAt(2) })) })
    .click();
  await eventually(async () =>
    expect(await first.getByRole('textbox', { name: titleIn('en') }).inputValue()).toBe('Why we contribute'),
  );
  expect(await second.getByRole('textbox', { name: titleIn('en') }).inputValue()).toBe('Basic policy');
}
