import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { addMonths } from '../../../shared/dates.js';
import { audit } from '../../lib/audit.js';
import { actorUserId, type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type FieldIssue } from '../../lib/errors.js';
import { isUniqueViolation } from '../../lib/sql.js';
import { currentFiscalYear, ledgerToday } from '../ledger/ledger.values.js';
import { programFor } from '../programs/records.access.js';
import { criterionView } from './evaluation.criteria.js';
import { reviewEvidence } from './evaluation.evidence.js';
import type { ReviewDetail, ReviewUpdate } from './evaluation.schema.js';
import { evaluationCriteria, programReviewScores, programReviews } from './evaluation.table.js';
import { type ReviewRow, reviewViews } from './evaluation.view.js';

async function lockedReview(ctx: Ctx, id: string): Promise<ReviewRow> {
  const [row] = await ctx.db
    .select()
    .from(programReviews)
    .where(and(eq(programReviews.orgId, ctx.orgId), eq(programReviews.id, id)))
    .for('update');
  if (!row) throw new AppError('not_found', { params: { entity: 'program_review' } });
  return row;
}

/** A draft the caller may change: review scope on the program's company, and never a final review. */
async function editableReview(ctx: Ctx, id: string) {
  const row = await lockedReview(ctx, id);
  const program = await programFor(ctx, row.programId, 'programs.review');
  if (row.status === 'final') throw new AppError('review_final');
  return { row, program };
}

/** One review with its program, the criteria to score and the evidence (stored when final, live for a draft). */
export async function getReview(ctx: Ctx, id: string): Promise<ReviewDetail> {
  const [row] = await ctx.db
    .select()
    .from(programReviews)
    .where(and(eq(programReviews.orgId, ctx.orgId), eq(programReviews.id, id)));
  if (!row) throw new AppError('not_found', { params: { entity: 'program_review' } });
  const program = await programFor(ctx, row.programId, 'programs.read');
  const [view] = await reviewViews(ctx, [row]);
  const scored = view.scores.map((s) => s.criterionId);
  const criteria = await ctx.db
    .select()
    .from(evaluationCriteria)
    .where(
      and(
        eq(evaluationCriteria.orgId, ctx.orgId),
        scored.length
          ? or(eq(evaluationCriteria.active, true), inArray(evaluationCriteria.id, scored))
          : eq(evaluationCriteria.active, true),
      ),
    )
    .orderBy(asc(evaluationCriteria.position), asc(evaluationCriteria.code));
  const stored = row.status === 'final' && row.evidence !== null;
  const evidence = stored
    ? (row.evidence as ReviewDetail['evidence'])
    : await reviewEvidence(ctx, row.programId, row.fiscalYear);
  const base = row.reviewedOn ?? ledgerToday();
  return {
    ...view,
    program: {
      id: program.id,
      code: program.code,
      nameJa: program.nameJa,
      nameEn: program.nameEn,
      companyId: program.companyId,
      reviewCycleMonths: program.reviewCycleMonths,
    },
    criteria: criteria.map(criterionView),
    evidence,
    evidenceStored: stored,
    suggestedNextReviewOn: addMonths(base, program.reviewCycleMonths),
  };
}

/** Opens a draft review of a program for a fiscal year (default: the current one). Throws duplicate (a draft exists), forbidden, not_found. */
export async function createReview(
  ctx: Ctx,
  programId: string,
  input: { fiscalYear?: number },
): Promise<ReviewDetail> {
  const reviewerId = actorUserId(ctx);
  if (!reviewerId) throw new AppError('forbidden');
  const id = await inTransaction(ctx, async (tx) => {
    await programFor(tx, programId, 'programs.review');
    const fiscalYear = input.fiscalYear ?? (await currentFiscalYear(tx));
    try {
      const [row] = await tx.db
        .insert(programReviews)
        .values({ orgId: tx.orgId, programId, fiscalYear, reviewerId })
        .returning();
      await audit(tx, {
        action: 'program_review.create',
        entityType: 'program_review',
        entityId: row.id,
        after: row,
      });
      return row.id;
    } catch (err) {
      if (isUniqueViolation(err, 'program_reviews_one_draft')) {
        throw new AppError('duplicate', { params: { entity: 'program_review' } });
      }
      throw err;
    }
  });
  return getReview(ctx, id);
}

async function checkScores(ctx: Ctx, scores: NonNullable<ReviewUpdate['scores']>, kept: string[]) {
  const ids = scores.map((s) => s.criterionId);
  const found = ids.length
    ? await ctx.db
        .select({ id: evaluationCriteria.id, active: evaluationCriteria.active })
        .from(evaluationCriteria)
        .where(and(eq(evaluationCriteria.orgId, ctx.orgId), inArray(evaluationCriteria.id, ids)))
    : [];
  const fields: FieldIssue[] = [];
  scores.forEach((s, i) => {
    const c = found.find((f) => f.id === s.criterionId);
    const path = `scores.${i}.criterionId`;
    if (!c) fields.push({ path, code: 'not_found' });
    else if (!c.active && !kept.includes(c.id)) fields.push({ path, code: 'criterion_retired' });
    else if (ids.indexOf(s.criterionId) !== i) fields.push({ path, code: 'duplicate' });
  });
  if (fields.length) throw new AppError('validation_failed', { fields });
}

function checkDates(reviewedOn: string | null, nextReviewOn: string | null): void {
  const fields: FieldIssue[] = [];
  if (reviewedOn && reviewedOn > ledgerToday()) fields.push({ path: 'reviewedOn', code: 'future_date' });
  if (reviewedOn && nextReviewOn && nextReviewOn <= reviewedOn) {
    fields.push({ path: 'nextReviewOn', code: 'next_review_not_after_review' });
  }
  if (fields.length) throw new AppError('validation_failed', { fields });
}

/** Changes a draft: scores (replacing them), summary, actions, decision, dates. Throws review_final, validation_failed, forbidden. */
export async function updateReview(ctx: Ctx, id: string, input: ReviewUpdate): Promise<ReviewDetail> {
  await inTransaction(ctx, async (tx) => {
    const { row: before } = await editableReview(tx, id);
    const pick = <K extends keyof ReviewUpdate & keyof ReviewRow>(k: K) =>
      (input[k] === undefined ? before[k] : (input[k] ?? null)) as ReviewRow[K];
    const reviewedOn = pick('reviewedOn');
    const nextReviewOn = pick('nextReviewOn');
    checkDates(reviewedOn, nextReviewOn);
    let scoresBefore: unknown;
    if (input.scores) {
      const old = await tx.db.select().from(programReviewScores).where(eq(programReviewScores.reviewId, id));
      scoresBefore = old;
      await checkScores(
        tx,
        input.scores,
        old.map((s) => s.criterionId),
      );
      await tx.db.delete(programReviewScores).where(eq(programReviewScores.reviewId, id));
      if (input.scores.length) {
        await tx.db.insert(programReviewScores).values(
          input.scores.map((s) => ({
            orgId: tx.orgId,
            reviewId: id,
            criterionId: s.criterionId,
            score: s.score,
            comment: s.comment || null,
          })),
        );
      }
    }
    const [after] = await tx.db
      .update(programReviews)
      .set({
        fiscalYear: input.fiscalYear ?? before.fiscalYear,
        reviewedOn,
        nextReviewOn,
        decision: pick('decision'),
        summaryJa: pick('summaryJa'),
        summaryEn: pick('summaryEn'),
        actionsJa: pick('actionsJa'),
        actionsEn: pick('actionsEn'),
        updatedAt: new Date(),
      })
      .where(eq(programReviews.id, id))
      .returning();
    await audit(tx, {
      action: 'program_review.update',
      entityType: 'program_review',
      entityId: id,
      before: { ...before, scores: scoresBefore },
      after: { ...after, scores: input.scores },
    });
  });
  return getReview(ctx, id);
}

/**
 * Finalises a draft: every active criterion scored and a decision taken, the program's evidence for
 * the year stored with it, reviewed on today and next review after the program's cycle unless given
 * (none when the decision is to end). A final review never changes. Throws review_final,
 * review_incomplete (fields per missing criterion or decision), forbidden.
 */
export async function finaliseReview(ctx: Ctx, id: string): Promise<ReviewDetail> {
  const reviewerId = actorUserId(ctx);
  if (!reviewerId) throw new AppError('forbidden');
  await inTransaction(ctx, async (tx) => {
    const { row: before, program } = await editableReview(tx, id);
    const active = await tx.db
      .select({ id: evaluationCriteria.id })
      .from(evaluationCriteria)
      .where(and(eq(evaluationCriteria.orgId, tx.orgId), eq(evaluationCriteria.active, true)));
    const scored = await tx.db
      .select({ id: programReviewScores.criterionId })
      .from(programReviewScores)
      .where(eq(programReviewScores.reviewId, id));
    const fields: FieldIssue[] = active
      .filter((c) => !scored.some((s) => s.id === c.id))
      .map((c) => ({ path: `scores.${c.id}`, code: 'required' }));
    if (!before.decision) fields.push({ path: 'decision', code: 'required' });
    if (scored.length === 0 && active.length === 0) fields.push({ path: 'scores', code: 'required' });
    if (fields.length) throw new AppError('review_incomplete', { fields });
    const reviewedOn = before.reviewedOn ?? ledgerToday();
    const nextReviewOn =
      before.nextReviewOn ??
      (before.decision === 'end' ? null : addMonths(reviewedOn, program.reviewCycleMonths));
    checkDates(reviewedOn, nextReviewOn);
    const evidence = await reviewEvidence(tx, before.programId, before.fiscalYear);
    const [after] = await tx.db
      .update(programReviews)
      .set({
        status: 'final',
        reviewedOn,
        nextReviewOn,
        reviewerId,
        evidence,
        finalisedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(and(eq(programReviews.id, id), eq(programReviews.status, 'draft')))
      .returning();
    await audit(tx, {
      action: 'program_review.finalise',
      entityType: 'program_review',
      entityId: id,
      before,
      after,
    });
  });
  return getReview(ctx, id);
}

/** Discards a draft review. Throws review_final, forbidden, not_found. */
export async function deleteReview(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { row } = await editableReview(tx, id);
    await tx.db.delete(programReviews).where(eq(programReviews.id, id));
    await audit(tx, {
      action: 'program_review.delete',
      entityType: 'program_review',
      entityId: id,
      before: row,
    });
  });
}
