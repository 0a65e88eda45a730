import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A database handle or an open transaction: services accept either. */
export type Tx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs parameterless, possibly multi-statement SQL (migrations, COPY-free bulk work). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
};

// PostgreSQL returns int8 and numeric as strings; our aggregates go through toNumber() (lib/sql.ts).
export function openPostgres(url: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async exec(sql) {
      await pool.query(sql);
    },
    async close() {
      await pool.end();
    },
  };
}

export function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async exec(sql) {
      await client.exec(sql);
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

/** Opens PGlite persisted in a folder, or in memory when dataDir is undefined. */
export async function openPglite(dataDir?: string, loadDataDir?: Blob | File): Promise<Database> {
  const client = await PGlite.create({ dataDir, loadDataDir, relaxedDurability: false });
  return wrapPglite(client);
}
