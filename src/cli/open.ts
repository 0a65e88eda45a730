import { userInfo } from 'node:os';
import { asc, eq } from 'drizzle-orm';
import type { Config } from '../server/config.js';
import type { Database } from '../server/db/client.js';
import { migrate } from '../server/db/migrate.js';
import { openConfiguredDatabase } from '../server/db/open.js';
import { type Ctx, systemCtx } from '../server/lib/context.js';
import { organisations } from '../server/modules/organisations/organisations.table.js';
import { UsageError } from './output.js';

export type Organisation = { id: string; code: string; nameJa: string; nameEn: string };

export type Session = {
  database: Database;
  location: string;
  close(): Promise<void>;
};

/**
 * Opens the configured database for one command and brings it up to date. With PGlite the command
 * owns the data folder while it runs: when the server holds it, this throws data_dir_locked at once.
 */
export async function openSession(config: Config): Promise<Session> {
  const opened = await openConfiguredDatabase(config);
  try {
    await migrate(opened.database);
  } catch (err) {
    await opened.close();
    throw err;
  }
  return opened;
}

/** Runs fn with an open session and closes it afterwards, whatever happens. */
export async function withSession<T>(config: Config, fn: (session: Session) => Promise<T>): Promise<T> {
  const session = await openSession(config);
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}

/** The organisation named by --org, or the only one. Several and no --org is a usage error. */
export async function resolveOrganisation(db: Database['db'], code?: string): Promise<Organisation> {
  const columns = {
    id: organisations.id,
    code: organisations.code,
    nameJa: organisations.nameJa,
    nameEn: organisations.nameEn,
  };
  if (code) {
    const [org] = await db.select(columns).from(organisations).where(eq(organisations.code, code));
    if (!org) throw new UsageError('unknownOrganisation', { code });
    return org;
  }
  const all = await db.select(columns).from(organisations).orderBy(asc(organisations.code)).limit(50);
  if (all.length === 0) throw new UsageError('noOrganisation');
  if (all.length > 1)
    throw new UsageError('severalOrganisations', { codes: all.map((o) => o.code).join(', ') });
  return all[0];
}

/** The service context of a CLI command: the system acting for the operating-system user. */
export function cliCtx(database: Database, org: Organisation, lang: 'ja' | 'en'): Ctx {
  let who = 'cli';
  try {
    who = `cli:${userInfo().username}`;
  } catch {
    // No passwd entry (some containers): keep the plain label.
  }
  return systemCtx(database.db, org.id, who, lang);
}
