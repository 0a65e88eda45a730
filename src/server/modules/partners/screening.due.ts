import { sql } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { toNumber } from '../../lib/sql.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import type { DueItem, DuePage, DueQuery, DueState } from './screening.schema.js';

type DueRow = {
  partner_id: string;
  code: string;
  name_ja: string | null;
  name_en: string | null;
  kind: string;
  eligible_until: string | null;
  days_left: number | string | null;
  last_status: 'passed' | 'failed' | null;
  last_decided_at: Date | string | null;
  draft_id: string | null;
  state: DueState;
  total: number | string;
  overdue: number | string;
  due_soon: number | string;
};

/**
 * Active partners whose re-screening is overdue (eligibility ran out) or falls due within `within`
 * days, soonest first; with `unscreened`, also those never screened and not eligible. The due day is
 * the partner's eligibleUntil, which the latest passed screening set.
 */
export async function listDue(ctx: Ctx, q: DueQuery, today = ledgerToday()): Promise<DuePage> {
  const result = await ctx.db.execute(sql`
    with base as (
      select p.id as partner_id, p.code, p.name_ja, p.name_en, p.kind,
        p.eligible_until::text as eligible_until,
        (p.eligible_until - ${today}::date) as days_left,
        last.status as last_status, last.decided_at as last_decided_at,
        (select d.id from partner_screenings d
          where d.org_id = p.org_id and d.partner_id = p.id and d.status = 'draft') as draft_id,
        case
          when p.eligible_until is null then 'never_screened'
          when p.eligible_until < ${today}::date then 'overdue'
          else 'due_soon'
        end as state
      from partners p
      left join lateral (
        select s.status, s.decided_at from partner_screenings s
        where s.org_id = p.org_id and s.partner_id = p.id and s.status <> 'draft'
        order by s.decided_at desc limit 1
      ) last on true
      where p.org_id = ${ctx.orgId} and p.status = 'active'
        and (
          (p.eligible_until is not null and p.eligible_until <= ${today}::date + ${q.within}::int)
          or (${q.unscreened}::boolean and p.eligible_until is null and last.status is null)
        )
    )
    select base.*, count(*) over () as total,
      count(*) filter (where state = 'overdue') over () as overdue,
      count(*) filter (where state = 'due_soon') over () as due_soon
    from base
    order by case state when 'overdue' then 0 when 'due_soon' then 1 else 2 end,
      eligible_until nulls last, code
    limit ${q.size} offset ${(q.page - 1) * q.size}
  `);
  const rows = (result as unknown as { rows: DueRow[] }).rows;
  const items: DueItem[] = rows.map((r) => ({
    partnerId: r.partner_id,
    partnerCode: r.code,
    partnerNameJa: r.name_ja,
    partnerNameEn: r.name_en,
    kind: r.kind,
    state: r.state,
    nextDueOn: r.eligible_until,
    daysLeft: r.days_left === null ? null : toNumber(r.days_left),
    lastStatus: r.last_status,
    lastDecidedAt: r.last_decided_at ? new Date(r.last_decided_at).toISOString() : null,
    draftId: r.draft_id,
  }));
  const first = rows[0];
  return {
    items,
    total: first ? toNumber(first.total) : 0,
    overdue: first ? toNumber(first.overdue) : 0,
    dueSoon: first ? toNumber(first.due_soon) : 0,
    page: q.page,
    size: q.size,
  };
}
