import { createHash } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { fiscalYearOf } from '../../../shared/fiscal-year.js';
import { actorUserId, type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { isCheckViolation, isUniqueViolation } from '../../lib/sql.js';
import { type AccountKey, accountKeyString, ensureAccounts } from './ledger.accounts.js';
import {
  type AccountKind,
  ledgerAccounts,
  ledgerEntries,
  ledgerPostings,
  type PostingKind,
} from './ledger.table.js';
import { BASE_CURRENCY, ledgerSettings, ledgerToday, POINTS } from './ledger.values.js';

export type PostingLinks = {
  employeeId?: string | null;
  campaignId?: string | null;
  partnerId?: string | null;
  donationId?: string | null;
  companyDonationId?: string | null;
  claimId?: string | null;
  payoutId?: string | null;
};

/** One entry to post: a signed amount (points, or minor units of the account's currency). */
export type PostingLine = {
  account: AccountKey;
  amount: number;
  /** Required for currencies other than yen (use jpyValue); points and yen are valued here. */
  valueJpy?: number;
};

export type PostingInput = {
  kind: PostingKind;
  idempotencyKey: string;
  /** What the request asked for: the same key with a different request is refused. */
  request: unknown;
  effectiveOn?: string;
  fiscalYear?: number;
  memo?: string | null;
  links?: PostingLinks;
  lines: PostingLine[];
  reversesId?: string;
};

export type PostedEntry = {
  accountId: string;
  kind: AccountKind;
  unit: string;
  amount: number;
  valueJpy: number;
};
export type Posting = {
  id: string;
  kind: PostingKind;
  idempotencyKey: string;
  effectiveOn: string;
  fiscalYear: number;
  pointValueJpy: number;
  memo: string | null;
  reversesId: string | null;
  postedAt: string;
  links: Required<PostingLinks>;
  entries: PostedEntry[];
};

export const requestHash = (request: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(request ?? null))
    .digest('hex');

/**
 * Posts one balanced posting, once per idempotency key: a second call with the same key and request
 * answers the first posting (`replayed: true`) and posts nothing. Runs in the caller's transaction.
 * @throws AppError idempotency_key_reused (same key, other request), insufficient_points (an
 *   employee's points would go below zero), insufficient_balance (a payable would), ledger_unbalanced.
 */
export async function post(ctx: Ctx, input: PostingInput): Promise<{ posting: Posting; replayed: boolean }> {
  assertBalanced(input.lines);
  return inTransaction(ctx, async (tx) => {
    const hash = requestHash(input.request);
    const settings = await ledgerSettings(tx);
    const effectiveOn = input.effectiveOn ?? ledgerToday();
    const fiscalYear = input.fiscalYear ?? fiscalYearOf(effectiveOn, settings.fiscalYearStartMonth);
    const links = Object.fromEntries(
      Object.keys(EMPTY_LINKS).map((k) => [k, input.links?.[k as keyof PostingLinks] ?? null]),
    ) as Required<PostingLinks>;
    const inserted = await tx.db
      .insert(ledgerPostings)
      .values({
        orgId: tx.orgId,
        kind: input.kind,
        idempotencyKey: input.idempotencyKey,
        requestHash: hash,
        effectiveOn,
        fiscalYear,
        pointValueJpy: settings.pointValueJpy,
        memo: input.memo ?? null,
        ...links,
        reversesId: input.reversesId ?? null,
        createdBy: actorUserId(tx),
      })
      .onConflictDoNothing({ target: [ledgerPostings.orgId, ledgerPostings.idempotencyKey] })
      .returning({ id: ledgerPostings.id, postedAt: ledgerPostings.postedAt });
    if (inserted.length === 0) {
      // Posted before, or by a concurrent request that committed first (we waited on the unique index).
      const winner = await findByKey(tx, input.idempotencyKey);
      if (!winner) throw new AppError('conflict', { params: { detail: 'idempotency key' } });
      return replay(tx, winner, hash);
    }
    const { id: postingId, postedAt } = inserted[0];
    const accounts = await ensureAccounts(
      tx,
      input.lines.map((l) => l.account),
    );
    const values = input.lines
      .map((l) => {
        const account = accounts.get(accountKeyString(l.account));
        if (!account) throw new Error(`ledger account not opened: ${accountKeyString(l.account)}`);
        return {
          orgId: tx.orgId,
          postingId,
          accountId: account.id,
          unit: l.account.unit,
          amount: l.amount,
          // A reversal undoes the original's values exactly, whatever the point value is today.
          valueJpy:
            input.reversesId && l.valueJpy !== undefined ? l.valueJpy : yenValueOf(l, settings.pointValueJpy),
        };
      })
      // Rows are locked in account order, so two postings on the same accounts never deadlock.
      .sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
    try {
      await tx.db.insert(ledgerEntries).values(values);
    } catch (err) {
      if (isCheckViolation(err, 'ledger_accounts_balance_non_negative')) {
        const spendsPoints = input.lines.some((l) => l.account.kind === 'employee_points' && l.amount < 0);
        throw new AppError(spendsPoints ? 'insufficient_points' : 'insufficient_balance');
      }
      throw err;
    }
    const kinds = new Map([...accounts.values()].map((a) => [a.id, a.kind]));
    const posting: Posting = {
      id: postingId,
      kind: input.kind,
      idempotencyKey: input.idempotencyKey,
      effectiveOn,
      fiscalYear,
      pointValueJpy: settings.pointValueJpy,
      memo: input.memo ?? null,
      reversesId: input.reversesId ?? null,
      postedAt: postedAt.toISOString(),
      links,
      entries: values.map((v) => ({
        accountId: v.accountId,
        kind: kinds.get(v.accountId) as AccountKind,
        unit: v.unit,
        amount: v.amount,
        valueJpy: v.valueJpy,
      })),
    };
    return { posting, replayed: false };
  }).catch((err) => {
    if (isUniqueViolation(err, 'ledger_postings_reverses')) throw new AppError('already_reversed');
    throw err;
  });
}

/**
 * Reverses a posting: a new posting of the same kind with every entry negated, pointing at it.
 * @throws AppError not_found, already_reversed, cannot_reverse_reversal, insufficient_points/balance.
 */
export async function reverse(
  ctx: Ctx,
  postingId: string,
  input: { idempotencyKey: string; memo?: string | null; effectiveOn?: string },
): Promise<{ posting: Posting; replayed: boolean }> {
  return inTransaction(ctx, async (tx) => {
    const original = await load(tx, postingId).catch(() => null);
    if (!original) throw new AppError('not_found', { params: { entity: 'posting' } });
    if (original.reversesId) throw new AppError('cannot_reverse_reversal');
    const accounts = await tx.db
      .select()
      .from(ledgerAccounts)
      .where(
        inArray(
          ledgerAccounts.id,
          original.entries.map((e) => e.accountId),
        ),
      );
    const byId = new Map(accounts.map((a) => [a.id, a]));
    return post(tx, {
      kind: original.kind,
      idempotencyKey: input.idempotencyKey,
      request: { reverses: postingId },
      effectiveOn: input.effectiveOn,
      memo: input.memo ?? null,
      links: original.links,
      reversesId: postingId,
      lines: original.entries.map((e) => {
        const a = byId.get(e.accountId);
        if (!a) throw new Error('account vanished');
        return { account: a as AccountKey, amount: -e.amount, valueJpy: -e.valueJpy };
      }),
    });
  });
}

/** A posting with its entries. @throws AppError not_found */
export async function load(ctx: Ctx, postingId: string): Promise<Posting> {
  const [p] = await ctx.db
    .select()
    .from(ledgerPostings)
    .where(and(eq(ledgerPostings.orgId, ctx.orgId), eq(ledgerPostings.id, postingId)));
  if (!p) throw new AppError('not_found', { params: { entity: 'posting' } });
  const entries = await ctx.db
    .select({
      accountId: ledgerEntries.accountId,
      kind: ledgerAccounts.kind,
      unit: ledgerEntries.unit,
      amount: ledgerEntries.amount,
      valueJpy: ledgerEntries.valueJpy,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
    .where(eq(ledgerEntries.postingId, postingId))
    .orderBy(asc(ledgerEntries.id));
  return {
    id: p.id,
    kind: p.kind as PostingKind,
    idempotencyKey: p.idempotencyKey,
    effectiveOn: p.effectiveOn,
    fiscalYear: p.fiscalYear,
    pointValueJpy: p.pointValueJpy,
    memo: p.memo,
    reversesId: p.reversesId,
    postedAt: p.postedAt.toISOString(),
    links: {
      employeeId: p.employeeId,
      campaignId: p.campaignId,
      partnerId: p.partnerId,
      donationId: p.donationId,
      companyDonationId: p.companyDonationId,
      claimId: p.claimId,
      payoutId: p.payoutId,
    },
    entries: entries.map((e) => ({ ...e, kind: e.kind as AccountKind })),
  };
}

const EMPTY_LINKS: Required<PostingLinks> = {
  employeeId: null,
  campaignId: null,
  partnerId: null,
  donationId: null,
  companyDonationId: null,
  claimId: null,
  payoutId: null,
};

async function findByKey(ctx: Ctx, key: string) {
  const [row] = await ctx.db
    .select({ id: ledgerPostings.id, requestHash: ledgerPostings.requestHash })
    .from(ledgerPostings)
    .where(and(eq(ledgerPostings.orgId, ctx.orgId), eq(ledgerPostings.idempotencyKey, key)));
  return row;
}

async function replay(ctx: Ctx, row: { id: string; requestHash: string }, hash: string) {
  if (row.requestHash !== hash) throw new AppError('idempotency_key_reused');
  return { posting: await load(ctx, row.id), replayed: true };
}

function yenValueOf(line: PostingLine, pointValueJpy: number): number {
  if (line.account.unit === POINTS) return line.amount * pointValueJpy;
  if (line.account.unit === BASE_CURRENCY) return line.amount;
  if (line.valueJpy === undefined) throw new Error(`valueJpy needed for ${line.account.unit}`);
  return line.valueJpy;
}

function assertBalanced(lines: PostingLine[]) {
  const sums = new Map<string, number>();
  for (const l of lines) {
    if (!Number.isSafeInteger(l.amount) || l.amount === 0) throw new AppError('ledger_unbalanced');
    sums.set(l.account.unit, (sums.get(l.account.unit) ?? 0) + l.amount);
  }
  if (lines.length < 2 || [...sums.values()].some((s) => s !== 0)) throw new AppError('ledger_unbalanced');
}
