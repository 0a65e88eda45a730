import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { openPglite, openPostgres, type Database } from '../db/client.js';

/**
 * A fresh migrated database for one test file: PGlite loaded from the run's dump, or a copy of the
 * PostgreSQL template when the run targets PostgreSQL. Closed (and dropped) after the file.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = inject('postgresUrl');
  if (url) {
    const name = `kyosei_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${name}`;
    const database = openPostgres(target.toString(), { max: 20 });
    afterAll(async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    });
    return database;
  }
  const dump = new Blob([readFileSync(inject('pgliteDump'))]);
  const database = await openPglite(undefined, dump);
  afterAll(() => database.close());
  return database;
}

export const isPostgres = () => !!inject('postgresUrl');
