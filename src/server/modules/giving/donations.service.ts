import { and, asc, eq } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type FieldIssue } from '../../lib/errors.js';
import { account } from '../ledger/ledger.keys.js';
import { load, type Posting, post } from '../ledger/ledger.post.js';
import { ledgerPostings } from '../ledger/ledger.table.js';
import {
  BASE_CURRENCY,
  currentFiscalYear,
  jpyValue,
  ledgerSettings,
  ledgerToday,
} from '../ledger/ledger.values.js';
import { partnerEligibleColumn } from '../partners/partners.eligibility.js';
import { partners } from '../partners/partners.table.js';
import { requireEmployee } from '../volunteering/participation.common.js';
import { applyMatch } from './donations.matching.js';
import { notifyDonationReceived } from './donations.notice.js';
import type { DonationCreate, DonationResult } from './donations.schema.js';
import { loadDonation, postingView } from './donations.view.js';
import { campaignBeneficiaries, campaigns, donations } from './giving.table.js';

type DonationRow = typeof donations.$inferSelect;

/** Cross-field rules of a donation request (the schema checks each field alone). */
function checkShape(input: DonationCreate): void {
  const fields: FieldIssue[] = [];
  const add = (path: string, code: string) => fields.push({ path, code });
  if (!input.campaignId && !input.organisationId) add('campaignId', 'required');
  if (input.points === undefined && input.amountMinor === undefined) add('points', 'required');
  if (input.points !== undefined && input.amountMinor !== undefined) add('amountMinor', 'points_or_money');
  if (input.amountMinor !== undefined && !input.currency) add('currency', 'required');
  if (input.points !== undefined && input.currency) add('currency', 'money_only');
  if (input.points !== undefined && input.method) add('method', 'money_only');
  if (fields.length) throw new AppError('validation_failed', { fields });
}

type Target = { campaignId: string | null; partnerId: string };

/**
 * Where the donation goes. A campaign must be open today and accept the way of giving; its money
 * goes to the first beneficiary unless organisationId names another one. The organisation must be
 * active and eligible. Throws campaign_closed, campaign_method_not_accepted, recipient_closed,
 * recipient_not_eligible, not_found, validation_failed (organisationId not a beneficiary).
 */
async function resolveTarget(ctx: Ctx, input: DonationCreate, kind: 'points' | 'money'): Promise<Target> {
  let partnerId = input.organisationId ?? null;
  const campaignId = input.campaignId ?? null;
  if (campaignId) {
    const [c] = await ctx.db
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.orgId, ctx.orgId), eq(campaigns.id, campaignId)));
    if (!c) throw new AppError('not_found', { params: { entity: 'campaign' } });
    const today = ledgerToday();
    if (c.status !== 'open' || today < c.startsOn || today > c.endsOn) throw new AppError('campaign_closed');
    if (kind === 'points' ? !c.acceptsPoints : !c.acceptsMoney)
      throw new AppError('campaign_method_not_accepted');
    const beneficiaries = await ctx.db
      .select({ partnerId: campaignBeneficiaries.partnerId })
      .from(campaignBeneficiaries)
      .where(and(eq(campaignBeneficiaries.orgId, ctx.orgId), eq(campaignBeneficiaries.campaignId, c.id)))
      .orderBy(asc(campaignBeneficiaries.position));
    if (partnerId && !beneficiaries.some((b) => b.partnerId === partnerId))
      throw new AppError('validation_failed', {
        fields: [{ path: 'organisationId', code: 'not_beneficiary' }],
      });
    partnerId ??= beneficiaries[0]?.partnerId ?? null;
    if (!partnerId) throw new AppError('recipient_not_eligible');
  }
  const [p] = await ctx.db
    .select({ status: partners.status, eligible: partnerEligibleColumn(ledgerToday()) })
    .from(partners)
    .where(and(eq(partners.orgId, ctx.orgId), eq(partners.id, partnerId as string)));
  if (!p) throw new AppError('not_found', { params: { entity: 'partner' } });
  if (p.status !== 'active') throw new AppError('recipient_closed');
  if (!p.eligible) throw new AppError('recipient_not_eligible');
  return { campaignId, partnerId: partnerId as string };
}

/** The points posting of a points donation: the employee's current-year points to the organisation. */
export function postPointDonation(
  ctx: Ctx,
  d: DonationRow,
): Promise<{ posting: Posting; replayed: boolean }> {
  const points = d.points as number;
  return post(ctx, {
    kind: 'point_donation',
    idempotencyKey: `donation:${d.id}`,
    request: { donation: d.id },
    fiscalYear: d.fiscalYear,
    links: { employeeId: d.employeeId, campaignId: d.campaignId, partnerId: d.partnerId, donationId: d.id },
    lines: [
      { account: account.employeePoints(d.employeeId, d.fiscalYear), amount: -points },
      { account: account.pointsDonated(d.fiscalYear), amount: points },
      { account: account.pointsFunding(d.fiscalYear), amount: -d.valueJpy },
      { account: account.payable(d.partnerId, d.campaignId, BASE_CURRENCY), amount: d.valueJpy },
    ],
  });
}

async function findByKey(ctx: Ctx, key: string): Promise<DonationRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(donations)
    .where(and(eq(donations.orgId, ctx.orgId), eq(donations.idempotencyKey, key)));
  return row;
}

/** The first answer again, when the request is the one that made the donation. */
async function replay(ctx: Ctx, d: DonationRow, input: DonationCreate, employeeId: string) {
  const same =
    d.employeeId === employeeId &&
    d.campaignId === (input.campaignId ?? null) &&
    (input.organisationId === undefined || d.partnerId === input.organisationId) &&
    d.points === (input.points ?? null) &&
    d.amountMinor === (input.amountMinor ?? null) &&
    d.currency === (input.currency ?? null) &&
    (d.kind === 'points' || d.method === (input.method ?? 'payroll'));
  if (!same) throw new AppError('idempotency_key_reused');
  return result(ctx, d);
}

async function result(ctx: Ctx, d: DonationRow): Promise<DonationResult> {
  let posting: Posting | null = null;
  if (d.kind === 'points') {
    const [p] = await ctx.db
      .select({ id: ledgerPostings.id })
      .from(ledgerPostings)
      .where(and(eq(ledgerPostings.orgId, ctx.orgId), eq(ledgerPostings.idempotencyKey, `donation:${d.id}`)));
    if (p) posting = await load(ctx, p.id);
  }
  const { employee: _, ...donation } = await loadDonation(ctx, d.id);
  return { donation, posting: posting && postingView(posting) };
}

/**
 * Makes a donation for the signed-in employee, once per idempotency key (the same key and request
 * answer the first donation; another request with it is refused). Points are paid at once from the
 * current fiscal year's points, matched and acknowledged; money is a pledge (status pledged, valued
 * in yen at the year's FX rate) until a payment confirmation arrives. A refused donation posts nothing.
 * @throws AppError no_employee_record, validation_failed, not_found, campaign_closed,
 *   campaign_method_not_accepted, recipient_closed, recipient_not_eligible, insufficient_points,
 *   fx_rate_missing, idempotency_key_reused.
 */
export async function donate(ctx: Ctx, input: DonationCreate): Promise<DonationResult> {
  const employeeId = requireEmployee(ctx);
  checkShape(input);
  return inTransaction(ctx, async (tx) => {
    const existing = await findByKey(tx, input.idempotencyKey);
    if (existing) return replay(tx, existing, input, employeeId);
    const kind = input.points !== undefined ? 'points' : 'money';
    const target = await resolveTarget(tx, input, kind);
    const fiscalYear = await currentFiscalYear(tx);
    const valueJpy =
      kind === 'points'
        ? (input.points as number) * (await ledgerSettings(tx)).pointValueJpy
        : await jpyValue(tx, input.amountMinor as number, input.currency as string, fiscalYear);
    const now = new Date();
    const [row] = await tx.db
      .insert(donations)
      .values({
        orgId: tx.orgId,
        employeeId,
        ...target,
        kind,
        method: kind === 'points' ? 'points' : (input.method ?? 'payroll'),
        points: input.points ?? null,
        amountMinor: input.amountMinor ?? null,
        currency: input.currency ?? null,
        valueJpy,
        status: kind === 'points' ? 'paid' : 'pledged',
        fiscalYear,
        idempotencyKey: input.idempotencyKey,
        pledgedAt: now,
        paidAt: kind === 'points' ? now : null,
      })
      .onConflictDoNothing({ target: [donations.orgId, donations.idempotencyKey] })
      .returning();
    if (!row) {
      // A request with the same key committed first (this insert waited for it on the unique key).
      const winner = await findByKey(tx, input.idempotencyKey);
      if (!winner) throw new AppError('conflict', { params: { detail: 'idempotency key' } });
      return replay(tx, winner, input, employeeId);
    }
    let posting: Posting | null = null;
    if (kind === 'points') {
      posting = (await postPointDonation(tx, row)).posting;
      await applyMatch(tx, row);
    }
    const { employee: _, ...donation } = await loadDonation(tx, row.id);
    if (kind === 'points') await notifyDonationReceived(tx, employeeId, donation);
    await audit(tx, {
      action: 'donation.create',
      entityType: 'donation',
      entityId: row.id,
      after: { ...donation, idempotencyKey: input.idempotencyKey },
    });
    return { donation, posting: posting && postingView(posting) };
  });
}
