import { fiscalYearOf } from '../../../shared/fiscal-year.js';
import { headerReader, type ImportHeader, type ImportIssue } from '../../lib/csv-import.js';
import { parseDate } from '../people/employees.import-columns.js';
import { schemaIssues, yearOf } from './projects.import-columns.js';
import { TestimonialCreateSchema } from './testimonials.schema.js';
import { testimonialIssues } from './testimonials.service.js';

/** The columns of the testimonials CSV (docs/import-formats.md, "testimonials"), with the header names accepted. */
export const TESTIMONIAL_COLUMNS = {
  quote_ja: { aliases: ['コメント', '声', '感想', 'コメント(日本語)'] },
  quote_en: { aliases: ['コメント(英語)', '声(英語)'] },
  speaker_ja: { aliases: ['発言者', '話者', '発言者(日本語)'] },
  speaker_en: { aliases: ['発言者(英語)', '話者(英語)'] },
  consent_on: { required: true, aliases: ['同意日', '掲載同意日'] },
  session_ref: { aliases: ['セッションID', '実施ID'] },
  fiscal_year: { aliases: ['年度'] },
} as const;

export type TestimonialColumn = keyof typeof TESTIMONIAL_COLUMNS;
export type TestimonialHeader = ImportHeader<TestimonialColumn>;
export const readTestimonialHeader = headerReader(TESTIMONIAL_COLUMNS);

export type TestimonialLookups = {
  startMonth: number;
  today: string;
  /** The program's sessions by session_ref. */
  sessions: Map<string, { id: string; fiscalYear: number }>;
};

/** One valid row. */
export type TestimonialImportRow = {
  quoteJa: string | null;
  quoteEn: string | null;
  speakerJa: string | null;
  speakerEn: string | null;
  consentOn: string;
  sessionId: string | null;
  fiscalYear: number;
};

/** How quotes are compared: full-width folded, runs of spaces as one (the text itself is kept as written). */
export const quoteKey = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** The key of a row in the file: its Japanese quote, else its English one. */
export const testimonialKey = (r: Pick<TestimonialImportRow, 'quoteJa' | 'quoteEn'>) =>
  r.quoteJa ? `ja:${quoteKey(r.quoteJa)}` : `en:${quoteKey(r.quoteEn ?? '')}`;

const COLUMN_OF: Record<string, TestimonialColumn> = {
  quoteJa: 'quote_ja',
  quoteEn: 'quote_en',
  speakerJa: 'speaker_ja',
  speakerEn: 'speaker_en',
  consentOn: 'consent_on',
  fiscalYear: 'fiscal_year',
};

/** Validates one record; returns the row to write or every issue found in it. */
export function validateTestimonial(
  record: string[],
  row: number,
  header: TestimonialHeader,
  lookups: TestimonialLookups,
): { value: TestimonialImportRow | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const has = (c: TestimonialColumn) => header.index[c] !== undefined;
  const get = (c: TestimonialColumn) => (has(c) ? (record[header.index[c] as number] ?? '').trim() : '');
  const add = (c: TestimonialColumn, code: string, value = get(c)) => {
    const i = header.index[c];
    const column = i === undefined ? c : header.names[i];
    if (issues.some((x) => x.column === column && x.code === code)) return;
    issues.push({ path: `rows.${row}.${c}`, row, column, code, value });
  };
  if (record.length !== header.names.length) {
    const counts = { found: record.length, expected: header.names.length };
    issues.push({ path: `rows.${row}`, row, column: '', code: 'column_count', ...(counts as object) });
  }
  const consentText = get('consent_on').normalize('NFKC');
  const consentOn = consentText ? parseDate(consentText) : null;
  if (!consentText) add('consent_on', 'required');
  else if (!consentOn) add('consent_on', 'invalid_date');
  const sessionRef = get('session_ref');
  const session = sessionRef ? lookups.sessions.get(sessionRef) : undefined;
  if (sessionRef && !session) add('session_ref', 'unknown_session');
  const yearText = get('fiscal_year');
  const writtenYear = yearText ? yearOf(yearText) : null;
  if (yearText && writtenYear === null) add('fiscal_year', 'invalid_fiscal_year');
  const value: TestimonialImportRow = {
    quoteJa: get('quote_ja') || null,
    quoteEn: get('quote_en') || null,
    speakerJa: get('speaker_ja') || null,
    speakerEn: get('speaker_en') || null,
    consentOn: consentOn ?? '',
    sessionId: session?.id ?? null,
    fiscalYear:
      writtenYear ??
      session?.fiscalYear ??
      (consentOn ? fiscalYearOf(consentOn, lookups.startMonth) : Number.NaN),
  };

  // The testimonial's own contract and rules (testimonials.schema.ts, testimonials.service.ts).
  const { sessionId: _, ...contract } = value;
  const parsed = TestimonialCreateSchema.safeParse({
    ...contract,
    consentOn: consentOn ?? undefined,
    fiscalYear: yearText ? (writtenYear ?? undefined) : undefined,
  });
  const fields = [
    ...(parsed.success ? [] : schemaIssues(parsed.error)),
    ...testimonialIssues(value, lookups.today),
  ];
  for (const f of fields) {
    const c = COLUMN_OF[f.path];
    if (c === 'consent_on' && !consentOn) continue;
    if (c === 'fiscal_year') add(c, 'invalid_fiscal_year');
    else if (c === 'quote_ja' && f.code === 'quote_required')
      add(has('quote_ja') || !has('quote_en') ? 'quote_ja' : 'quote_en', f.code);
    else if (c) add(c, f.code);
  }
  if (issues.length) return { value: null, issues };
  return { value, issues };
}
