import type { AddressInfo } from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { asc } from 'drizzle-orm';
import { createI18n } from '../shared/i18n/index.js';
import { type App, buildApp } from './app.js';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { migrate } from './db/migrate.js';
import { openConfiguredDatabase } from './db/open.js';
import { systemCtx } from './lib/context.js';
import { ensureAdmin } from './modules/auth/users.service.js';
import { demoAccountLines, type PasswordSource } from './modules/demo/demo.messages.js';
import { applyDemoPassword, demoAccounts } from './modules/demo/demo.accounts.js';
import { findDemoOrg, loadDemo } from './modules/demo/demo.service.js';
import { type Jobs, startConfiguredJobs } from './modules/notifications/jobs.js';
import { setMailBaseUrl } from './modules/notifications/notify.js';
import { organisations } from './modules/organisations/organisations.table.js';

export type RunningServer = {
  app: App;
  database: Database;
  /** The address to open in a browser. */
  url: string;
  /** Stops listening, closes the database and releases the data folder. Safe to call twice. */
  close(): Promise<void>;
};

export type StartOptions = {
  /** Where start-up messages go (stdout by default). */
  print?: (line: string) => void;
  /** Close cleanly on SIGINT and SIGTERM, then exit (default true). */
  handleSignals?: boolean;
};

/** The default organisation: the only one, or the oldest. */
async function defaultOrganisation(database: Database) {
  const [org] = await database.db
    .select()
    .from(organisations)
    .orderBy(asc(organisations.createdAt), asc(organisations.code))
    .limit(1);
  return org ?? null;
}

async function demoAccountsNow(database: Database) {
  const demoOrg = await findDemoOrg(database.db);
  return demoOrg ? demoAccounts(database.db, demoOrg) : [];
}

/**
 * One full garbage collection once start-up is done. Opening PGlite and loading the demo leave a few
 * hundred MiB of garbage (WebAssembly buffers, generated rows) that an idle server would otherwise keep
 * resident until some later collection. (A new cluster is created in a child process: see openPglite.)
 */
function releaseStartupMemory(): void {
  try {
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
  } catch {
    // Not essential: the memory is returned at the next major collection anyway.
  }
}

function publicUrl(config: Config, app: App): string {
  if (config.publicUrl) return config.publicUrl;
  const address = app.server.address() as AddressInfo;
  const host = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host) ? 'localhost' : config.host;
  return `http://${host}:${address.port}`;
}

/**
 * Starts Kyosei: opens the database (PGlite in the data folder, which this process then owns, or
 * PostgreSQL), migrates, loads the demo on an empty database when KYOSEI_DEMO=auto, applies
 * KYOSEI_ADMIN_EMAIL/PASSWORD, and listens. Throws data_dir_locked when another process owns the folder.
 */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const i18n = createI18n(config.lang);
  const t = (key: string, params: Record<string, unknown> = {}) => i18n.t(key, params);
  const opened = await openConfiguredDatabase(config);
  const { database } = opened;
  let app: App | undefined;
  let jobs: Jobs | null = null;
  try {
    await migrate(database);
    let password: PasswordSource = config.demoPassword ? 'given' : 'earlier';
    if (config.demo === 'auto' && !(await defaultOrganisation(database))) {
      print(t('cli:message.demoLoading', { employees: config.demoEmployees }));
      const started = Date.now();
      const demo = await loadDemo(database, {
        employees: config.demoEmployees,
        password: config.demoPassword,
      });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      print(t('cli:message.demoLoaded', { code: 'DEMO', employees: demo.employees, seconds }));
      if (demo.passwordGenerated && demo.password) password = { generated: demo.password };
    } else if (config.demoPassword) {
      const demoOrg = await findDemoOrg(database.db);
      if (demoOrg) await applyDemoPassword(database, demoOrg, config.demoPassword);
    }
    const org = await defaultOrganisation(database);
    if (config.adminEmail && config.adminPassword) {
      if (!org) print(t('cli:message.adminNoOrganisation'));
      else {
        const ctx = systemCtx(database.db, org.id, 'KYOSEI_ADMIN_EMAIL', config.lang);
        const outcome = await ensureAdmin(ctx, config.adminEmail, config.adminPassword);
        const key = outcome === 'created' ? 'cli:message.adminCreated' : 'cli:message.adminReset';
        print(t(key, { email: config.adminEmail, org: org.code }));
      }
    }
    if (database.kind === 'pglite') releaseStartupMemory();
    app = await buildApp({ config, database });
    await app.listen({ host: config.host, port: config.port });
    const url = publicUrl(config, app);
    setMailBaseUrl(url);
    if (config.jobs) jobs = await startConfiguredJobs(config, database, url, app.log);
    print('');
    print(t('cli:message.listening', { url }));
    print(t('cli:message.database', { kind: database.kind, location: opened.location }));
    const accounts = await demoAccountsNow(database);
    if (accounts.length) for (const l of demoAccountLines(t, config.lang, accounts, password)) print(l);
    if (!org) print(t('cli:message.noOrganisation'));
    print('');
    return running(app, opened, jobs, url, options.handleSignals ?? true, print, t);
  } catch (err) {
    await jobs?.stop().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await opened.close();
    throw err;
  }
}

function running(
  app: App,
  opened: Awaited<ReturnType<typeof openConfiguredDatabase>>,
  jobs: Jobs | null,
  url: string,
  handleSignals: boolean,
  print: (line: string) => void,
  t: (key: string, params?: Record<string, unknown>) => string,
): RunningServer {
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      try {
        await jobs?.stop();
        await app.close();
      } finally {
        await opened.close();
      }
    })();
    return closing;
  };
  if (handleSignals) {
    const onSignal = (signal: NodeJS.Signals) => {
      print(t('cli:message.stopping', { signal }));
      close().then(
        () => {
          print(t('cli:message.stopped'));
          process.exit(0);
        },
        (err) => {
          process.stderr.write(`${(err as Error).stack ?? err}\n`);
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return { app, database: opened.database, url, close };
}
