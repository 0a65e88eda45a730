import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rowsOf } from '../../lib/sql.js';
import { type AccountKey, accountKeyString } from '../ledger/ledger.accounts.js';
import { requestHash } from '../ledger/ledger.post.js';
import { bulkInsert } from './demo.bulk.js';
import { type BookLine, type BookPosting, newId, POINT_VALUE_JPY } from './demo.giving-book.js';
import type { GivingState } from './demo.giving-plan.js';

/** The ledger part of the demo's giving: accounts, postings with their entries, payout lines. */
const COLUMNS = {
  accounts: `id uuid, orgId uuid, kind text, unit text, employeeId uuid, fiscalYear smallint, companyId uuid,
    partnerId uuid, campaignId uuid, balance bigint`,
  postings: `id uuid, orgId uuid, kind text, idempotencyKey text, requestHash text, effectiveOn date,
    fiscalYear smallint, pointValueJpy int, employeeId uuid, campaignId uuid, partnerId uuid, donationId uuid,
    companyDonationId uuid, claimId uuid, payoutId uuid, reversesId uuid, createdBy uuid, postedAt timestamptz`,
  entries: 'id bigint, orgId uuid, postingId uuid, accountId uuid, unit text, amount bigint, valueJpy bigint',
  payoutLines:
    'orgId uuid, payoutId uuid, partnerId uuid, accountId uuid, currency text, amountMinor bigint, open boolean',
};

/** Every account the plan posts to, opened with ids chosen here (the organisation is new). */
export async function insertAccounts(tx: Tx, state: GivingState): Promise<Map<string, string>> {
  const ids = new Map([...state.book.accounts.keys()].map((k) => [k, newId()]));
  await bulkInsert(tx, 'ledger_accounts', COLUMNS.accounts, [...state.book.accounts], ([k, key]) => ({
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
  // Fresh statistics: the entries' trigger joins its changes to the accounts.
  await tx.execute(sql`analyze ledger_accounts`);
  return ids;
}

/** `n` ids from the entries' identity sequence, ascending: the entries are written with them. */
async function entryIds(tx: Tx, n: number): Promise<number[]> {
  const [row] = await rowsOf<{ ids: string | null }>(
    tx,
    sql`with s as materialized (select pg_get_serial_sequence('ledger_entries', 'id')::regclass as seq)
      select string_agg(nextval(s.seq)::text, ',') as ids from s, generate_series(1, ${n}::int)`,
  );
  if (!row.ids) return [];
  return row.ids
    .split(',')
    .map(Number)
    .sort((a, b) => a - b);
}

type Written = { posting: BookPosting; key: string; request: unknown; entries: number[] };

/**
 * The postings as written: each entry with its id, in the order planned; an expiry's key and request
 * name its account and the account's last entry before it, as the expiry job's do (points.expiry.ts).
 */
function written(state: GivingState, accountIds: Map<string, string>, ids: number[]): Written[] {
  const last = new Map<string, number>();
  let next = 0;
  return state.book.postings.map((posting) => {
    let key = posting.idempotencyKey;
    let request = posting.request;
    if (posting.kind === 'expiry') {
      const line = posting.lines.find((l) => l.account.kind === 'employee_points')!;
      const accountId = accountIds.get(line.key)!;
      const lastEntryId = String(last.get(line.key));
      key = `expiry:${accountId}:${lastEntryId}`;
      request = { accountId, lastEntryId, points: -line.amount };
    }
    const entries = posting.lines.map((l) => {
      const id = ids[next++];
      last.set(l.key, id);
      return id;
    });
    return { posting, key, request, entries };
  });
}

/** Bounds a statement's rows (and so the memory it takes) in a demo of many more employees. */
const MAX_ENTRIES_PER_STATEMENT = 100_000;

/**
 * The entries in one statement per fiscal year (a posting's entries never split; a year of more than
 * 100,000 entries takes several): the ledger's trigger then moves each stored balance once, and not
 * at all for an ended year's accounts, whose grants, spending and expiry net to zero within it. The
 * plan holds every floor at every posting; the trigger checks them at the end of each statement.
 */
function* byFiscalYear(rows: Written[]): Generator<Written[]> {
  let batch: Written[] = [];
  let entries = 0;
  for (const w of rows) {
    const newYear = batch.length > 0 && batch[batch.length - 1].posting.fiscalYear !== w.posting.fiscalYear;
    if (newYear || (batch.length > 0 && entries + w.entries.length > MAX_ENTRIES_PER_STATEMENT)) {
      yield batch;
      batch = [];
      entries = 0;
    }
    batch.push(w);
    entries += w.entries.length;
  }
  if (batch.length > 0) yield batch;
}

/**
 * Writes the planned postings in the order planned (time order), then the payout lines; the entries'
 * trigger keeps the stored balances and checks every floor. Answers the number of entries.
 */
export async function insertLedger(
  tx: Tx,
  state: GivingState,
  accountIds: Map<string, string>,
): Promise<number> {
  const { orgId } = state.world;
  const idOf = (key: AccountKey) => accountIds.get(accountKeyString(key))!;
  const total = state.book.postings.reduce((n, p) => n + p.lines.length, 0);
  const rows = written(state, accountIds, await entryIds(tx, total));
  await bulkInsert(tx, 'ledger_postings', COLUMNS.postings, rows, ({ posting: p, key, request }) => ({
    id: p.id,
    orgId,
    kind: p.kind,
    idempotencyKey: key,
    requestHash: requestHash(request),
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
  for (const batch of byFiscalYear(rows)) {
    const entries = batch.flatMap((w) =>
      w.posting.lines.map((line, i): [number, string, BookLine] => [w.entries[i], w.posting.id, line]),
    );
    await bulkInsert(
      tx,
      'ledger_entries',
      COLUMNS.entries,
      entries,
      ([id, postingId, line]) => ({
        id,
        orgId,
        postingId,
        accountId: accountIds.get(line.key)!,
        unit: line.account.unit,
        amount: line.amount,
        valueJpy: line.valueJpy,
      }),
      { rowsPerStatement: entries.length, overridingSystemValue: true },
    );
  }
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
  return total;
}
