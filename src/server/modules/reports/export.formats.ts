import type { Ctx } from '../../lib/context.js';
import { reportBundle } from './export.bundle.js';
import { reportCsv } from './export.csv.js';
import { reportPdf } from './export.pdf.js';
import { reportXlsx } from './export.xlsx.js';
import { renderReportHtml } from './page.render.js';
import { reportDocument } from './report.document.js';

/** What the API exports (`GET /api/reports/{fy}/export.{format}`); the CLI also writes `html`. */
export const EXPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf', 'zip'] as const;
export const CLI_FORMATS = ['json', 'csv', 'xlsx', 'pdf', 'html', 'zip'] as const;
export type ExportFormat = (typeof CLI_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  zip: 'application/zip',
};

export type ReportExport = { body: string | Buffer; contentType: string; filename: string };

/**
 * A report in one export format. JSON is the document itself; CSV one figure per line (UTF-8, BOM);
 * XLSX one sheet per section; PDF the page printed by Chromium; HTML the standalone page; zip the
 * static bundle of both languages (`lang` only names the file). The caller has checked the right to
 * read the report (and, for the public, that it is published).
 */
export async function exportReport(
  ctx: Ctx,
  startYear: number,
  lang: 'ja' | 'en',
  format: ExportFormat,
): Promise<ReportExport> {
  const doc = await reportDocument(ctx, startYear, lang);
  const base = `report-${doc.organisation.code}-${doc.fiscalYear}`;
  const named = (body: string | Buffer, ext: string, withLang = true) => ({
    body,
    contentType: CONTENT_TYPES[format],
    filename: `${base}${withLang ? `-${lang}` : ''}.${ext}`,
  });
  switch (format) {
    case 'json':
      return named(`${JSON.stringify(doc, null, 2)}\n`, 'json');
    case 'csv':
      return named(reportCsv(doc), 'csv');
    case 'xlsx':
      return named(await reportXlsx(doc), 'xlsx');
    case 'pdf':
      return named(await reportPdf(doc), 'pdf');
    case 'html':
      return named(await renderReportHtml(doc, { viewer: 'public', standalone: true }), 'html');
    case 'zip': {
      const other = await reportDocument(ctx, startYear, lang === 'ja' ? 'en' : 'ja');
      const docs = lang === 'ja' ? { ja: doc, en: other } : { ja: other, en: doc };
      return named(Buffer.from(await reportBundle(docs)), 'zip', false);
    }
  }
}
