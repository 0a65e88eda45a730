import { sql } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import type { Page } from '../../lib/pagination.js';
import { likeEscape, rowsOf, toNumber } from '../../lib/sql.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { certificationRef } from './certifications.rules.js';
import type { Holder, HolderQuery, HolderStatus } from './certifications.schema.js';

type Row = {
  id: string;
  employee_id: string;
  employee_number: string;
  name_ja: string;
  name_en: string;
  certified_on: string;
  expires_on: string | null;
  revoked_on: string | null;
  renews_id: string | null;
  first_on: string;
  periods: number | string;
  current: boolean;
  total: number | string;
};

function statusOf(r: Row, day: string): HolderStatus {
  if (r.current) return 'current';
  if (r.revoked_on) return 'revoked';
  if (r.certified_on > day) return 'upcoming';
  return 'expired';
}

/**
 * The people a certification was given to, one row per employee: their latest period, how many
 * periods they held, and their status on `on` (default today). `status=current` keeps those a period
 * certifies that day (leavers excluded), `expired` the others. Throws not_found.
 */
export async function listHolders(ctx: Ctx, certificationId: string, q: HolderQuery): Promise<Page<Holder>> {
  await certificationRef(ctx, certificationId, 'programs.read');
  const day = q.on ?? ledgerToday();
  const pattern = q.q ? `%${likeEscape(q.q)}%` : null;
  const statusFilter =
    q.status === 'current' ? sql`and p.current` : q.status === 'expired' ? sql`and not p.current` : sql``;
  const rows = await rowsOf<Row>(
    ctx.db,
    sql`
    with periods as (
      select distinct on (h.employee_id)
        h.id, h.employee_id, h.certified_on, h.expires_on, h.revoked_on, h.renews_id,
        min(h.certified_on) over w as first_on,
        count(*) over w as periods,
        bool_or(h.certified_on <= ${day}::date
          and (h.expires_on is null or h.expires_on >= ${day}::date)
          and (h.revoked_on is null or h.revoked_on > ${day}::date)) over w as covered
      from certification_holders h
      where h.org_id = ${ctx.orgId} and h.certification_id = ${certificationId}
      window w as (partition by h.employee_id)
      order by h.employee_id, h.certified_on desc, h.created_at desc
    ), p as (
      select periods.*, e.employee_number, e.name_ja, e.name_en, e.name_kana,
        periods.covered and (e.leave_date is null or e.leave_date > ${day}::date) as current
      from periods join employees e on e.org_id = ${ctx.orgId} and e.id = periods.employee_id
    )
    select p.id, p.employee_id, p.employee_number, p.name_ja, p.name_en,
      p.certified_on::text as certified_on, p.expires_on::text as expires_on,
      p.revoked_on::text as revoked_on, p.renews_id, p.first_on::text as first_on,
      p.periods, p.current, count(*) over () as total
    from p
    where true ${statusFilter}
      ${pattern ? sql`and (p.name_ja ilike ${pattern} or p.name_en ilike ${pattern} or p.name_kana ilike ${pattern} or p.employee_number ilike ${pattern})` : sql``}
    order by p.name_kana, p.employee_number
    limit ${q.size} offset ${(q.page - 1) * q.size}`,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      certificationId,
      employeeId: r.employee_id,
      employeeNumber: r.employee_number,
      nameJa: r.name_ja,
      nameEn: r.name_en,
      certifiedOn: r.certified_on,
      expiresOn: r.expires_on,
      revokedOn: r.revoked_on,
      renewsId: r.renews_id,
      firstCertifiedOn: r.first_on,
      periods: toNumber(r.periods),
      status: statusOf(r, day),
    })),
    total: rows.length
      ? toNumber(rows[0].total)
      : q.page > 1
        ? (await listHolders(ctx, certificationId, { ...q, page: 1, size: 1 })).total
        : 0,
    page: q.page,
    size: q.size,
  };
}
