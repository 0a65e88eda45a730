import { account } from '../ledger/ledger.keys.js';
import { convertMinor } from '../ledger/ledger.values.js';
import { type BookPosting, POINT_VALUE_JPY, postIn, reverseIn } from './demo.giving-book.js';
import { DEMO_FX_RATES } from './demo.giving-data.js';
import {
  dayInTokyo,
  type GivingState,
  hexOf,
  isoInTokyo,
  newId,
  type PlannedCampaign,
  type PlannedDonation,
  schedule,
} from './demo.giving-plan.js';
import type { Giver } from './demo.giving-world.js';
import { fyOfDay } from './demo.time.js';

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const fyOfInstant = (at: Date) => fyOfDay(dayInTokyo(at));

/**
 * The company's match of a paid donation: ratio x its yen value, within what is left of the
 * employee's cap and the campaign's cap; nothing when that is zero.
 */
function postMatch(state: GivingState, campaign: PlannedCampaign, d: PlannedDonation, at: Date): void {
  const rule = campaign.match;
  if (!rule) return;
  const totals = state.matched;
  const mine = `${campaign.id}|${d.employeeId}`;
  const m = Math.min(
    Math.floor((d.valueJpy * rule.ratioPercent) / 100),
    rule.perEmployeeJpy - (totals.get(mine) ?? 0),
    rule.perCampaignJpy - (totals.get(campaign.id) ?? 0),
  );
  if (m <= 0) return;
  const posting = postIn(state.book, {
    kind: 'match',
    idempotencyKey: `match:${d.id}`,
    request: { donationId: d.id, matchJpy: m },
    effectiveOn: isoInTokyo(at),
    fiscalYear: fyOfInstant(at),
    postedAt: at,
    links: { employeeId: d.employeeId, campaignId: campaign.id, partnerId: d.partnerId, donationId: d.id },
    createdBy: null,
    lines: [
      { account: account.companyGiving(campaign.companyId, 'JPY'), amount: -m },
      { account: account.payable(d.partnerId, campaign.id, 'JPY'), amount: m },
    ],
  })!;
  add(totals, mine, m);
  add(totals, campaign.id, m);
  state.matchPostings.set(d.id, posting);
}

/** A donation of points, paid at once from the current fiscal year's points; skipped when they fall short. */
export function givePoints(
  state: GivingState,
  g: { person: Giver; campaign: PlannedCampaign | null; partnerId: string; points: number; at: Date },
): void {
  schedule(state, g.at, () => {
    const fy = fyOfInstant(g.at);
    const id = newId();
    const yen = g.points * POINT_VALUE_JPY;
    const campaignId = g.campaign?.id ?? null;
    const posting = postIn(state.book, {
      kind: 'point_donation',
      idempotencyKey: `donation:${id}`,
      request: { campaignId, organisationId: g.partnerId, points: g.points },
      effectiveOn: isoInTokyo(g.at),
      fiscalYear: fy,
      postedAt: g.at,
      links: { employeeId: g.person.id, campaignId, partnerId: g.partnerId, donationId: id },
      createdBy: null,
      lines: [
        { account: account.employeePoints(g.person.id, fy), amount: -g.points },
        { account: account.pointsDonated(fy), amount: g.points },
        { account: account.pointsFunding(fy), amount: -yen },
        { account: account.payable(g.partnerId, campaignId, 'JPY'), amount: yen },
      ],
    });
    if (!posting) return;
    const donation: PlannedDonation = {
      id,
      employeeId: g.person.id,
      campaignId,
      partnerId: g.partnerId,
      kind: 'points',
      method: 'points',
      points: g.points,
      amountMinor: null,
      currency: null,
      valueJpy: yen,
      status: 'paid',
      fiscalYear: fy,
      idempotencyKey: `demo-${id}`,
      externalRef: null,
      pledgedAt: g.at,
      paidAt: g.at,
      failedAt: null,
      refundedAt: null,
    };
    state.donations.push(donation);
    if (g.campaign) postMatch(state, g.campaign, donation, g.at);
  });
}

/** Payroll deducts pledges on the 25th: this month's when pledged by the 15th, else next month's. */
function payday(at: Date): Date {
  const [y, m, d] = isoInTokyo(at).split('-').map(Number);
  const month = d <= 15 ? m - 1 : m;
  return new Date(Date.UTC(y, month, 25, 1, 0));
}

export type MoneyGift = {
  person: Giver;
  campaign: PlannedCampaign;
  partnerId: string;
  amountMinor: number;
  currency: string;
  method: 'payroll' | 'provider';
  at: Date;
  fate: 'paid' | 'failed' | 'refunded';
};

/**
 * A money pledge: paid by payroll on payday or by card at once (unless its fate is to fail), and
 * refunded a week or two later when that is its fate. Payment after today leaves it pledged.
 */
export function giveMoney(state: GivingState, g: MoneyGift): PlannedDonation {
  const { rng, world } = state;
  const id = newId();
  const fy = fyOfInstant(g.at);
  const rate = g.currency === 'JPY' ? null : DEMO_FX_RATES[g.currency][fy];
  const valueJpy = rate ? convertMinor(g.amountMinor, g.currency, rate) : g.amountMinor;
  const paidAt = g.method === 'payroll' ? payday(g.at) : new Date(g.at.getTime() + 90_000);
  const paid = g.fate !== 'failed' && paidAt < world.now;
  const refundedAt =
    g.fate === 'refunded' && paid
      ? new Date(paidAt.getTime() + (7 + Math.floor(rng() * 7)) * 86_400_000)
      : null;
  const ref =
    g.method === 'payroll'
      ? `PAY-${isoInTokyo(paidAt).slice(0, 7)}-${hexOf(rng, 10)}`
      : `pi_${hexOf(rng, 24)}`;
  const donation: PlannedDonation = {
    id,
    employeeId: g.person.id,
    campaignId: g.campaign.id,
    partnerId: g.partnerId,
    kind: 'money',
    method: g.method,
    points: null,
    amountMinor: g.amountMinor,
    currency: g.currency,
    valueJpy,
    status: g.fate === 'failed' ? 'failed' : !paid ? 'pledged' : refundedAt ? 'refunded' : 'paid',
    fiscalYear: fy,
    idempotencyKey: `demo-${id}`,
    externalRef: g.fate === 'failed' || paid ? ref : null,
    pledgedAt: g.at,
    paidAt: paid ? paidAt : null,
    failedAt: g.fate === 'failed' ? paidAt : null,
    refundedAt,
  };
  state.donations.push(donation);
  const source = g.method === 'payroll' ? 'import' : 'webhook';
  const eventId = (status: string) =>
    g.method === 'payroll' ? `payroll-${ref}-${status}` : `evt_${hexOf(rng, 24)}`;
  if (g.fate === 'failed') {
    state.events.push({
      donationId: id,
      source,
      eventId: eventId('failed'),
      status: 'failed',
      payload: { reason: 'card_declined' },
      receivedAt: paidAt,
    });
  }
  if (!paid) return donation;
  const payload: Record<string, string> =
    g.method === 'payroll'
      ? { file: `payroll-deductions-${isoInTokyo(paidAt).slice(0, 7)}.csv` }
      : { provider: 'card' };
  state.events.push({
    donationId: id,
    source,
    eventId: eventId('paid'),
    status: 'paid',
    payload,
    receivedAt: paidAt,
  });
  let posting: BookPosting | null = null;
  schedule(state, paidAt, () => {
    posting = postIn(state.book, {
      kind: 'money_donation',
      idempotencyKey: `donation:${id}`,
      request: { donationId: id, status: 'paid', externalRef: ref },
      effectiveOn: isoInTokyo(paidAt),
      fiscalYear: fyOfInstant(paidAt),
      postedAt: paidAt,
      links: { employeeId: g.person.id, campaignId: g.campaign.id, partnerId: g.partnerId, donationId: id },
      createdBy: null,
      lines: [
        { account: account.employeeGiving(g.currency), amount: -g.amountMinor, valueJpy: -valueJpy },
        { account: account.payable(g.partnerId, g.campaign.id, g.currency), amount: g.amountMinor, valueJpy },
      ],
    });
    postMatch(state, g.campaign, donation, paidAt);
  });
  if (refundedAt) {
    state.events.push({
      donationId: id,
      source: 'app',
      eventId: `refund-${id}`,
      status: 'refunded',
      payload: { reason: 'requested_by_donor' },
      receivedAt: refundedAt,
    });
    schedule(state, refundedAt, () => refund(state, g.campaign, donation, posting!, refundedAt));
  }
  return donation;
}

function refund(
  state: GivingState,
  campaign: PlannedCampaign,
  d: PlannedDonation,
  paid: BookPosting,
  at: Date,
) {
  const when = {
    effectiveOn: isoInTokyo(at),
    fiscalYear: fyOfInstant(at),
    postedAt: at,
    createdBy: state.world.users.finance,
  };
  reverseIn(state.book, paid, { idempotencyKey: `refund:${d.id}`, ...when });
  const match = state.matchPostings.get(d.id);
  if (!match) return;
  reverseIn(state.book, match, { idempotencyKey: `refund-match:${d.id}`, ...when });
  const totals = state.matched;
  const m = match.lines.find((l) => l.amount > 0)!.amount;
  add(totals, `${campaign.id}|${d.employeeId}`, -m);
  add(totals, campaign.id, -m);
}
