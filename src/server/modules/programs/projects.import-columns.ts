import { fiscalYearOf } from '../../../shared/fiscal-year.js';
import { headerReader, type ImportHeader, type ImportIssue, looseKey } from '../../lib/csv-import.js';
import { parseDate } from '../people/employees.import-columns.js';
import {
  PROJECT_STATUSES,
  ProjectCreateSchema,
  ProjectItemCreateSchema,
  type ProjectStatus,
} from './projects.schema.js';
import { projectIssues } from './projects.service.js';
import type { programProjects } from './records.table.js';

/** The columns of the projects CSV (docs/import-formats.md, "projects"), with the header names accepted. */
export const PROJECT_COLUMNS = {
  project_code: { required: true, aliases: ['プロジェクトコード', 'プロジェクトID'] },
  title_ja: { aliases: ['名称', 'テーマ', '名称(日本語)'] },
  title_en: { aliases: ['名称(英語)', 'テーマ(英語)'] },
  summary_ja: { aliases: ['概要', '概要(日本語)'] },
  summary_en: { aliases: ['概要(英語)'] },
  fiscal_year: { aliases: ['年度'] },
  starts_on: { aliases: ['開始日'] },
  ends_on: { aliases: ['終了日'] },
  status: { aliases: ['状態', 'ステータス'] },
  partner_code: { aliases: ['パートナーコード', '団体コード', '自治体コード'] },
  team: { aliases: ['チーム', 'メンバー', '参加社員番号'] },
  outcome_ja: { aliases: ['成果', '成果(日本語)'] },
  outcome_en: { aliases: ['成果(英語)'] },
  outcome_quantity: { aliases: ['成果数', '成果の数'] },
} as const;

export type ProjectColumn = keyof typeof PROJECT_COLUMNS;
export type ProjectHeader = ImportHeader<ProjectColumn>;
export const readProjectHeader = headerReader(PROJECT_COLUMNS);

const STATUS_WORDS: Record<string, ProjectStatus> = Object.fromEntries(
  [
    ...PROJECT_STATUSES.map((s) => [s, s]),
    ['計画中', 'planned'],
    ['予定', 'planned'],
    ['実施中', 'active'],
    ['進行中', 'active'],
    ['完了', 'completed'],
    ['終了', 'completed'],
    ['中止', 'cancelled'],
  ].map(([w, s]) => [looseKey(w), s as ProjectStatus]),
);

type ProjectRow = typeof programProjects.$inferSelect;

/** What validation needs to know. */
export type ProjectLookups = {
  startMonth: number;
  partners: Map<string, string>;
  employees: Map<string, string>;
  /** The program's projects by code. */
  projects: Map<string, ProjectRow>;
};

/** The project columns a row writes; a column the file lacks is undefined (an update leaves it alone). */
export type ProjectValues = Partial<
  Pick<
    ProjectRow,
    | 'titleJa'
    | 'titleEn'
    | 'summaryJa'
    | 'summaryEn'
    | 'fiscalYear'
    | 'startsOn'
    | 'endsOn'
    | 'status'
    | 'partnerId'
  >
>;

/** One valid row: the project's values, the whole team (employee ids) and one outcome, when given. */
export type ProjectImportRow = {
  code: string;
  values: ProjectValues;
  team?: string[];
  outcome?: { titleJa: string | null; titleEn: string | null; quantity: number | null };
};

/** Where a field of the project and outcome schemas sits in the file. */
const COLUMN_OF: Record<string, ProjectColumn> = {
  code: 'project_code',
  titleJa: 'title_ja',
  titleEn: 'title_en',
  summaryJa: 'summary_ja',
  summaryEn: 'summary_en',
  fiscalYear: 'fiscal_year',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
  status: 'status',
};
const OUTCOME_COLUMN_OF: Record<string, ProjectColumn> = {
  titleJa: 'outcome_ja',
  titleEn: 'outcome_en',
  quantity: 'outcome_quantity',
};

/** The issues of a record's contract (zod), as field issues named by the schema's field. */
export const schemaIssues = (error: { issues: ReadonlyArray<{ path: PropertyKey[]; code: string }> }) =>
  error.issues.map((i) => ({ path: String(i.path[0] ?? ''), code: i.code }));

/** A fiscal year as written in spreadsheets: full-width digits, "2023年度" and "FY2023" too. */
export function yearOf(value: string): number | null {
  const v = value.normalize('NFKC').replace(/年度$/, '').replace(/^fy/i, '').trim();
  return /^\d{4}$/.test(v) ? Number(v) : null;
}

/** A whole number as written in spreadsheets ("1,200", full-width digits); NaN when it is not one. */
export const wholeOf = (value: string) => {
  const v = value.normalize('NFKC').replace(/[,_]/g, '').trim();
  return /^\d{1,12}$/.test(v) ? Number(v) : Number.NaN;
};

/** Validates one record; returns the row to write or every issue found in it. */
export function validateProject(
  record: string[],
  row: number,
  header: ProjectHeader,
  lookups: ProjectLookups,
): { value: ProjectImportRow | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const has = (c: ProjectColumn) => header.index[c] !== undefined;
  const get = (c: ProjectColumn) => (has(c) ? (record[header.index[c] as number] ?? '').trim() : '');
  const add = (c: ProjectColumn, code: string, value = get(c), extra: object = {}) => {
    const i = header.index[c];
    const column = i === undefined ? c : header.names[i];
    if (issues.some((x) => x.column === column && x.code === code && x.value === value)) return;
    issues.push({ path: `rows.${row}.${c}`, row, column, code, value, ...extra });
  };
  if (record.length !== header.names.length) {
    const counts = { found: record.length, expected: header.names.length };
    issues.push({ path: `rows.${row}`, row, column: '', code: 'column_count', ...(counts as object) });
  }
  const code = get('project_code');
  const existing = lookups.projects.get(code);
  const values: ProjectValues = {};
  const text = (c: ProjectColumn, key: keyof ProjectValues) => {
    if (has(c)) (values as Record<string, unknown>)[key] = get(c) || null;
  };
  text('title_ja', 'titleJa');
  text('title_en', 'titleEn');
  text('summary_ja', 'summaryJa');
  text('summary_en', 'summaryEn');
  const date = (c: 'starts_on' | 'ends_on', key: 'startsOn' | 'endsOn') => {
    if (!has(c)) return;
    const raw = get(c).normalize('NFKC');
    values[key] = raw ? parseDate(raw) : null;
    if (raw && !values[key]) add(c, 'invalid_date');
  };
  date('starts_on', 'startsOn');
  date('ends_on', 'endsOn');
  if (get('status')) {
    values.status = STATUS_WORDS[looseKey(get('status'))];
    if (!values.status) add('status', 'invalid_value');
  }
  if (get('fiscal_year')) {
    values.fiscalYear = yearOf(get('fiscal_year')) ?? undefined;
    if (values.fiscalYear === undefined) add('fiscal_year', 'invalid_fiscal_year');
  } else if (values.startsOn) values.fiscalYear = fiscalYearOf(values.startsOn, lookups.startMonth);
  else if (!existing && !get('starts_on'))
    add(has('fiscal_year') ? 'fiscal_year' : 'starts_on', 'fiscal_year_required');
  if (has('partner_code')) {
    values.partnerId = get('partner_code') ? (lookups.partners.get(get('partner_code')) ?? null) : null;
    if (get('partner_code') && !values.partnerId) add('partner_code', 'unknown_partner');
  }

  // The project's own contract and rules (projects.schema.ts, projects.service.ts), on what the row makes of it.
  const parsed = ProjectCreateSchema.safeParse({ ...values, code, partnerId: undefined });
  const merged = {
    ...(existing ?? { titleJa: null, titleEn: null, startsOn: null, endsOn: null }),
    ...values,
  };
  const fields = [...(parsed.success ? [] : schemaIssues(parsed.error)), ...projectIssues(merged)];
  for (const f of fields) {
    const c = COLUMN_OF[f.path];
    if (c === 'fiscal_year') add(c, 'invalid_fiscal_year');
    else if (c === 'title_ja' && f.code === 'title_required')
      add(has('title_ja') || !has('title_en') ? c : 'title_en', f.code);
    else if (c) add(c, !code && c === 'project_code' ? 'required' : f.code);
  }

  let team: string[] | undefined;
  if (get('team')) {
    team = [];
    const numbers = new Set(
      get('team')
        .normalize('NFKC')
        .split(';')
        .map((n) => n.trim())
        .filter(Boolean),
    );
    for (const n of numbers) {
      const id = lookups.employees.get(n);
      if (id) team.push(id);
      else add('team', 'unknown_employee', n);
    }
  }

  let outcome: ProjectImportRow['outcome'];
  const outcomeJa = get('outcome_ja') || null;
  const outcomeEn = get('outcome_en') || null;
  const quantityText = get('outcome_quantity');
  if (outcomeJa || outcomeEn || quantityText) {
    const quantity = quantityText ? wholeOf(quantityText) : null;
    if (Number.isNaN(quantity)) add('outcome_quantity', 'count_whole');
    const item = ProjectItemCreateSchema.safeParse({
      kind: 'outcome',
      titleJa: outcomeJa,
      titleEn: outcomeEn,
      quantity: Number.isNaN(quantity) ? null : quantity,
    });
    if (!item.success)
      for (const f of schemaIssues(item.error)) add(OUTCOME_COLUMN_OF[f.path] ?? 'outcome_ja', f.code);
    if (!outcomeJa && !outcomeEn)
      add(has('outcome_ja') || !has('outcome_en') ? 'outcome_ja' : 'outcome_en', 'title_required');
    outcome = { titleJa: outcomeJa, titleEn: outcomeEn, quantity };
  }

  if (issues.length) return { value: null, issues };
  return { value: { code, values, team, outcome }, issues };
}
