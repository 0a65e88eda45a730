import type { AccountKey } from '../ledger/ledger.accounts.js';
import type { Book, BookPosting } from './demo.giving-book.js';
import type { DemoCampaign } from './demo.giving-campaigns.js';
import type { GivingWorld } from './demo.giving-world.js';
import type { Rng } from './demo.random.js';
import { isoOf } from './demo.time.js';

/** The shapes the giving plan produces, and the state it is built in (see demo.giving.ts). */
export type PlannedCampaign = DemoCampaign & { id: string; companyId: string; createdAt: Date };

export type PlannedCompanyDonation = {
  id: string;
  companyId: string;
  campaignId: string;
  partnerId: string;
  amountJpy: number;
  donatedOn: string;
  note: string;
  idempotencyKey: string;
  createdAt: Date;
};

export type PlannedDonation = {
  id: string;
  employeeId: string;
  campaignId: string | null;
  partnerId: string;
  kind: 'points' | 'money';
  method: 'points' | 'payroll' | 'provider';
  points: number | null;
  amountMinor: number | null;
  currency: string | null;
  valueJpy: number;
  status: 'pledged' | 'paid' | 'failed' | 'refunded';
  fiscalYear: number;
  idempotencyKey: string;
  externalRef: string | null;
  pledgedAt: Date;
  paidAt: Date | null;
  failedAt: Date | null;
  refundedAt: Date | null;
};

export type PlannedDonationEvent = {
  donationId: string;
  source: 'webhook' | 'import' | 'app';
  eventId: string;
  status: 'paid' | 'failed' | 'refunded';
  payload: Record<string, string>;
  receivedAt: Date;
};

export type PlannedClaim = {
  id: string;
  employeeId: string;
  signupId: string;
  points: number;
  route: string;
  note: string | null;
  receiptFileId: string;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type PlannedPayout = {
  id: string;
  reference: string;
  currency: string;
  paidOn: string;
  createdBy: string;
  createdAt: Date;
  lines: Array<{ partnerId: string; account: AccountKey; amountMinor: number }>;
};

/** Something that happens at an instant; steps run in time order (ties in the order planned). */
export type Step = { at: number; seq: number; run: () => void };

export type GivingState = {
  world: GivingWorld;
  rng: Rng;
  book: Book;
  partnerIds: Map<string, string>;
  campaigns: PlannedCampaign[];
  companyDonations: PlannedCompanyDonation[];
  donations: PlannedDonation[];
  events: PlannedDonationEvent[];
  claims: PlannedClaim[];
  /** The claims' receipts (one small image each). */
  files: Array<{ id: string; name: string; createdAt: Date }>;
  payouts: PlannedPayout[];
  steps: Step[];
  /** Company match so far, per campaign id and per "campaign id|employee id" (net of refunds). */
  matched: Map<string, number>;
  /** The match posting of each donation matched, by donation id (a refund reverses it). */
  matchPostings: Map<string, BookPosting>;
};

export function schedule(state: GivingState, at: Date, run: () => void): void {
  state.steps.push({ at: at.getTime(), seq: state.steps.length, run });
}

/** Runs every step in time order, then forgets them. */
export function runSteps(state: GivingState): void {
  const steps = state.steps.sort((a, b) => a.at - b.at || a.seq - b.seq);
  for (const s of steps) s.run();
  state.steps = [];
}

/** Tokyo keeps UTC+9 all year (no daylight saving): instants there need no time-zone database. */
const TOKYO_OFFSET_MINUTES = 9 * 60;
/** An instant in Tokyo: `minutes` past midnight of `day` (zonedInstant's answer, without Intl). */
export const tokyo = (day: number, minutes: number): Date =>
  new Date((day * 1440 + minutes - TOKYO_OFFSET_MINUTES) * 60_000);
/** The Tokyo calendar day of an instant made by tokyo(). */
export const dayInTokyo = (at: Date): number =>
  Math.floor((at.getTime() / 60_000 + TOKYO_OFFSET_MINUTES) / 1440);
export const isoInTokyo = (at: Date): string => isoOf(dayInTokyo(at));

export { newId } from './demo.giving-book.js';

/** Hex digits from the seeded generator (payment references that look like a provider's). */
export function hexOf(rng: Rng, length: number): string {
  let out = '';
  while (out.length < length) out += Math.floor(rng() * 16).toString(16);
  return out;
}
