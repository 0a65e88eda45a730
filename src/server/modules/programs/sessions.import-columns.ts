import { fiscalYearOf } from '../../../shared/fiscal-year.js';
import { headerReader, type ImportHeader, type ImportIssue, looseKey } from '../../lib/csv-import.js';
import { parseDate } from '../people/employees.import-columns.js';
import {
  PARTICIPANT_KINDS,
  type ParticipantKind,
  SESSION_KINDS,
  type SessionKind,
} from './sessions.schema.js';

/** The columns of the sessions CSV (docs/import-formats.md), each with the header names accepted. */
export const SESSION_COLUMNS = {
  session_ref: { required: true, aliases: ['セッションID', '実施ID', '参照番号'] },
  kind: { required: true, aliases: ['種別', '区分'] },
  title_ja: { aliases: ['名称', 'タイトル', '名称(日本語)'] },
  title_en: { aliases: ['名称(英語)', 'タイトル(英語)'] },
  starts_on: { required: true, aliases: ['開始日', '実施日'] },
  ends_on: { aliases: ['終了日'] },
  place_ja: { aliases: ['場所', '会場'] },
  place_en: { aliases: ['場所(英語)', '会場(英語)'] },
  partner_code: { aliases: ['パートナーコード', '団体コード', '学校コード'] },
  project_code: { aliases: ['プロジェクトコード'] },
  students: { aliases: ['生徒', '児童生徒', '学生'] },
  guardians: { aliases: ['保護者'] },
  teachers: { aliases: ['教員', '先生'] },
  employees: { aliases: ['社員', '従業員'] },
  public: { aliases: ['一般', '来場者', '市民'] },
  organisations: { aliases: ['団体', '参加団体', 'organizations'] },
  other: { aliases: ['その他'] },
  attendees: { aliases: ['参加社員', '参加社員番号', 'employee_numbers'] },
  employee_hours: { aliases: ['社員の活動時間', '社員活動時間', '活動時間', '社員時間'] },
} as const;

export type SessionColumn = keyof typeof SESSION_COLUMNS;
export const SESSION_COLUMN_NAMES = Object.keys(SESSION_COLUMNS) as SessionColumn[];
export type SessionHeader = ImportHeader<SessionColumn>;
export const readSessionHeader = headerReader(SESSION_COLUMNS);

const KIND_WORDS: Record<string, SessionKind> = Object.fromEntries(
  [
    ...SESSION_KINDS.map((k) => [k, k]),
    ['授業', 'class'],
    ['出前授業', 'class'],
    ['ワークショップ', 'workshop'],
    ['イベント', 'event'],
    ['対話', 'dialogue'],
    ['ダイアログ', 'dialogue'],
    ['会議', 'meeting'],
    ['その他', 'other'],
  ].map(([w, k]) => [looseKey(w), k as SessionKind]),
);

export type SessionLookups = {
  programId: string;
  startMonth: number;
  partners: Map<string, string>;
  projects: Map<string, string>;
  employees: Map<string, string>;
};

/** One valid row; a column the file lacks is undefined (an update leaves it alone). */
export type SessionImportRow = {
  ref: string;
  kind: SessionKind;
  titleJa?: string | null;
  titleEn?: string | null;
  startsOn: string;
  endsOn: string;
  fiscalYear: number;
  placeJa?: string | null;
  placeEn?: string | null;
  partnerId?: string | null;
  projectId?: string | null;
  counts: Partial<Record<ParticipantKind, number | null>>;
  attendees?: string[];
  /** Employees' time in whole minutes (from decimal hours); null clears it. */
  employeeMinutes?: number | null;
};

/** Validates one record; returns the row to write or every issue found in it. */
export function validateSession(
  record: string[],
  row: number,
  header: SessionHeader,
  lookups: SessionLookups,
): { value: SessionImportRow | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const has = (c: SessionColumn) => header.index[c] !== undefined;
  const get = (c: SessionColumn) => (has(c) ? (record[header.index[c] as number] ?? '').trim() : '');
  const add = (c: SessionColumn, code: string, value = get(c), extra: object = {}) => {
    const i = header.index[c];
    issues.push({
      path: `rows.${row}.${c}`,
      row,
      column: i === undefined ? c : header.names[i],
      code,
      value,
      ...extra,
    });
  };
  if (record.length !== header.names.length) {
    const counts = { found: record.length, expected: header.names.length };
    issues.push({ path: `rows.${row}`, row, column: '', code: 'column_count', ...(counts as object) });
  }
  const ref = get('session_ref');
  if (!ref) add('session_ref', 'required');
  else if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$/.test(ref)) add('session_ref', 'invalid_format');
  const kind = KIND_WORDS[looseKey(get('kind'))];
  if (!get('kind')) add('kind', 'required');
  else if (!kind) add('kind', 'invalid_value');
  const text = (c: SessionColumn, max = 200) => {
    if (!has(c)) return undefined;
    const v = get(c) || null;
    if (v && v.length > max) add(c, 'too_big');
    return v;
  };
  const titleJa = text('title_ja');
  const titleEn = text('title_en');
  if (!titleJa && !titleEn) add(has('title_ja') || !has('title_en') ? 'title_ja' : 'title_en', 'required');
  const startsOn = parseDate(get('starts_on'));
  if (!get('starts_on')) add('starts_on', 'required');
  else if (!startsOn) add('starts_on', 'invalid_date');
  const endsOn = get('ends_on') ? parseDate(get('ends_on')) : startsOn;
  if (get('ends_on') && !endsOn) add('ends_on', 'invalid_date');
  else if (startsOn && endsOn && endsOn < startsOn) add('ends_on', 'ends_before_start');
  const code = (c: 'partner_code' | 'project_code', map: Map<string, string>, unknown: string) => {
    if (!has(c)) return undefined;
    if (!get(c)) return null;
    const id = map.get(get(c));
    if (!id) add(c, unknown);
    return id ?? null;
  };
  const partnerId = code('partner_code', lookups.partners, 'unknown_partner');
  const projectId = code('project_code', lookups.projects, 'unknown_project');
  const counts: SessionImportRow['counts'] = {};
  for (const k of PARTICIPANT_KINDS) {
    if (!has(k)) continue;
    const raw = get(k).normalize('NFKC').replace(/[,_]/g, '');
    if (!raw) counts[k] = null;
    else if (!/^\d{1,8}$/.test(raw)) add(k, 'count_whole');
    else counts[k] = Number(raw);
  }
  let attendees: string[] | undefined;
  if (has('attendees')) {
    const numbers = [
      ...new Set(
        get('attendees')
          .normalize('NFKC')
          .split(';')
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ];
    attendees = [];
    for (const n of numbers) {
      const id = lookups.employees.get(n);
      if (!id) add('attendees', 'unknown_employee', n);
      else attendees.push(id);
    }
    const employeesCount = counts.employees;
    if (employeesCount != null && employeesCount < attendees.length)
      add('employees', 'below_named_attendees', get('employees'), { named: attendees.length });
  }
  let employeeMinutes: number | null | undefined;
  if (has('employee_hours')) {
    const raw = get('employee_hours').normalize('NFKC').replace(/[,_]/g, '');
    if (!raw) employeeMinutes = null;
    else if (!/^\d{1,6}(\.\d{1,2})?$/.test(raw)) add('employee_hours', 'hours_decimal');
    else employeeMinutes = Math.round(Number(raw) * 60);
  }
  if (issues.length) return { value: null, issues };
  return {
    value: {
      ref,
      kind,
      titleJa,
      titleEn,
      startsOn: startsOn as string,
      endsOn: endsOn as string,
      fiscalYear: fiscalYearOf(startsOn as string, lookups.startMonth),
      placeJa: text('place_ja'),
      placeEn: text('place_en'),
      partnerId,
      projectId,
      counts,
      attendees,
      employeeMinutes,
    },
    issues,
  };
}
