import type { SQL } from 'drizzle-orm';
/**
 * PGlite returns bigint aggregates as numbers, node-postgres as strings: every aggregate goes through here.
 * Throws when a value is beyond the safe integer range rather than losing precision silently.
 */
export function toNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return checked(Number(value), value);
  if (typeof value === 'string') return checked(Number(value), value);
  throw new TypeError(`Not a number: ${String(value)}`);
}

function checked(n: number, raw: unknown): number {
  if (!Number.isFinite(n) || (Number.isInteger(n) && !Number.isSafeInteger(n))) {
    throw new RangeError(`Aggregate out of safe range: ${String(raw)}`);
  }
  return n;
}

/** Escapes % _ and \ for a LIKE pattern. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

type PgLike = { code?: string; constraint?: string; cause?: PgLike };

/** The PostgreSQL error behind a driver or Drizzle error (Drizzle wraps it in `cause`). */
function pgErrorOf(err: unknown): PgLike | undefined {
  const e = err as PgLike | undefined;
  return e?.cause?.code ? e.cause : e;
}

/** True for PostgreSQL's unique_violation (23505), optionally of one named constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const pg = pgErrorOf(err);
  return pg?.code === '23505' && (!constraint || pg.constraint === constraint);
}

/** True for a check_violation (23514) of the named constraint (a trigger may raise one too). */
export function isCheckViolation(err: unknown, constraint: string): boolean {
  const pg = pgErrorOf(err);
  return pg?.code === '23514' && pg.constraint === constraint;
}

/** Rows of a raw SQL query, on either driver (both answer `{ rows }`). */
export async function rowsOf<T>(db: { execute: (q: SQL) => Promise<unknown> }, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as { rows: T[] }).rows;
}
