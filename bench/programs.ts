import { type Bench, fmtInt, heading, ms, note, percentile } from './lib.js';
import { buildProgramsData, type ProgramsData, SIZES, YEARS } from './programs-data.js';
import { request, startServer } from './volunteering-http.js';

const RUNS = 200;
const WARM_UP = 20;
const TARGET_P95 = 100;

type Summary = { p50: number; p95: number; max: number };
const summary = (values: number[]): Summary => ({
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  max: Math.max(...values),
});
const line = (label: string, s: Summary) =>
  console.log(`  ${label}: p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (${RUNS} requests)`);

/** The program page's two requests, one after the other and both at once (as the browser sends them). */
async function programPage(base: string, data: ProgramsData) {
  const get = async (path: string) => {
    const res = await request(base, data.token, path);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.body.slice(0, 500)}`);
    return res;
  };
  const program = `/api/programs/${data.programId}`;
  const figures = `${program}/figures`;
  const first = JSON.parse((await get(figures)).body) as {
    years: { fiscalYear: number; sessions: number; participantsTotal: number; employees: number }[];
    certifiedNow: number;
  };
  const last = first.years.at(-1)!;
  note(
    `figures of ${first.years.length} years; the last (${last.fiscalYear}): ${fmtInt(last.sessions)} sessions, ` +
      `${fmtInt(last.participantsTotal)} participants, ${fmtInt(last.employees)} employees; ${fmtInt(first.certifiedNow)} certified now`,
  );
  for (let i = 0; i < WARM_UP; i++) await Promise.all([get(program), get(figures)]);
  const one: number[] = [];
  const many: number[] = [];
  const page: number[] = [];
  const me: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    me.push((await get('/api/me')).ms);
    one.push((await get(program)).ms);
    many.push((await get(figures)).ms);
    const started = performance.now();
    await Promise.all([get(program), get(figures)]);
    page.push(performance.now() - started);
  }
  return { me: summary(me), program: summary(one), figures: summary(many), page: summary(page) };
}

/**
 * The program page on PostgreSQL with ten fiscal years of one program's records (sessions with
 * counts and attendees, graduates, projects, certifications, surveys with responses, class requests,
 * reviews) among other programs: GET /api/programs/{id} and GET /api/programs/{id}/figures over HTTP
 * against `kyosei serve`, each alone and both at once. Target: p95 < 100 ms.
 */
export async function programsPostgres(bench: Bench): Promise<void> {
  heading(
    `Programs on PostgreSQL: ${YEARS} years of ${fmtInt(SIZES.sessionsPerYear)} sessions a year, ` +
      `${fmtInt(SIZES.responsesPerYear)} survey responses a year, ${SIZES.otherPrograms} other programs`,
  );
  const pg = await bench.freshPostgres('bench_programs');
  let data: ProgramsData;
  try {
    data = await buildProgramsData(pg.database, pg.orgId);
  } finally {
    await pg.database.close();
  }
  const server = await startServer(bench, 'programs', { DATABASE_URL: pg.url });
  try {
    const r = await programPage(server.base, data);
    // The baseline of the same run: the cheapest signed-in request, on the same server and machine.
    line('GET /api/me (baseline)', r.me);
    line('GET /api/programs/{id}', r.program);
    line('GET /api/programs/{id}/figures', r.figures);
    line('both at once (the page)', r.page);
    bench.results.push(
      {
        bench: 'programs',
        figure: 'PostgreSQL: GET /api/me (baseline) p50 / p95',
        value: `${ms(r.me.p50)} / ${ms(r.me.p95)}`,
      },
      {
        bench: 'programs',
        figure: 'PostgreSQL: GET /api/programs/{id} p50 / p95',
        value: `${ms(r.program.p50)} / ${ms(r.program.p95)}`,
        target: `p95 < ${TARGET_P95} ms`,
        ok: r.program.p95 < TARGET_P95,
      },
      {
        bench: 'programs',
        figure: 'PostgreSQL: GET /api/programs/{id}/figures (10 years) p50 / p95',
        value: `${ms(r.figures.p50)} / ${ms(r.figures.p95)}`,
        target: `p95 < ${TARGET_P95} ms`,
        ok: r.figures.p95 < TARGET_P95,
      },
      {
        bench: 'programs',
        figure: 'PostgreSQL: the program page (both at once) p50 / p95',
        value: `${ms(r.page.p50)} / ${ms(r.page.p95)}`,
        target: `p95 < ${TARGET_P95} ms`,
        ok: r.page.p95 < TARGET_P95,
      },
    );
  } finally {
    await server.stop();
  }
}
