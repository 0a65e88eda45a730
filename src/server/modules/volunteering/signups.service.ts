import { and, asc, count, eq, gt, lt, lte, ne, sql } from 'drizzle-orm';
import { holdsOn } from '../../lib/authz.js';
import { audit } from '../../lib/audit.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { isUniqueViolation, toNumber } from '../../lib/sql.js';
import { notify } from '../notifications/notify.js';
import {
  callerEmployee,
  findShift,
  noticeParams,
  opportunityScope,
  type ShiftRow,
  visibleToCompany,
} from './participation.common.js';
import type { Signup, SignupOverlap } from './signups.schema.js';
import { opportunities, opportunityShifts, signups } from './volunteering.table.js';

type Options = { baseUrl?: string; now?: Date };

const link = (s: ShiftRow) => `/opportunities/${s.opportunityId}`;

/** The 1-based place of a waitlisted sign-up on its shift's waitlist. */
export async function waitlistPosition(ctx: Ctx, shiftId: string, seq: number): Promise<number> {
  const [{ n }] = await ctx.db
    .select({ n: count() })
    .from(signups)
    .where(
      and(
        eq(signups.orgId, ctx.orgId),
        eq(signups.shiftId, shiftId),
        eq(signups.status, 'waitlisted'),
        lte(signups.seq, seq),
      ),
    );
  return toNumber(n);
}

/** The employee's other confirmed shifts (of opportunities not cancelled) that overlap a time span. */
export async function overlappingShifts(
  ctx: Ctx,
  employeeId: string,
  shift: { shiftId: string; startsAt: Date; endsAt: Date },
): Promise<SignupOverlap[]> {
  const rows = await ctx.db
    .select({
      shiftId: opportunityShifts.id,
      opportunityId: opportunities.id,
      titleJa: opportunities.titleJa,
      titleEn: opportunities.titleEn,
      startsAt: opportunityShifts.startsAt,
      endsAt: opportunityShifts.endsAt,
    })
    .from(signups)
    .innerJoin(
      opportunityShifts,
      and(eq(opportunityShifts.orgId, signups.orgId), eq(opportunityShifts.id, signups.shiftId)),
    )
    .innerJoin(
      opportunities,
      and(
        eq(opportunities.orgId, opportunityShifts.orgId),
        eq(opportunities.id, opportunityShifts.opportunityId),
      ),
    )
    .where(
      and(
        eq(signups.orgId, ctx.orgId),
        eq(signups.employeeId, employeeId),
        eq(signups.status, 'confirmed'),
        ne(signups.shiftId, shift.shiftId),
        lt(opportunityShifts.startsAt, shift.endsAt),
        gt(opportunityShifts.endsAt, shift.startsAt),
        ne(opportunities.status, 'cancelled'),
      ),
    )
    .orderBy(asc(opportunityShifts.startsAt));
  return rows.map((r) => ({ ...r, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString() }));
}

function assertOpen(shift: ShiftRow, companyId: string, now: Date): void {
  if (!visibleToCompany(shift, companyId)) throw new AppError('not_visible');
  if (shift.status !== 'published') throw new AppError('signup_closed');
  if (now >= shift.startsAt) throw new AppError('signup_closed');
  if (shift.signupDeadline && now > shift.signupDeadline) throw new AppError('signup_closed');
}

/**
 * Signs the caller's employee up for a shift: confirmed while seats are left, else waitlisted in order.
 * The shift row is locked (SELECT … FOR UPDATE) for the whole transaction, so the seat count holds under
 * any concurrency. No volunteer registration is needed: any employee may join an activity (the
 * registration is the volunteer database used for contact and recommendations; docs/decisions/0007).
 * Overlapping confirmed shifts come back as `overlaps`, a warning. Notifies signup_confirmed or
 * signup_waitlisted. Throws no_employee_record, not_found, not_visible, signup_closed, already_signed_up.
 */
export async function signUp(ctx: Ctx, shiftId: string, options: Options = {}): Promise<Signup> {
  const now = options.now ?? new Date();
  const employee = await callerEmployee(ctx);
  let result: { id: string; status: 'confirmed' | 'waitlisted'; position: number | null; shift: ShiftRow };
  try {
    result = await inTransaction(ctx, async (tx) => {
      const shift = await findShift(tx, shiftId, true);
      assertOpen(shift, employee.companyId, now);
      // A second live sign-up for the shift is refused by the unique index (signups_one_live_per_shift),
      // which the catch below turns into already_signed_up.
      const status = shift.confirmedCount < shift.capacity ? 'confirmed' : 'waitlisted';
      const [row] = await tx.db
        .insert(signups)
        .values({ orgId: tx.orgId, shiftId, employeeId: employee.id, status })
        .returning({ id: signups.id, seq: signups.seq });
      let position: number | null = null;
      if (status === 'confirmed') {
        await tx.db
          .update(opportunityShifts)
          .set({ confirmedCount: sql`${opportunityShifts.confirmedCount} + 1` })
          .where(and(eq(opportunityShifts.orgId, tx.orgId), eq(opportunityShifts.id, shiftId)));
      } else {
        position = await waitlistPosition(tx, shiftId, row.seq);
      }
      await notify(
        tx,
        {
          employeeId: employee.id,
          kind: status === 'confirmed' ? 'signup_confirmed' : 'signup_waitlisted',
          params: { ...noticeParams(shift), position },
          link: link(shift),
        },
        options.baseUrl,
      );
      await audit(tx, {
        action: 'signup.create',
        entityType: 'signup',
        entityId: row.id,
        after: { shiftId, opportunityId: shift.opportunityId, employeeId: employee.id, status },
      });
      return { id: row.id, status, position, shift };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'signups_one_live_per_shift')) throw new AppError('already_signed_up');
    throw err;
  }
  const { shift } = result;
  return {
    id: result.id,
    shiftId,
    opportunityId: shift.opportunityId,
    status: result.status,
    waitlistPosition: result.position,
    overlaps: await overlappingShifts(ctx, employee.id, shift),
  };
}

/**
 * Fills free seats of a shift from its waitlist, lowest `seq` first, and notifies waitlist_promoted.
 * Call it inside the transaction that holds the shift's row lock (findShift with lock), after a seat
 * was freed or the capacity raised. Nobody is promoted once the shift has started or the opportunity
 * is no longer published. Returns the promoted sign-up ids.
 */
export async function promoteWaitlisted(ctx: Ctx, shiftId: string, options: Options = {}): Promise<string[]> {
  const now = options.now ?? new Date();
  const shift = await findShift(ctx, shiftId);
  const free = shift.capacity - shift.confirmedCount;
  if (free <= 0 || shift.status !== 'published' || now >= shift.startsAt) return [];
  const next = await ctx.db
    .select({ id: signups.id, employeeId: signups.employeeId })
    .from(signups)
    .where(and(eq(signups.orgId, ctx.orgId), eq(signups.shiftId, shiftId), eq(signups.status, 'waitlisted')))
    .orderBy(asc(signups.seq))
    .limit(free)
    .for('update');
  if (next.length === 0) return [];
  for (const s of next) {
    await ctx.db
      .update(signups)
      .set({ status: 'confirmed', promotedAt: now, updatedAt: now })
      .where(and(eq(signups.orgId, ctx.orgId), eq(signups.id, s.id)));
    await notify(
      ctx,
      { employeeId: s.employeeId, kind: 'waitlist_promoted', params: noticeParams(shift), link: link(shift) },
      options.baseUrl,
    );
    await audit(ctx, {
      action: 'signup.promote',
      entityType: 'signup',
      entityId: s.id,
      before: { status: 'waitlisted' },
      after: { status: 'confirmed', shiftId, employeeId: s.employeeId },
    });
  }
  await ctx.db
    .update(opportunityShifts)
    .set({ confirmedCount: sql`${opportunityShifts.confirmedCount} + ${next.length}` })
    .where(and(eq(opportunityShifts.orgId, ctx.orgId), eq(opportunityShifts.id, shiftId)));
  return next.map((s) => s.id);
}

/**
 * Cancels a sign-up: the employee's own before the cancellation deadline (and before the shift
 * starts), or any one by an organiser holding opportunities.manage on the opportunity's scope, at any
 * time. A confirmed cancellation frees its seat and promotes the first waitlisted in the same
 * transaction. Cancelling a cancelled sign-up changes nothing.
 * Throws not_found, forbidden, cancel_closed.
 */
export async function cancelSignup(ctx: Ctx, signupId: string, options: Options = {}): Promise<Signup> {
  const now = options.now ?? new Date();
  return inTransaction(ctx, async (tx) => {
    const [ref] = await tx.db
      .select({ shiftId: signups.shiftId })
      .from(signups)
      .where(and(eq(signups.orgId, tx.orgId), eq(signups.id, signupId)));
    if (!ref) throw new AppError('not_found', { params: { entity: 'signup' } });
    // The shift first, then the sign-up: every writer takes the locks in this order.
    const shift = await findShift(tx, ref.shiftId, true);
    const [s] = await tx.db
      .select()
      .from(signups)
      .where(and(eq(signups.orgId, tx.orgId), eq(signups.id, signupId)))
      .for('update');
    const own = tx.actor.kind === 'user' && tx.actor.employeeId === s.employeeId;
    const organiser = holdsOn(tx.actor, 'opportunities.manage', opportunityScope(shift));
    if (!own && !organiser)
      throw new AppError('forbidden', { params: { permission: 'opportunities.manage' } });
    const view: Signup = {
      id: s.id,
      shiftId: s.shiftId,
      opportunityId: shift.opportunityId,
      status: 'cancelled',
      waitlistPosition: null,
      overlaps: [],
    };
    if (s.status === 'cancelled') return view;
    if (!organiser && (now >= shift.startsAt || (shift.cancelDeadline && now > shift.cancelDeadline)))
      throw new AppError('cancel_closed');
    await tx.db
      .update(signups)
      .set({ status: 'cancelled', cancelledAt: now, attendance: null, minutes: null, updatedAt: now })
      .where(and(eq(signups.orgId, tx.orgId), eq(signups.id, signupId)));
    if (s.status === 'confirmed') {
      await tx.db
        .update(opportunityShifts)
        .set({ confirmedCount: sql`${opportunityShifts.confirmedCount} - 1` })
        .where(and(eq(opportunityShifts.orgId, tx.orgId), eq(opportunityShifts.id, s.shiftId)));
    }
    await audit(tx, {
      action: 'signup.cancel',
      entityType: 'signup',
      entityId: s.id,
      before: { status: s.status, attendance: s.attendance, minutes: s.minutes },
      after: { status: 'cancelled', by: own ? 'self' : 'organiser' },
    });
    if (s.status === 'confirmed') await promoteWaitlisted(tx, s.shiftId, options);
    return view;
  });
}
