import type { Readable } from 'node:stream';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import {
  type FileImportOptions,
  headerReader,
  type ImportHeader,
  type ImportIssue,
  type Importer,
  type ImportOptions,
  type ImportReport,
  looseKey,
  runFileImport,
  runImport,
} from '../../lib/csv-import.js';
import { AppError } from '../../lib/errors.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { parseDate } from '../people/employees.import-columns.js';
import { programs } from './programs.table.js';
import { RESPONDENT_KINDS, type RespondentKind } from './surveys.schema.js';
import { surveyAnswers, surveyQuestions, surveyResponses, surveys } from './surveys.table.js';

/** Which survey the responses answer: by id, or by its code (the CLI's --survey). */
export type SurveyTarget = { surveyId: string } | { surveyCode: string };

type Question = typeof surveyQuestions.$inferSelect;
type Answer = { questionId: string; valueInt: number | null; valueText: string | null };
type ResponseRow = {
  ref: string;
  kind: RespondentKind | null;
  submittedOn: string | null;
  answers: Answer[];
};
type Lookups = { today: string };

const FIXED = {
  respondent_ref: { required: true, aliases: ['回答者ID', '回答者番号', '回答ID'] },
  respondent_kind: { aliases: ['回答者区分', '属性'] },
  submitted_on: { aliases: ['回答日'] },
} as const;

const YES_NO: Record<string, number> = {
  yes: 1,
  no: 0,
  y: 1,
  n: 0,
  はい: 1,
  いいえ: 0,
  '1': 1,
  '0': 0,
  true: 1,
  false: 0,
};
const KIND_WORDS: Record<string, RespondentKind> = Object.fromEntries(
  [
    ...RESPONDENT_KINDS.map((k) => [k, k]),
    ['生徒', 'student'],
    ['学生', 'student'],
    ['保護者', 'guardian'],
    ['教員', 'teacher'],
    ['社員', 'employee'],
    ['一般', 'public'],
    ['その他', 'other'],
  ].map(([w, k]) => [looseKey(w), k as RespondentKind]),
);

async function surveyTarget(ctx: Ctx, target: SurveyTarget) {
  const [s] = await ctx.db
    .select({ id: surveys.id, companyId: programs.companyId })
    .from(surveys)
    .innerJoin(programs, and(eq(programs.orgId, surveys.orgId), eq(programs.id, surveys.programId)))
    .where(
      and(
        eq(surveys.orgId, ctx.orgId),
        'surveyId' in target ? eq(surveys.id, target.surveyId) : eq(surveys.code, target.surveyCode),
      ),
    );
  if (!s) throw new AppError('not_found', { params: { entity: 'survey' } });
  const questions = await ctx.db
    .select()
    .from(surveyQuestions)
    .where(and(eq(surveyQuestions.orgId, ctx.orgId), eq(surveyQuestions.surveyId, s.id)));
  return { ...s, questions };
}

/** Validates one record against the survey's questions (one column per question code). */
function validator(questions: Question[]) {
  return (record: string[], row: number, header: ImportHeader<string>, lookups: Lookups) => {
    const issues: ImportIssue[] = [];
    const get = (c: string) =>
      header.index[c] === undefined ? '' : (record[header.index[c] as number] ?? '').trim();
    const add = (c: string, code: string, value = get(c), extra: object = {}) => {
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
    if (record.length !== header.names.length)
      issues.push({
        path: `rows.${row}`,
        row,
        column: '',
        code: 'column_count',
        ...{ found: record.length, expected: header.names.length },
      });
    const ref = get('respondent_ref');
    if (!ref) add('respondent_ref', 'required');
    else if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$/.test(ref)) add('respondent_ref', 'invalid_format');
    const kind = get('respondent_kind') ? (KIND_WORDS[looseKey(get('respondent_kind'))] ?? null) : null;
    if (get('respondent_kind') && !kind) add('respondent_kind', 'invalid_value');
    const submittedOn = get('submitted_on') ? parseDate(get('submitted_on')) : null;
    if (get('submitted_on') && !submittedOn) add('submitted_on', 'invalid_date');
    else if (submittedOn && submittedOn > lookups.today) add('submitted_on', 'future_date');
    const answers: Answer[] = [];
    for (const q of questions) {
      if (header.index[q.code] === undefined) continue;
      const raw = get(q.code).normalize('NFKC');
      if (!raw) continue;
      if (q.kind === 'text') {
        if (raw.length > 2000) add(q.code, 'too_big');
        answers.push({ questionId: q.id, valueInt: null, valueText: get(q.code) });
      } else if (q.kind === 'yes_no') {
        const v = YES_NO[raw.toLowerCase()];
        if (v === undefined) add(q.code, 'invalid_boolean');
        else answers.push({ questionId: q.id, valueInt: v, valueText: null });
      } else {
        const v = /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
        if (!(v >= (q.scaleMin as number) && v <= (q.scaleMax as number)))
          add(q.code, 'out_of_scale', raw, { min: q.scaleMin, max: q.scaleMax });
        else answers.push({ questionId: q.id, valueInt: v, valueText: null });
      }
    }
    if (issues.length) return { value: null, issues };
    return { value: { ref, kind, submittedOn, answers }, issues };
  };
}

const sameAnswers = (a: Answer[], b: Answer[]) =>
  a.length === b.length &&
  a.every((x) =>
    b.some((y) => y.questionId === x.questionId && y.valueInt === x.valueInt && y.valueText === x.valueText),
  );

/** Upserts a batch of responses; only those that differ from what is stored are written. */
async function writeResponses(
  ctx: Ctx,
  surveyId: string,
  asked: string[],
  header: ImportHeader<string>,
  rows: ResponseRow[],
) {
  const refs = rows.map((r) => r.ref);
  const stored = await ctx.db
    .select()
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.orgId, ctx.orgId),
        eq(surveyResponses.surveyId, surveyId),
        inArray(surveyResponses.respondentRef, refs),
      ),
    );
  const byRef = new Map(stored.map((s) => [s.respondentRef, s]));
  const storedAnswers = stored.length
    ? await ctx.db
        .select()
        .from(surveyAnswers)
        .where(
          and(
            eq(surveyAnswers.orgId, ctx.orgId),
            inArray(
              surveyAnswers.responseId,
              stored.map((s) => s.id),
            ),
            inArray(surveyAnswers.questionId, asked.length ? asked : [surveyId]),
          ),
        )
    : [];
  const hasKind = header.index.respondent_kind !== undefined;
  const hasDate = header.index.submitted_on !== undefined;
  const changed = rows.filter((r) => {
    const s = byRef.get(r.ref);
    if (!s) return true;
    const mine = storedAnswers.filter((a) => a.responseId === s.id);
    return (
      (hasKind && s.respondentKind !== r.kind) ||
      (hasDate && s.submittedOn !== r.submittedOn) ||
      !sameAnswers(mine, r.answers)
    );
  });
  if (!changed.length) return { created: 0, updated: 0 };
  const written = await ctx.db
    .insert(surveyResponses)
    .values(
      changed.map((r) => ({
        orgId: ctx.orgId,
        surveyId,
        respondentRef: r.ref,
        respondentKind: r.kind,
        submittedOn: r.submittedOn,
      })),
    )
    .onConflictDoUpdate({
      target: [surveyResponses.surveyId, surveyResponses.respondentRef],
      set: {
        respondentKind: hasKind ? sql`excluded.respondent_kind` : sql`${surveyResponses.respondentKind}`,
        submittedOn: hasDate ? sql`excluded.submitted_on` : sql`${surveyResponses.submittedOn}`,
      },
    })
    .returning({ id: surveyResponses.id, ref: surveyResponses.respondentRef });
  const idOf = new Map(written.map((w) => [w.ref, w.id]));
  const ids = written.map((w) => w.id);
  if (asked.length)
    await ctx.db
      .delete(surveyAnswers)
      .where(
        and(
          eq(surveyAnswers.orgId, ctx.orgId),
          inArray(surveyAnswers.responseId, ids),
          inArray(surveyAnswers.questionId, asked),
        ),
      );
  const answers = changed.flatMap((r) =>
    r.answers.map((a) => ({ orgId: ctx.orgId, surveyId, responseId: idOf.get(r.ref) as string, ...a })),
  );
  if (answers.length) await ctx.db.insert(surveyAnswers).values(answers);
  const updated = changed.filter((r) => byRef.has(r.ref)).length;
  return { created: changed.length - updated, updated };
}

function importer(
  target: Awaited<ReturnType<typeof surveyTarget>>,
): Importer<string, Lookups, ResponseRow, ImportHeader<string>> {
  const columns: Record<string, { aliases: readonly string[]; required?: boolean }> = { ...FIXED };
  for (const q of target.questions)
    columns[q.code] = {
      aliases: [q.textJa, q.textEn].filter((t): t is string => !!t && !(looseKey(t) in FIXED)),
    };
  return {
    permission: 'programs.manage',
    scope: { companyId: target.companyId },
    auditAs: { action: 'survey_response.import', entityType: 'survey_response' },
    readHeader: headerReader(columns),
    loadLookups: async () => ({ today: ledgerToday() }),
    validate: validator(target.questions),
    key: { column: 'respondent_ref', of: (row) => row.ref },
    plan: (header) => header,
    write: (ctx, rows, header) => {
      const asked = target.questions.filter((q) => header.index[q.code] !== undefined).map((q) => q.id);
      return writeResponses(ctx, target.id, asked, header, rows);
    },
  };
}

/**
 * Imports a survey's responses from a CSV stream (docs/import-formats.md, "survey-responses"): one row
 * per respondent, upserted by respondent_ref, one column per question code (a question's column
 * replaces its answers). All-or-nothing unless `partial`; one audit record. Throws not_found, forbidden
 * (programs.manage on the program's company), import_invalid (row and column of each bad value).
 */
export async function importSurveyResponses(
  ctx: Ctx,
  input: Readable,
  options: ImportOptions & SurveyTarget,
): Promise<ImportReport> {
  return runImport(ctx, importer(await surveyTarget(ctx, options)), input, options);
}

/** importSurveyResponses on a file: streams it and reports progress against its size. */
export async function importSurveyResponsesFile(
  ctx: Ctx,
  path: string,
  options: FileImportOptions & SurveyTarget,
): Promise<ImportReport> {
  return runFileImport(ctx, importer(await surveyTarget(ctx, options)), path, options);
}
