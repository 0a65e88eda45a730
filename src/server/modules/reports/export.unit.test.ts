import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { convertWithLibreOffice } from '../../../../scripts/lib/libreoffice.mjs';
import { createI18n } from '../../../shared/i18n/index';
import { AppError } from '../../lib/errors';
import { reportBundle } from './export.bundle';
import { reportCsv } from './export.csv';
import { figureRows } from './export.figures';
import { reportPdf } from './export.pdf';
import { reportXlsx } from './export.xlsx';
import { sampleReportDocument } from './page.fixture';

const dir = mkdtempSync(join(tmpdir(), 'kyosei-report-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CJK = /[\u3040-\u30ff\u3400-\u9fff]/;

describe('the report exports', () => {
  it('CSV: one figure per line with section, ref, label, value and unit, UTF-8 with a BOM', () => {
    const csv = reportCsv(sampleReportDocument('ja'));
    expect(csv.startsWith('\uFEFFsection,ref,label,value,unit\r\n')).toBe(true);
    const rows: string[][] = parse(csv.slice(1));
    const total = rows.find((r) => r[1] === 'expenses.total');
    expect(total).toEqual(['expenses', 'expenses.total', '合計', '828123456', '円']);
    expect(rows.find((r) => r[1] === 'volunteering.newRegistrants')?.slice(2)).toEqual([
      '新規登録者数',
      '1338',
      '名',
    ]);
    expect(rows.find((r) => r[1] === 'programs.ENET.certified')?.[3]).toBe('333');
    expect(rows.length - 1).toBe(figureRows(sampleReportDocument('ja')).length);
    const en = reportCsv(sampleReportDocument('en'));
    expect(CJK.test(en)).toBe(false);
    expect(en).toContain('expenses.trend.2023,Trend in Activity Expenses: fiscal 2024,828123456,yen');
  });

  it('CSV: guards labels that a spreadsheet would run as formulas', () => {
    const doc = sampleReportDocument('en');
    doc.programs[0].nameEn = '=HYPERLINK("x")';
    expect(reportCsv(doc)).toContain(`"'=HYPERLINK(""x""): Graduate groups (total) [EN]"`);
  });

  it('XLSX: one sheet per section that LibreOffice opens, with the figures as numbers', async () => {
    const file = join(dir, 'report.xlsx');
    writeFileSync(file, await reportXlsx(sampleReportDocument('en')));
    // Every sheet to its own CSV (UTF-8, comma, double quotes; the last field: all sheets).
    convertWithLibreOffice(
      file,
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
      dir,
    );
    const sheets = readdirSync(dir)
      .filter((f) => f.startsWith('report-') && f.endsWith('.csv'))
      .sort();
    expect(sheets).toEqual(
      ['Disaster support', 'Expenses', 'Goals', 'Programs', 'Volunteering'].map((s) => `report-${s}.csv`),
    );
    const expenses: string[][] = parse(readFileSync(join(dir, 'report-Expenses.csv'), 'utf8'), {
      relax_column_count: true,
    });
    expect(expenses[0][0]).toBe('Kyosei Group [EN] fiscal 2024: Social Contribution Activity Expenses');
    expect(expenses[1]).toEqual(['Label', 'Value', 'Unit', 'Ref']);
    expect(expenses.find((r) => r[3] === 'expenses.total')?.slice(0, 3)).toEqual([
      'Total',
      '828,123,456',
      'yen',
    ]);
    const volunteering = readFileSync(join(dir, 'report-Volunteering.csv'), 'utf8');
    expect(volunteering).toContain('New registrants,"1,338",people,volunteering.newRegistrants');
  }, 120_000);

  it('zip: a static bundle with both languages, each linking the other and the shared style sheet', async () => {
    const files = unzipSync(
      await reportBundle({ ja: sampleReportDocument('ja'), en: sampleReportDocument('en') }),
    );
    expect(Object.keys(files).sort()).toEqual(['en/index.html', 'ja/index.html', 'style.css']);
    const ja = strFromU8(files['ja/index.html']);
    const en = strFromU8(files['en/index.html']);
    expect(ja).toContain('<html lang="ja">');
    expect(ja).toContain('href="../en/index.html"');
    expect(en).toContain('href="../style.css"');
    expect(CJK.test(en)).toBe(false);
    expect(en).toContain('<svg role="img"');
    expect(strFromU8(files['style.css'])).toContain('@page { size: A4');
  });

  it('PDF: the page printed by Chromium on A4', async () => {
    const pdf = await reportPdf(sampleReportDocument('ja'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    // A4 is 595 x 842 points.
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
    expect(Math.abs(Number(box?.[1]) - 595)).toBeLessThan(2);
    expect(Math.abs(Number(box?.[2]) - 842)).toBeLessThan(2);
  }, 60_000);

  it('PDF: without Chromium, a 503 whose message names the command that installs it, in both languages', async () => {
    const missing = join(tmpdir(), 'no-chromium-here', 'chromium');
    const error = await reportPdf(sampleReportDocument('en'), missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'pdf_unavailable', status: 503 });
    for (const lang of ['ja', 'en'] as const) {
      const message = createI18n(lang).t('errors:pdf_unavailable');
      expect(message).toContain('apt-get install -y --no-install-recommends chromium fonts-noto-cjk');
    }
  });
});
