import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { users } from '../auth/auth.table.js';
import { yearLabel } from '../ledger/ledger.values.js';
import { programFor } from '../programs/records.access.js';
import type { Review, ReviewDecision } from './evaluation.schema.js';
import { programReviewScores, programReviews } from './evaluation.table.js';

export type ReviewRow = typeof programReviews.$inferSelect;
/** Reviews as the API shows them: scores, reviewer's name, the fiscal year's label. */
export async function reviewViews(ctx: Ctx, rows: ReviewRow[]): Promise<Review[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const scoreRows = await ctx.db
    .select()
    .from(programReviewScores)
    .where(and(eq(programReviewScores.orgId, ctx.orgId), inArray(programReviewScores.reviewId, ids)));
  const reviewerIds = [...new Set(rows.map((r) => r.reviewerId))];
  const names = await ctx.db
    .select({ id: users.id, name: users.displayName, email: users.email })
    .from(users)
    .where(and(eq(users.orgId, ctx.orgId), inArray(users.id, reviewerIds)));
  const labels = new Map<number, string>();
  for (const fy of new Set(rows.map((r) => r.fiscalYear))) labels.set(fy, await yearLabel(ctx, fy));
  return rows.map((r) => {
    const scores = scoreRows
      .filter((s) => s.reviewId === r.id)
      .map((s) => ({ criterionId: s.criterionId, score: s.score, comment: s.comment }));
    const reviewer = names.find((n) => n.id === r.reviewerId);
    return {
      id: r.id,
      programId: r.programId,
      fiscalYear: r.fiscalYear,
      fiscalYearLabel: labels.get(r.fiscalYear)!,
      status: r.status as Review['status'],
      reviewedOn: r.reviewedOn,
      reviewer: { id: r.reviewerId, name: reviewer ? reviewer.name || reviewer.email : '' },
      decision: r.decision as ReviewDecision | null,
      summaryJa: r.summaryJa,
      summaryEn: r.summaryEn,
      actionsJa: r.actionsJa,
      actionsEn: r.actionsEn,
      nextReviewOn: r.nextReviewOn,
      averageScore: scores.length
        ? Math.round((scores.reduce((a, s) => a + s.score, 0) / scores.length) * 10) / 10
        : null,
      scores,
      finalisedAt: r.finalisedAt?.toISOString() ?? null,
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

/** A program's reviews, newest first (the draft on top): its timeline. Throws not_found. */
export async function listReviews(
  ctx: Ctx,
  programId: string,
  q: { page: number; size: number },
): Promise<{ items: Review[]; total: number; page: number; size: number }> {
  await programFor(ctx, programId, 'programs.read');
  const where = and(eq(programReviews.orgId, ctx.orgId), eq(programReviews.programId, programId));
  const all = await ctx.db
    .select()
    .from(programReviews)
    .where(where)
    .orderBy(
      desc(eq(programReviews.status, 'draft')),
      desc(programReviews.fiscalYear),
      desc(programReviews.reviewedOn),
      asc(programReviews.createdAt),
    );
  const pageRows = all.slice((q.page - 1) * q.size, q.page * q.size);
  return { items: await reviewViews(ctx, pageRows), total: all.length, page: q.page, size: q.size };
}

/** The latest final review of a program (decision, dates), or null: what the program page shows. */
export async function latestReview(
  ctx: Ctx,
  programId: string,
): Promise<{
  id: string;
  fiscalYear: number;
  decision: ReviewDecision;
  reviewedOn: string;
  nextReviewOn: string | null;
} | null> {
  const [r] = await ctx.db
    .select()
    .from(programReviews)
    .where(
      and(
        eq(programReviews.orgId, ctx.orgId),
        eq(programReviews.programId, programId),
        eq(programReviews.status, 'final'),
      ),
    )
    .orderBy(desc(programReviews.reviewedOn), desc(programReviews.finalisedAt))
    .limit(1);
  if (!r) return null;
  return {
    id: r.id,
    fiscalYear: r.fiscalYear,
    decision: r.decision as ReviewDecision,
    reviewedOn: r.reviewedOn!,
    nextReviewOn: r.nextReviewOn,
  };
}
