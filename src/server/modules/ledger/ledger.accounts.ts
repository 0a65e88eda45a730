import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import { type AccountKind, ledgerAccounts } from './ledger.table.js';

/** Names one account: its kind, unit and the keys its kind needs (see ledger_accounts_shape). */
export type AccountKey = {
  kind: AccountKind;
  unit: string;
  employeeId?: string | null;
  fiscalYear?: number | null;
  companyId?: string | null;
  partnerId?: string | null;
  campaignId?: string | null;
};

export type AccountRef = { id: string; kind: AccountKind; unit: string };

const KEY_COLUMNS = ['employeeId', 'fiscalYear', 'companyId', 'partnerId', 'campaignId'] as const;

export function accountKeyString(k: AccountKey): string {
  return [k.kind, k.unit, ...KEY_COLUMNS.map((c) => k[c] ?? '')].join('|');
}

function matches(k: AccountKey): SQL {
  const parts: SQL[] = [eq(ledgerAccounts.kind, k.kind), eq(ledgerAccounts.unit, k.unit)];
  for (const c of KEY_COLUMNS) {
    const v = k[c];
    parts.push(v === null || v === undefined ? isNull(ledgerAccounts[c]) : eq(ledgerAccounts[c], v as never));
  }
  return and(...parts) as SQL;
}

async function find(ctx: Ctx, keys: AccountKey[]): Promise<Map<string, AccountRef>> {
  const rows = await ctx.db
    .select()
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.orgId, ctx.orgId), or(...keys.map(matches))));
  return new Map(
    rows.map((r) => [
      accountKeyString(r as AccountKey),
      { id: r.id, kind: r.kind as AccountKind, unit: r.unit },
    ]),
  );
}

/**
 * The accounts for these keys, opened on first use (employee point accounts with a stored balance
 * of zero, the others without a stored balance). Safe under concurrency: the unique key decides.
 */
export async function ensureAccounts(ctx: Ctx, keys: AccountKey[]): Promise<Map<string, AccountRef>> {
  const unique = [...new Map(keys.map((k) => [accountKeyString(k), k])).values()];
  let found = await find(ctx, unique);
  const missing = unique.filter((k) => !found.has(accountKeyString(k)));
  if (missing.length === 0) return found;
  await ctx.db
    .insert(ledgerAccounts)
    .values(
      missing.map((k) => ({
        orgId: ctx.orgId,
        kind: k.kind,
        unit: k.unit,
        employeeId: k.employeeId ?? null,
        fiscalYear: k.fiscalYear ?? null,
        companyId: k.companyId ?? null,
        partnerId: k.partnerId ?? null,
        campaignId: k.campaignId ?? null,
        balance: k.kind === 'employee_points' ? 0 : null,
      })),
    )
    .onConflictDoNothing();
  found = await find(ctx, unique);
  return found;
}

/**
 * An account's balance: the stored one for employee points, else the sum of its entries. Zero for
 * an account never opened.
 */
export async function balanceOf(ctx: Ctx, key: AccountKey): Promise<number> {
  const [row] = await rowsOf<{ balance: unknown }>(
    ctx.db,
    sql`select coalesce(ledger_accounts.balance, (select sum(e.amount) from ledger_entries e
        where e.account_id = ledger_accounts.id), 0) as balance
      from ledger_accounts where ledger_accounts.org_id = ${ctx.orgId} and ${matches(key)}`,
  );
  return row ? toNumber(row.balance) : 0;
}
