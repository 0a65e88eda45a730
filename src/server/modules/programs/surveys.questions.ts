import { and, eq, inArray, sql } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type FieldIssue } from '../../lib/errors.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import type { IndicatorInput, QuestionInput, SurveyDetail } from './surveys.schema.js';
import { surveyDetail, surveyFor } from './surveys.service.js';
import { surveyIndicators, surveyQuestions } from './surveys.table.js';

function fail(fields: FieldIssue[]): never {
  throw new AppError('validation_failed', { fields });
}

/** What the answers of each existing question hold: how many, and the lowest and highest value. */
async function answered(ctx: Ctx, surveyId: string) {
  const rows = await rowsOf<{ question_id: string; n: unknown; lo: unknown; hi: unknown }>(
    ctx.db,
    sql`select question_id, count(*) as n, min(value_int) as lo, max(value_int) as hi
      from survey_answers where org_id = ${ctx.orgId} and survey_id = ${surveyId} group by question_id`,
  );
  return new Map(rows.map((r) => [r.question_id, { n: toNumber(r.n), lo: r.lo, hi: r.hi }]));
}

/**
 * Replaces a survey's questions, matched by code: new codes are added, changed ones updated, missing
 * ones removed. A question with answers keeps its kind, cannot be removed, and its scale must still
 * hold every answer. Throws not_found, forbidden, validation_failed (duplicate, required,
 * scale_range, question_has_answers, answers_outside_scale, question_has_indicator).
 */
export async function setQuestions(
  ctx: Ctx,
  surveyId: string,
  items: QuestionInput[],
): Promise<SurveyDetail> {
  return inTransaction(ctx, async (tx) => {
    const { survey } = await surveyFor(tx, surveyId, 'programs.manage', true);
    const existing = await tx.db
      .select()
      .from(surveyQuestions)
      .where(and(eq(surveyQuestions.orgId, tx.orgId), eq(surveyQuestions.surveyId, surveyId)));
    const byCode = new Map(existing.map((q) => [q.code, q]));
    const answers = await answered(tx, surveyId);
    const indicated = new Set(
      (
        await tx.db
          .select({ id: surveyIndicators.questionId })
          .from(surveyIndicators)
          .where(and(eq(surveyIndicators.orgId, tx.orgId), eq(surveyIndicators.surveyId, surveyId)))
      ).map((r) => r.id),
    );
    const issues: FieldIssue[] = [];
    const seen = new Set<string>();
    items.forEach((q, i) => {
      const at = (f: string, code: string, extra: object = {}) =>
        issues.push({ path: `items.${i}.${f}`, code, ...extra });
      if (seen.has(q.code)) at('code', 'duplicate');
      seen.add(q.code);
      if (!q.textJa && !q.textEn) at('textJa', 'required');
      if (q.kind === 'scale' && (q.scaleMin == null || q.scaleMax == null || q.scaleMax <= q.scaleMin))
        at('scaleMax', 'scale_range');
      const had = byCode.get(q.code);
      const a = had ? answers.get(had.id) : undefined;
      if (had && a && had.kind !== q.kind) at('kind', 'question_has_answers', { answers: a.n });
      else if (
        a &&
        q.kind === 'scale' &&
        (toNumber(a.lo) < (q.scaleMin ?? 0) || toNumber(a.hi) > (q.scaleMax ?? 0))
      )
        at('scaleMin', 'answers_outside_scale');
      if (had && indicated.has(had.id) && q.kind === 'text') at('kind', 'question_has_indicator');
    });
    for (const q of existing) {
      const a = answers.get(q.id);
      if (!seen.has(q.code) && a)
        issues.push({ path: 'items', code: 'question_has_answers', ...{ question: q.code, answers: a.n } });
    }
    if (issues.length) fail(issues);
    const gone = existing.filter((q) => !seen.has(q.code)).map((q) => q.id);
    if (gone.length)
      await tx.db
        .delete(surveyQuestions)
        .where(and(eq(surveyQuestions.orgId, tx.orgId), inArray(surveyQuestions.id, gone)));
    for (const [position, q] of items.entries()) {
      const values = {
        position,
        kind: q.kind,
        textJa: q.textJa ?? null,
        textEn: q.textEn ?? null,
        scaleMin: q.kind === 'scale' ? (q.scaleMin ?? null) : null,
        scaleMax: q.kind === 'scale' ? (q.scaleMax ?? null) : null,
      };
      const had = byCode.get(q.code);
      if (had)
        await tx.db
          .update(surveyQuestions)
          .set(values)
          .where(and(eq(surveyQuestions.orgId, tx.orgId), eq(surveyQuestions.id, had.id)));
      else await tx.db.insert(surveyQuestions).values({ orgId: tx.orgId, surveyId, code: q.code, ...values });
    }
    const out = await surveyDetail(tx, survey);
    await audit(tx, {
      action: 'survey.questions',
      entityType: 'survey',
      entityId: surveyId,
      before: existing.map((q) => ({ code: q.code, kind: q.kind, textJa: q.textJa, textEn: q.textEn })),
      after: out.questionList.map((q) => ({
        code: q.code,
        kind: q.kind,
        textJa: q.textJa,
        textEn: q.textEn,
      })),
    });
    return out;
  });
}

/**
 * Replaces a survey's indicators: each the share of those who answered a scale question at or above
 * its threshold, or yes to a yes/no question. Throws not_found, forbidden, validation_failed
 * (duplicate, required, unknown_question, indicator_text_question, threshold_out_of_scale).
 */
export async function setIndicators(
  ctx: Ctx,
  surveyId: string,
  items: IndicatorInput[],
): Promise<SurveyDetail> {
  return inTransaction(ctx, async (tx) => {
    const { survey } = await surveyFor(tx, surveyId, 'programs.manage', true);
    const before = await surveyDetail(tx, survey);
    const questions = new Map(before.questionList.map((q) => [q.code, q]));
    const issues: FieldIssue[] = [];
    const seen = new Set<string>();
    const rows = items.map((ind, i) => {
      const at = (f: string, code: string, extra: object = {}) =>
        issues.push({ path: `items.${i}.${f}`, code, ...extra });
      if (seen.has(ind.code)) at('code', 'duplicate');
      seen.add(ind.code);
      if (!ind.labelJa && !ind.labelEn) at('labelJa', 'required');
      const q = questions.get(ind.questionCode);
      let threshold = ind.threshold ?? 1;
      if (!q) at('questionCode', 'unknown_question');
      else if (q.kind === 'text') at('questionCode', 'indicator_text_question');
      else if (q.kind === 'yes_no' && threshold !== 1)
        at('threshold', 'threshold_out_of_scale', { min: 1, max: 1 });
      else if (q.kind === 'scale') {
        threshold = ind.threshold ?? (q.scaleMax as number);
        if (threshold < (q.scaleMin as number) || threshold > (q.scaleMax as number))
          at('threshold', 'threshold_out_of_scale', { min: q.scaleMin, max: q.scaleMax });
      }
      return {
        orgId: tx.orgId,
        surveyId,
        questionId: q?.id ?? '',
        code: ind.code,
        labelJa: ind.labelJa ?? null,
        labelEn: ind.labelEn ?? null,
        threshold,
        position: i,
      };
    });
    if (issues.length) fail(issues);
    await tx.db
      .delete(surveyIndicators)
      .where(and(eq(surveyIndicators.orgId, tx.orgId), eq(surveyIndicators.surveyId, surveyId)));
    if (rows.length) await tx.db.insert(surveyIndicators).values(rows);
    const out = await surveyDetail(tx, survey);
    await audit(tx, {
      action: 'survey.indicators',
      entityType: 'survey',
      entityId: surveyId,
      before: before.indicators,
      after: out.indicators,
    });
    return out;
  });
}
