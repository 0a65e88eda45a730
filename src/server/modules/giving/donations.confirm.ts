import { and, eq, inArray, isNull } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { assertHolds } from '../../lib/authz.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { isUniqueViolation } from '../../lib/sql.js';
import { account } from '../ledger/ledger.keys.js';
import { post, reverse } from '../ledger/ledger.post.js';
import { ledgerPostings } from '../ledger/ledger.table.js';
import { employees } from '../people/people.table.js';
import { applyMatch } from './donations.matching.js';
import { notifyDonationReceived } from './donations.notice.js';
import type { ConfirmedStatus, DonationAdmin, DonationStatus } from './donations.schema.js';
import { loadDonation } from './donations.view.js';
import { donationEvents, donations } from './giving.table.js';

export type Confirmation = {
  donationId: string;
  status: ConfirmedStatus;
  /** Unique per source: the same event twice changes the donation once. */
  eventId: string;
  source: 'webhook' | 'import' | 'app';
  externalRef?: string | null;
  payload?: unknown;
};

/** The changes a confirmation may make; the same status again changes nothing. */
const ALLOWED: Record<DonationStatus, readonly ConfirmedStatus[]> = {
  pledged: ['paid', 'failed'],
  failed: ['paid'],
  paid: ['refunded'],
  refunded: [],
};

type DonationRow = typeof donations.$inferSelect;

/** The donation's own posting (points or money), not a reversal; undefined before it is paid. */
async function postingOf(
  ctx: Ctx,
  donationId: string,
  kinds: Array<'point_donation' | 'money_donation' | 'match'>,
) {
  const [row] = await ctx.db
    .select({ id: ledgerPostings.id })
    .from(ledgerPostings)
    .where(
      and(
        eq(ledgerPostings.orgId, ctx.orgId),
        eq(ledgerPostings.donationId, donationId),
        inArray(ledgerPostings.kind, kinds),
        isNull(ledgerPostings.reversesId),
      ),
    );
  return row?.id;
}

/** Paid: the money goes to the organisation's payable at the yen value fixed at the pledge, then the match. */
async function pay(ctx: Ctx, d: DonationRow) {
  const currency = d.currency as string;
  const amount = d.amountMinor as number;
  await post(ctx, {
    kind: 'money_donation',
    idempotencyKey: `donation:${d.id}`,
    request: { donation: d.id },
    links: { employeeId: d.employeeId, campaignId: d.campaignId, partnerId: d.partnerId, donationId: d.id },
    lines: [
      { account: account.employeeGiving(currency), amount: -amount, valueJpy: -d.valueJpy },
      { account: account.payable(d.partnerId, d.campaignId, currency), amount, valueJpy: d.valueJpy },
    ],
  });
  await applyMatch(ctx, d);
}

/** Refunded: the donation's posting and its match are reversed (refused below zero after a payout). */
async function refund(ctx: Ctx, d: DonationRow) {
  const match = await postingOf(ctx, d.id, ['match']);
  if (match) await reverse(ctx, match, { idempotencyKey: `refund-match:${d.id}`, memo: 'refund' });
  const gift = await postingOf(ctx, d.id, ['point_donation', 'money_donation']);
  if (gift) await reverse(ctx, gift, { idempotencyKey: `refund:${d.id}`, memo: 'refund' });
}

/**
 * Applies a payment confirmation to a donation, exactly once per event id: paid posts the money and
 * the match, failed only records it, refunded reverses both. An event seen before, or a status the
 * donation already has, changes nothing (`applied: false`). Runs in one transaction with its audit.
 * @throws AppError not_found (unknown donation), forbidden (out of the caller's scope),
 *   idempotency_key_reused (the event id was used for another change), invalid_transition,
 *   insufficient_balance (a refund after the organisation was paid), duplicate (external reference).
 */
export async function confirmDonation(
  ctx: Ctx,
  c: Confirmation,
): Promise<{ donation: DonationAdmin; applied: boolean }> {
  return inTransaction(ctx, async (tx) => {
    const [d] = await tx.db
      .select()
      .from(donations)
      .where(and(eq(donations.orgId, tx.orgId), eq(donations.id, c.donationId)))
      .for('update');
    if (!d) throw new AppError('not_found', { params: { entity: 'donation' } });
    if (tx.actor.kind === 'user') {
      const [emp] = await tx.db
        .select({ companyId: employees.companyId, siteId: employees.siteId })
        .from(employees)
        .where(and(eq(employees.orgId, tx.orgId), eq(employees.id, d.employeeId)));
      assertHolds(tx, 'ledger.manage', emp ?? {});
    }
    const inserted = await tx.db
      .insert(donationEvents)
      .values({
        orgId: tx.orgId,
        donationId: d.id,
        source: c.source,
        eventId: c.eventId,
        status: c.status,
        payload: c.payload ?? null,
      })
      .onConflictDoNothing({ target: [donationEvents.orgId, donationEvents.source, donationEvents.eventId] })
      .returning({ id: donationEvents.id });
    if (inserted.length === 0) {
      const [seen] = await tx.db
        .select()
        .from(donationEvents)
        .where(
          and(
            eq(donationEvents.orgId, tx.orgId),
            eq(donationEvents.source, c.source),
            eq(donationEvents.eventId, c.eventId),
          ),
        );
      if (seen?.donationId !== d.id || seen.status !== c.status) throw new AppError('idempotency_key_reused');
      return { donation: await loadDonation(tx, d.id), applied: false };
    }
    const from = d.status as DonationStatus;
    if (from === c.status) return { donation: await loadDonation(tx, d.id), applied: false };
    if (!ALLOWED[from].includes(c.status)) throw new AppError('invalid_transition', { params: { from } });
    const now = new Date();
    const externalRef = c.externalRef ?? d.externalRef;
    try {
      await tx.db
        .update(donations)
        .set({
          status: c.status,
          externalRef,
          updatedAt: now,
          ...(c.status === 'paid' ? { paidAt: now } : {}),
          ...(c.status === 'failed' ? { failedAt: now } : {}),
          ...(c.status === 'refunded' ? { refundedAt: now } : {}),
        })
        .where(and(eq(donations.orgId, tx.orgId), eq(donations.id, d.id)));
    } catch (err) {
      if (isUniqueViolation(err, 'donations_org_external_ref'))
        throw new AppError('duplicate', {
          params: { entity: 'payment_reference' },
          fields: [{ path: 'externalRef', code: 'duplicate' }],
        });
      throw err;
    }
    if (c.status === 'paid') await pay(tx, d);
    if (c.status === 'refunded') await refund(tx, d);
    const donation = await loadDonation(tx, d.id);
    if (c.status === 'paid') await notifyDonationReceived(tx, d.employeeId, donation);
    await audit(tx, {
      action: `donation.${c.status}`,
      entityType: 'donation',
      entityId: d.id,
      before: { status: from, externalRef: d.externalRef },
      after: { status: c.status, externalRef, source: c.source, eventId: c.eventId },
    });
    return { donation, applied: true };
  });
}
