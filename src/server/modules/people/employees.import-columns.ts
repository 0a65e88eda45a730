import { headerReader, type ImportHeader, type ImportIssue } from '../../lib/csv-import.js';

/** The columns of the employee CSV (docs/import-formats.md), each with the header names accepted. */
export const IMPORT_COLUMNS = {
  employee_number: { required: true, aliases: ['社員番号', '従業員番号'] },
  name_ja: { required: true, aliases: ['氏名', '氏名(漢字)', '氏名(日本語)'] },
  name_en: { required: true, aliases: ['氏名(英字)', '氏名(英語)', '英字氏名'] },
  name_kana: { required: true, aliases: ['フリガナ', 'ふりがな', '氏名(カナ)', 'カナ氏名'] },
  email: { required: true, aliases: ['メールアドレス', 'メール', 'e-mail', 'email_address'] },
  company_code: { required: true, aliases: ['会社コード'] },
  site_code: { required: false, aliases: ['事業所コード', '拠点コード'] },
  department_code: { required: false, aliases: ['部門コード', '所属コード'] },
  employment_status: { required: false, aliases: ['在籍区分', '在籍状況'] },
  hire_date: { required: true, aliases: ['入社日'] },
  leave_date: { required: false, aliases: ['退職日'] },
} as const;

export type ImportColumn = keyof typeof IMPORT_COLUMNS;
export const COLUMN_NAMES = Object.keys(IMPORT_COLUMNS) as ImportColumn[];

/** An issue in the file: its row (the header is row 1) and the column as written in the header. */
export type { ImportIssue };

/** Where each known column sits in a record, and the header text as written (for messages). */
export type HeaderMap = ImportHeader<ImportColumn>;

/** Maps a header record to the known columns; reports unknown, repeated and missing columns. */
export const readHeader = headerReader(IMPORT_COLUMNS);

export type Lookups = {
  companies: Map<string, string>;
  sites: Map<string, { id: string; companyId: string }>;
  /** Keyed by `${companyId}/${code}`. */
  departments: Map<string, string>;
};

/** One valid row, ready to write (ids resolved, dates as YYYY-MM-DD). */
export type EmployeeImportRow = {
  employeeNumber: string;
  nameJa: string;
  nameEn: string;
  nameKana: string;
  email: string;
  companyId: string;
  siteId: string | null;
  departmentId: string | null;
  employmentStatus: 'active' | 'on_leave' | 'left' | null;
  hireDate: string;
  leaveDate: string | null;
};

const STATUSES: Record<string, EmployeeImportRow['employmentStatus']> = {
  active: 'active',
  on_leave: 'on_leave',
  left: 'left',
  在籍: 'active',
  在職: 'active',
  休職: 'on_leave',
  退職: 'left',
};
const EMAIL = /^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/;
const NUMBER = /^[^\s]{1,32}$/;

/** Reads YYYY-MM-DD (or YYYY/M/D, as Japanese spreadsheets write it) into YYYY-MM-DD; null when invalid. */
export function parseDate(value: string): string | null {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Validates one data record against the header and the organisation's codes. Returns the row to
 * write, or the issues found (every bad value, not only the first).
 */
export function validateRecord(
  record: string[],
  row: number,
  header: HeaderMap,
  lookups: Lookups,
): { value: EmployeeImportRow | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const get = (c: ImportColumn) => {
    const i = header.index[c];
    return i === undefined ? '' : (record[i] ?? '').trim();
  };
  const add = (c: ImportColumn, code: string, extra: Record<string, unknown> = {}) => {
    const i = header.index[c];
    const column = i === undefined ? c : header.names[i];
    issues.push({ path: `rows.${row}.${c}`, row, column, code, value: get(c), ...extra });
  };
  if (record.length !== header.names.length) {
    issues.push({
      path: `rows.${row}`,
      row,
      column: '',
      code: 'column_count',
      ...({ found: record.length, expected: header.names.length } as object),
    });
  }
  const text = (c: ImportColumn, max: number) => {
    const v = get(c);
    if (!v && IMPORT_COLUMNS[c].required) add(c, 'required');
    else if (v.length > max) add(c, 'too_big');
    return v;
  };
  const employeeNumber = text('employee_number', 32);
  if (employeeNumber && employeeNumber.length <= 32 && !NUMBER.test(employeeNumber))
    add('employee_number', 'invalid_format');
  const nameJa = text('name_ja', 100);
  const nameEn = text('name_en', 100);
  const nameKana = text('name_kana', 100);
  const email = text('email', 254);
  if (email && email.length <= 254 && !EMAIL.test(email)) add('email', 'invalid_format');

  const companyId = lookups.companies.get(get('company_code')) ?? null;
  if (get('company_code') && !companyId) add('company_code', 'unknown_company');
  else if (!get('company_code')) add('company_code', 'required');

  let siteId: string | null = null;
  if (get('site_code')) {
    const site = lookups.sites.get(get('site_code'));
    if (!site) add('site_code', 'unknown_site');
    else if (companyId && site.companyId !== companyId) add('site_code', 'site_outside_company');
    else siteId = site.id;
  }
  let departmentId: string | null = null;
  if (get('department_code') && companyId) {
    departmentId = lookups.departments.get(`${companyId}/${get('department_code')}`) ?? null;
    if (!departmentId) add('department_code', 'unknown_department');
  }

  let employmentStatus: EmployeeImportRow['employmentStatus'] = null;
  if (get('employment_status')) {
    employmentStatus = STATUSES[get('employment_status').toLowerCase()] ?? null;
    if (!employmentStatus) add('employment_status', 'invalid_value');
  }
  const hireDate = get('hire_date') ? parseDate(get('hire_date')) : null;
  if (!get('hire_date')) add('hire_date', 'required');
  else if (!hireDate) add('hire_date', 'invalid_date');
  const leaveDate = get('leave_date') ? parseDate(get('leave_date')) : null;
  if (get('leave_date') && !leaveDate) add('leave_date', 'invalid_date');
  if (hireDate && leaveDate && leaveDate < hireDate) add('leave_date', 'leave_before_hire');
  if (employmentStatus === 'left' && !get('leave_date')) add('leave_date', 'left_needs_leave_date');

  if (issues.length) return { value: null, issues };
  return {
    value: {
      employeeNumber,
      nameJa,
      nameEn,
      nameKana,
      email,
      companyId: companyId!,
      siteId,
      departmentId,
      employmentStatus,
      hireDate: hireDate!,
      leaveDate,
    },
    issues,
  };
}
