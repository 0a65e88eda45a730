import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../db/client.js';
import type { Locale } from '../../shared/fiscal-year.js';
import type { Role, ScopeType } from '../../shared/roles.js';

export type Grant = { role: Role; scopeType: ScopeType; companyId: string | null; siteId: string | null };

export type Actor =
  | { kind: 'user'; userId: string; label: string; employeeId: string | null; grants: Grant[] }
  | { kind: 'system'; label: string };

/** What every service receives first: the tenant, who acts, in which language, on which database. */
export type Ctx = {
  orgId: string;
  actor: Actor;
  locale: Locale;
  db: Db | Tx;
  requestId?: string;
};

export function systemCtx(db: Db, orgId: string, label = 'system', locale: Locale = 'ja'): Ctx {
  return { orgId, actor: { kind: 'system', label }, locale, db };
}

export function actorUserId(ctx: Ctx): string | null {
  return ctx.actor.kind === 'user' ? ctx.actor.userId : null;
}

/** Runs fn in one transaction, with ctx.db bound to it (nested calls reuse the open transaction). */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if ((ctx as { inTx?: boolean }).inTx) return fn(ctx);
  return (ctx.db as Db).transaction(async (tx) => fn({ ...ctx, db: tx, inTx: true } as Ctx));
}

type Results<T extends readonly (() => Promise<unknown>)[]> = {
  -readonly [K in keyof T]: Awaited<ReturnType<T[K]>>;
};

/**
 * Runs independent reads and gives their results in order: all at once when ctx.db is the pool (each
 * takes its own connection, so a report's heavy parts overlap on the server's cores), one after the
 * other inside a transaction (its one connection runs one statement at a time). At once, each read
 * sees its own snapshot: for live figures only; what must be consistent (a close) runs in a transaction.
 */
export async function readConcurrently<const T extends readonly (() => Promise<unknown>)[]>(
  ctx: Ctx,
  reads: T,
): Promise<Results<T>> {
  if (ctx.db instanceof PgTransaction) {
    const out: unknown[] = [];
    for (const read of reads) out.push(await read());
    return out as Results<T>;
  }
  return (await Promise.all(reads.map((read) => read()))) as Results<T>;
}
