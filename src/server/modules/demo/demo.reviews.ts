import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { addMonths } from '../../../shared/dates.js';
import { fiscalYearOf } from '../../../shared/fiscal-year.js';
import { systemCtx } from '../../lib/context.js';
import { rowsOf } from '../../lib/sql.js';
import { reviewEvidence } from '../evaluation/evaluation.evidence.js';
import {
  evaluationCriteria,
  programImpacts,
  programReviewScores,
  programReviews,
} from '../evaluation/evaluation.table.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { mulberry32 } from './demo.generator.js';
import {
  DEMO_COMMENTS,
  DEMO_CRITERIA,
  DEMO_IMPACTS,
  DEMO_REVIEW_PLANS,
  DEMO_SUMMARIES,
  type DemoReviewPlan,
  SCORE_RANGE,
} from './demo.reviews-data.js';
import { between, pick } from './demo.random.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** The fiscal years a plan reviews, each with its decision and the day the review met (none after today). */
function reviewsOf(plan: DemoReviewPlan, today: string, startMonth: number) {
  const on = (fy: number) => `${fy + 1}-${pad(plan.month)}-${pad(plan.day)}`;
  const current = fiscalYearOf(today, startMonth);
  let last = on(current - 1) <= today ? current - 1 : current - 2;
  if (plan.lag) last -= 1;
  const out = plan.fixed.filter((r) => on(r.fiscalYear) <= today);
  if (plan.latest && !out.some((r) => r.fiscalYear >= last))
    out.push({ fiscalYear: last, decision: plan.latest });
  return out.map((r) => ({ ...r, reviewedOn: on(r.fiscalYear) }));
}

/**
 * Loads the evaluation demo: five criteria, final reviews of every demo program (a timeline of two
 * or three for SES and PROBONO; the wheelchair tennis review is overdue), each with the evidence
 * read from the program's records for the reviewed year, and B4SI impact for FUTURE and SES.
 * Programs are found by code; a missing one is skipped. Deterministic for a given today.
 */
export async function insertDemoReviews(tx: Tx, orgId: string, today = ledgerToday()): Promise<number> {
  const rng = mulberry32(0x72657677); // "revw"
  const criteria = await tx
    .insert(evaluationCriteria)
    .values(DEMO_CRITERIA.map((c, position) => ({ orgId, ...c, position })))
    .returning({ id: evaluationCriteria.id, code: evaluationCriteria.code });
  const programs = await rowsOf<{ id: string; code: string; review_cycle_months: number }>(
    tx,
    sql`select id, code, review_cycle_months from programs where org_id = ${orgId}`,
  );
  const [reviewer] = await rowsOf<{ id: string }>(
    tx,
    sql`select u.id from users u join role_grants g on g.user_id = u.id
      where u.org_id = ${orgId} and g.role in ('program_manager', 'csr_manager')
      order by g.role = 'program_manager' desc, g.scope_type = 'org' desc, u.email limit 1`,
  );
  const [org] = await rowsOf<{ m: number }>(
    tx,
    sql`select fiscal_year_start_month as m from organisations where id = ${orgId}`,
  );
  if (!reviewer || !org) return 0;
  const ctx = systemCtx(tx as unknown as Db, orgId, 'demo');
  let count = 0;
  for (const plan of DEMO_REVIEW_PLANS) {
    const program = programs.find((p) => p.code === plan.code);
    if (!program) continue;
    for (const r of reviewsOf(plan, today, Number(org.m))) {
      const text = DEMO_SUMMARIES[r.decision];
      const evidence = await reviewEvidence(ctx, program.id, r.fiscalYear);
      const [row] = await tx
        .insert(programReviews)
        .values({
          orgId,
          programId: program.id,
          fiscalYear: r.fiscalYear,
          // Written as a draft, scored, then finalised: a final review's scores never change (migration 0012).
          status: 'draft',
          reviewedOn: r.reviewedOn,
          reviewerId: reviewer.id,
          decision: r.decision,
          summaryJa: text.ja,
          summaryEn: text.en,
          actionsJa: text.actionsJa,
          actionsEn: text.actionsEn,
          nextReviewOn: r.decision === 'end' ? null : addMonths(r.reviewedOn, program.review_cycle_months),
          evidence: { ...evidence, collectedOn: r.reviewedOn },
          createdAt: new Date(`${r.reviewedOn}T01:00:00Z`),
          updatedAt: new Date(`${r.reviewedOn}T08:00:00Z`),
        })
        .returning({ id: programReviews.id });
      const [low, high] = SCORE_RANGE[r.decision];
      await tx.insert(programReviewScores).values(
        criteria.map((c) => ({
          orgId,
          reviewId: row.id,
          criterionId: c.id,
          score: between(rng, low, high),
          comment: pick(rng, DEMO_COMMENTS[c.code] ?? ['']),
        })),
      );
      await tx
        .update(programReviews)
        .set({ status: 'final', finalisedAt: new Date(`${r.reviewedOn}T08:00:00Z`) })
        .where(eq(programReviews.id, row.id));
      count++;
    }
  }
  const impacts = DEMO_IMPACTS.flatMap(({ code, ...impact }) => {
    const program = programs.find((p) => p.code === code);
    return program ? [{ orgId, programId: program.id, ...impact }] : [];
  });
  if (impacts.length) await tx.insert(programImpacts).values(impacts);
  return count;
}
