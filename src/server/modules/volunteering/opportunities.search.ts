import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { bigrams, normaliseForSearch } from '../../../shared/text-search.js';
import type { Ctx } from '../../lib/context.js';
import { offsetOf, sortSpec } from '../../lib/pagination.js';
import { likeEscape, toNumber } from '../../lib/sql.js';
import { groupCompanies } from '../organisations/organisations.table.js';
import { organisedBy, viewerCompanyId, visibleToEmployees } from './opportunities.access.js';
import {
  OPPORTUNITY_SORTS,
  type OpportunityListQuery,
  type OpportunityPage,
  type OpportunitySummary,
  type RecommendationReason,
} from './opportunities.schema.js';
import { openForSignup, profileOf, recommendation, textArray } from './opportunities.recommend.js';
import { opportunities, opportunityShifts } from './volunteering.table.js';

const o = opportunities;

/**
 * Matches are counted up to this many: counting every match of a broad search would read the whole
 * table, and nobody pages past it (the screens show "1,000+").
 */
export const COUNT_LIMIT = 1000;

/**
 * The text condition: the query is normalised like the indexed text (NFKC, lower case, katakana as
 * hiragana, no spaces). From two characters on, the GIN index on the bigrams narrows the rows and
 * LIKE confirms they are contiguous, so a two-character Japanese word finds what contains it.
 */
export function opportunityTextCondition(q: string): SQL | undefined {
  const normalised = normaliseForSearch(q);
  if (!normalised) return undefined;
  const like = sql`${o.searchText} like ${`%${likeEscape(normalised)}%`}`;
  if (Array.from(normalised).length < 2) return like;
  return and(sql`${o.searchGrams} @> ${textArray(bigrams(normalised))}`, like);
}

/**
 * Has a shift overlapping the days from..to, read in the opportunity's own time zone. The span of the
 * shifts decides alone when only one bound is given (some shift ends after `from` exactly when the
 * last one does), and the UTC bounds widened by the largest offsets let the indexes rule rows out.
 * With both bounds the shifts are looked at only for an opportunity that also has shifts outside.
 */
function dateRangeCondition(from?: string, to?: string): SQL | undefined {
  if (!from && !to) return undefined;
  const endsAfter = sql`(${o.lastEndsAt} at time zone ${o.timeZone}) > ${from}::date`;
  const startsBefore = sql`(${o.firstStartsAt} at time zone ${o.timeZone}) < (${to}::date + 1)`;
  const parts: SQL[] = [];
  if (from)
    parts.push(sql`${o.lastEndsAt} > ((${from}::date - interval '14 hours') at time zone 'UTC')`, endsAfter);
  if (to)
    parts.push(
      sql`${o.firstStartsAt} < ((${to}::date + interval '36 hours') at time zone 'UTC')`,
      startsBefore,
    );
  if (from && to) {
    const inside = sql`(${o.firstStartsAt} at time zone ${o.timeZone}) >= ${from}::date
      and (${o.lastEndsAt} at time zone ${o.timeZone}) <= (${to}::date + 1)`;
    parts.push(sql`(${inside} or exists (select 1 from ${opportunityShifts} s where s.org_id = ${o.orgId}
      and s.opportunity_id = ${o.id} and (s.ends_at at time zone ${o.timeZone}) > ${from}::date
      and (s.starts_at at time zone ${o.timeZone}) < (${to}::date + 1)))`);
  }
  return and(...parts);
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * Finds opportunities. Employees see published ones open to their company (status=completed for
 * history); `mine=true` lists what the caller organises (or audits), any status; `recommended=true`
 * ranks the open ones by the caller's volunteer profile (see `recommendation`). Filters: text
 * (Japanese and English), field, mode, days (a shift on them), prefecture, region, skills, company.
 * `total` counts at most COUNT_LIMIT matches (`totalExact` false beyond).
 */
export async function listOpportunities(ctx: Ctx, query: OpportunityListQuery): Promise<OpportunityPage> {
  const empty = { items: [], total: 0, totalExact: true, page: query.page, size: query.size };
  const now = new Date().toISOString();
  const employeeId = ctx.actor.kind === 'user' ? ctx.actor.employeeId : null;
  const employeeView = !query.mine || query.recommended;
  const [companyId, profile] = await Promise.all([
    employeeView ? viewerCompanyId(ctx) : null,
    query.recommended ? profileOf(ctx) : null,
  ]);
  const conditions: (SQL | undefined)[] = [eq(o.orgId, ctx.orgId)];
  if (!employeeView) {
    const scope = organisedBy(ctx);
    if (scope === false) return empty;
    conditions.push(scope, query.status ? eq(o.status, query.status) : undefined);
  } else {
    conditions.push(visibleToEmployees(companyId));
    conditions.push(
      query.recommended ? openForSignup(now, employeeId) : eq(o.status, query.status ?? 'published'),
    );
  }
  const skills = query.skill === undefined ? [] : [query.skill].flat();
  conditions.push(
    query.q ? opportunityTextCondition(query.q) : undefined,
    query.field ? eq(o.field, query.field) : undefined,
    query.mode ? eq(o.mode, query.mode) : undefined,
    query.prefecture ? eq(o.prefecture, query.prefecture) : undefined,
    query.region ? sql`lower(${o.region}) = lower(${query.region}::text)` : undefined,
    skills.length ? sql`${o.requiredSkills} @> ${textArray(skills)}` : undefined,
    query.companyId ? eq(o.companyId, query.companyId) : undefined,
    dateRangeCondition(query.from, query.to),
  );
  const where = and(...conditions);
  const rec = profile ? recommendation(profile) : undefined;
  const sort = sortSpec(query.sort, OPPORTUNITY_SORTS, 'firstStartsAt');
  const column = o[sort.field];
  const order = rec
    ? [desc(rec.score), asc(o.firstStartsAt), asc(o.id)]
    : [sort.desc ? sql`${column} desc nulls last` : sql`${column} asc nulls last`, asc(o.id)];
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select({
        id: o.id,
        titleJa: o.titleJa,
        titleEn: o.titleEn,
        field: o.field,
        mode: o.mode,
        prefecture: o.prefecture,
        region: o.region,
        companyId: o.companyId,
        siteId: o.siteId,
        status: o.status,
        timeZone: o.timeZone,
        firstStartsAt: o.firstStartsAt,
        lastEndsAt: o.lastEndsAt,
        signupDeadline: o.signupDeadline,
        sdgs: o.sdgs,
        requiredSkills: o.requiredSkills,
        ...(rec
          ? {
              score: rec.score,
              fieldMatch: rec.flags.field,
              skillsMatch: rec.flags.skills,
              regionMatch: rec.flags.region,
              onlineMatch: rec.flags.online,
              availabilityMatch: rec.flags.availability,
            }
          : {}),
      })
      .from(o)
      .where(where)
      .orderBy(...order)
      .limit(query.size)
      .offset(offsetOf(query)),
    ctx.db.select({ total: count() }).from(
      ctx.db
        .select({ one: sql`1` })
        .from(o)
        .where(where)
        .limit(COUNT_LIMIT + 1)
        .as('counted'),
    ),
  ]);
  const exact = toNumber(total) <= COUNT_LIMIT;
  const counted = { total: Math.min(toNumber(total), COUNT_LIMIT), totalExact: exact };
  if (!rows.length) return { ...empty, ...counted };
  const ids = rows.map((r) => r.id);
  const [seats, companies] = await Promise.all([
    ctx.db
      .select({
        id: opportunityShifts.opportunityId,
        capacity: sql<number>`sum(${opportunityShifts.capacity})`,
        shiftCount: count(),
        seatsLeft: sql<number>`coalesce(sum(${opportunityShifts.capacity} - ${opportunityShifts.confirmedCount})
          filter (where ${opportunityShifts.startsAt} > ${now}::timestamptz), 0)`,
      })
      .from(opportunityShifts)
      .where(and(eq(opportunityShifts.orgId, ctx.orgId), inArray(opportunityShifts.opportunityId, ids)))
      .groupBy(opportunityShifts.opportunityId),
    ctx.db
      .select({ id: groupCompanies.id, code: groupCompanies.code })
      .from(groupCompanies)
      .where(
        and(
          eq(groupCompanies.orgId, ctx.orgId),
          inArray(groupCompanies.id, [...new Set(rows.map((r) => r.companyId))]),
        ),
      ),
  ]);
  const seatsOf = new Map(seats.map((s) => [s.id, s]));
  const codeOf = new Map(companies.map((c) => [c.id, c.code]));
  const items = rows.map((r) => {
    const s = seatsOf.get(r.id);
    const reasons: RecommendationReason[] = [];
    if (rec) {
      const m = r as typeof r & Record<string, unknown>;
      if (m.fieldMatch) reasons.push('field');
      if (m.skillsMatch) reasons.push('skills');
      if (m.regionMatch) reasons.push('region');
      if (m.onlineMatch) reasons.push('online');
      if (m.availabilityMatch) reasons.push('availability');
    }
    return {
      id: r.id,
      titleJa: r.titleJa,
      titleEn: r.titleEn,
      field: r.field as OpportunitySummary['field'],
      mode: r.mode as OpportunitySummary['mode'],
      prefecture: r.prefecture,
      region: r.region,
      companyId: r.companyId,
      companyCode: codeOf.get(r.companyId) ?? '',
      siteId: r.siteId,
      status: r.status as OpportunitySummary['status'],
      timeZone: r.timeZone,
      firstStartsAt: iso(r.firstStartsAt),
      lastEndsAt: iso(r.lastEndsAt),
      signupDeadline: iso(r.signupDeadline),
      seatsLeft: toNumber(s?.seatsLeft),
      capacity: toNumber(s?.capacity),
      shiftCount: toNumber(s?.shiftCount),
      sdgs: r.sdgs,
      requiredSkills: r.requiredSkills,
      ...(rec ? { score: toNumber((r as Record<string, unknown>).score), reasons } : {}),
    };
  });
  return { items, ...counted, page: query.page, size: query.size };
}
