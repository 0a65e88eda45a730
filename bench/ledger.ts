import { openPostgres } from '../src/server/db/client.js';
import type { Ctx } from '../src/server/lib/context.js';
import { verifyLedger } from '../src/server/modules/ledger/ledger.verify.js';
import { myBalance } from '../src/server/modules/points/points.balance.js';
import { buildLedgerData, ENTRIES_PER_EMPLOYEE, type LedgerData, READERS } from './ledger-data.js';
import {
  apiDonations,
  apiMe,
  CLIENTS,
  profileDonation,
  serviceDonations,
  sqlBaselines,
  type Throughput,
} from './ledger-throughput.js';
import { type Bench, fmtInt, heading, ms, note, percentile, secs, time } from './lib.js';
import { request, startServer } from './volunteering-http.js';

const READS = 300;
const WARM_UP = 20;
const TARGETS = { ratio: 0.25, balanceP95: 20 };

function summary(label: string, timings: number[]) {
  const s = { p50: percentile(timings, 50), p95: percentile(timings, 95), max: Math.max(...timings) };
  console.log(`  ${label}: p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (${timings.length} reads)`);
  return s;
}

/** GET /api/points/balance as READERS different employees in turn, one request at a time. */
async function balanceOverHttp(base: string, data: LedgerData) {
  const timings: number[] = [];
  for (let i = 0; i < WARM_UP + READS; i++) {
    const token = data.readerTokens[i % READERS];
    const res = await request(base, token, '/api/points/balance');
    if (res.status !== 200) throw new Error(`GET /api/points/balance: ${res.status} ${res.body}`);
    if (i === 0) {
      const b = JSON.parse(res.body) as {
        items: Array<{ fiscalYear: number; balance: number; granted: number }>;
      };
      note(
        `an employee's balance: ${b.items.map((y) => `${y.fiscalYear}: ${y.balance} of ${y.granted}`).join(', ')}`,
      );
    }
    if (i >= WARM_UP) timings.push(res.ms);
  }
  return summary('GET /api/points/balance', timings);
}

/** myBalance(ctx), the service behind it, called in this process for the same employees. */
async function balanceInProcess(url: string, data: LedgerData) {
  const database = openPostgres(url, { max: 1 });
  try {
    const timings: number[] = [];
    for (let i = 0; i < WARM_UP + READS; i++) {
      const r = data.readers[i % READERS];
      const ctx: Ctx = {
        orgId: data.orgId,
        actor: {
          kind: 'user',
          userId: r.userId,
          label: 'bench reader',
          employeeId: r.employeeId,
          grants: [{ role: 'employee', scopeType: 'org', companyId: null, siteId: null }],
        },
        locale: 'ja',
        db: database.db,
      };
      const t = await time(() => myBalance(ctx));
      if (i >= WARM_UP) timings.push(t.ms);
    }
    return summary('myBalance() in-process', timings);
  } finally {
    await database.close();
  }
}

const rate = (t: Throughput) => `${t.postingsPerSecond.toFixed(0)}/s`;

/**
 * The ledger at scale on PostgreSQL: 10,000,000 entries (100 per employee: five fiscal years of grants,
 * donations, claims and expiries) served by `kyosei serve` in a child process. (1) Postings per second
 * through POST /api/donations under 100 concurrent clients, against plain INSERTs of the same rows into
 * twin tables without indexes, constraints or triggers, in the same run; (2) the balance read p95.
 */
export async function ledgerPostgres(bench: Bench): Promise<void> {
  heading(
    `Ledger on PostgreSQL: ${fmtInt(bench.employees)} employees, ${fmtInt(bench.employees * ENTRIES_PER_EMPLOYEE)} ` +
      `entries, ${CLIENTS} clients`,
  );
  const pg = await bench.freshPostgres('bench_ledger');
  let data: LedgerData;
  try {
    data = await buildLedgerData(bench, pg.database, pg.url, pg.orgId);
  } finally {
    await pg.database.close();
  }
  const server = await startServer(bench, 'ledger', { DATABASE_URL: pg.url });
  let results: {
    http: ReturnType<typeof summary>;
    service: ReturnType<typeof summary>;
    plain: Throughput;
    ledger: Throughput;
    writes: Throughput;
    api: Throughput;
    matched: Throughput;
    inProcess: Throughput;
    me: number;
  };
  try {
    const http = await balanceOverHttp(server.base, data);
    const service = await balanceInProcess(pg.url, data);
    // One donation opens the campaign's payable account, which the SQL baseline posts to.
    await apiDonations(pg.url, server.base, data, data.campaignId, 'POST /api/donations, warm-up');
    const { plain, ledger, writes } = await sqlBaselines(pg.url, data);
    const api = await apiDonations(
      pg.url,
      server.base,
      data,
      data.campaignId,
      'POST /api/donations (points, a campaign without matching)',
    );
    const matched = await apiDonations(
      pg.url,
      server.base,
      data,
      data.matchedCampaignId,
      'POST /api/donations (points, a campaign matched 100%: two postings each)',
    );
    const inProcess = await serviceDonations(pg.url, data);
    const me = await apiMe(server.base, data);
    await profileDonation(bench, pg.url, server.base, data);
    results = { http, service, plain, ledger, writes, api, matched, inProcess, me };
  } finally {
    await server.stop();
  }
  const check = openPostgres(pg.url, { max: 1 });
  try {
    const v = await time(() => verifyLedger(check.db, data.orgId));
    note(
      `ledger verify over ${fmtInt(v.value.entries)} entries: ${v.value.ok ? 'ok' : JSON.stringify(v.value.problems)} in ${secs(v.ms)}`,
    );
    if (!v.value.ok)
      throw new Error(`the bench's ledger does not verify: ${JSON.stringify(v.value.problems)}`);
  } finally {
    await check.close();
  }
  const { http, service, plain, ledger, writes, api, matched, inProcess, me } = results;
  const ratio = api.postingsPerSecond / plain.postingsPerSecond;
  console.log(
    `  PostgreSQL: ${rate(api)} postings through the API = ${(ratio * 100).toFixed(1)}% of plain INSERTs (${rate(plain)}); ` +
      `the ledger's tables by SQL ${rate(ledger)}, donate() in-process ${rate(inProcess)}; balance p95 ${ms(http.p95)} ` +
      `(service ${ms(service.p95)})`,
  );
  bench.results.push(
    {
      bench: 'ledger',
      figure: `postings/s through POST /api/donations vs plain INSERT (${CLIENTS} clients)`,
      value: `${rate(api)} / ${rate(plain)} = ${(ratio * 100).toFixed(1)}%`,
      target: `>= ${TARGETS.ratio * 100}%`,
      ok: ratio >= TARGETS.ratio,
    },
    { bench: 'ledger', figure: 'the same rows into the ledger tables by SQL', value: rate(ledger) },
    {
      bench: 'ledger',
      figure: 'every row a donation writes, by SQL (the most any server code could reach)',
      value: `${rate(writes)} = ${((writes.postingsPerSecond / plain.postingsPerSecond) * 100).toFixed(1)}%`,
    },
    { bench: 'ledger', figure: 'donate() in-process', value: rate(inProcess) },
    {
      bench: 'ledger',
      figure: 'GET /api/me (a request that does nothing) vs plain INSERT',
      value: `${me.toFixed(0)}/s = ${((me / plain.postingsPerSecond) * 100).toFixed(1)}%`,
    },
    { bench: 'ledger', figure: 'POST /api/donations to a matched campaign', value: rate(matched) },
    {
      bench: 'ledger',
      figure: `GET /api/points/balance p50 / p95 (${fmtInt(data.entries)} entries)`,
      value: `${ms(http.p50)} / ${ms(http.p95)}`,
      target: `p95 < ${TARGETS.balanceP95} ms`,
      ok: http.p95 < TARGETS.balanceP95,
    },
    {
      bench: 'ledger',
      figure: 'myBalance() p50 / p95',
      value: `${ms(service.p50)} / ${ms(service.p95)}`,
      target: `p95 < ${TARGETS.balanceP95} ms`,
      ok: service.p95 < TARGETS.balanceP95,
    },
  );
}
