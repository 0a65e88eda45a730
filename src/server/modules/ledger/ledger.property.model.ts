import { type AccountKey, accountKeyString } from './ledger.accounts.js';
import { account } from './ledger.keys.js';
import type { PostingKind } from './ledger.table.js';

// The plain model behind ledger.property.test.ts: what the ledger should hold after a sequence of
// business events, computed without the database from the posting flows of the plan. It
// says whether a request posts, replays (same key, same request) or is refused, and with what code.

export type Line = { account: AccountKey; amount: number; valueJpy: number };
export type ModelPosting = {
  /** The model's name for the posting; `dbKey` is its idempotency key in the database when it differs. */
  key: string;
  dbKey?: string;
  kind: PostingKind;
  /** What was asked: the same key with another request is refused. */
  request: string;
  lines: Line[];
  employeeId?: string;
  campaignId?: string | null;
  reversedBy?: string;
  reverses?: string;
};
export type Refused = { error: string };
export type Outcome = { posted: ModelPosting[] } | Refused;

export const isRefused = (x: unknown): x is Refused => typeof x === 'object' && x !== null && 'error' in x;

export class LedgerModel {
  readonly balances = new Map<string, { key: AccountKey; balance: number; value: number }>();
  readonly postings = new Map<string, ModelPosting>();
  /** Net match per campaign, and per campaign and employee, in yen. */
  readonly matched = new Map<string, number>();

  constructor(public pointValueJpy: number) {}

  balance(key: AccountKey): number {
    return this.balances.get(accountKeyString(key))?.balance ?? 0;
  }

  /**
   * Several postings in one transaction, in order, all or none: the first refusal wins. A key seen
   * before replays (same request) or is refused (idempotency_key_reused). Floors: an employee's points
   * and a payable never below zero (insufficient_points when the posting spends points).
   */
  postAll(items: Array<ModelPosting | Refused>): Outcome {
    const pending = new Map<string, number>();
    const fresh: ModelPosting[] = [];
    for (const p of items) {
      if (isRefused(p)) return p;
      const known = this.postings.get(p.key);
      if (known) {
        if (known.request !== p.request) return { error: 'idempotency_key_reused' };
        continue;
      }
      for (const l of p.lines) {
        const k = accountKeyString(l.account);
        pending.set(k, (pending.get(k) ?? this.balance(l.account)) + l.amount);
      }
      const overdrawn = p.lines.some(
        (l) =>
          (l.account.kind === 'employee_points' || l.account.kind === 'payable') &&
          l.amount < 0 &&
          (pending.get(accountKeyString(l.account)) ?? 0) < 0,
      );
      if (overdrawn) {
        const spends = p.lines.some((l) => l.account.kind === 'employee_points' && l.amount < 0);
        return { error: spends ? 'insufficient_points' : 'insufficient_balance' };
      }
      fresh.push(p);
    }
    for (const p of fresh) this.apply(p);
    return { posted: fresh };
  }

  /** The reversal of a posting under `key`: same kind, negated lines and values. */
  reversal(originalKey: string, key: string): ModelPosting | Refused {
    const original = this.postings.get(originalKey);
    if (!original) return { error: 'not_found' };
    if (original.reverses) return { error: 'cannot_reverse_reversal' };
    const known = this.postings.get(key);
    if (known) return known.reverses === originalKey ? known : { error: 'idempotency_key_reused' };
    if (original.reversedBy) return { error: 'already_reversed' };
    return {
      key,
      kind: original.kind,
      reverses: originalKey,
      request: JSON.stringify({ reverses: originalKey }),
      employeeId: original.employeeId,
      campaignId: original.campaignId,
      lines: original.lines.map((l) => ({ ...l, amount: -l.amount, valueJpy: -l.valueJpy })),
    };
  }

  private apply(p: ModelPosting) {
    this.postings.set(p.key, p);
    if (p.reverses) (this.postings.get(p.reverses) as ModelPosting).reversedBy = p.key;
    for (const l of p.lines) {
      const k = accountKeyString(l.account);
      const row = this.balances.get(k) ?? { key: l.account, balance: 0, value: 0 };
      row.balance += l.amount;
      row.value += l.valueJpy;
      this.balances.set(k, row);
    }
    if (p.kind === 'match' && p.campaignId) {
      const amount = p.lines.find((l) => l.account.kind === 'payable')?.amount ?? 0;
      for (const k of [p.campaignId, `${p.campaignId}|${p.employeeId}`])
        this.matched.set(k, (this.matched.get(k) ?? 0) + amount);
    }
  }

  /** The match of a donation worth `valueJpy` under a rule, within what is left of its caps. */
  matchFor(rule: MatchRule | null, campaignId: string, employeeId: string, valueJpy: number): number {
    if (!rule) return 0;
    const byEmployee = this.matched.get(`${campaignId}|${employeeId}`) ?? 0;
    const byCampaign = this.matched.get(campaignId) ?? 0;
    return Math.max(
      0,
      Math.min(
        Math.floor((valueJpy * rule.ratioPercent) / 100),
        rule.capPerEmployee - byEmployee,
        rule.capPerCampaign - byCampaign,
      ),
    );
  }
}

export type MatchRule = {
  companyId: string;
  ratioPercent: number;
  capPerEmployee: number;
  capPerCampaign: number;
};

/** The lines of each flow (the issue plan's "Posting flows"). */
export const flows = {
  grant: (employeeId: string, fy: number, points: number, v: number): Line[] => [
    { account: account.pointsGranted(fy), amount: -points, valueJpy: -points * v },
    { account: account.employeePoints(employeeId, fy), amount: points, valueJpy: points * v },
  ],
  expiry: (employeeId: string, fy: number, points: number, v: number): Line[] => [
    { account: account.employeePoints(employeeId, fy), amount: -points, valueJpy: -points * v },
    { account: account.pointsExpired(fy), amount: points, valueJpy: points * v },
  ],
  claim: (employeeId: string, fy: number, points: number, v: number): Line[] => [
    { account: account.employeePoints(employeeId, fy), amount: -points, valueJpy: -points * v },
    { account: account.pointsReimbursed(fy), amount: points, valueJpy: points * v },
  ],
  pointDonation: (
    employeeId: string,
    fy: number,
    points: number,
    v: number,
    to: { partnerId: string; campaignId: string | null },
  ): Line[] => [
    { account: account.employeePoints(employeeId, fy), amount: -points, valueJpy: -points * v },
    { account: account.pointsDonated(fy), amount: points, valueJpy: points * v },
    { account: account.pointsFunding(fy), amount: -points * v, valueJpy: -points * v },
    {
      account: account.payable(to.partnerId, to.campaignId, 'JPY'),
      amount: points * v,
      valueJpy: points * v,
    },
  ],
  moneyDonation: (
    currency: string,
    amount: number,
    valueJpy: number,
    to: { partnerId: string; campaignId: string | null },
  ): Line[] => [
    { account: account.employeeGiving(currency), amount: -amount, valueJpy: -valueJpy },
    { account: account.payable(to.partnerId, to.campaignId, currency), amount, valueJpy },
  ],
  match: (
    companyId: string,
    amount: number,
    to: { partnerId: string; campaignId: string | null },
  ): Line[] => [
    { account: account.companyGiving(companyId, 'JPY'), amount: -amount, valueJpy: -amount },
    { account: account.payable(to.partnerId, to.campaignId, 'JPY'), amount, valueJpy: amount },
  ],
  /** One payout: each payable's line down, and per organisation its paid-out account up. */
  payout: (
    currency: string,
    lines: Array<{ payable: AccountKey; amount: number; valueJpy: number }>,
  ): Line[] => {
    const out: Line[] = lines.map((l) => ({ account: l.payable, amount: -l.amount, valueJpy: -l.valueJpy }));
    const byPartner = new Map<string, { amount: number; valueJpy: number }>();
    for (const l of lines) {
      const s = byPartner.get(l.payable.partnerId as string) ?? { amount: 0, valueJpy: 0 };
      byPartner.set(l.payable.partnerId as string, {
        amount: s.amount + l.amount,
        valueJpy: s.valueJpy + l.valueJpy,
      });
    }
    for (const [partnerId, s] of byPartner) out.push({ account: account.paidOut(partnerId, currency), ...s });
    return out;
  },
};
