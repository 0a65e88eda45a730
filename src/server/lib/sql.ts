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
