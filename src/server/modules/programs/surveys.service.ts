import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { assertHolds } from '../../lib/authz.js';
import { audit } from '../../lib/audit.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import type { Page } from '../../lib/pagination.js';
import { isUniqueViolation, toNumber } from '../../lib/sql.js';
import { currentFiscalYear } from '../ledger/ledger.values.js';
import { programs } from './programs.table.js';
import { fieldError, localized, programFor, yearLabeller } from './records.access.js';
import { programSessions } from './records.table.js';
import type { Survey, SurveyCreate, SurveyDetail, SurveyUpdate } from './surveys.schema.js';
import { surveyIndicators, surveyQuestions, surveyResponses, surveys } from './surveys.table.js';

export type SurveyRow = typeof surveys.$inferSelect;

/** A survey with its program's company (the scope), locked FOR UPDATE when asked. Throws not_found, forbidden. */
export async function surveyFor(
  ctx: Ctx,
  surveyId: string,
  permission: 'programs.read' | 'programs.manage',
  lock = false,
): Promise<{ survey: SurveyRow; companyId: string }> {
  const query = ctx.db
    .select({ survey: surveys, companyId: programs.companyId })
    .from(surveys)
    .innerJoin(programs, and(eq(programs.orgId, surveys.orgId), eq(programs.id, surveys.programId)))
    .where(and(eq(surveys.orgId, ctx.orgId), eq(surveys.id, surveyId)));
  const [row] = lock ? await query.for('update', { of: surveys }) : await query;
  if (!row) throw new AppError('not_found', { params: { entity: 'survey' } });
  assertHolds(ctx, permission, { companyId: row.companyId });
  return row;
}

async function views(ctx: Ctx, rows: SurveyRow[]): Promise<Survey[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const label = await yearLabeller(ctx);
  const q = await ctx.db
    .select({ id: surveyQuestions.surveyId, n: count() })
    .from(surveyQuestions)
    .where(and(eq(surveyQuestions.orgId, ctx.orgId), inArray(surveyQuestions.surveyId, ids)))
    .groupBy(surveyQuestions.surveyId);
  const r = await ctx.db
    .select({ id: surveyResponses.surveyId, n: count() })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.orgId, ctx.orgId), inArray(surveyResponses.surveyId, ids)))
    .groupBy(surveyResponses.surveyId);
  const questions = new Map(q.map((x) => [x.id, toNumber(x.n)]));
  const responses = new Map(r.map((x) => [x.id, toNumber(x.n)]));
  return rows.map((s) => ({
    id: s.id,
    programId: s.programId,
    sessionId: s.sessionId,
    code: s.code,
    titleJa: s.titleJa,
    titleEn: s.titleEn,
    title: localized(ctx, s.titleJa, s.titleEn),
    fiscalYear: s.fiscalYear,
    fiscalYearLabel: label(s.fiscalYear),
    status: s.status as Survey['status'],
    questions: questions.get(s.id) ?? 0,
    responses: responses.get(s.id) ?? 0,
  }));
}

/** The survey with its questions (and how many answered each) and indicators. */
export async function surveyDetail(ctx: Ctx, row: SurveyRow): Promise<SurveyDetail> {
  const [view] = await views(ctx, [row]);
  const questions = await ctx.db
    .select({
      q: surveyQuestions,
      answers: sql<number>`(select count(*) from survey_answers a where a.org_id = ${surveyQuestions.orgId} and a.question_id = ${surveyQuestions.id})`,
    })
    .from(surveyQuestions)
    .where(and(eq(surveyQuestions.orgId, ctx.orgId), eq(surveyQuestions.surveyId, row.id)))
    .orderBy(asc(surveyQuestions.position));
  const codeOf = new Map(questions.map(({ q }) => [q.id, q.code]));
  const indicators = await ctx.db
    .select()
    .from(surveyIndicators)
    .where(and(eq(surveyIndicators.orgId, ctx.orgId), eq(surveyIndicators.surveyId, row.id)))
    .orderBy(asc(surveyIndicators.position), asc(surveyIndicators.code));
  return {
    ...view,
    questionList: questions.map(({ q, answers }) => ({
      id: q.id,
      code: q.code,
      position: q.position,
      kind: q.kind as 'scale',
      textJa: q.textJa,
      textEn: q.textEn,
      text: localized(ctx, q.textJa, q.textEn),
      scaleMin: q.scaleMin,
      scaleMax: q.scaleMax,
      answers: toNumber(answers),
    })),
    indicators: indicators.map((i) => ({
      id: i.id,
      code: i.code,
      questionCode: codeOf.get(i.questionId) ?? '',
      labelJa: i.labelJa,
      labelEn: i.labelEn,
      label: localized(ctx, i.labelJa, i.labelEn),
      threshold: i.threshold,
    })),
  };
}

/** The surveys of a program, newest year first. Throws not_found, forbidden. */
export async function listSurveys(
  ctx: Ctx,
  programId: string,
  q: { page: number; size: number },
): Promise<Page<Survey>> {
  await programFor(ctx, programId, 'programs.read');
  const where = and(eq(surveys.orgId, ctx.orgId), eq(surveys.programId, programId));
  const [{ total }] = await ctx.db.select({ total: count() }).from(surveys).where(where);
  const rows = await ctx.db
    .select()
    .from(surveys)
    .where(where)
    .orderBy(desc(surveys.fiscalYear), asc(surveys.code))
    .limit(q.size)
    .offset((q.page - 1) * q.size);
  return { items: await views(ctx, rows), total: toNumber(total), page: q.page, size: q.size };
}

/** One survey with its questions and indicators. Throws not_found, forbidden. */
export async function getSurvey(ctx: Ctx, surveyId: string): Promise<SurveyDetail> {
  const { survey } = await surveyFor(ctx, surveyId, 'programs.read');
  return surveyDetail(ctx, survey);
}

/** The session's fiscal year, checking it belongs to the program. */
async function sessionYear(ctx: Ctx, programId: string, sessionId: string): Promise<number> {
  const [s] = await ctx.db
    .select({ fiscalYear: programSessions.fiscalYear })
    .from(programSessions)
    .where(
      and(
        eq(programSessions.orgId, ctx.orgId),
        eq(programSessions.programId, programId),
        eq(programSessions.id, sessionId),
      ),
    );
  if (!s) throw fieldError('sessionId', 'unknown_session');
  return s.fiscalYear;
}

function duplicateCode(err: unknown): never {
  if (isUniqueViolation(err, 'surveys_org_code'))
    throw new AppError('duplicate', {
      params: { entity: 'survey' },
      fields: [{ path: 'code', code: 'duplicate' }],
    });
  throw err;
}

/**
 * Adds a survey to a program. Throws not_found, forbidden (programs.manage on the program's company),
 * validation_failed (required title, unknown_session), duplicate (code, unique in the organisation).
 */
export async function createSurvey(ctx: Ctx, programId: string, input: SurveyCreate): Promise<SurveyDetail> {
  return inTransaction(ctx, async (tx) => {
    await programFor(tx, programId, 'programs.manage');
    if (!input.titleJa && !input.titleEn) throw fieldError('titleJa', 'required');
    const fromSession = input.sessionId ? await sessionYear(tx, programId, input.sessionId) : undefined;
    const [row] = await tx.db
      .insert(surveys)
      .values({
        orgId: tx.orgId,
        programId,
        sessionId: input.sessionId ?? null,
        code: input.code,
        titleJa: input.titleJa ?? null,
        titleEn: input.titleEn ?? null,
        fiscalYear: input.fiscalYear ?? fromSession ?? (await currentFiscalYear(tx)),
        status: input.status ?? 'open',
      })
      .returning()
      .catch(duplicateCode);
    const out = await surveyDetail(tx, row);
    await audit(tx, { action: 'survey.create', entityType: 'survey', entityId: row.id, after: row });
    return out;
  });
}

/** Changes a survey's code, titles, year, session or status. Throws as createSurvey. */
export async function updateSurvey(ctx: Ctx, surveyId: string, input: SurveyUpdate): Promise<SurveyDetail> {
  return inTransaction(ctx, async (tx) => {
    const { survey } = await surveyFor(tx, surveyId, 'programs.manage', true);
    const next = {
      code: input.code ?? survey.code,
      titleJa: input.titleJa === undefined ? survey.titleJa : input.titleJa,
      titleEn: input.titleEn === undefined ? survey.titleEn : input.titleEn,
      sessionId: input.sessionId === undefined ? survey.sessionId : input.sessionId,
      fiscalYear: input.fiscalYear ?? survey.fiscalYear,
      status: input.status ?? survey.status,
    };
    if (!next.titleJa && !next.titleEn) throw fieldError('titleJa', 'required');
    if (next.sessionId && next.sessionId !== survey.sessionId) {
      const year = await sessionYear(tx, survey.programId, next.sessionId);
      if (input.fiscalYear === undefined) next.fiscalYear = year;
    }
    const [row] = await tx.db
      .update(surveys)
      .set(next)
      .where(and(eq(surveys.orgId, tx.orgId), eq(surveys.id, surveyId)))
      .returning()
      .catch(duplicateCode);
    await audit(tx, {
      action: 'survey.update',
      entityType: 'survey',
      entityId: surveyId,
      before: survey,
      after: row,
    });
    return surveyDetail(tx, row);
  });
}
