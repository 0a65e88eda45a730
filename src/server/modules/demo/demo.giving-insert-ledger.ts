import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { type AccountKey, accountKeyString } from '../ledger/ledger.accounts.js';
import { account } from '../ledger/ledger.keys.js';
import { requestHash } from '../ledger/ledger.post.js';
import { bulkInsert } from './demo.bulk.js';
import { POINT_VALUE_JPY } from './demo.giving-book.js';
import type { GivingState } from './demo.giving-plan.js';

/** The ledger part of the demo's giving: accounts, postings with their entries, payout lines, expiry. */
const COLUMNS = {
  accounts: `id uuid, orgId uuid, kind text, unit text, employeeId uuid, fiscalYear smallint, companyId uuid,
    partnerId uuid, campaignId uuid, balance bigint`,
  postings: `id uuid, orgId uuid, kind text, idempotencyKey text, requestHash text, effectiveOn date,
    fiscalYear smallint, pointValueJpy int, employeeId uuid, campaignId uuid, partnerId uuid, donationId uuid,
    companyDonationId uuid, claimId uuid, payoutId uuid, reversesId uuid, createdBy uuid, postedAt timestamptz`,
  entries: 'orgId uuid, postingId uuid, accountId uuid, unit text, amount bigint, valueJpy bigint',
  payoutLines:
    'orgId uuid, payoutId uuid, partnerId uuid, accountId uuid, currency text, amountMinor bigint, open boolean',
};

/** Every account the plan posts to, opened with ids chosen here (the organisation is new). */
export async function insertAccounts(
  tx: Tx,
  state: GivingState,
  expiredYears: number[],
): Promise<Map<string, string>> {
  const keys = new Map<string, AccountKey>(state.book.accounts);
  for (const fy of expiredYears)
    keys.set(accountKeyString(account.pointsExpired(fy)), account.pointsExpired(fy));
  const ids = new Map([...keys.keys()].map((k) => [k, randomUUID()]));
  await bulkInsert(tx, 'ledger_accounts', COLUMNS.accounts, [...keys], ([k, key]) => ({
    id: ids.get(k)!,
    orgId: state.world.orgId,
    kind: key.kind,
    unit: key.unit,
    employeeId: key.employeeId ?? null,
    fiscalYear: key.fiscalYear ?? null,
    companyId: key.companyId ?? null,
    partnerId: key.partnerId ?? null,
    campaignId: key.campaignId ?? null,
    balance: key.kind === 'employee_points' ? 0 : null,
  }));
  // Fresh statistics: the entries' foreign-key checks and triggers are planned from them.
  await tx.execute(sql`analyze ledger_accounts`);
  return ids;
}

/**
 * Posts the planned postings in the order planned (grants first, then time order), then the payout
 * lines; the entries' triggers keep the stored balances and check every floor as they go.
 */
export async function insertLedger(
  tx: Tx,
  state: GivingState,
  accountIds: Map<string, string>,
): Promise<number> {
  const { orgId } = state.world;
  const idOf = (key: AccountKey) => accountIds.get(accountKeyString(key))!;
  await bulkInsert(tx, 'ledger_postings', COLUMNS.postings, state.book.postings, (p) => ({
    id: p.id,
    orgId,
    kind: p.kind,
    idempotencyKey: p.idempotencyKey,
    requestHash: requestHash(p.request),
    effectiveOn: p.effectiveOn,
    fiscalYear: p.fiscalYear,
    pointValueJpy: POINT_VALUE_JPY,
    employeeId: p.links.employeeId ?? null,
    campaignId: p.links.campaignId ?? null,
    partnerId: p.links.partnerId ?? null,
    donationId: p.links.donationId ?? null,
    companyDonationId: p.links.companyDonationId ?? null,
    claimId: p.links.claimId ?? null,
    payoutId: p.links.payoutId ?? null,
    reversesId: p.reversesId,
    createdBy: p.createdBy,
    postedAt: p.postedAt,
  }));
  // Fresh statistics again, for the entries' checks against the postings.
  await tx.execute(sql`analyze ledger_postings`);
  // The entries of one posting travel in one statement (the ledger's trigger checks each statement's
  // postings for zero sums), in batches that end at a posting's last entry.
  for (const batch of postingBatches(state.book.postings, 5000))
    await bulkInsert(tx, 'ledger_entries', COLUMNS.entries, batch, ({ postingId, line }) => ({
      orgId,
      postingId,
      accountId: idOf(line.account),
      unit: line.account.unit,
      amount: line.amount,
      valueJpy: line.valueJpy,
    }));
  const entries = state.book.postings.reduce((n, p) => n + p.lines.length, 0);
  // And for the expiry below and the balance checks run at commit.
  await tx.execute(sql`analyze ledger_entries`);
  const lines = state.payouts.flatMap((p) => p.lines.map((l) => ({ payout: p, line: l })));
  await bulkInsert(tx, 'payout_lines', COLUMNS.payoutLines, lines, ({ payout, line }) => ({
    orgId,
    payoutId: payout.id,
    partnerId: line.partnerId,
    accountId: idOf(line.account),
    currency: payout.currency,
    amountMinor: line.amountMinor,
    open: false,
  }));
  return entries;
}

type PlannedPosting = GivingState['book']['postings'][number];

/** The postings' entries in batches of at most `size`, each ending with a posting's last entry. */
function* postingBatches(postings: readonly PlannedPosting[], size: number) {
  let batch: { postingId: string; line: PlannedPosting['lines'][number] }[] = [];
  for (const p of postings) {
    if (batch.length + p.lines.length > size) {
      yield batch;
      batch = [];
    }
    for (const line of p.lines) batch.push({ postingId: p.id, line });
  }
  if (batch.length > 0) yield batch;
}

/**
 * The expiry of every ended year's unspent points, as the expiry job posts it (one posting per
 * account, keyed by the account and its last entry, dated the year's last day), in one statement:
 * the entries find their account again through the key (a join on the returned rows would be
 * planned blind, as a nested loop).
 */
export async function expire(tx: Tx, orgId: string, currentFy: number): Promise<void> {
  await tx.execute(sql`with posted as (
      insert into ledger_postings (org_id, kind, idempotency_key, request_hash, effective_on, fiscal_year,
        point_value_jpy, employee_id, posted_at)
      select ${orgId}, 'expiry', due.key, encode(sha256(convert_to(due.key, 'UTF8')), 'hex'),
        make_date(due.fiscal_year + 1, 3, 31), due.fiscal_year, ${POINT_VALUE_JPY}, due.employee_id,
        (make_date(due.fiscal_year + 1, 4, 1) + time '00:30') at time zone 'Asia/Tokyo'
      from (select a.employee_id, a.fiscal_year,
          'expiry:' || a.id || ':' || (select max(e.id) from ledger_entries e where e.account_id = a.id) as key
        from ledger_accounts a
        where a.org_id = ${orgId} and a.kind = 'employee_points' and a.fiscal_year < ${currentFy} and a.balance > 0
      ) due
      returning id, idempotency_key, fiscal_year
    )
    insert into ledger_entries (org_id, posting_id, account_id, unit, amount, value_jpy)
    select ${orgId}, posted.id, line.account_id, 'PTS', line.amount, line.amount * ${POINT_VALUE_JPY}
    from posted
    join ledger_accounts a on a.id = split_part(posted.idempotency_key, ':', 2)::uuid
    join ledger_accounts x on x.org_id = ${orgId} and x.kind = 'points_expired' and x.unit = 'PTS'
      and x.fiscal_year = posted.fiscal_year
    cross join lateral (values (a.id, -a.balance), (x.id, a.balance)) as line(account_id, amount)`);
}
