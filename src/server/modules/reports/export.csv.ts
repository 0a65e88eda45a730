import { stringify } from 'csv-stringify/sync';
import { csvCell } from '../../lib/csv-export.js';
import { figureRows } from './export.figures.js';
import type { ReportDocument } from './report.schema.js';

/** The header of the figures CSV: stable column names that tools can rely on, whatever the language. */
export const CSV_COLUMNS = ['section', 'ref', 'label', 'value', 'unit'] as const;

/**
 * Every figure of the report, one per line (section, ref, label, value, unit), labels in the report's
 * language; UTF-8 with a BOM so that spreadsheet software reads Japanese correctly.
 */
export function reportCsv(doc: ReportDocument): string {
  const rows = figureRows(doc).map((r) => [
    r.section,
    r.ref ?? '',
    csvCell(r.label),
    r.value,
    csvCell(r.unit),
  ]);
  return `\uFEFF${stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: '\r\n' })}`;
}
