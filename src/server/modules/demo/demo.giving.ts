import type { Tx } from '../../db/client.js';
import { account } from '../ledger/ledger.keys.js';
import { convertMinor } from '../ledger/ledger.values.js';
import { balanceIn, EXPIRY_KEY_PENDING, newBook, postIn } from './demo.giving-book.js';
import { demoCampaigns } from './demo.giving-campaigns.js';
import { planClaims } from './demo.giving-claims.js';
import { DEMO_FX_RATES, DEMO_PARTNERS } from './demo.giving-data.js';
import { accountGifts, campaignDonors, directDonations } from './demo.giving-donors.js';
import { type GivingSummary, insertGivingPlan } from './demo.giving-insert.js';
import { type GivingState, newId, runSteps, schedule, tokyo } from './demo.giving-plan.js';
import { earnsPoints, type Giver, type GivingWorld, loadGivingWorld } from './demo.giving-world.js';
import { DEMO_SEED, mulberry32 } from './demo.generator.js';
import { dayOf, fyEnd, fyOfDay, fyStart, isoOf } from './demo.time.js';

/**
 * The fiscal years with points: FY2023 (April 2023 to March 2024, the seeds' fiscal 2024, whose
 * disaster drives employees gave points to) and the current year. The years between have none: each
 * year of points adds about 30,000 postings (a grant and an expiry per employee in Japan) and 5 s of
 * CPU to the full demo's first start.
 */
export const FIRST_GRANT_YEAR = 2023;
export const pointYears = (currentFy: number): number[] =>
  currentFy > FIRST_GRANT_YEAR ? [FIRST_GRANT_YEAR, currentFy] : [currentFy];

/** Points granted a year, and in a year of long service (10, 20 or 30 years since joining). */
export const ANNUAL_POINTS = 300;
export const ANNIVERSARY_POINTS = 500;
const ANNIVERSARIES = new Set([10, 20, 30]);
/** The company that runs the campaigns and pays the match: the group's parent. */
const CAMPAIGN_COMPANY = 'DEC';
/** Finance paid what the closed drives raised: dollars after Maui, yen after the fiscal year closed. */
const PAYOUTS: Array<{ currency: string; paidOn: string }> = [
  { currency: 'USD', paidOn: '2023-11-30' },
  { currency: 'JPY', paidOn: '2024-04-30' },
];

/** Points granted to an employee for a fiscal year. */
export function grantOf(p: Giver, fy: number): number {
  const years = fy - Number(isoOf(p.hire).slice(0, 4));
  return ANNIVERSARIES.has(years) ? ANNIVERSARY_POINTS : ANNUAL_POINTS;
}

/**
 * Employees granted points for a fiscal year, employed at some time in it up to today: every one in
 * the current year; in fiscal 2023 those of the Japanese group companies, who gave points to that
 * year's disaster drives (employees abroad gave money).
 */
export const granteesOf = (world: GivingWorld, fy: number): Giver[] =>
  world.people.filter(
    (p) =>
      (fy === world.currentFy || earnsPoints(p)) &&
      p.hire <= Math.min(fyEnd(fy), world.today) &&
      (p.leave === null || p.leave >= fyStart(fy)),
  );

/**
 * The year's grant from the benefit system, referenced DEMO-<year>-<employee number>: on the year's
 * first day (or the day of joining) at 9:00.
 */
function planGrants(state: GivingState): void {
  for (const fy of pointYears(state.world.currentFy)) {
    for (const p of granteesOf(state.world, fy)) {
      const day = Math.max(fyStart(fy), p.hire);
      const points = grantOf(p, fy);
      const reference = `DEMO-${fy}-${p.number}`;
      const postedAt = tokyo(day, 9 * 60);
      schedule(state, postedAt, () => {
        postIn(state.book, {
          kind: 'grant',
          idempotencyKey: `grant:${reference}`,
          request: { reference, employeeNumber: p.number, fiscalYear: fy, points },
          effectiveOn: isoOf(day),
          fiscalYear: fy,
          postedAt,
          links: { employeeId: p.id },
          createdBy: null,
          lines: [
            { account: account.pointsGranted(fy), amount: -points },
            { account: account.employeePoints(p.id, fy), amount: points },
          ],
        });
      });
    }
  }
}

/** The campaigns, their beneficiaries and the company's own donation to each. */
function planCampaigns(state: GivingState): void {
  const { world } = state;
  const companyId = world.companyIds.get(CAMPAIGN_COMPANY)!;
  for (const c of demoCampaigns(world.today, world.currentFy)) {
    const campaign = { ...c, id: newId(), companyId, createdAt: tokyo(dayOf(c.startsOn) - 1, 17 * 60) };
    state.campaigns.push(campaign);
    const day = dayOf(c.company.on);
    if (day >= world.today) continue;
    const gift = {
      id: newId(),
      companyId,
      campaignId: campaign.id,
      partnerId: state.partnerIds.get(c.company.partner)!,
      amountJpy: c.company.amountJpy,
      donatedOn: c.company.on,
      note: c.company.note,
      idempotencyKey: `demo-company-donation-${c.code}`,
      createdAt: tokyo(day, 11 * 60),
    };
    state.companyDonations.push(gift);
    schedule(state, gift.createdAt, () => {
      postIn(state.book, {
        kind: 'company_donation',
        idempotencyKey: `company-donation:${gift.id}`,
        request: {
          companyId,
          campaignId: campaign.id,
          partnerId: gift.partnerId,
          amountMinor: gift.amountJpy,
        },
        effectiveOn: gift.donatedOn,
        fiscalYear: fyOfDay(day),
        postedAt: gift.createdAt,
        links: { campaignId: campaign.id, partnerId: gift.partnerId, companyDonationId: gift.id },
        createdBy: world.users.csr,
        lines: [
          { account: account.companyGiving(companyId, 'JPY'), amount: -gift.amountJpy },
          { account: account.payable(gift.partnerId, campaign.id, 'JPY'), amount: gift.amountJpy },
        ],
      });
    });
  }
}

/** Finance's paid payouts: everything the closed campaigns' organisations were owed in a currency. */
function planPayouts(state: GivingState): void {
  const { world, book } = state;
  const closed = new Set(state.campaigns.filter((c) => c.status === 'closed').map((c) => c.id));
  for (const { currency, paidOn } of PAYOUTS) {
    const day = dayOf(paidOn);
    if (day >= world.today) continue;
    schedule(state, tokyo(day, 15 * 60), () => {
      const owed = [...book.accounts.values()].filter(
        (k) =>
          k.kind === 'payable' &&
          k.unit === currency &&
          closed.has(k.campaignId ?? '') &&
          balanceIn(book, k) > 0,
      );
      if (owed.length === 0) return;
      const fy = fyOfDay(day);
      const rate = DEMO_FX_RATES[currency]?.[fy];
      const yen = (amount: number) => (rate ? convertMinor(amount, currency, rate) : amount);
      const lines = owed.map((k) => ({
        partnerId: k.partnerId!,
        account: k,
        amountMinor: balanceIn(book, k),
      }));
      const payout = {
        id: newId(),
        reference: `PO-${paidOn.slice(0, 7).replace('-', '')}-${currency}`,
        currency,
        paidOn,
        createdBy: world.users.finance,
        createdAt: tokyo(day - 3, 14 * 60),
        lines,
      };
      state.payouts.push(payout);
      postIn(book, {
        kind: 'payout',
        idempotencyKey: `payout:${payout.id}`,
        request: { payoutId: payout.id, paidOn },
        effectiveOn: paidOn,
        fiscalYear: fy,
        postedAt: tokyo(day, 15 * 60),
        links: { payoutId: payout.id },
        createdBy: world.users.finance,
        lines: lines.flatMap((l) => [
          { account: l.account, amount: -l.amountMinor, valueJpy: -yen(l.amountMinor) },
          {
            account: account.paidOut(l.partnerId, currency),
            amount: l.amountMinor,
            valueJpy: yen(l.amountMinor),
          },
        ]),
      });
    });
  }
}

/**
 * The expiry job's run after each ended year (00:30 in Tokyo the next day): every employee's unspent
 * points of the year, one posting per account dated the year's last day. Its key and request name the
 * account's last entry, known once the database hands out the entries' ids (demo.giving-insert-ledger.ts).
 */
function planExpiries(state: GivingState): void {
  const { book, world } = state;
  for (const fy of pointYears(world.currentFy).filter((y) => y < world.currentFy)) {
    const postedAt = tokyo(fyEnd(fy) + 1, 30);
    schedule(state, postedAt, () => {
      for (const [k, key] of book.accounts) {
        if (key.kind !== 'employee_points' || key.fiscalYear !== fy) continue;
        const left = book.balances.get(k) ?? 0;
        if (left <= 0) continue;
        postIn(book, {
          kind: 'expiry',
          idempotencyKey: EXPIRY_KEY_PENDING,
          request: null,
          effectiveOn: isoOf(fyEnd(fy)),
          fiscalYear: fy,
          postedAt,
          links: { employeeId: key.employeeId! },
          createdBy: null,
          lines: [
            { account: key, amount: -left },
            { account: account.pointsExpired(fy), amount: left },
          ],
        });
      }
    });
  }
}

/** What expired at the end of each ended fiscal year: accounts and points. */
export function expiriesOf(
  state: GivingState,
): Array<{ fiscalYear: number; accounts: number; points: number }> {
  const out = new Map<number, { fiscalYear: number; accounts: number; points: number }>();
  for (const p of state.book.postings) {
    if (p.kind !== 'expiry') continue;
    const year = out.get(p.fiscalYear) ?? { fiscalYear: p.fiscalYear, accounts: 0, points: 0 };
    year.accounts++;
    year.points += p.lines.find((l) => l.amount > 0)!.amount;
    out.set(p.fiscalYear, year);
  }
  return [...out.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
}

/**
 * The demo's giving from the fixed seed: partners, the grants of the years with points to employees in
 * Japan, the campaigns with their donations, transport claims, payouts and the expiry of each ended
 * year's points, all posted to an in-memory ledger in time order under the database's rules. The same
 * world gives the same plan (ids aside).
 */
export function planGiving(world: GivingWorld): GivingState {
  const state: GivingState = {
    world,
    rng: mulberry32(DEMO_SEED ^ 0x67697665),
    book: newBook(),
    partnerIds: new Map(DEMO_PARTNERS.map((p) => [p.code, newId()])),
    campaigns: [],
    companyDonations: [],
    donations: [],
    events: [],
    claims: [],
    files: [],
    payouts: [],
    steps: [],
    matched: new Map(),
    matchPostings: new Map(),
  };
  planGrants(state);
  planCampaigns(state);
  for (const c of state.campaigns) campaignDonors(state, c);
  accountGifts(state);
  directDonations(state, pointYears(world.currentFy));
  planClaims(state, pointYears(world.currentFy));
  planPayouts(state);
  planExpiries(state);
  runSteps(state);
  return state;
}

/**
 * Loads the demo organisation's points and giving (after its volunteering, in the same transaction):
 * the plan above, written with set-based inserts.
 */
export async function insertGiving(
  tx: Tx,
  orgId: string,
  options: { today?: string } = {},
): Promise<GivingSummary> {
  const world = await loadGivingWorld(tx, orgId, options);
  return insertGivingPlan(tx, planGiving(world));
}
