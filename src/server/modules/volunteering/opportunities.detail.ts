import { and, asc, count, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { toNumber } from '../../lib/sql.js';
import { groupCompanies, sites } from '../organisations/organisations.table.js';
import { canSee, opportunityScope } from './opportunities.access.js';
import { opportunityNotFound } from './opportunities.rules.js';
import type { Opportunity, Shift } from './opportunities.schema.js';
import { holdsOn } from '../../lib/authz.js';
import { opportunities, opportunityShifts, signups } from './volunteering.table.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

type Row = typeof opportunities.$inferSelect & { companyCode: string; siteCode: string | null };

/** The opportunity row with its company and site codes (no visibility check). */
export async function findOpportunityRow(ctx: Ctx, id: string): Promise<Row | undefined> {
  const [row] = await ctx.db
    .select({ o: opportunities, companyCode: groupCompanies.code, siteCode: sites.code })
    .from(opportunities)
    .innerJoin(
      groupCompanies,
      and(eq(groupCompanies.orgId, opportunities.orgId), eq(groupCompanies.id, opportunities.companyId)),
    )
    .leftJoin(sites, and(eq(sites.orgId, opportunities.orgId), eq(sites.id, opportunities.siteId)))
    .where(and(eq(opportunities.orgId, ctx.orgId), eq(opportunities.id, id)));
  return row && { ...row.o, companyCode: row.companyCode, siteCode: row.siteCode };
}

/** The shifts of an opportunity with seats, waitlist length and the caller's own live sign-up. */
async function shiftsOf(ctx: Ctx, opportunityId: string): Promise<Shift[]> {
  const shifts = await ctx.db
    .select()
    .from(opportunityShifts)
    .where(and(eq(opportunityShifts.orgId, ctx.orgId), eq(opportunityShifts.opportunityId, opportunityId)))
    .orderBy(asc(opportunityShifts.startsAt), asc(opportunityShifts.id));
  if (!shifts.length) return [];
  const ids = shifts.map((s) => s.id);
  const waiting = await ctx.db
    .select({ shiftId: signups.shiftId, n: count() })
    .from(signups)
    .where(and(eq(signups.orgId, ctx.orgId), inArray(signups.shiftId, ids), eq(signups.status, 'waitlisted')))
    .groupBy(signups.shiftId);
  const waitlisted = new Map(waiting.map((w) => [w.shiftId, toNumber(w.n)]));
  const employeeId = ctx.actor.kind === 'user' ? ctx.actor.employeeId : null;
  const mine = employeeId
    ? await ctx.db
        .select({
          id: signups.id,
          shiftId: signups.shiftId,
          status: signups.status,
          attendance: signups.attendance,
          minutes: signups.minutes,
          // Drizzle leaves select-list columns unqualified, so the outer row is named in full.
          ahead: sql<number>`(select count(*) from signups w where w.org_id = signups.org_id
            and w.shift_id = signups.shift_id and w.status = 'waitlisted' and w.seq < signups.seq)`,
        })
        .from(signups)
        .where(
          and(
            eq(signups.orgId, ctx.orgId),
            inArray(signups.shiftId, ids),
            eq(signups.employeeId, employeeId),
            ne(signups.status, 'cancelled'),
          ),
        )
    : [];
  const mineByShift = new Map(mine.map((m) => [m.shiftId, m]));
  return shifts.map((s) => {
    const m = mineByShift.get(s.id);
    return {
      id: s.id,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      capacity: s.capacity,
      confirmed: s.confirmedCount,
      seatsLeft: s.capacity - s.confirmedCount,
      waitlisted: waitlisted.get(s.id) ?? 0,
      mySignup: m
        ? {
            id: m.id,
            status: m.status as 'confirmed' | 'waitlisted',
            waitlistPosition: m.status === 'waitlisted' ? toNumber(m.ahead) + 1 : null,
            attendance: m.attendance as 'attended' | 'absent' | null,
            minutes: m.minutes,
          }
        : null,
    };
  });
}

/** The full view of an opportunity for a caller who may see it. */
export async function opportunityView(ctx: Ctx, row: Row): Promise<Opportunity> {
  return {
    id: row.id,
    companyId: row.companyId,
    companyCode: row.companyCode,
    siteId: row.siteId,
    siteCode: row.siteCode,
    titleJa: row.titleJa,
    titleEn: row.titleEn,
    descriptionJa: row.descriptionJa,
    descriptionEn: row.descriptionEn,
    organiser: row.organiser,
    partnerName: row.partnerName,
    field: row.field as Opportunity['field'],
    sdgs: row.sdgs,
    mode: row.mode as Opportunity['mode'],
    address: row.address,
    prefecture: row.prefecture,
    region: row.region,
    onlineUrl: row.onlineUrl,
    timeZone: row.timeZone,
    signupDeadline: iso(row.signupDeadline),
    cancelDeadline: iso(row.cancelDeadline),
    requiredSkills: row.requiredSkills,
    familyAllowed: row.familyAllowed,
    transportByPoints: row.transportByPoints,
    visibility: row.visibility as Opportunity['visibility'],
    visibleCompanyIds: row.visibleCompanyIds,
    status: row.status as Opportunity['status'],
    firstStartsAt: iso(row.firstStartsAt),
    lastEndsAt: iso(row.lastEndsAt),
    publishedAt: iso(row.publishedAt),
    cancelledAt: iso(row.cancelledAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    canManage: holdsOn(ctx.actor, 'opportunities.manage', opportunityScope(row)),
    shifts: await shiftsOf(ctx, row.id),
  };
}

/**
 * One opportunity with its shifts, seats left, waitlist lengths and the caller's sign-ups.
 * Throws not_found (also when the caller may not see it: a draft, or not open to their company).
 */
export async function getOpportunity(ctx: Ctx, id: string): Promise<Opportunity> {
  const row = await findOpportunityRow(ctx, id);
  if (!row || !(await canSee(ctx, row))) throw opportunityNotFound();
  return opportunityView(ctx, row);
}
