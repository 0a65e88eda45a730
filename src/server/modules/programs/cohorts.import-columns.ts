import { headerReader, type ImportHeader, type ImportIssue, looseKey } from '../../lib/csv-import.js';
import type { GraduateKind } from './cohorts.schema.js';

/** The columns of the graduates CSV (docs/import-formats.md, "graduates"), with the header names accepted. */
export const GRADUATE_COLUMNS = {
  program_code: { aliases: ['プログラムコード', 'プログラム'] },
  cohort_code: { required: true, aliases: ['期コード', '期'] },
  cohort_fiscal_year: { aliases: ['期の年度', '年度'] },
  graduate_ref: { required: true, aliases: ['卒業生番号', '卒業生ID', '参照番号'] },
  kind: { aliases: ['種別', '区分'] },
  name_ja: { aliases: ['名称', '氏名', '名称(日本語)'] },
  name_en: { aliases: ['名称(英語)', '氏名(英語)'] },
  venture_ja: { aliases: ['事業名', '団体名', '事業名(日本語)'] },
  venture_en: { aliases: ['事業名(英語)', '団体名(英語)'] },
  supported_fiscal_year: { aliases: ['支援年度'] },
} as const;

export type GraduateColumn = keyof typeof GRADUATE_COLUMNS;
export type GraduateHeader = ImportHeader<GraduateColumn>;
export const readGraduateHeader = headerReader(GRADUATE_COLUMNS);

const KIND_WORDS: Record<string, GraduateKind> = Object.fromEntries(
  [
    ['group', 'group'],
    ['individual', 'individual'],
    ['グループ', 'group'],
    ['団体', 'group'],
    ['チーム', 'group'],
    ['個人', 'individual'],
  ].map(([w, k]) => [looseKey(w), k as GraduateKind]),
);

type ProgramInfo = { id: string; startYear: number };

/** What validation needs to know, kept up to date while the file is read. */
export type GraduateLookups = {
  /** The program named by the caller (id or --program), if any. */
  target: (ProgramInfo & { code: string }) | null;
  /** Programs by code. */
  programs: Map<string, ProgramInfo>;
  /** Cohorts by `programId|code`: those recorded, and those the file's earlier rows will create. */
  cohorts: Map<string, { id: string | null; fiscalYear: number }>;
};

/** One valid row; a column the file lacks is undefined (an update leaves it alone). */
export type GraduateImportRow = {
  programId: string;
  cohortCode: string;
  cohortFiscalYear: number;
  ref: string;
  kind?: GraduateKind;
  nameJa?: string | null;
  nameEn?: string | null;
  ventureJa?: string | null;
  ventureEn?: string | null;
  supportedFiscalYear?: number | null;
};

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$/;

/** A fiscal year as written in spreadsheets: full-width digits allowed, "2023年度" too. */
function yearOf(value: string): number | null {
  const v = value.normalize('NFKC').replace(/年度$/, '').trim();
  if (!/^\d{4}$/.test(v)) return null;
  const y = Number(v);
  return y >= 1900 && y <= 2200 ? y : null;
}

/** Validates one record; returns the row to write or every issue found in it. */
export function validateGraduate(
  record: string[],
  row: number,
  header: GraduateHeader,
  lookups: GraduateLookups,
): { value: GraduateImportRow | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const has = (c: GraduateColumn) => header.index[c] !== undefined;
  const get = (c: GraduateColumn) => (has(c) ? (record[header.index[c] as number] ?? '').trim() : '');
  const add = (c: GraduateColumn, code: string, extra: object = {}) => {
    const i = header.index[c];
    issues.push({
      path: `rows.${row}.${c}`,
      row,
      column: i === undefined ? c : header.names[i],
      code,
      value: get(c),
      ...extra,
    });
  };
  if (record.length !== header.names.length) {
    const counts = { found: record.length, expected: header.names.length };
    issues.push({ path: `rows.${row}`, row, column: '', code: 'column_count', ...(counts as object) });
  }
  const programCode = get('program_code');
  let program: ProgramInfo | null = lookups.target;
  if (programCode) {
    const named = lookups.programs.get(programCode) ?? null;
    if (!named) add('program_code', 'unknown_program');
    else if (lookups.target && named.id !== lookups.target.id) add('program_code', 'program_mismatch');
    else program = named;
  } else if (!lookups.target) add('program_code', 'program_required');

  const cohortCode = get('cohort_code');
  if (!cohortCode) add('cohort_code', 'required');
  else if (!CODE.test(cohortCode)) add('cohort_code', 'invalid_format');
  const ref = get('graduate_ref');
  if (!ref) add('graduate_ref', 'required');
  else if (!CODE.test(ref)) add('graduate_ref', 'invalid_format');

  const yearText = get('cohort_fiscal_year');
  const writtenYear = yearText ? yearOf(yearText) : null;
  if (yearText && writtenYear === null) add('cohort_fiscal_year', 'invalid_fiscal_year');
  const cohortKey = program && cohortCode ? `${program.id}|${cohortCode}` : null;
  const known = cohortKey ? lookups.cohorts.get(cohortKey) : undefined;
  let cohortYear = known?.fiscalYear ?? writtenYear;
  if (known && writtenYear !== null && writtenYear !== known.fiscalYear)
    add('cohort_fiscal_year', 'cohort_year_mismatch', { expected: known.fiscalYear });
  else if (!known && cohortKey && !yearText) add('cohort_fiscal_year', 'required');
  else if (!known && program && writtenYear !== null && writtenYear < program.startYear) {
    add('cohort_fiscal_year', 'before_program_start', { startYear: program.startYear });
    cohortYear = null;
  }

  const kindText = get('kind');
  const kind = kindText ? KIND_WORDS[looseKey(kindText)] : has('kind') ? 'group' : undefined;
  if (kindText && !kind) add('kind', 'invalid_graduate_kind');
  const text = (c: GraduateColumn) => {
    if (!has(c)) return undefined;
    const v = get(c) || null;
    if (v && v.length > 200) add(c, 'too_big');
    return v;
  };
  const nameJa = text('name_ja');
  const nameEn = text('name_en');
  if (!nameJa && !nameEn) add(has('name_ja') || !has('name_en') ? 'name_ja' : 'name_en', 'name_required');
  const ventureJa = text('venture_ja');
  const ventureEn = text('venture_en');
  const supportedText = get('supported_fiscal_year');
  const supportedFiscalYear = has('supported_fiscal_year')
    ? supportedText
      ? yearOf(supportedText)
      : null
    : undefined;
  if (supportedText && supportedFiscalYear === null) add('supported_fiscal_year', 'invalid_fiscal_year');
  else if (supportedFiscalYear && cohortYear !== null && supportedFiscalYear < cohortYear)
    add('supported_fiscal_year', 'supported_before_cohort');

  if (issues.length || !program || cohortYear === null) return { value: null, issues };
  if (!known) lookups.cohorts.set(cohortKey as string, { id: null, fiscalYear: cohortYear });
  return {
    value: {
      programId: program.id,
      cohortCode,
      cohortFiscalYear: cohortYear,
      ref,
      kind,
      nameJa,
      nameEn,
      ventureJa,
      ventureEn,
      supportedFiscalYear,
    },
    issues,
  };
}
