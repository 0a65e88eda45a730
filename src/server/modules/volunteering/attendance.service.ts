import { and, asc, eq, ne } from 'drizzle-orm';
import QRCode from 'qrcode';
import { holdsOn } from '../../lib/authz.js';
import { audit } from '../../lib/audit.js';
import { actorUserId, type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { groupCompanies } from '../organisations/organisations.table.js';
import { employees } from '../people/people.table.js';
import {
  findShift,
  opportunityScope,
  requireEmployee,
  type ShiftRow,
  shiftMinutes,
} from './participation.common.js';
import type { AttendanceUpdate, CheckinResult, Roster, RosterItem } from './signups.schema.js';
import { opportunityShifts, signups } from './volunteering.table.js';

/** Check-in opens this long before a shift starts and closes when it ends. */
export const CHECKIN_OPENS_BEFORE_MS = 2 * 60 * 60 * 1000;

function assertOrganiser(ctx: Ctx, shift: ShiftRow): void {
  if (!holdsOn(ctx.actor, 'opportunities.manage', opportunityScope(shift)))
    throw new AppError('forbidden', { params: { permission: 'opportunities.manage' } });
}

const rosterColumns = {
  id: signups.id,
  employeeId: signups.employeeId,
  employeeNumber: employees.employeeNumber,
  nameJa: employees.nameJa,
  nameEn: employees.nameEn,
  companyCode: groupCompanies.code,
  status: signups.status,
  seq: signups.seq,
  attendance: signups.attendance,
  minutes: signups.minutes,
  checkedInAt: signups.checkedInAt,
};

async function rosterRows(ctx: Ctx, where: ReturnType<typeof and>) {
  return ctx.db
    .select(rosterColumns)
    .from(signups)
    .innerJoin(employees, and(eq(employees.orgId, signups.orgId), eq(employees.id, signups.employeeId)))
    .innerJoin(
      groupCompanies,
      and(eq(groupCompanies.orgId, employees.orgId), eq(groupCompanies.id, employees.companyId)),
    )
    .where(where)
    .orderBy(asc(signups.seq));
}
type RosterRow = Awaited<ReturnType<typeof rosterRows>>[number];

const itemOf = (r: RosterRow, waitlistPosition: number | null): RosterItem => ({
  id: r.id,
  employeeId: r.employeeId,
  employeeNumber: r.employeeNumber,
  nameJa: r.nameJa,
  nameEn: r.nameEn,
  companyCode: r.companyCode,
  status: r.status as RosterItem['status'],
  waitlistPosition,
  attendance: r.attendance as RosterItem['attendance'],
  minutes: r.minutes,
  checkedInAt: r.checkedInAt?.toISOString() ?? null,
});

/**
 * A shift's live sign-ups (confirmed, then the waitlist in order) with their attendance: for
 * organisers (opportunities.manage on the opportunity's scope) and readers of the volunteer database
 * in that scope (volunteers.read, auditors included). Throws not_found, forbidden.
 */
export async function getRoster(ctx: Ctx, shiftId: string): Promise<Roster> {
  const shift = await findShift(ctx, shiftId);
  const scope = opportunityScope(shift);
  const canManage = holdsOn(ctx.actor, 'opportunities.manage', scope);
  if (!canManage && !holdsOn(ctx.actor, 'volunteers.read', scope))
    throw new AppError('forbidden', { params: { permission: 'opportunities.manage' } });
  const rows = await rosterRows(
    ctx,
    and(eq(signups.orgId, ctx.orgId), eq(signups.shiftId, shiftId), ne(signups.status, 'cancelled')),
  );
  const confirmed = rows.filter((r) => r.status === 'confirmed').map((r) => itemOf(r, null));
  const waitlisted = rows.filter((r) => r.status === 'waitlisted').map((r, i) => itemOf(r, i + 1));
  return {
    shift: {
      id: shift.shiftId,
      opportunityId: shift.opportunityId,
      titleJa: shift.titleJa,
      titleEn: shift.titleEn,
      opportunityStatus: shift.status,
      timeZone: shift.timeZone,
      startsAt: shift.startsAt.toISOString(),
      endsAt: shift.endsAt.toISOString(),
      capacity: shift.capacity,
      confirmed: shift.confirmedCount,
      waitlisted: waitlisted.length,
      shiftMinutes: shiftMinutes(shift),
      canManage,
    },
    items: [...confirmed, ...waitlisted],
  };
}

/**
 * Records attendance of a confirmed sign-up: attended (minutes default to the shift's length,
 * editable 1..1440), absent, or null to clear. Organisers only (opportunities.manage on the
 * opportunity's scope); allowed at any time, so a list can be taken on paper and typed in later.
 * Throws not_found, forbidden, invalid_transition (not confirmed), validation_failed.
 */
export async function setAttendance(
  ctx: Ctx,
  signupId: string,
  input: AttendanceUpdate,
): Promise<RosterItem> {
  if (input.minutes !== undefined && input.attendance !== 'attended')
    throw new AppError('validation_failed', { fields: [{ path: 'minutes', code: 'invalid_value' }] });
  return inTransaction(ctx, async (tx) => {
    const [s] = await tx.db
      .select()
      .from(signups)
      .where(and(eq(signups.orgId, tx.orgId), eq(signups.id, signupId)))
      .for('update');
    if (!s) throw new AppError('not_found', { params: { entity: 'signup' } });
    const shift = await findShift(tx, s.shiftId);
    assertOrganiser(tx, shift);
    if (s.status !== 'confirmed') throw new AppError('invalid_transition', { params: { from: s.status } });
    const minutes =
      input.attendance === 'attended' ? (input.minutes ?? s.minutes ?? shiftMinutes(shift)) : null;
    const now = new Date();
    await tx.db
      .update(signups)
      .set({ attendance: input.attendance, minutes, attendanceBy: actorUserId(tx), updatedAt: now })
      .where(and(eq(signups.orgId, tx.orgId), eq(signups.id, signupId)));
    await audit(tx, {
      action: 'signup.attendance',
      entityType: 'signup',
      entityId: signupId,
      before: { attendance: s.attendance, minutes: s.minutes },
      after: { attendance: input.attendance, minutes },
    });
    const [row] = await rosterRows(tx, and(eq(signups.orgId, tx.orgId), eq(signups.id, signupId)));
    return itemOf(row, null);
  });
}

/** The check-in address of a shift: `${baseUrl}/check-in/<code>`. Organisers only. */
export async function checkinLink(ctx: Ctx, shiftId: string, baseUrl: string) {
  const shift = await findShift(ctx, shiftId);
  assertOrganiser(ctx, shift);
  return { url: `${baseUrl.replace(/\/+$/, '')}/check-in/${shift.checkinCode}`, code: shift.checkinCode };
}

/** The check-in address as a QR code (SVG), to show on a screen at the venue. Organisers only. */
export async function checkinQrSvg(ctx: Ctx, shiftId: string, baseUrl: string): Promise<string> {
  const { url } = await checkinLink(ctx, shiftId, baseUrl);
  return QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

/**
 * Checks the caller in with a shift's QR code: their confirmed sign-up becomes attended with the
 * shift's length (or the minutes an organiser already set) and `checkedInAt`. Open from two hours
 * before the start until the end. Idempotent: a second check-in changes nothing.
 * Throws no_employee_record, not_found (unknown code, or no confirmed sign-up), checkin_closed.
 */
export async function checkIn(ctx: Ctx, code: string, now = new Date()): Promise<CheckinResult> {
  const employeeId = requireEmployee(ctx);
  return inTransaction(ctx, async (tx) => {
    const [ref] = await tx.db
      .select({ id: opportunityShifts.id })
      .from(opportunityShifts)
      .where(and(eq(opportunityShifts.orgId, tx.orgId), eq(opportunityShifts.checkinCode, code)));
    if (!ref) throw new AppError('not_found', { params: { entity: 'shift' } });
    const shift = await findShift(tx, ref.id);
    const [s] = await tx.db
      .select()
      .from(signups)
      .where(
        and(
          eq(signups.orgId, tx.orgId),
          eq(signups.shiftId, shift.shiftId),
          eq(signups.employeeId, employeeId),
          eq(signups.status, 'confirmed'),
        ),
      )
      .for('update');
    if (!s) throw new AppError('not_found', { params: { entity: 'signup' } });
    const result = (minutes: number, checkedInAt: Date, alreadyCheckedIn: boolean): CheckinResult => ({
      signupId: s.id,
      shiftId: shift.shiftId,
      opportunityId: shift.opportunityId,
      titleJa: shift.titleJa,
      titleEn: shift.titleEn,
      timeZone: shift.timeZone,
      startsAt: shift.startsAt.toISOString(),
      endsAt: shift.endsAt.toISOString(),
      minutes,
      checkedInAt: checkedInAt.toISOString(),
      alreadyCheckedIn,
    });
    if (s.attendance === 'attended' && s.checkedInAt && s.minutes)
      return result(s.minutes, s.checkedInAt, true);
    if (now.getTime() < shift.startsAt.getTime() - CHECKIN_OPENS_BEFORE_MS || now > shift.endsAt)
      throw new AppError('checkin_closed');
    const minutes = (s.attendance === 'attended' ? s.minutes : null) ?? shiftMinutes(shift);
    await tx.db
      .update(signups)
      .set({
        attendance: 'attended',
        minutes,
        checkedInAt: now,
        attendanceBy: actorUserId(tx),
        updatedAt: now,
      })
      .where(and(eq(signups.orgId, tx.orgId), eq(signups.id, s.id)));
    await audit(tx, {
      action: 'signup.checkin',
      entityType: 'signup',
      entityId: s.id,
      before: { attendance: s.attendance, minutes: s.minutes },
      after: { attendance: 'attended', minutes, checkedInAt: now },
    });
    return result(minutes, now, false);
  });
}
