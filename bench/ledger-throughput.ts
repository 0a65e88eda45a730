import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgres } from '../src/server/db/client.js';
import type { Ctx } from '../src/server/lib/context.js';
import { donate } from '../src/server/modules/giving/donations.service.js';
import type { LedgerData } from './ledger-data.js';
import { type Bench, fmtInt, ms, note } from './lib.js';
import { closedLoop, type LoopResult, request } from './volunteering-http.js';

export const CLIENTS = 100;
const LOOP_SECONDS = 10;
const WARM_UP_SECONDS = 2;
/** The server's pool (src/server/db/client.ts): the baselines get as many connections. */
const POOL = 10;

/** A new idempotency key on every call, across the warm-up and the measured loop. */
let sequence = 0;
const nextKey = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}-${++sequence}`;

export type Throughput = { postingsPerSecond: number; loop: LoopResult; postings: number };

async function postingCount(client: pg.Pool): Promise<number> {
  const { rows } = await client.query('select count(*)::bigint as n from ledger_postings');
  return Number(rows[0].n);
}

/** A warm-up, then CLIENTS clients in a closed loop; postings per second are counted in the database. */
async function measure(
  label: string,
  admin: pg.Pool,
  send: (client: number, n: number) => Promise<number>,
  count: () => Promise<number> = () => postingCount(admin),
  seconds = LOOP_SECONDS,
): Promise<Throughput> {
  await closedLoop(CLIENTS, WARM_UP_SECONDS, 201, send);
  const before = await count();
  const loop = await closedLoop(CLIENTS, seconds, 201, send);
  const postings = (await count()) - before;
  const postingsPerSecond = postings / loop.seconds;
  note(
    `${label}: ${fmtInt(loop.ok)} in ${loop.seconds.toFixed(1)} s, ${fmtInt(postings)} postings = ` +
      `${postingsPerSecond.toFixed(0)} postings/s (clients used ${loop.clientCores.toFixed(2)} of a core)` +
      `${loop.failed ? `; not 201: ${loop.statuses}` : ''}`,
  );
  return { postingsPerSecond, loop, postings };
}

/** The accounts a points donation of a writer to the campaign posts to (opened by one API donation). */
async function donationAccounts(admin: pg.Pool, data: LedgerData) {
  const { rows } = await admin.query(
    `select a.kind, a.employee_id, a.id from ledger_accounts a
     where a.org_id = $1 and ((a.kind = 'employee_points' and a.fiscal_year = $2 and a.employee_id = any($3))
       or (a.kind in ('points_donated', 'points_funding') and a.fiscal_year = $2)
       or (a.kind = 'payable' and a.campaign_id = $4))`,
    [data.orgId, data.fiscalYear, data.writers.map((w) => w.employeeId), data.campaignId],
  );
  const one = (kind: string) => rows.find((r) => r.kind === kind)?.id as string;
  const employee = new Map(
    rows.filter((r) => r.kind === 'employee_points').map((r) => [r.employee_id, r.id]),
  );
  return {
    employee: data.writers.map((w) => employee.get(w.employeeId) as string),
    donated: one('points_donated'),
    funding: one('points_funding'),
    payable: one('payable'),
  };
}

type DonationAccounts = Awaited<ReturnType<typeof donationAccounts>>;
const LEDGER_TABLES = { postings: 'ledger_postings', entries: 'ledger_entries' };

/** Runs fn in one transaction on a connection of the pool; answers 201, a closed loop's success. */
async function transaction(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<void>): Promise<number> {
  const c = await pool.connect();
  try {
    await c.query('begin');
    await fn(c);
    await c.query('commit');
    return 201;
  } catch (err) {
    await c.query('rollback');
    throw err;
  } finally {
    c.release();
  }
}

/** A points donation's posting (1 point, to the campaign) and its four entries, into these tables. */
async function insertPosting(
  c: pg.PoolClient,
  tables: { postings: string; entries: string },
  data: LedgerData,
  accounts: DonationAccounts,
  client: number,
  posting: { key: string; donationId: string | null },
): Promise<void> {
  const w = data.writers[client];
  const { rows } = await c.query(
    `insert into ${tables.postings} (org_id, kind, idempotency_key, request_hash, effective_on, fiscal_year,
       point_value_jpy, employee_id, campaign_id, partner_id, donation_id, created_by)
     values ($1, 'point_donation', $2, $3, current_date, $4, 100, $5, $6, $7, $8, $9) returning id`,
    [
      data.orgId,
      posting.key,
      'b'.repeat(64),
      data.fiscalYear,
      w.employeeId,
      data.campaignId,
      data.partnerId,
      posting.donationId,
      w.userId,
    ],
  );
  await c.query(
    `insert into ${tables.entries} (org_id, posting_id, account_id, unit, amount, value_jpy) values
     ($1, $2, $3, 'PTS', -1, -100), ($1, $2, $4, 'PTS', 1, 100), ($1, $2, $5, 'JPY', -100, -100), ($1, $2, $6, 'JPY', 100, 100)`,
    [data.orgId, rows[0].id, accounts.employee[client], accounts.donated, accounts.funding, accounts.payable],
  );
}

/**
 * The rows of a points donation written with plain SQL, one transaction per posting (BEGIN, INSERT the
 * posting, INSERT its four entries, COMMIT) by CLIENTS clients over POOL connections: into twin tables
 * with the same columns and no index, constraint or trigger, and into the ledger's own tables.
 */
export async function sqlBaselines(url: string, data: LedgerData) {
  const pool = new pg.Pool({ connectionString: url, max: POOL });
  try {
    await pool.query(`drop table if exists bench_plain_entries, bench_plain_postings;
      create table bench_plain_postings (like ledger_postings including defaults);
      create table bench_plain_entries (like ledger_entries including defaults including identity);`);
    const accounts = await donationAccounts(pool, data);
    const insert = (postings: string, entries: string, withDonation: boolean) => (client: number) =>
      transaction(pool, (c) =>
        insertPosting(c, { postings, entries }, data, accounts, client, {
          key: nextKey(`sql-${postings}`),
          donationId: withDonation ? randomUUID() : null,
        }),
      );
    const plainCount = async () =>
      Number((await pool.query('select count(*)::bigint as n from bench_plain_postings')).rows[0].n);
    const plain = await measure(
      `plain INSERT into twin tables (${POOL} connections)`,
      pool,
      insert('bench_plain_postings', 'bench_plain_entries', true),
      plainCount,
    );
    const ledger = await measure(
      `the same rows into ledger_postings/ledger_entries (triggers, keys, checks)`,
      pool,
      insert(LEDGER_TABLES.postings, LEDGER_TABLES.entries, false),
    );
    const writes = await measure(
      `every row a donation writes, by SQL (donation, posting, entries, notification, mail, audit)`,
      pool,
      donationWrites(pool, data, accounts),
    );
    return { plain, ledger, writes };
  } finally {
    await pool.end();
  }
}

/**
 * Every row a points donation writes, with plain SQL in one transaction and no read: the donation, its
 * posting and four entries (the ledger's triggers and keys), the donor's notification and mail, the audit
 * entry. The most the server could reach with the same rows, whatever its code.
 */
function donationWrites(pool: pg.Pool, data: LedgerData, accounts: DonationAccounts) {
  return (client: number) =>
    transaction(pool, async (c) => {
      const w = data.writers[client];
      const { rows: donation } = await c.query(
        `insert into donations (org_id, employee_id, campaign_id, partner_id, kind, method, points, value_jpy, status,
           fiscal_year, idempotency_key, paid_at)
         values ($1, $2, $3, $4, 'points', 'points', 1, 100, 'paid', $5, $6, now()) returning id`,
        [data.orgId, w.employeeId, data.campaignId, data.partnerId, data.fiscalYear, nextKey('sql-donation')],
      );
      const donationId = donation[0].id as string;
      await insertPosting(c, LEDGER_TABLES, data, accounts, client, {
        key: `donation:${donationId}`,
        donationId,
      });
      await c.query(
        `insert into notifications (org_id, employee_id, kind, params, link)
         values ($1, $2, 'donation_received', $3, $4)`,
        [data.orgId, w.employeeId, JSON.stringify({ amount: '100円' }), `/giving/donations/${donationId}`],
      );
      await c.query(
        `insert into mail_outbox (org_id, employee_id, to_address, locale, kind, subject, text_body)
         values ($1, $2, 'bench@example.com', 'ja', 'donation_received', 'ご寄付ありがとうございました', $3)`,
        [data.orgId, w.employeeId, 'ご寄付を受け付けました。'.repeat(10)],
      );
      await c.query(
        `insert into audit_log (org_id, actor_user_id, actor_label, action, entity_type, entity_id, after)
         values ($1, $2, 'bench', 'donation.create', 'donation', $3, $4)`,
        [data.orgId, w.userId, donationId, JSON.stringify({ id: donationId, points: 1, valueJpy: 100 })],
      );
    });
}

/** POST /api/donations (1 point each) by CLIENTS employees, each with its own session. */
export async function apiDonations(
  url: string,
  base: string,
  data: LedgerData,
  campaignId: string,
  label: string,
) {
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  try {
    return await measure(label, admin, (client) =>
      request(base, data.writerTokens[client], '/api/donations', {
        method: 'POST',
        body: JSON.stringify({ campaignId, points: 1, idempotencyKey: nextKey('bench') }),
      }).then((r) => r.status),
    );
  } finally {
    await admin.end();
  }
}

/** GET /api/me by the same clients: what the server answers when a request does no work at all. */
export async function apiMe(base: string, data: LedgerData) {
  const send = (client: number) =>
    request(base, data.writerTokens[client], '/api/me').then((r) => (r.status === 200 ? 201 : r.status));
  await closedLoop(CLIENTS, WARM_UP_SECONDS, 201, send);
  const loop = await closedLoop(CLIENTS, LOOP_SECONDS, 201, send);
  note(
    `GET /api/me: ${loop.perSecond.toFixed(0)} req/s (clients used ${loop.clientCores.toFixed(2)} of a core)`,
  );
  return loop.perSecond;
}

/** The donation service called in this process (no HTTP, no session lookup), on POOL connections. */
export async function serviceDonations(url: string, data: LedgerData) {
  const database = openPostgres(url, { max: POOL });
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  const ctxs: Ctx[] = data.writers.map((w, i) => ({
    orgId: data.orgId,
    actor: {
      kind: 'user',
      userId: w.userId,
      label: `bench donor ${i}`,
      employeeId: w.employeeId,
      grants: [{ role: 'employee', scopeType: 'org', companyId: null, siteId: null }],
    },
    locale: 'ja',
    db: database.db,
  }));
  try {
    return await measure(`donate() in-process (${POOL} connections)`, admin, (client) =>
      donate(ctxs[client], {
        campaignId: data.campaignId,
        points: 1,
        idempotencyKey: nextKey('svc'),
      }).then(() => 201),
    );
  } finally {
    await database.close();
    await admin.end();
  }
}

/**
 * Where one POST /api/donations spends its time: every statement the server sends is logged with its
 * duration (log_min_duration_statement = 0, for a moment) while 20 donations go through one at a time.
 */
export async function profileDonation(bench: Bench, url: string, base: string, data: LedgerData) {
  const { dir } = await bench.cluster();
  const log = join(dir, 'server.log');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const REQUESTS = 20;
  let wall = 0;
  const offset = statSync(log).size;
  try {
    await admin.query('alter system set log_min_duration_statement = 0');
    await admin.query('select pg_reload_conf()');
    await new Promise((r) => setTimeout(r, 500));
    for (let i = 0; i < REQUESTS; i++) {
      const r = await request(base, data.writerTokens[i], '/api/donations', {
        method: 'POST',
        body: JSON.stringify({
          campaignId: data.campaignId,
          points: 1,
          idempotencyKey: nextKey('profile'),
        }),
      });
      if (r.status !== 201) throw new Error(`POST /api/donations: ${r.status} ${r.body}`);
      wall += r.ms;
    }
  } finally {
    await admin.query('alter system reset log_min_duration_statement');
    await admin.query('select pg_reload_conf()');
    await admin.end();
  }
  const lines = readFileSync(log, 'utf8').slice(offset).split('\n');
  const byStatement = new Map<string, { n: number; ms: number }>();
  let total = 0;
  let count = 0;
  for (const line of lines) {
    const m = /duration: ([\d.]+) ms\s+(?:(parse|bind|execute) [^:]*: |statement: )(.*)$/.exec(line);
    if (!m || /pg_reload_conf|alter system/.test(m[3])) continue;
    const duration = Number(m[1]);
    total += duration;
    const executed = m[2] === 'execute' || !m[2];
    if (executed) count++;
    const text = m[3].replace(/\s+/g, ' ').slice(0, 90);
    const s = byStatement.get(text) ?? { n: 0, ms: 0 };
    byStatement.set(text, { n: s.n + (executed ? 1 : 0), ms: s.ms + duration });
  }
  const perRequest = { statements: count / REQUESTS, dbMs: total / REQUESTS, wallMs: wall / REQUESTS };
  note(
    `one POST /api/donations at a time (${REQUESTS} requests): ${ms(perRequest.wallMs)} each, ` +
      `${perRequest.statements.toFixed(1)} statements taking ${ms(perRequest.dbMs)} in the database ` +
      `(parse, bind and execute); the rest is the server's own time and the round trips`,
  );
  const top = [...byStatement].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12);
  for (const [text, s] of top) note(`  ${ms(s.ms / REQUESTS)} per request, ${s.n / REQUESTS}x: ${text}`);
  return perRequest;
}
