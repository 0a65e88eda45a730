import { asc } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Database } from '../../db/client.js';
import { systemCtx } from '../../lib/context.js';
import { organisations } from '../organisations/organisations.table.js';
import { syncLedgerExpenses } from './ledger-sync.js';

/**
 * Every 10 minutes (so at least daily too): the giving ledger's company donations and matches become
 * expenses off the donation hot path. A close runs the same sync first, so a year never closes
 * without its postings.
 */
export const LEDGER_SYNC_QUEUE = { name: 'accounting.ledger-sync', cron: '*/10 * * * *' } as const;

type Log = { info(obj: object, msg: string): void; error(obj: object, msg: string): void };

/** Syncs every organisation, each in its own transaction (one failing does not stop the others). */
export async function runLedgerSync(
  database: Database,
  log?: Log,
): Promise<{ organisations: number; created: number; failed: number }> {
  const orgs = await database.db
    .select({ id: organisations.id })
    .from(organisations)
    .orderBy(asc(organisations.code));
  let created = 0;
  let failed = 0;
  for (const org of orgs) {
    try {
      const r = await syncLedgerExpenses(systemCtx(database.db, org.id, 'job:ledger-sync'));
      created += r.created;
    } catch (err) {
      failed++;
      log?.error({ err, orgId: org.id }, 'ledger sync: failed');
    }
  }
  return { organisations: orgs.length, created, failed };
}

/** Creates the ledger-sync queue, its schedule and its worker (called by startJobs). */
export async function registerLedgerSyncJob(
  boss: PgBoss,
  database: Database,
  options: { log: Log; pollingIntervalSeconds: number; stopping: () => boolean },
): Promise<void> {
  const q = LEDGER_SYNC_QUEUE;
  await boss.createQueue(q.name, { name: q.name, policy: 'stately', retryLimit: 0, expireInSeconds: 900 });
  await boss.schedule(q.name, q.cron);
  await boss.work(q.name, { pollingIntervalSeconds: options.pollingIntervalSeconds }, async () => {
    if (options.stopping()) return;
    const r = await runLedgerSync(database, options.log);
    if (r.created > 0 || r.failed > 0) options.log.info({ ...r }, 'ledger sync: expenses posted');
  });
}
