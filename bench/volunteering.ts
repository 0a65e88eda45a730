import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { openPglite } from '../src/server/db/client.js';
import { migrate } from '../src/server/db/migrate.js';
import { fiscalYearOf } from '../src/shared/fiscal-year.js';
import { type Bench, fmtInt, heading, ms, note, percentile } from './lib.js';
import { BENCH_SEED, createOrgStructure } from './synthetic.js';
import {
  buildVolunteeringData,
  CLIENTS,
  OPPORTUNITIES,
  SIGNUPS,
  type VolunteeringData,
} from './volunteering-data.js';
import { closedLoop, type LoopResult, request, startServer } from './volunteering-http.js';
import { type OpportunityQuery, opportunityQueries } from './volunteering-queries.js';

const QUERIES = 300;
const WARM_UP = 10;
const KPI_RUNS = 10;
const LOOP_SECONDS = 10;
const WARM_UP_SECONDS = 2;
const TARGETS = { searchP95: 50, kpiP95: 200, signupRatio: 0.3 };

type Kind = 'PostgreSQL' | 'PGlite';

function latencySummary(label: string, timings: Array<{ kind: string; ms: number }>) {
  const all = timings.map((t) => t.ms);
  const s = { p50: percentile(all, 50), p95: percentile(all, 95), max: Math.max(...all) };
  console.log(
    `  ${label}: p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (${timings.length} requests)`,
  );
  for (const kind of [...new Set(timings.map((t) => t.kind))]) {
    const v = timings.filter((t) => t.kind === kind).map((t) => t.ms);
    note(
      `${kind.padEnd(12)} p50 ${ms(percentile(v, 50))}, p95 ${ms(percentile(v, 95))}, max ${ms(Math.max(...v))}`,
    );
  }
  return s;
}

/** (a) GET /api/opportunities as a registered employee, one request at a time. */
async function search(base: string, data: VolunteeringData) {
  const token = data.employeeTokens[0];
  const get = async (q: OpportunityQuery) => {
    const res = await request(base, token, `/api/opportunities?${new URLSearchParams(q.params)}`);
    if (res.status !== 200)
      throw new Error(`GET /api/opportunities ${JSON.stringify(q.params)}: ${res.status} ${res.body}`);
    return { kind: q.kind, ms: res.ms, total: (JSON.parse(res.body) as { total: number }).total, q };
  };
  for (const q of opportunityQueries(WARM_UP, BENCH_SEED + 1)) await get(q);
  const timings = [];
  for (const q of opportunityQueries(QUERIES, BENCH_SEED)) timings.push(await get(q));
  const slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 3);
  note(
    `slowest: ${slowest.map((t) => `${JSON.stringify(t.q.params)} ${ms(t.ms)} (${fmtInt(t.total)} matches)`).join('; ')}`,
  );
  return latencySummary('GET /api/opportunities', timings);
}

/** (c) GET /api/volunteering/kpis for last fiscal year, as an organisation-wide CSR manager. */
async function kpis(base: string, data: VolunteeringData) {
  const year = fiscalYearOf(new Date().toISOString().slice(0, 10), 4) - 1;
  const path = `/api/volunteering/kpis?fiscalYear=${year}`;
  const timings = [];
  for (let i = 0; i < KPI_RUNS + 2; i++) {
    const res = await request(base, data.csrToken, path);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.body}`);
    if (i === 0) {
      const k = JSON.parse(res.body) as Record<string, number>;
      note(
        `fiscal year ${year}: ${fmtInt(k.participants)} participants, ${fmtInt(k.participations)} participations, ` +
          `${fmtInt(k.hours)} hours, ${fmtInt(k.newRegistrants)} new registrants`,
      );
    }
    if (i >= 2) timings.push({ kind: 'group', ms: res.ms });
  }
  return latencySummary(`GET ${path}`, timings);
}

/** (b) Sign-ups by CLIENTS concurrent employees against the same server's GET /api/me, before and after. */
async function signups(base: string, data: VolunteeringData) {
  const me = (client: number) => request(base, data.employeeTokens[client], '/api/me').then((r) => r.status);
  const shifts = data.openShifts;
  const stride = Math.max(1, Math.floor(shifts.length / CLIENTS));
  // Each client walks its own stretch of the open shifts, never the same shift twice (warm-up included).
  const next = new Array<number>(CLIENTS).fill(0);
  const signUp = (client: number) => {
    const shift = shifts[(client * stride + next[client]++) % shifts.length];
    return request(base, data.employeeTokens[client], `/api/shifts/${shift}/signups`, {
      method: 'POST',
      body: '{}',
    }).then((r) => r.status);
  };
  await closedLoop(CLIENTS, WARM_UP_SECONDS, 200, me);
  const before = await closedLoop(CLIENTS, LOOP_SECONDS, 200, me);
  await closedLoop(CLIENTS, WARM_UP_SECONDS, 201, signUp);
  const during = await closedLoop(CLIENTS, LOOP_SECONDS, 201, signUp);
  const after = await closedLoop(CLIENTS, LOOP_SECONDS, 200, me);
  const baseline = (before.perSecond + after.perSecond) / 2;
  const cores = (r: LoopResult) => `clients used ${r.clientCores.toFixed(2)} of a core`;
  note(
    `GET /api/me: ${before.perSecond.toFixed(0)} req/s before (${cores(before)}), ` +
      `${after.perSecond.toFixed(0)} req/s after (${cores(after)})`,
  );
  note(
    `POST /api/shifts/{id}/signups: ${fmtInt(during.ok)} sign-ups in ${during.seconds.toFixed(1)} s = ` +
      `${during.perSecond.toFixed(0)}/s (${cores(during)})${during.failed ? `; not 201: ${during.statuses}` : ''}`,
  );
  // Everyone at once for one shift: the row lock serialises them; seats and waitlist must come out exact.
  const hot = data.hotShift;
  const started = performance.now();
  const answers = await Promise.all(
    data.employeeTokens.map((t) =>
      request(base, t, `/api/shifts/${hot.id}/signups`, { method: 'POST', body: '{}' }),
    ),
  );
  const hotMs = performance.now() - started;
  const tally = new Map<string, number>();
  for (const a of answers) {
    const key = a.status === 201 ? (JSON.parse(a.body) as { status: string }).status : String(a.status);
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  const seats = Math.min(CLIENTS, hot.capacity - hot.confirmed);
  const exact = tally.get('confirmed') === seats && tally.get('waitlisted') === CLIENTS - seats;
  const hotText = `${[...tally].map(([k, n]) => `${n} ${k}`).join(', ')}; ${seats} seats were left: ${exact ? 'exact' : 'WRONG'}`;
  note(
    `${CLIENTS} sign-ups at once for one shift of ${hot.capacity} seats: ${ms(hotMs)} in all (${hotText})`,
  );
  if (!exact) throw new Error(`${CLIENTS} sign-ups at once for one shift: ${hotText}`);
  return { ratio: during.perSecond / baseline, signups: during.perSecond, me: baseline, hotMs, hotText };
}

async function measure(bench: Bench, kind: Kind, base: string, data: VolunteeringData): Promise<void> {
  const onPostgres = kind === 'PostgreSQL';
  const s = await search(base, data);
  const k = await kpis(base, data);
  const t = await signups(base, data);
  console.log(
    `  ${kind}: search p95 ${ms(s.p95)}, KPI p95 ${ms(k.p95)}, sign-ups ${t.signups.toFixed(0)}/s = ` +
      `${(t.ratio * 100).toFixed(0)}% of GET /api/me (${t.me.toFixed(0)}/s)`,
  );
  const target = <T>(value: T) => (onPostgres ? value : undefined);
  bench.results.push(
    {
      bench: 'volunteering',
      figure: `${kind}: opportunity search p50 / p95`,
      value: `${ms(s.p50)} / ${ms(s.p95)}`,
      target: target(`p95 < ${TARGETS.searchP95} ms`),
      ok: target(s.p95 < TARGETS.searchP95),
    },
    {
      bench: 'volunteering',
      figure: `${kind}: KPI for one fiscal year p50 / p95`,
      value: `${ms(k.p50)} / ${ms(k.p95)}`,
      target: target(`p95 < ${TARGETS.kpiP95} ms`),
      ok: target(k.p95 < TARGETS.kpiP95),
    },
    {
      bench: 'volunteering',
      figure: `${kind}: sign-ups/s vs GET /api/me/s (${CLIENTS} clients)`,
      value: `${t.signups.toFixed(0)} / ${t.me.toFixed(0)} = ${(t.ratio * 100).toFixed(0)}%`,
      target: target(`>= ${TARGETS.signupRatio * 100}%`),
      ok: target(t.ratio >= TARGETS.signupRatio),
    },
    {
      bench: 'volunteering',
      figure: `${kind}: ${CLIENTS} sign-ups at once for one shift`,
      value: ms(t.hotMs),
    },
  );
}

const title = (bench: Bench, kind: Kind) =>
  heading(
    `Volunteering on ${kind}: ${fmtInt(bench.employees)} employees, ${fmtInt(OPPORTUNITIES)} opportunities, ` +
      `${fmtInt(SIGNUPS)} sign-ups`,
  );

/**
 * Volunteering at scale on PostgreSQL: the bench's employees, 20,000 opportunities and 1,000,000 sign-ups,
 * served by `kyosei serve` in a child process and measured over HTTP: (a) opportunity search, (c) the KPIs
 * of a fiscal year, (b) sign-up throughput against the same server's GET /api/me.
 */
export async function volunteeringPostgres(bench: Bench): Promise<void> {
  title(bench, 'PostgreSQL');
  const pg = await bench.freshPostgres('bench_volunteering');
  let data: VolunteeringData;
  try {
    data = await buildVolunteeringData(bench, 'PostgreSQL', pg.database, pg.orgId);
  } finally {
    await pg.database.close();
  }
  const server = await startServer(bench, 'postgres', { DATABASE_URL: pg.url });
  try {
    await measure(bench, 'PostgreSQL', server.base, data);
  } finally {
    await server.stop();
  }
}

/** The same on PGlite: the data set is built in a data folder, then served from it. */
export async function volunteeringPglite(bench: Bench): Promise<void> {
  title(bench, 'PGlite');
  // The server keeps PGlite in <KYOSEI_DATA_DIR>/pglite: the data set is built there.
  const dataDir = mkdtempSync(join(bench.workDir, 'volunteering-data-'));
  const lite = await openPglite(join(dataDir, 'pglite'));
  let data: VolunteeringData;
  try {
    await migrate(lite);
    data = await buildVolunteeringData(bench, 'PGlite', lite, await createOrgStructure(lite, bench.org));
  } finally {
    await lite.close();
  }
  const server = await startServer(bench, 'pglite', { KYOSEI_DATA_DIR: dataDir });
  try {
    await measure(bench, 'PGlite', server.base, data);
  } finally {
    await server.stop();
  }
}
