import { join } from 'node:path';
import type { Config } from '../config.js';
import { type Database, openPglite, openPostgres } from './client.js';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';

/** Where PGlite keeps its files inside the data folder (the lock file sits beside it). */
export function pgliteDir(config: Config): string {
  return join(config.dataDir, 'pglite');
}

export type OpenedDatabase = {
  database: Database;
  /** Where the data lives, for messages: the data folder or the PostgreSQL host and database. */
  location: string;
  /** Closes the database, then releases the data-folder lock. */
  close(): Promise<void>;
};

function describeUrl(url: string): string {
  const u = new URL(url);
  return `postgresql://${u.host}${u.pathname}`;
}

/**
 * Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite persisted in the
 * data folder, which this process then owns (throws data_dir_locked when another process does).
 */
export async function openConfiguredDatabase(config: Config): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    const database = openPostgres(config.databaseUrl);
    return { database, location: describeUrl(config.databaseUrl), close: () => database.close() };
  }
  const lock: DataDirLock = acquireDataDirLock(config.dataDir);
  let database: Database;
  try {
    database = await openPglite(pgliteDir(config));
  } catch (err) {
    lock.release();
    throw err;
  }
  let closed = false;
  return {
    database,
    location: config.dataDir,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await database.close();
      } finally {
        lock.release();
      }
    },
  };
}
