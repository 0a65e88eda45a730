import { type SQL, sql } from 'drizzle-orm';
import { rowsOf, toNumber } from '../../lib/sql.js';

export const LEDGER_PROBLEMS = [
  'unbalanced_posting',
  'unbalanced_value',
  'posting_without_entries',
  'orphan_entry',
  'unit_mismatch',
  'balance_mismatch',
  'negative_balance',
  'duplicate_idempotency_key',
  'bad_reversal',
  'giving_totals_mismatch',
] as const;
export type LedgerProblemCode = (typeof LEDGER_PROBLEMS)[number];
export type LedgerProblem = { code: LedgerProblemCode; count: number; sample: string[] };
export type LedgerCheck = { ok: boolean; entries: number; problems: LedgerProblem[] };

type Executor = { execute: (q: SQL) => Promise<unknown> };

const givingColumns = sql.raw(
  'org_id, fiscal_year, kind, campaign_id, employee_id, account_id, account_kind, unit, amount, value_jpy',
);

/**
 * One query per invariant, each answering the offending ids. The database already refuses these
 * states (docs/decisions/0009-ledger.md); the check proves it on real data, and catches what a
 * restore, a hand-made fix or a future bug could still do.
 */
function checks(orgId: string | undefined): Record<LedgerProblemCode, SQL> {
  const of = (alias: string) => (orgId ? sql`${sql.raw(alias)}.org_id = ${orgId}` : sql`true`);
  return {
    unbalanced_posting: sql`select p.id::text as id from ledger_postings p
      join ledger_entries e on e.posting_id = p.id where ${of('p')}
      group by p.id, e.unit having sum(e.amount) <> 0`,
    unbalanced_value: sql`select p.id::text as id from ledger_postings p
      join ledger_entries e on e.posting_id = p.id where ${of('p')}
      group by p.id having sum(e.value_jpy) <> 0`,
    posting_without_entries: sql`select p.id::text as id from ledger_postings p where ${of('p')}
      and not exists (select 1 from ledger_entries e where e.posting_id = p.id)`,
    orphan_entry: sql`select e.id::text as id from ledger_entries e where ${of('e')}
      and (not exists (select 1 from ledger_postings p where p.id = e.posting_id and p.org_id = e.org_id)
        or not exists (select 1 from ledger_accounts a where a.id = e.account_id and a.org_id = e.org_id))`,
    unit_mismatch: sql`select e.id::text as id from ledger_entries e
      join ledger_accounts a on a.id = e.account_id where ${of('e')} and e.unit <> a.unit`,
    balance_mismatch: sql`select a.id::text as id from ledger_accounts a where ${of('a')}
      and a.balance is not null
      and a.balance <> (select coalesce(sum(e.amount), 0) from ledger_entries e where e.account_id = a.id)`,
    negative_balance: sql`select a.id::text as id from ledger_accounts a where ${of('a')}
      and a.kind in ('employee_points', 'payable')
      and (a.balance < 0 or (select coalesce(sum(e.amount), 0) from ledger_entries e where e.account_id = a.id) < 0)`,
    duplicate_idempotency_key: sql`select p.idempotency_key as id from ledger_postings p where ${of('p')}
      group by p.org_id, p.idempotency_key having count(*) > 1`,
    bad_reversal: sql`select p.id::text as id from ledger_postings p
      join ledger_postings o on o.id = p.reverses_id
      where ${of('p')} and (o.kind <> p.kind or o.reverses_id is not null or o.org_id <> p.org_id
        or exists (
          select 1 from ledger_entries e where e.posting_id in (p.id, o.id)
          group by e.account_id having sum(e.amount) <> 0 or sum(e.value_jpy) <> 0))`,
    // The per-donor giving totals against the entries they sum, both ways (EXCEPT ALL compares nulls as equal).
    giving_totals_mismatch: sql`select d.account_id::text as id from (
        (select ${givingColumns} from ledger_giving_totals t where ${of('t')}
          except all select ${givingColumns} from ledger_giving_totals_expected x where ${of('x')})
        union all
        (select ${givingColumns} from ledger_giving_totals_expected x where ${of('x')}
          except all select ${givingColumns} from ledger_giving_totals t where ${of('t')})) d`,
  };
}

/**
 * Checks every invariant of the ledger, for one organisation or the whole deployment: postings
 * sum to zero per unit (and in yen), have entries, no orphan entries, units match their accounts,
 * stored balances equal their entries, no balance below zero, idempotency keys unique, reversals
 * exactly undo what they reverse, the giving totals per donor equal their entries.
 */
export async function verifyLedger(db: Executor, orgId?: string): Promise<LedgerCheck> {
  const problems: LedgerProblem[] = [];
  for (const [code, query] of Object.entries(checks(orgId)) as [LedgerProblemCode, SQL][]) {
    const [row] = await rowsOf<{ count: unknown; sample: string[] | null }>(
      db,
      sql`select count(*) as count, (array_agg(id order by id))[1:5] as sample from (${query}) found`,
    );
    const count = toNumber(row?.count);
    if (count > 0) problems.push({ code, count, sample: row?.sample ?? [] });
  }
  const [total] = await rowsOf<{ count: unknown }>(
    db,
    orgId
      ? sql`select count(*) as count from ledger_entries where org_id = ${orgId}`
      : sql`select count(*) as count from ledger_entries`,
  );
  return { ok: problems.length === 0, entries: toNumber(total?.count), problems };
}
