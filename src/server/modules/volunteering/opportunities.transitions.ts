import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { OpportunityStatus } from '../../../shared/volunteering.js';
import { audit } from '../../lib/audit.js';
import { assertHolds } from '../../lib/authz.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { notify } from '../notifications/notify.js';
import { opportunityScope, organiserSees } from './opportunities.access.js';
import { findOpportunityRow, opportunityView } from './opportunities.detail.js';
import { opportunityNotFound } from './opportunities.rules.js';
import type { Opportunity } from './opportunities.schema.js';
import { opportunities, opportunityShifts, signups } from './volunteering.table.js';

type Action = 'publish' | 'cancel' | 'complete';

/** The lifecycle: draft -> published -> completed, and cancelled from draft or published. */
const TRANSITIONS: Record<Action, { from: OpportunityStatus[]; to: OpportunityStatus }> = {
  publish: { from: ['draft'], to: 'published' },
  cancel: { from: ['draft', 'published'], to: 'cancelled' },
  complete: { from: ['published'], to: 'completed' },
};

export type TransitionOptions = {
  /** The public URL that links in the cancellation mails are made absolute with. */
  baseUrl?: string;
};

/**
 * Cancels every live sign-up of the opportunity that has no attendance recorded (a shift that
 * already took place keeps its record), frees the seats and notifies each person.
 */
async function cancelSignups(ctx: Ctx, o: typeof opportunities.$inferSelect, baseUrl?: string) {
  const now = new Date();
  // Lock the shifts first: a sign-up waiting on a shift's lock then sees the cancellation.
  const shifts = await ctx.db
    .select({ id: opportunityShifts.id, startsAt: opportunityShifts.startsAt })
    .from(opportunityShifts)
    .where(and(eq(opportunityShifts.orgId, ctx.orgId), eq(opportunityShifts.opportunityId, o.id)))
    .for('update');
  const starts = new Map(shifts.map((s) => [s.id, s.startsAt.toISOString()]));
  const cancelled = await ctx.db
    .update(signups)
    .set({ status: 'cancelled', cancelledAt: now, updatedAt: now })
    .where(
      and(
        eq(signups.orgId, ctx.orgId),
        inArray(signups.shiftId, [...starts.keys()]),
        inArray(signups.status, ['confirmed', 'waitlisted']),
        isNull(signups.attendance),
      ),
    )
    .returning({ id: signups.id, shiftId: signups.shiftId, employeeId: signups.employeeId });
  if (!cancelled.length) return [];
  await ctx.db
    .update(opportunityShifts)
    .set({
      // Spelled out in full: Drizzle leaves the columns of an UPDATE's SET unqualified.
      confirmedCount: sql`(select count(*)::int from signups s where s.org_id = opportunity_shifts.org_id
        and s.shift_id = opportunity_shifts.id and s.status = 'confirmed')`,
    })
    .where(and(eq(opportunityShifts.orgId, ctx.orgId), eq(opportunityShifts.opportunityId, o.id)));
  for (const s of cancelled) {
    await notify(
      ctx,
      {
        employeeId: s.employeeId,
        kind: 'opportunity_cancelled',
        params: {
          title: { ja: o.titleJa, en: o.titleEn },
          startsAt: starts.get(s.shiftId) ?? null,
          timeZone: o.timeZone,
        },
        link: `/opportunities/${o.id}`,
        dedupeKey: `opportunity_cancelled:${s.id}`,
      },
      baseUrl,
    );
  }
  return cancelled.map((s) => s.id);
}

async function transition(ctx: Ctx, id: string, action: Action, options: TransitionOptions) {
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select()
      .from(opportunities)
      .where(and(eq(opportunities.orgId, tx.orgId), eq(opportunities.id, id)))
      .for('update');
    if (!before || !organiserSees(tx.actor, opportunityScope(before))) throw opportunityNotFound();
    assertHolds(tx, 'opportunities.manage', opportunityScope(before));
    const rule = TRANSITIONS[action];
    if (!rule.from.includes(before.status as OpportunityStatus))
      throw new AppError('invalid_transition', { params: { from: before.status } });
    const now = new Date();
    const [after] = await tx.db
      .update(opportunities)
      .set({
        status: rule.to,
        updatedAt: now,
        ...(action === 'publish' ? { publishedAt: before.publishedAt ?? now } : {}),
        ...(action === 'cancel' ? { cancelledAt: now } : {}),
      })
      .where(and(eq(opportunities.orgId, tx.orgId), eq(opportunities.id, id)))
      .returning();
    const cancelledSignups =
      action === 'cancel' ? await cancelSignups(tx, after, options.baseUrl) : undefined;
    await audit(tx, {
      action: `opportunity.${action}`,
      entityType: 'opportunity',
      entityId: id,
      before: { status: before.status },
      after: { status: after.status, cancelledSignups },
    });
    return opportunityView(tx, (await findOpportunityRow(tx, id))!);
  });
}

/** Publishes a draft: employees can find it and sign up. Throws not_found, forbidden, invalid_transition. */
export const publishOpportunity = (
  ctx: Ctx,
  id: string,
  options: TransitionOptions = {},
): Promise<Opportunity> => transition(ctx, id, 'publish', options);

/**
 * Cancels a draft or published opportunity: every live sign-up is cancelled and its holder notified
 * (opportunity_cancelled), in the same transaction. Throws not_found, forbidden, invalid_transition.
 */
export const cancelOpportunity = (
  ctx: Ctx,
  id: string,
  options: TransitionOptions = {},
): Promise<Opportunity> => transition(ctx, id, 'cancel', options);

/** Marks a published opportunity as done. Throws not_found, forbidden, invalid_transition. */
export const completeOpportunity = (
  ctx: Ctx,
  id: string,
  options: TransitionOptions = {},
): Promise<Opportunity> => transition(ctx, id, 'complete', options);
