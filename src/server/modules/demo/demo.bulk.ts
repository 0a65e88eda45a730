import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';

export type BulkValue = string | number | boolean | Date | null | readonly (string | number)[];
export type BulkRow = Record<string, BulkValue>;

const ROWS_PER_STATEMENT = 5000;
/** Joins array elements in transit: the ASCII unit separator, which no demo text contains. */
const SEPARATOR = '\u001f';

function asText(value: BulkValue): string | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.join(SEPARATOR);
  return String(value);
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Inserts many rows with one statement per 5,000 rows: each column travels as one text[] parameter and
 * `unnest` turns them back into rows (the employee import's technique: a handful of parameters and one
 * round trip whatever the batch size). `columns` lists the row keys with their SQL types, e.g.
 * 'id uuid, orgId uuid, sdgs smallint[]'; keys are written in camelCase for snake_case columns. Rows are
 * made from `items` by `toRow` one batch at a time, so only one batch of them is ever held.
 * Options: `rowsPerStatement` (5,000 by default); `overridingSystemValue` to write an identity column.
 */
export async function bulkInsert<T>(
  db: Tx,
  table: string,
  columns: string,
  items: readonly T[],
  toRow: (item: T) => BulkRow,
  options: { rowsPerStatement?: number; overridingSystemValue?: boolean } = {},
): Promise<void> {
  const size = options.rowsPerStatement ?? ROWS_PER_STATEMENT;
  const overriding = options.overridingSystemValue ? ' overriding system value' : '';
  const list = columns.split(',').map((c) => c.trim().split(/\s+/) as [string, string]);
  const names = list.map(([key]) => snake(key)).join(', ');
  const aliases = list.map((_, i) => `c${i}`).join(', ');
  const exprs = list
    .map(([, type], i) =>
      type.endsWith('[]') ? `string_to_array(t.c${i}, chr(31))::${type}` : `t.c${i}::${type}`,
    )
    .join(', ');
  for (let from = 0; from < items.length; from += size) {
    const batch = items.slice(from, from + size).map(toRow);
    const missing = list.find(([key]) => !(key in batch[0]));
    if (missing) throw new Error(`bulkInsert into ${table}: the rows have no ${missing[0]}`);
    const params = list.map(([key]) => sql`${sql.param(batch.map((r) => asText(r[key])))}::text[]`);
    await db.execute(sql`insert into ${sql.raw(table)} (${sql.raw(names)})${sql.raw(overriding)}
      select ${sql.raw(exprs)} from unnest(${sql.join(params, sql`, `)}) as t(${sql.raw(aliases)})`);
  }
}
