import { headerReader, type ImportHeader, type ImportIssue } from '../../lib/csv-import.js';
import { parseDate } from '../people/employees.import-columns.js';
import { periodEnd } from './certifications.rules.js';

/** The columns of the certifications CSV (docs/import-formats.md), each with the header names accepted. */
export const CERTIFICATION_COLUMNS = {
  holder_ref: { required: true, aliases: ['認定番号', '認定ID', 'reference'] },
  certification_code: { required: true, aliases: ['認定コード', '資格コード'] },
  employee_number: { required: true, aliases: ['社員番号', '従業員番号'] },
  certified_on: { required: true, aliases: ['認定日'] },
  expires_on: { required: false, aliases: ['有効期限', '失効日'] },
  renews_ref: { required: false, aliases: ['更新元認定番号'] },
  revoked_on: { required: false, aliases: ['取消日'] },
} as const;

export type CertificationColumn = keyof typeof CERTIFICATION_COLUMNS;
export const readCertificationHeader = headerReader(CERTIFICATION_COLUMNS);

/** A period already stored, by `${certificationId}|${ref}`. */
export type KnownPeriod = { id: string; employeeId: string };

export type CertificationLookups = {
  certifications: Map<string, { id: string; validityMonths: number | null }>;
  employees: Map<string, string>;
  known: Map<string, KnownPeriod>;
  /** Periods renewed already (stored or earlier in the file), by key: each is renewed once. */
  renewed: Set<string>;
  /** Valid rows earlier in the file, by key, for renews_ref. */
  inFile: Map<string, { employeeId: string }>;
};

export type CertificationImportRow = {
  key: string;
  ref: string;
  certificationId: string;
  employeeId: string;
  certifiedOn: string;
  expiresOn: string | null;
  revokedOn: string | null;
  renewsKey: string | null;
};

/** Validates one record; returns the period to write or every issue found in it. */
export function validateCertificationRow(
  record: string[],
  row: number,
  header: ImportHeader<CertificationColumn>,
  lookups: CertificationLookups,
): { value: CertificationImportRow | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const get = (c: CertificationColumn) => {
    const i = header.index[c];
    return i === undefined ? '' : (record[i] ?? '').normalize('NFKC').trim();
  };
  const add = (c: CertificationColumn, code: string, value = get(c)) => {
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
  const ref = get('holder_ref');
  if (!ref) add('holder_ref', 'required');
  else if (ref.length > 100) add('holder_ref', 'too_big');
  const certification = lookups.certifications.get(get('certification_code'));
  if (!get('certification_code')) add('certification_code', 'required');
  else if (!certification) add('certification_code', 'unknown_certification');
  const employeeId = lookups.employees.get(get('employee_number'));
  if (!get('employee_number')) add('employee_number', 'required');
  else if (!employeeId) add('employee_number', 'unknown_employee');
  const certifiedOn = parseDate(get('certified_on'));
  if (!get('certified_on')) add('certified_on', 'required');
  else if (!certifiedOn) add('certified_on', 'invalid_date');
  const expiresOn = get('expires_on') ? parseDate(get('expires_on')) : null;
  if (get('expires_on') && !expiresOn) add('expires_on', 'invalid_date');
  else if (expiresOn && certifiedOn && expiresOn < certifiedOn) add('expires_on', 'ends_before_start');
  const revokedOn = get('revoked_on') ? parseDate(get('revoked_on')) : null;
  if (get('revoked_on') && !revokedOn) add('revoked_on', 'invalid_date');
  else if (revokedOn && certifiedOn && revokedOn < certifiedOn) add('revoked_on', 'revoked_before_period');
  if (issues.length || !certification || !employeeId || !certifiedOn) return { value: null, issues };

  const key = `${certification.id}|${ref}`;
  const known = lookups.known.get(key);
  if (known && known.employeeId !== employeeId) add('holder_ref', 'holder_ref_reused');
  const renewsRef = get('renews_ref');
  const renewsKey = renewsRef ? `${certification.id}|${renewsRef}` : null;
  if (renewsKey) {
    const renewed = lookups.known.get(renewsKey) ?? lookups.inFile.get(renewsKey);
    if (!renewed || renewsKey === key) add('renews_ref', 'unknown_period');
    else if (renewed.employeeId !== employeeId) add('renews_ref', 'renews_other_employee');
    else if (lookups.renewed.has(renewsKey) && !known) add('renews_ref', 'already_renewed');
  }
  if (issues.length) return { value: null, issues };
  lookups.inFile.set(key, { employeeId });
  if (renewsKey) lookups.renewed.add(renewsKey);
  const end =
    expiresOn ?? (certification.validityMonths ? periodEnd(certifiedOn, certification.validityMonths) : null);
  return {
    value: {
      key,
      ref,
      certificationId: certification.id,
      employeeId,
      certifiedOn,
      expiresOn: end,
      revokedOn,
      renewsKey,
    },
    issues,
  };
}
