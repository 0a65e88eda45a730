import pg from 'pg';
import { type Bench, childEnv, cliPath, fmtInt, heading, mib, note, ROOT, secs } from './lib.js';
import { type Finished, runMeasured } from './proc.js';

export type CliRun = Finished & { rows: number };

async function runCli(bench: Bench, rows: number): Promise<CliRun> {
  const csv = await bench.csv(rows);
  const name = `bench_cli_${rows}`;
  const { url, database } = await bench.freshPostgres(name);
  await database.close();
  const cli = cliPath();
  const env = childEnv({ DATABASE_URL: url });
  const run = await runMeasured(process.execPath, [cli, 'import', 'employees', csv, '--org', 'BENCH'], {
    env,
    cwd: ROOT,
  });
  if (run.code !== 0) {
    throw new Error(`kyosei import employees exited with ${run.code}:\n${run.stdout}\n${run.stderr}`);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows: counted } = await client.query('select count(*)::int as n from employees');
  await client.end();
  if (counted[0].n !== rows)
    throw new Error(`the CLI import left ${counted[0].n} employees, expected ${rows}`);
  note(
    `CLI import of ${fmtInt(rows)} rows into a fresh database: ${secs(run.ms)}, peak RSS ${mib(run.maxRssKiB * 1024)}`,
  );
  return { ...run, rows };
}

/** The CLI import of a file of this many rows into a fresh PostgreSQL database, run once per bench run. */
export function cliImport(bench: Bench, rows: number): Promise<CliRun> {
  const key = `cli-import-${rows}`;
  if (!bench.memo.has(key)) bench.memo.set(key, runCli(bench, rows));
  return bench.memo.get(key) as Promise<CliRun>;
}

/** The worker's highest resident set in the first and in the second half of a run (from the 250 ms samples). */
function halves(run: CliRun): { first: number; second: number } {
  const mid = run.ms / 2;
  const peak = (from: number, to: number) =>
    Math.max(0, ...run.samples.filter(([t]) => t >= from && t < to).map(([, kib]) => kib));
  return { first: peak(0, mid), second: peak(mid, Number.POSITIVE_INFINITY) };
}

/**
 * (d) Peak resident memory of the CLI import at two file sizes. A streaming import's peak does not grow
 * with the file: after start-up (tsx, modules, the first batches) the resident set plateaus, so the second
 * half of the large run peaks no higher than the first.
 */
export async function importMemory(bench: Bench): Promise<void> {
  const small = Math.max(1_000, Math.round(bench.employees / 10));
  heading(`(d) Import peak memory: ${fmtInt(small)} vs ${fmtInt(bench.employees)} rows (CLI, PostgreSQL)`);
  const a = await cliImport(bench, small);
  const b = await cliImport(bench, bench.employees);
  const ratio = b.maxRssKiB / a.maxRssKiB;
  const h = halves(b);
  const plateau = h.second / h.first;
  console.log(
    `  peak RSS ${mib(a.maxRssKiB * 1024)} at ${fmtInt(small)} rows, ${mib(b.maxRssKiB * 1024)} at ` +
      `${fmtInt(bench.employees)} rows: ratio ${ratio.toFixed(2)} for ${(bench.employees / small).toFixed(0)}x the rows`,
  );
  console.log(
    `  during the ${fmtInt(bench.employees)}-row run: peak ${mib(h.first * 1024)} in the first half, ` +
      `${mib(h.second * 1024)} in the second (${plateau.toFixed(2)}; a file held in memory would keep growing)`,
  );
  bench.results.push(
    {
      bench: 'd import memory',
      figure: `CLI peak RSS, ${fmtInt(small)} rows`,
      value: mib(a.maxRssKiB * 1024),
    },
    {
      bench: 'd import memory',
      figure: `CLI peak RSS, ${fmtInt(bench.employees)} rows`,
      value: mib(b.maxRssKiB * 1024),
    },
    {
      bench: 'd import memory',
      figure: `peak ratio, ${bench.employees / small}x the rows`,
      value: ratio.toFixed(2),
    },
    {
      bench: 'd import memory',
      figure: 'second-half / first-half peak',
      value: plateau.toFixed(2),
      target: 'flat (<= 1.10)',
      ok: plateau <= 1.1,
    },
  );
}
