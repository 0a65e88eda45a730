import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
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

/**
 * Creates a new PGlite cluster in a short-lived child process. Creating one (initdb inside WebAssembly)
 * peaks at about 850 MiB, and a process that did it keeps most of that resident; opening an existing
 * cluster peaks near 300 MiB. So the server never creates its own (docs/performance.md).
 */
async function createPgliteCluster(dataDir: string): Promise<void> {
  const entry = import.meta.resolve('@electric-sql/pglite');
  const script = `const { PGlite } = await import(${JSON.stringify(entry)});
    const db = await PGlite.create({ dataDir: ${JSON.stringify(dataDir)} });
    await db.close();`;
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
}

/** Opens PGlite persisted in a folder, or in memory when dataDir is undefined. */
export async function openPglite(dataDir?: string, loadDataDir?: Blob | File): Promise<Database> {
  if (dataDir && !loadDataDir && !existsSync(join(dataDir, 'PG_VERSION'))) await createPgliteCluster(dataDir);
  const client = await PGlite.create({ dataDir, loadDataDir, relaxedDurability: false });
  return wrapPglite(client);
}
