import { and, eq } from 'drizzle-orm';
import type { Scope } from '../../lib/authz.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { groupCompanies } from '../organisations/organisations.table.js';
import { employees } from '../people/people.table.js';
import { opportunities, opportunityShifts } from './volunteering.table.js';

// Small rules shared by sign-ups, attendance, hour logs and history.

/** The caller's employee record id; accounts without one cannot volunteer (no_employee_record). */
export function requireEmployee(ctx: Ctx): string {
  const id = ctx.actor.kind === 'user' ? ctx.actor.employeeId : null;
  if (!id) throw new AppError('no_employee_record');
  return id;
}

/** The caller's employee with the company it belongs to and that company's time zone. */
export async function callerEmployee(ctx: Ctx) {
  const employeeId = requireEmployee(ctx);
  const [row] = await ctx.db
    .select({
      id: employees.id,
      companyId: employees.companyId,
      siteId: employees.siteId,
      timeZone: groupCompanies.timeZone,
    })
    .from(employees)
    .innerJoin(
      groupCompanies,
      and(eq(groupCompanies.orgId, employees.orgId), eq(groupCompanies.id, employees.companyId)),
    )
    .where(and(eq(employees.orgId, ctx.orgId), eq(employees.id, employeeId)));
  if (!row) throw new AppError('no_employee_record');
  return row;
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Minutes as hours with two decimals, as the API reports them. */
export const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/** The minutes an attended shift credits unless the organiser edits them: its length, 1..1440. */
export function shiftMinutes(shift: { startsAt: Date; endsAt: Date }): number {
  const minutes = Math.round((shift.endsAt.getTime() - shift.startsAt.getTime()) / 60_000);
  return Math.min(1440, Math.max(1, minutes));
}

/** Where an opportunity sits, for scoped permissions (opportunities.manage). */
export const opportunityScope = (o: { companyId: string; siteId: string | null }): Scope => ({
  companyId: o.companyId,
  siteId: o.siteId,
});

/** Who may join: the whole group, or the listed companies (the same rule as the opportunity list). */
export function visibleToCompany(
  o: { visibility: string; visibleCompanyIds: string[] },
  companyId: string,
): boolean {
  return o.visibility === 'group' || o.visibleCompanyIds.includes(companyId);
}

/** The columns of a shift and its opportunity that participation needs. */
export const shiftColumns = {
  shiftId: opportunityShifts.id,
  startsAt: opportunityShifts.startsAt,
  endsAt: opportunityShifts.endsAt,
  capacity: opportunityShifts.capacity,
  confirmedCount: opportunityShifts.confirmedCount,
  checkinCode: opportunityShifts.checkinCode,
  opportunityId: opportunities.id,
  titleJa: opportunities.titleJa,
  titleEn: opportunities.titleEn,
  status: opportunities.status,
  companyId: opportunities.companyId,
  siteId: opportunities.siteId,
  timeZone: opportunities.timeZone,
  visibility: opportunities.visibility,
  visibleCompanyIds: opportunities.visibleCompanyIds,
  signupDeadline: opportunities.signupDeadline,
  cancelDeadline: opportunities.cancelDeadline,
};

/**
 * A shift with its opportunity, in the caller's organisation; with `lock`, the shift row is locked
 * FOR UPDATE first (the one lock that sign-ups, cancellations and promotions take), and the shift and
 * its opportunity are read after the lock is held: a statement that waited for the lock would otherwise
 * still see the opportunity as it was before (say, published while a cancellation was committing).
 * Throws not_found.
 */
export async function findShift(ctx: Ctx, shiftId: string, lock = false) {
  const where = and(eq(opportunityShifts.orgId, ctx.orgId), eq(opportunityShifts.id, shiftId));
  if (lock)
    await ctx.db.select({ id: opportunityShifts.id }).from(opportunityShifts).where(where).for('update');
  const [row] = await ctx.db
    .select(shiftColumns)
    .from(opportunityShifts)
    .innerJoin(
      opportunities,
      and(
        eq(opportunities.orgId, opportunityShifts.orgId),
        eq(opportunities.id, opportunityShifts.opportunityId),
      ),
    )
    .where(where);
  if (!row) throw new AppError('not_found', { params: { entity: 'shift' } });
  return row;
}
export type ShiftRow = Awaited<ReturnType<typeof findShift>>;

/** The opportunity's title as a bilingual notification parameter, with the shift's start. */
export const noticeParams = (s: ShiftRow) => ({
  title: { ja: s.titleJa, en: s.titleEn },
  startsAt: s.startsAt.toISOString(),
  timeZone: s.timeZone,
});
