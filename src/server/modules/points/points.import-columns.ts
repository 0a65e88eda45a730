import { headerReader, type ImportHeader, type ImportIssue } from '../../lib/csv-import.js';
import { requestHash } from '../ledger/ledger.post.js';
import { MAX_GRANT_POINTS } from './points.schema.js';
import { grantKey, grantRequest } from './points.service.js';

/** The columns of the points CSV (docs/import-formats.md), each with the header names accepted. */
export const POINT_COLUMNS = {
  grant_reference: { required: true, aliases: ['付与番号', '付与ID', 'reference'] },
  employee_number: { required: true, aliases: ['社員番号', '従業員番号'] },
  fiscal_year: { required: true, aliases: ['年度'] },
  points: { required: true, aliases: ['ポイント', '付与ポイント'] },
  note: { required: false, aliases: ['備考', 'メモ'] },
} as const;

export type PointColumn = keyof typeof POINT_COLUMNS;
export const POINT_COLUMN_NAMES = Object.keys(POINT_COLUMNS) as PointColumn[];
export type Header = ImportHeader<PointColumn>;

/** Maps a header record to the known columns; reports unknown, repeated and missing columns. */
export const readPointHeader = headerReader(POINT_COLUMNS);

export type PointLookups = {
  /** Employee number to employee id. */
  employees: Map<string, string>;
  /** Idempotency keys of the grants posted already, with the hash of what each asked for. */
  grants: Map<string, string>;
  /** Fiscal years (start years) that have ended: no new grant may go to them. */
  ended: (fiscalYear: number) => boolean;
};

/** One valid row, ready to post. */
export type PointImportRow = {
  reference: string;
  employeeId: string;
  fiscalYear: number;
  points: number;
  note: string | null;
};

/** A whole number as spreadsheets write it: full-width digits and thousands separators allowed. */
function wholeNumber(value: string): number | null {
  const v = value.normalize('NFKC').replace(/[,\s]/g, '');
  return /^\d{1,9}$/.test(v) ? Number(v) : null;
}

/** Validates one record; returns the grant to post or every issue found in it. */
export function validatePointRow(
  record: string[],
  row: number,
  header: Header,
  lookups: PointLookups,
): { value: PointImportRow | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const get = (c: PointColumn) => {
    const i = header.index[c];
    return i === undefined ? '' : (record[i] ?? '').trim();
  };
  const add = (c: PointColumn, code: string, value = get(c)) => {
    const i = header.index[c];
    issues.push({
      path: `rows.${row}.${c}`,
      row,
      column: i === undefined ? c : header.names[i],
      code,
      value,
    });
  };
  if (record.length !== header.names.length) {
    const counts = { found: record.length, expected: header.names.length };
    issues.push({ path: `rows.${row}`, row, column: '', code: 'column_count', ...(counts as object) });
  }
  const reference = get('grant_reference');
  if (!reference) add('grant_reference', 'required');
  else if (reference.length > 100) add('grant_reference', 'reference_too_long');

  const employeeNumber = get('employee_number');
  const employeeId = lookups.employees.get(employeeNumber) ?? null;
  if (!employeeNumber) add('employee_number', 'required');
  else if (!employeeId) add('employee_number', 'unknown_employee');

  const fy = wholeNumber(get('fiscal_year'));
  const fiscalYear = fy !== null && fy >= 2000 && fy <= 2100 ? fy : null;
  if (!get('fiscal_year')) add('fiscal_year', 'required');
  else if (fiscalYear === null) add('fiscal_year', 'invalid_fiscal_year');

  const points = wholeNumber(get('points'));
  if (!get('points')) add('points', 'required');
  else if (points === null || points < 1 || points > MAX_GRANT_POINTS) add('points', 'whole_number');

  const note = get('note') || null;
  if (note && note.length > 500) add('note', 'note_too_long');
  if (issues.length) return { value: null, issues };

  const value = { reference, employeeId: employeeId!, fiscalYear: fiscalYear!, points: points!, note };
  // A reference seen before is fine when it asks for the same grant (a rerun), whatever the year.
  const known = lookups.grants.get(grantKey(reference));
  if (known !== undefined && known !== requestHash(grantRequest(value)))
    add('grant_reference', 'reference_reused');
  else if (known === undefined && lookups.ended(value.fiscalYear)) add('fiscal_year', 'fiscal_year_ended');
  return issues.length ? { value: null, issues } : { value, issues };
}
