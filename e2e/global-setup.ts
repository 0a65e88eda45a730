import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { type Cluster, startCluster } from '../scripts/lib/postgres.mjs';
import { ROOT, type RunningServer, startServer } from './support/server.js';
import { DEMO_ACCOUNTS, type SessionState, sessionKey, signInApi } from './support/session.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server on PGlite (the default, embedded database) and its data folder. */
    pgliteBaseUrl: string;
    pgliteDataDir: string;
    /** The server on PostgreSQL and the database it uses (the CLI can open it while the server runs). */
    postgresBaseUrl: string;
    postgresDatabaseUrl: string;
    demoPassword: string;
    /**
     * Signed-in sessions by sessionKey(baseURL, email): every demo account on PGlite; the admin, the
     * promoter, finance and the employee on PostgreSQL.
     */
    sessions: Record<string, SessionState>;
  }
}

/**
 * Starts two real servers from the built app (dist/web): one on PGlite in a temporary data folder, one on
 * a fresh database in PostgreSQL (TEST_DATABASE_URL, or a throwaway cluster when none is given), both
 * with the demo organisation. Stops them and removes their data afterwards.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(join(ROOT, 'dist', 'web', 'index.html'))) {
    throw new Error('The web app is not built: run `npx vite build` first (npm test does).');
  }
  const work = mkdtempSync(join(tmpdir(), 'kyosei-e2e-'));
  const demoPassword = `e2e-${randomBytes(9).toString('base64url')}`;
  const common = { KYOSEI_DEMO_EMPLOYEES: '500', KYOSEI_DEMO_PASSWORD: demoPassword, LOG_LEVEL: 'warn' };
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(work, { recursive: true, force: true })];
  const teardown = async () => {
    for (const fn of cleanups.reverse()) await fn();
  };

  try {
    let serverUrl = process.env.KYOSEI_TEST_DATABASE_URL || process.env.TEST_DATABASE_URL || '';
    if (!serverUrl) {
      const cluster: Cluster = await startCluster({ log: (line) => console.log(line) });
      cleanups.push(() => cluster.stop());
      serverUrl = cluster.url;
    }
    const dbName = `kyosei_e2e_${process.pid}`;
    await adminQuery(serverUrl, `drop database if exists ${dbName} with (force)`);
    await adminQuery(serverUrl, `create database ${dbName}`);
    cleanups.push(() => adminQuery(serverUrl, `drop database if exists ${dbName} with (force)`));
    const databaseUrl = new URL(serverUrl);
    databaseUrl.pathname = `/${dbName}`;

    const dataDir = join(work, 'data');
    const started = await Promise.allSettled([
      startServer('pglite', { ...common, KYOSEI_DATA_DIR: dataDir }, work),
      startServer('postgres', { ...common, DATABASE_URL: databaseUrl.toString() }, work),
    ]);
    for (const s of started) if (s.status === 'fulfilled') cleanups.push(s.value.stop);
    const failures = started.filter((s) => s.status === 'rejected').map((s) => String(s.reason?.message));
    if (failures.length) throw new Error(failures.join('\n\n'));
    const [pglite, postgres] = started.map((s) => (s as PromiseFulfilledResult<RunningServer>).value);

    // PostgreSQL: the admin, and the accounts of the volunteering journey that runs there in English.
    const onPostgres = ['org_admin', 'promoter', 'finance', 'employee'] as const;
    const logins: [string, string][] = [
      ...Object.values(DEMO_ACCOUNTS).map((email): [string, string] => [pglite.baseUrl, email]),
      ...onPostgres.map((role): [string, string] => [postgres.baseUrl, DEMO_ACCOUNTS[role]]),
    ];
    const sessions: Record<string, SessionState> = {};
    for (const [baseUrl, email] of logins) {
      sessions[sessionKey(baseUrl, email)] = await signInApi(baseUrl, email, demoPassword);
    }
    project.provide('sessions', sessions);
    project.provide('pgliteBaseUrl', pglite.baseUrl);
    project.provide('pgliteDataDir', dataDir);
    project.provide('postgresBaseUrl', postgres.baseUrl);
    project.provide('postgresDatabaseUrl', databaseUrl.toString());
    project.provide('demoPassword', demoPassword);
  } catch (e) {
    await teardown();
    throw e;
  }
  return teardown;
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
