import { FIELDS } from '../../../shared/fields.js';
import { PREFECTURES } from '../../../shared/prefectures.js';
import { AVAILABILITY, LANGUAGES } from '../../../shared/volunteering.js';
import { headerReader, looseKey, type ImportIssue } from '../../lib/csv-import.js';
import { parseDate } from '../people/employees.import-columns.js';

/** The columns of the registrations CSV (docs/import-formats.md), each with the header names accepted. */
export const REGISTRATION_COLUMNS = {
  employee_number: { required: true, aliases: ['社員番号', '従業員番号'] },
  joined_on: { required: true, aliases: ['登録日', '入会日'] },
  left_on: { required: false, aliases: ['退会日'] },
  interest_fields: { required: false, aliases: ['関心分野', '関心のある分野'] },
  skills: { required: false, aliases: ['スキル'] },
  skills_note: { required: false, aliases: ['スキル補足', 'スキル(自由記述)'] },
  languages: { required: false, aliases: ['言語', '対応言語'] },
  prefecture: { required: false, aliases: ['都道府県', '都道府県コード'] },
  region: { required: false, aliases: ['地域'] },
  availability: { required: false, aliases: ['活動できる時間帯', '参加しやすい時間帯'] },
  online_ok: { required: false, aliases: ['オンライン可', 'オンライン参加'] },
} as const;

export type RegistrationColumn = keyof typeof REGISTRATION_COLUMNS;
export const REGISTRATION_COLUMN_NAMES = Object.keys(REGISTRATION_COLUMNS) as RegistrationColumn[];

export type Header = { index: Partial<Record<RegistrationColumn, number>>; names: string[] };

/** Maps a header record to the known columns; reports unknown, repeated and missing columns. */
export const readRegistrationHeader = headerReader(REGISTRATION_COLUMNS);

export type RegistrationLookups = {
  /** Employee number to employee id. */
  employees: Map<string, string>;
  /** Every code of the skills list, active or deactivated (history may hold retired skills). */
  skills: Set<string>;
  /** The latest date that is not in the future anywhere. */
  today: string;
};

/** One valid row, ready to write. */
export type RegistrationImportRow = {
  employeeNumber: string;
  employeeId: string;
  joinedOn: string;
  leftOn: string | null;
  interestFields: string[];
  skills: string[];
  skillsNote: string | null;
  languages: string[];
  prefecture: string | null;
  region: string | null;
  availability: string[];
  onlineOk: boolean;
};

const BOOLEANS: Record<string, boolean> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  '1': true,
  '0': false,
  はい: true,
  いいえ: false,
  可: true,
  不可: false,
};

const PREFECTURE_BY_NAME = new Map<string, string>(
  PREFECTURES.flatMap((p) => [
    [looseKey(p.nameJa), p.code],
    [looseKey(p.nameJa.replace(/[都道府県]$/, '')), p.code],
    [looseKey(p.nameEn), p.code],
  ]),
);

/** A prefecture given as its JIS code (leading zero optional, as spreadsheets drop it) or its name. */
export function parsePrefecture(value: string): string | null {
  if (/^\d{1,2}$/.test(value)) {
    const n = Number(value);
    return n >= 1 && n <= 47 ? String(n).padStart(2, '0') : null;
  }
  return PREFECTURE_BY_NAME.get(looseKey(value)) ?? null;
}

/** A list cell: codes separated by ; (full-width ； too), lower case, duplicates dropped. */
const list = (value: string) => [
  ...new Set(
    value
      .normalize('NFKC')
      .split(';')
      .map((v) => v.trim().toLowerCase())
      .filter(Boolean),
  ),
];

/** Validates one record; returns the row to write or every issue found in it. */
export function validateRegistration(
  record: string[],
  row: number,
  header: Header,
  lookups: RegistrationLookups,
): { value: RegistrationImportRow | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const get = (c: RegistrationColumn) => {
    const i = header.index[c];
    return i === undefined ? '' : (record[i] ?? '').trim();
  };
  const add = (c: RegistrationColumn, code: string, value = get(c)) => {
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
  const employeeNumber = get('employee_number');
  const employeeId = lookups.employees.get(employeeNumber) ?? null;
  if (!employeeNumber) add('employee_number', 'required');
  else if (!employeeId) add('employee_number', 'unknown_employee');

  const date = (c: 'joined_on' | 'left_on') => {
    if (!get(c)) return null;
    const d = parseDate(get(c));
    if (!d) add(c, 'invalid_date');
    else if (d > lookups.today) add(c, 'future_date');
    return d;
  };
  const joinedOn = date('joined_on');
  if (!get('joined_on')) add('joined_on', 'required');
  const leftOn = date('left_on');
  if (joinedOn && leftOn && leftOn < joinedOn) add('left_on', 'left_before_joined');

  const codes = (c: RegistrationColumn, allowed: (v: string) => boolean, code: string) => {
    const values = list(get(c));
    for (const v of values) if (!allowed(v)) add(c, code, v);
    return values;
  };
  const interestFields = codes(
    'interest_fields',
    (v) => (FIELDS as readonly string[]).includes(v),
    'unknown_interest_field',
  );
  const skills = codes('skills', (v) => lookups.skills.has(v), 'unknown_skill');
  const languages = codes(
    'languages',
    (v) => (LANGUAGES as readonly string[]).includes(v),
    'unknown_language',
  );
  const availability = codes(
    'availability',
    (v) => (AVAILABILITY as readonly string[]).includes(v),
    'unknown_availability',
  );

  const skillsNote = get('skills_note') || null;
  if (skillsNote && skillsNote.length > 1000) add('skills_note', 'too_big');
  const region = get('region') || null;
  if (region && region.length > 100) add('region', 'too_big');
  const prefecture = get('prefecture') ? parsePrefecture(get('prefecture')) : null;
  if (get('prefecture') && !prefecture) add('prefecture', 'invalid_prefecture');
  const online = get('online_ok') ? BOOLEANS[get('online_ok').normalize('NFKC').toLowerCase()] : true;
  if (online === undefined) add('online_ok', 'invalid_boolean');

  if (issues.length) return { value: null, issues };
  return {
    value: {
      employeeNumber,
      employeeId: employeeId!,
      joinedOn: joinedOn!,
      leftOn,
      interestFields,
      skills,
      skillsNote,
      languages,
      prefecture,
      region,
      availability,
      onlineOk: online!,
    },
    issues,
  };
}
