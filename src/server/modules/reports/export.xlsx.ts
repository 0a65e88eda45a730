import { FIGURE_SECTIONS, figureRows } from './export.figures.js';
import { reportT } from './format.js';
import type { ReportDocument } from './report.schema.js';

const FORMATS = { yen: '#,##0', count: '#,##0', decimal: '#,##0.##' } as const;

/**
 * The report's figures as a workbook, one sheet per section (disaster support, programs,
 * volunteering, goals, expenses), in the report's language: a title line, then label, value, unit and
 * the drill-down ref of each figure, values as numbers.
 */
export async function reportXlsx(doc: ReportDocument): Promise<Buffer> {
  const t = reportT(doc.lang);
  // Loaded here, not with the server: only an XLSX export needs it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kyosei';
  workbook.created = new Date(doc.computedAt);
  const rows = figureRows(doc);
  for (const section of FIGURE_SECTIONS) {
    const sheet = workbook.addWorksheet(t(`export.sheet.${section}`), {
      views: [{ state: 'frozen', ySplit: 2 }],
    });
    sheet.columns = [{ width: 64 }, { width: 18 }, { width: 10 }, { width: 40 }];
    const title = sheet.addRow([
      `${doc.organisation.name} ${doc.period.label}: ${t(`section.${section}`, { year: doc.period.label })}`,
    ]);
    title.font = { bold: true, size: 13 };
    const head = sheet.addRow([t('export.label'), t('export.value'), t('export.unit'), t('export.ref')]);
    head.font = { bold: true };
    for (const r of rows.filter((x) => x.section === section)) {
      const row = sheet.addRow([r.label, r.value, r.unit, r.ref ?? '']);
      row.getCell(2).numFmt = FORMATS[r.kind];
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
