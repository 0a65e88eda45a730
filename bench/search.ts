import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import type { Database } from '../src/server/db/client.js';
import type { Ctx } from '../src/server/lib/context.js';
import { roleGrants, users } from '../src/server/modules/auth/auth.table.js';
import { hashPassword } from '../src/server/modules/auth/passwords.js';
import { loadGrants } from '../src/server/modules/auth/sessions.service.js';
import { importEmployeesFile } from '../src/server/modules/people/employees.import.js';
import { listEmployees } from '../src/server/modules/people/people.service.js';
import { systemCtx } from '../src/server/lib/context.js';
import { type Bench, fmtInt, heading, ms, note, percentile, secs, time } from './lib.js';
import { type SearchQuery, searchQueries } from './search-queries.js';
import { BENCH_SEED } from './synthetic.js';

const QUERIES = 300;
const WARM_UP = 10;
const PAGE_SIZE = 50;
const ADMIN_EMAIL = 'bench-admin@bench.example';
const ADMIN_PASSWORD = 'bench-admin-password';

type Timing = { query: SearchQuery; ms: number; total: number };

/** An HR administrator of the bench organisation: the account whose searches we time. */
async function adminCtx(database: Database, orgId: string): Promise<Ctx> {
  const [user] = await database.db
    .insert(users)
    .values({
      orgId,
      email: ADMIN_EMAIL,
      displayName: 'Bench admin',
      passwordHash: await hashPassword(ADMIN_PASSWORD),
    })
    .returning({ id: users.id });
  await database.db
    .insert(roleGrants)
    .values({ orgId, userId: user.id, role: 'org_admin', scopeType: 'org' });
  const grants = await loadGrants(database.db, orgId, user.id);
  return {
    orgId,
    actor: { kind: 'user', userId: user.id, label: ADMIN_EMAIL, employeeId: null, grants },
    locale: 'ja',
    db: database.db,
  };
}

function summarise(label: string, timings: Timing[]): { p50: number; p95: number; max: number } {
  const all = timings.map((t) => t.ms);
  const s = { p50: percentile(all, 50), p95: percentile(all, 95), max: Math.max(...all) };
  console.log(`  ${label}: p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (${timings.length} queries)`);
  const kinds = [...new Set(timings.map((t) => t.query.kind))];
  for (const kind of kinds) {
    const of = timings.filter((t) => t.query.kind === kind);
    const v = of.map((t) => t.ms);
    const hits = of.map((t) => t.total);
    note(
      `${kind.padEnd(8)} p50 ${ms(percentile(v, 50))}, p95 ${ms(percentile(v, 95))}, max ${ms(Math.max(...v))}; ` +
        `matches median ${fmtInt(percentile(hits, 50))}, max ${fmtInt(Math.max(...hits))}`,
    );
  }
  const slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 3);
  note(
    `slowest: ${slowest.map((t) => `"${t.query.q}" ${ms(t.ms)} (${fmtInt(t.total)} matches)`).join(', ')}`,
  );
  return s;
}

async function timeService(ctx: Ctx, queries: SearchQuery[], warmUp: SearchQuery[]): Promise<Timing[]> {
  for (const query of warmUp) await listEmployees(ctx, { q: query.q, page: 1, size: PAGE_SIZE });
  const out: Timing[] = [];
  for (const query of queries) {
    const { ms: elapsed, value } = await time(() =>
      listEmployees(ctx, { q: query.q, page: 1, size: PAGE_SIZE }),
    );
    out.push({ query, ms: elapsed, total: value.total });
  }
  return out;
}

/** The same searches through HTTP: GET /api/employees?q=... with a signed-in session, by app.inject. */
async function timeHttp(
  database: Database,
  queries: SearchQuery[],
  warmUp: SearchQuery[],
): Promise<Timing[]> {
  const app = await buildApp({ config: testConfig({ KYOSEI_WEB_DIST: './.no-web-for-bench' }), database });
  await app.ready();
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    if (login.statusCode !== 200) throw new Error(`bench sign-in failed: ${login.statusCode} ${login.body}`);
    const session = login.cookies.find((c) => c.name === 'kyosei_session')!;
    const get = (q: string) =>
      app.inject({
        method: 'GET',
        url: '/api/employees',
        query: { q, size: String(PAGE_SIZE) },
        headers: { cookie: `kyosei_session=${session.value}` },
      });
    for (const query of warmUp) await get(query.q);
    const out: Timing[] = [];
    for (const query of queries) {
      const { ms: elapsed, value: res } = await time(() => get(query.q));
      if (res.statusCode !== 200)
        throw new Error(`GET /api/employees?q=${query.q}: ${res.statusCode} ${res.body}`);
      out.push({ query, ms: elapsed, total: res.json().total });
    }
    return out;
  } finally {
    await app.close();
  }
}

/**
 * Loads the employees through the import service, then VACUUM ANALYZE: the state autovacuum leaves a table
 * in a minute after a bulk load (statistics, hint bits, visibility map), so that autovacuum does not run
 * in the middle of the timings.
 */
async function loadEmployees(label: string, database: Database, orgId: string, csv: string): Promise<void> {
  const ctx = systemCtx(database.db, orgId, 'bench');
  const { ms: elapsed, value } = await time(() => importEmployeesFile(ctx, csv, {}));
  note(`${label}: loaded ${fmtInt(value.created)} employees with importEmployees in ${secs(elapsed)}`);
  await database.exec('vacuum analyze employees');
}

/** (b) Employee search at full size on PGlite and on PostgreSQL, through the API's service function. */
export async function search(bench: Bench): Promise<void> {
  const n = bench.employees;
  heading(`(b) Employee search at ${fmtInt(n)} employees (page size ${PAGE_SIZE})`);
  const csv = await bench.csv(n);
  const queries = searchQueries(bench.org, n, QUERIES, BENCH_SEED);
  const warmUp = searchQueries(bench.org, n, WARM_UP, BENCH_SEED + 1);

  const lite = await bench.freshPglite();
  try {
    await loadEmployees('PGlite', lite.database, lite.orgId, csv);
    const ctx = await adminCtx(lite.database, lite.orgId);
    const s = summarise('PGlite, listEmployees', await timeService(ctx, queries, warmUp));
    bench.results.push({
      bench: 'b search',
      figure: 'PGlite p50 / p95',
      value: `${ms(s.p50)} / ${ms(s.p95)}`,
    });
  } finally {
    await lite.database.close();
  }

  const { database, orgId } = await bench.freshPostgres('bench_search');
  try {
    await loadEmployees('PostgreSQL', database, orgId, csv);
    const ctx = await adminCtx(database, orgId);
    const s = summarise('PostgreSQL, listEmployees', await timeService(ctx, queries, warmUp));
    bench.results.push({
      bench: 'b search',
      figure: 'PostgreSQL p50 / p95',
      value: `${ms(s.p50)} / ${ms(s.p95)}`,
      target: 'p95 < 50 ms',
      ok: s.p95 < 50,
    });
    const h = summarise(
      'PostgreSQL, GET /api/employees (app.inject)',
      await timeHttp(database, queries, warmUp),
    );
    bench.results.push({
      bench: 'b search',
      figure: 'PostgreSQL HTTP p50 / p95',
      value: `${ms(h.p50)} / ${ms(h.p95)}`,
    });
  } finally {
    await database.close();
  }
}
