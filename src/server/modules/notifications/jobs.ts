import type { PGlite } from '@electric-sql/pglite';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import { createMailer, type Mailer } from './mailer.js';
import { sendPending } from './outbox.service.js';
import { queueReminders } from './reminders.service.js';
import { registerPointsExpiry } from '../points/points.expiry.js';
import { registerLedgerCheckJob } from '../ledger/ledger.checks.js';
import { registerLedgerSyncJob } from '../accounting/ledger-sync.job.js';

/** The queues and when they run (cron, UTC). */
export const QUEUES = {
  mail: { name: 'mail.send', cron: '* * * * *' },
  reminders: { name: 'reminders', cron: '*/15 * * * *' },
} as const;

/** pg-boss keeps its jobs in this schema, beside (never inside) the application's tables. */
export const JOBS_SCHEMA = 'pgboss';

const MAIL_BATCH = 20;

type Log = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

export type JobsOptions = {
  /** Delivers mail; null when SMTP is not configured (mails then stay pending). */
  mailer: Mailer | null;
  /** The public URL that links in reminder mails start with. */
  baseUrl?: string;
  log: Log;
  /** Seconds between a worker’s polls for jobs (default 5). */
  pollingIntervalSeconds?: number;
};

export type Jobs = {
  boss: PgBoss;
  /** Asks for a delivery run now instead of at the next minute. */
  kickMail(): Promise<void>;
  /**
   * Stops the workers and the scheduler, waiting for running jobs (at most 30 s) and for statements
   * in flight, so that the database can be closed right after.
   */
  stop(): Promise<void>;
};

/**
 * pg-boss talks to our database through its `executeSql` adapter. PGlite: parameterless SQL (often
 * several statements: pg-boss's schema, its locked maintenance blocks) goes to `exec()`, the simple
 * protocol, and the rest to `query()`. PostgreSQL: our node-postgres pool does both.
 */
export function jobsDb(database: Database): PgBoss.Db {
  const client = (database.db as unknown as { $client: PGlite | pg.Pool }).$client;
  if (database.kind === 'pglite') {
    const pglite = client as PGlite;
    return {
      async executeSql(text, values) {
        if (values?.length) return pglite.query(text, values);
        const results = await pglite.exec(text);
        return results.at(-1) ?? { rows: [] };
      },
    };
  }
  const pool = client as pg.Pool;
  return { executeSql: (text, values) => pool.query(text, values) };
}

/**
 * Starts the background jobs on the application's database: pg-boss (creating or migrating its
 * `pgboss` schema), the queues `mail.send` (every minute: deliver pending mails) and `reminders`
 * (every 15 minutes: queue the reminders of tomorrow's shifts, then deliver them).
 */
export async function startJobs(database: Database, options: JobsOptions): Promise<Jobs> {
  const { log } = options;
  const db = jobsDb(database);
  // pg-boss's stop() does not wait for a poll already sent: count statements in flight to drain them.
  let inFlight = 0;
  let stopping = false;
  const tracked: PgBoss.Db = {
    async executeSql(text, values) {
      inFlight++;
      try {
        return await db.executeSql(text, values);
      } finally {
        inFlight--;
      }
    },
  };
  const boss = new PgBoss({ db: tracked, schema: JOBS_SCHEMA, migrate: true });
  boss.on('error', (err) => log.error({ err }, 'background jobs: error'));
  await boss.start();
  try {
    await register(boss, database, options, () => stopping);
  } catch (err) {
    await boss.stop({ graceful: false });
    throw err;
  }
  return {
    boss,
    kickMail: () => kickMail(boss),
    async stop() {
      stopping = true;
      await boss.stop({ graceful: true, timeout: 30_000, wait: true });
      while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    },
  };
}

async function kickMail(boss: PgBoss): Promise<void> {
  await boss.send(QUEUES.mail.name, {});
}

/** Creates the queues, their schedules and their workers. */
async function register(boss: PgBoss, database: Database, options: JobsOptions, stopping: () => boolean) {
  const { log, mailer } = options;
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5 };
  // stately: at most one run waiting and one running per queue, however often a run is asked for.
  for (const q of Object.values(QUEUES)) {
    await boss.createQueue(q.name, { name: q.name, policy: 'stately', retryLimit: 0, expireInSeconds: 900 });
    await boss.schedule(q.name, q.cron);
  }
  await boss.work(QUEUES.mail.name, polling, async () => {
    if (stopping()) return;
    // Deliver until the due mails are done, in batches, so one run never holds many leases at once.
    for (let round = 0; round < 50; round++) {
      const r = await sendPending(database, mailer, { limit: MAIL_BATCH });
      if (r.claimed > 0) log.info({ ...r }, 'mail: delivery run');
      if (r.claimed < MAIL_BATCH) return;
    }
  });
  await boss.work(QUEUES.reminders.name, polling, async () => {
    if (stopping()) return;
    const queued = await queueReminders(database, { baseUrl: options.baseUrl });
    if (queued > 0) {
      log.info({ queued }, 'reminders: queued');
      await kickMail(boss);
    }
  });
  await registerPointsExpiry(boss, database, { log, ...polling, stopping });
  await registerLedgerCheckJob(boss, database, { log, ...polling, stopping, kickMail: () => kickMail(boss) });
  await registerLedgerSyncJob(boss, database, { log, ...polling, stopping });
}

/**
 * The serving process's background work as configured: mail over SMTP when configured (else mails
 * stay pending) and the reminders. `stop()` ends the jobs and closes the SMTP connections.
 */
export async function startConfiguredJobs(
  config: Config,
  database: Database,
  baseUrl: string,
  log: Log,
): Promise<Jobs> {
  const mailer = createMailer(config);
  if (!mailer) log.warn('mail: no SMTP configured (SMTP_URL or SMTP_HOST); mails stay in the outbox');
  const jobs = await startJobs(database, { mailer, baseUrl, log }).catch((err) => {
    mailer?.close();
    throw err;
  });
  return {
    ...jobs,
    async stop() {
      await jobs.stop();
      mailer?.close();
    },
  };
}
