import { sql } from 'drizzle-orm';
import type { Permission } from '../../../shared/roles.js';
import { companiesFor } from '../../lib/authz.js';
import type { Ctx } from '../../lib/context.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import type { DueReview, ReviewDecision } from './evaluation.schema.js';

type Row = {
  id: string;
  code: string;
  name_ja: string | null;
  name_en: string | null;
  company_id: string;
  reviewed_on: string | null;
  decision: string | null;
  next_review_on: string | null;
  days_overdue: unknown;
  has_draft: boolean;
};

/** `and p.company_id in (…)` for the companies the caller holds the permission on (nothing when org-wide). */
function inScope(ctx: Ctx, permission: Permission) {
  const companies = companiesFor(ctx.actor, permission);
  if (companies === 'all') return sql``;
  const ids = companies.companyIds.length ? companies.companyIds : ['00000000-0000-0000-0000-000000000000'];
  return sql`and p.company_id in (${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

const iso = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : (d as string | null));

/**
 * Active programs whose review is due: never reviewed, or the latest final review's next review date
 * is today or past (or within `within` days). A program whose last decision was to end is not due.
 * Only programs in the caller's programs.read scope; `mine` keeps those they may review.
 */
export async function dueReviews(
  ctx: Ctx,
  q: { within: number; mine?: boolean },
): Promise<{ items: DueReview[]; total: number }> {
  const today = ledgerToday();
  const scope = sql`${inScope(ctx, 'programs.read')} ${q.mine ? inScope(ctx, 'programs.review') : sql``}`;
  const rows = await rowsOf<Row>(
    ctx.db,
    sql`select p.id, p.code, p.name_ja, p.name_en, p.company_id,
        l.reviewed_on, l.decision, l.next_review_on,
        (${today}::date - l.next_review_on) as days_overdue,
        exists (select 1 from program_reviews d
          where d.org_id = p.org_id and d.program_id = p.id and d.status = 'draft') as has_draft
      from programs p
      left join lateral (
        select r.reviewed_on, r.decision, r.next_review_on from program_reviews r
        where r.org_id = p.org_id and r.program_id = p.id and r.status = 'final'
        order by r.reviewed_on desc, r.finalised_at desc limit 1
      ) l on true
      where p.org_id = ${ctx.orgId} and p.status = 'active' ${scope}
        and (l.reviewed_on is null
          or (l.decision <> 'end' and l.next_review_on <= ${today}::date + ${q.within}::int))
      order by l.next_review_on asc nulls first, p.code`,
  );
  const items = rows.map((r) => ({
    programId: r.id,
    code: r.code,
    nameJa: r.name_ja,
    nameEn: r.name_en,
    companyId: r.company_id,
    lastReviewedOn: iso(r.reviewed_on),
    lastDecision: r.decision as ReviewDecision | null,
    nextReviewOn: iso(r.next_review_on),
    daysOverdue: r.days_overdue === null ? null : toNumber(r.days_overdue),
    hasDraft: !!r.has_draft,
  }));
  return { items, total: items.length };
}
