import { randomBytes } from 'node:crypto';
import { and, eq, inArray, max, min } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { assertHolds } from '../../lib/authz.js';
import { actorUserId, type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { opportunityScope, organiserSees } from './opportunities.access.js';
import { findOpportunityRow, opportunityView } from './opportunities.detail.js';
import {
  checkOpportunity,
  checkShifts,
  type OpportunityDraft,
  opportunityNotFound,
  opportunitySearchDocument,
  placementOf,
  throwIfIssues,
} from './opportunities.rules.js';
import type {
  Opportunity,
  OpportunityCreate,
  OpportunityUpdate,
  ShiftInput,
} from './opportunities.schema.js';
import { opportunities, opportunityShifts, signups } from './volunteering.table.js';

export { getOpportunity } from './opportunities.detail.js';
export { cancelOpportunity, completeOpportunity, publishOpportunity } from './opportunities.transitions.js';

/** The secret a shift's check-in QR code carries. */
export const newCheckinCode = () => randomBytes(16).toString('base64url');

const toDate = (v: string | null | undefined) => (v ? new Date(v) : null);

/** Input values as the columns store them (absent optional values become null or their default). */
function columnsOf(input: OpportunityCreate) {
  const { shifts: _, ...rest } = input;
  return {
    ...rest,
    siteId: input.siteId ?? null,
    titleJa: input.titleJa ?? null,
    titleEn: input.titleEn ?? null,
    descriptionJa: input.descriptionJa ?? null,
    descriptionEn: input.descriptionEn ?? null,
    partnerName: input.partnerName ?? null,
    address: input.address ?? null,
    prefecture: input.prefecture ?? null,
    region: input.region ?? null,
    onlineUrl: input.onlineUrl ?? null,
    signupDeadline: toDate(input.signupDeadline),
    cancelDeadline: toDate(input.cancelDeadline),
    sdgs: [...new Set(input.sdgs)].sort((a, b) => a - b),
    requiredSkills: [...new Set(input.requiredSkills)],
    visibleCompanyIds: input.visibility === 'group' ? [] : [...new Set(input.visibleCompanyIds)],
  };
}

/** Checks placement, scope and rules together, so one refusal names every field at fault. */
async function validate(ctx: Ctx, draft: OpportunityDraft, shifts: ShiftInput[]): Promise<string> {
  const placement = await placementOf(ctx, draft.companyId, draft.siteId);
  throwIfIssues(placement.issues);
  assertHolds(ctx, 'opportunities.manage', opportunityScope(draft));
  throwIfIssues([...(await checkOpportunity(ctx, draft)), ...checkShifts(shifts)]);
  return placement.timeZone!;
}

/** Keeps the span of the shifts and the search text in step with the opportunity (same transaction). */
async function refreshDerived(ctx: Ctx, id: string) {
  const [span] = await ctx.db
    .select({ first: min(opportunityShifts.startsAt), last: max(opportunityShifts.endsAt) })
    .from(opportunityShifts)
    .where(and(eq(opportunityShifts.orgId, ctx.orgId), eq(opportunityShifts.opportunityId, id)));
  const [row] = await ctx.db
    .select()
    .from(opportunities)
    .where(and(eq(opportunities.orgId, ctx.orgId), eq(opportunities.id, id)));
  const doc = opportunitySearchDocument(row);
  const toTime = (v: Date | string | null) => (v === null ? null : new Date(v));
  const [after] = await ctx.db
    .update(opportunities)
    .set({
      firstStartsAt: toTime(span.first),
      lastEndsAt: toTime(span.last),
      searchText: doc.text,
      searchGrams: doc.grams,
      updatedAt: new Date(),
    })
    .where(and(eq(opportunities.orgId, ctx.orgId), eq(opportunities.id, id)))
    .returning();
  return after;
}

/**
 * Posts an opportunity as a draft with its shifts; opportunities.manage on its company or site.
 * Throws forbidden, validation_failed (required, place_required, not_found, site_outside_company,
 * ends_before_start).
 */
export async function createOpportunity(ctx: Ctx, input: OpportunityCreate): Promise<Opportunity> {
  return inTransaction(ctx, async (tx) => {
    const values = columnsOf(input);
    const timeZone = await validate(tx, values, input.shifts);
    const [row] = await tx.db
      .insert(opportunities)
      .values({ ...values, orgId: tx.orgId, timeZone, status: 'draft', createdBy: actorUserId(tx) })
      .returning();
    const shifts = await tx.db
      .insert(opportunityShifts)
      .values(
        input.shifts.map((s) => ({
          orgId: tx.orgId,
          opportunityId: row.id,
          startsAt: new Date(s.startsAt),
          endsAt: new Date(s.endsAt),
          capacity: s.capacity,
          checkinCode: newCheckinCode(),
        })),
      )
      .returning({
        id: opportunityShifts.id,
        startsAt: opportunityShifts.startsAt,
        capacity: opportunityShifts.capacity,
      });
    const after = await refreshDerived(tx, row.id);
    await audit(tx, {
      action: 'opportunity.create',
      entityType: 'opportunity',
      entityId: row.id,
      after: { ...after, shifts },
    });
    return opportunityView(tx, (await findOpportunityRow(tx, row.id))!);
  });
}

/** Applies the full list of shifts: adds, changes and removes; refuses to drop booked seats. */
async function replaceShifts(ctx: Ctx, opportunityId: string, wanted: ShiftInput[]) {
  const current = await ctx.db
    .select()
    .from(opportunityShifts)
    .where(and(eq(opportunityShifts.orgId, ctx.orgId), eq(opportunityShifts.opportunityId, opportunityId)))
    .for('update');
  const byId = new Map(current.map((s) => [s.id, s]));
  const unknown = wanted.flatMap((s, i) =>
    s.id && !byId.has(s.id) ? [{ path: `shifts.${i}.id`, code: 'not_found' }] : [],
  );
  throwIfIssues(unknown);
  const kept = new Set(wanted.flatMap((s) => (s.id ? [s.id] : [])));
  const removed = current.filter((s) => !kept.has(s.id)).map((s) => s.id);
  if (removed.length) {
    const live = await ctx.db
      .select({ id: signups.id })
      .from(signups)
      .where(
        and(
          eq(signups.orgId, ctx.orgId),
          inArray(signups.shiftId, removed),
          inArray(signups.status, ['confirmed', 'waitlisted']),
        ),
      )
      .limit(1);
    if (live.length) throw new AppError('shift_has_signups');
    // Cancelled sign-ups of a removed shift have nothing left to point at.
    await ctx.db.delete(signups).where(and(eq(signups.orgId, ctx.orgId), inArray(signups.shiftId, removed)));
    await ctx.db
      .delete(opportunityShifts)
      .where(and(eq(opportunityShifts.orgId, ctx.orgId), inArray(opportunityShifts.id, removed)));
  }
  for (const s of wanted) {
    const times = { startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt), capacity: s.capacity };
    if (!s.id) {
      await ctx.db
        .insert(opportunityShifts)
        .values({ ...times, orgId: ctx.orgId, opportunityId, checkinCode: newCheckinCode() });
      continue;
    }
    const before = byId.get(s.id)!;
    if (s.capacity < before.confirmedCount)
      throw new AppError('capacity_below_confirmed', { params: { confirmed: before.confirmedCount } });
    await ctx.db
      .update(opportunityShifts)
      .set(times)
      .where(and(eq(opportunityShifts.orgId, ctx.orgId), eq(opportunityShifts.id, s.id)));
  }
  return { before: current.map(({ checkinCode: _, ...s }) => s), removed };
}

/**
 * Changes an opportunity (draft or published); opportunities.manage where it is and where it goes.
 * Throws not_found, forbidden, invalid_transition (cancelled or completed), validation_failed (as
 * createOpportunity), shift_has_signups, capacity_below_confirmed.
 */
export async function updateOpportunity(
  ctx: Ctx,
  id: string,
  input: OpportunityUpdate,
): Promise<Opportunity> {
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select()
      .from(opportunities)
      .where(and(eq(opportunities.orgId, tx.orgId), eq(opportunities.id, id)))
      .for('update');
    if (!before || !organiserSees(tx.actor, opportunityScope(before))) throw opportunityNotFound();
    assertHolds(tx, 'opportunities.manage', opportunityScope(before));
    if (before.status !== 'draft' && before.status !== 'published')
      throw new AppError('invalid_transition', { params: { from: before.status } });
    const { shifts, ...patch } = input;
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const merged = { ...before, ...defined } as typeof before & Record<string, unknown>;
    const values = {
      ...defined,
      ...('signupDeadline' in defined ? { signupDeadline: toDate(input.signupDeadline) } : {}),
      ...('cancelDeadline' in defined ? { cancelDeadline: toDate(input.cancelDeadline) } : {}),
      ...(input.sdgs ? { sdgs: [...new Set(input.sdgs)].sort((a, b) => a - b) } : {}),
      ...(input.requiredSkills ? { requiredSkills: [...new Set(input.requiredSkills)] } : {}),
      visibleCompanyIds: merged.visibility === 'group' ? [] : [...new Set(merged.visibleCompanyIds)],
    };
    const draft = { ...merged, ...values } as OpportunityDraft;
    const timeZone = await validate(tx, draft, shifts ?? []);
    await tx.db
      .update(opportunities)
      .set({ ...values, timeZone })
      .where(and(eq(opportunities.orgId, tx.orgId), eq(opportunities.id, id)));
    const shiftChange = shifts ? await replaceShifts(tx, id, shifts) : undefined;
    const after = await refreshDerived(tx, id);
    await audit(tx, {
      action: 'opportunity.update',
      entityType: 'opportunity',
      entityId: id,
      before: { ...before, shifts: shiftChange?.before },
      after: { ...after, shifts: shifts, removedShifts: shiftChange?.removed },
    });
    return opportunityView(tx, (await findOpportunityRow(tx, id))!);
  });
}
