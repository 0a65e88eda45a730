import { randomUUID } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import { donations } from '../giving/giving.table.js';
import { type AccountKey, accountKeyString, balanceOf } from './ledger.accounts.js';
import { isRefused, type LedgerModel, type ModelPosting, type Outcome } from './ledger.property.model.js';
import type { Target, World } from './ledger.property.world.js';
import { ledgerPostings } from './ledger.table.js';
import { verifyLedger } from './ledger.verify.js';

// The driver of ledger.property.test.ts: the state a run keeps beside the model (donations, claims,
// payout drafts, events), how one call is checked against the model's prediction, and the invariants
// checked after every step.

/** A retry sends the same request again; `other` sends another request with the same key. */
export type Attempt = (other: boolean) => Promise<void>;
export type DonationState = {
  idem: string;
  id: string;
  emp: number;
  target: Target;
  kind: 'points' | 'money';
  status: string;
  currency: string;
  amount: number;
  valueJpy: number;
};
export type ClaimState = { id: string; emp: number; points: number; status: string; signupId: string };
export type Draft = {
  id: string;
  currency: string;
  status: string;
  lines: Array<{ payable: AccountKey; amount: number }>;
};

/** How often each step met each outcome (printed with LEDGER_PROPERTY_STATS=1). */
export const stats = new Map<string, number>();

export class Runner {
  readonly attempts: Array<{ attempt: Attempt; reusable: boolean }> = [];
  readonly donations: DonationState[] = [];
  readonly events = new Map<string, string>();
  readonly claims: ClaimState[] = [];
  readonly drafts: Draft[] = [];
  current = '';

  constructor(
    readonly database: Database,
    readonly w: World,
    readonly model: LedgerModel,
  ) {}

  /** Runs a call, checks it answered or was refused as the model said, and that it posted what it said. */
  async outcome<T>(expected: Outcome, call: () => Promise<T>): Promise<T | undefined> {
    const before = await this.postingCount();
    let code: string | null = null;
    let result: T | undefined;
    try {
      result = await call();
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      code = err.code;
    }
    expect(code).toBe(isRefused(expected) ? expected.error : null);
    const tally = code ?? (isRefused(expected) || expected.posted.length === 0 ? 'no posting' : 'posted');
    stats.set(`${this.current} ${tally}`, (stats.get(`${this.current} ${tally}`) ?? 0) + 1);
    expect(await this.postingCount()).toBe(before + (isRefused(expected) ? 0 : expected.posted.length));
    return result;
  }

  async postingCount(): Promise<number> {
    const [row] = await this.database.db
      .select({ n: count() })
      .from(ledgerPostings)
      .where(eq(ledgerPostings.orgId, this.w.org.orgId));
    return toNumber(row.n);
  }

  async dbId(key: string): Promise<string> {
    const p = this.model.postings.get(key) as ModelPosting;
    const [row] = await this.database.db
      .select({ id: ledgerPostings.id })
      .from(ledgerPostings)
      .where(
        and(eq(ledgerPostings.orgId, this.w.org.orgId), eq(ledgerPostings.idempotencyKey, p.dbKey ?? p.key)),
      );
    return row?.id ?? randomUUID();
  }

  /** The database keys of a donation's postings name the donation's id where the model has its request key. */
  rekey(d: DonationState) {
    for (const p of this.model.postings.values())
      if (!p.dbKey && p.key.endsWith(`:${d.idem}`)) p.dbKey = p.key.replace(d.idem, d.id);
  }

  /** The invariants: the check finds nothing; every account, donation and claim is the model's. */
  async check() {
    const { model, w } = this;
    const result = await verifyLedger(this.database.db, w.org.orgId);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    for (const { key, balance } of model.balances.values())
      expect(await balanceOf(w.finance, key), accountKeyString(key)).toBe(balance);
    const rows = await rowsOf<AccountRow>(
      this.database.db,
      sql`select a.kind, a.unit, a.employee_id, a.fiscal_year, a.company_id, a.partner_id, a.campaign_id,
            a.balance as stored, coalesce(sum(e.amount), 0) as amount, coalesce(sum(e.value_jpy), 0) as value
          from ledger_accounts a left join ledger_entries e on e.account_id = a.id
          where a.org_id = ${w.org.orgId} group by a.id`,
    );
    const actual = new Map(rows.map((r) => [keyOf(r), r]));
    const touched = [...model.balances.entries()].filter(([, b]) => b.balance !== 0 || b.value !== 0);
    for (const [k, b] of touched) {
      const a = actual.get(k);
      expect({ amount: toNumber(a?.amount), value: toNumber(a?.value) }, k).toEqual({
        amount: b.balance,
        value: b.value,
      });
      if (b.key.kind === 'employee_points') expect(toNumber(a?.stored), k).toBe(b.balance);
    }
    expect(rows.filter((r) => toNumber(r.amount) !== 0 || toNumber(r.value) !== 0)).toHaveLength(
      touched.length,
    );
    const statuses = await this.database.db
      .select({ id: donations.id, status: donations.status })
      .from(donations)
      .where(eq(donations.orgId, w.org.orgId));
    expect(new Map(statuses.map((d) => [d.id, d.status]))).toEqual(
      new Map(this.donations.map((d) => [d.id, d.status])),
    );
  }
}

type AccountRow = {
  kind: string;
  unit: string;
  employee_id: string | null;
  fiscal_year: number | null;
  company_id: string | null;
  partner_id: string | null;
  campaign_id: string | null;
  stored: unknown;
  amount: unknown;
  value: unknown;
};

const keyOf = (r: AccountRow) =>
  accountKeyString({
    kind: r.kind as AccountKey['kind'],
    unit: r.unit,
    employeeId: r.employee_id,
    fiscalYear: r.fiscal_year,
    companyId: r.company_id,
    partnerId: r.partner_id,
    campaignId: r.campaign_id,
  });
