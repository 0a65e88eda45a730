import { readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { importMemory } from './import-memory.js';
import { importVsCopy } from './import-vs-copy.js';
import { ledgerPostgres } from './ledger.js';
import { type Bench, createBench, fmtInt, printSummary, secs } from './lib.js';
import { programsPostgres } from './programs.js';
import { reportPostgres } from './report.js';
import { search } from './search.js';
import { serverMemory } from './server-memory.js';
import { tableCosts } from './table-costs.js';
import { volunteeringPglite, volunteeringPostgres } from './volunteering.js';

/**
 * `npm run bench`: the platform's benchmarks against baselines measured in the same run. Not a test:
 * it prints figures (docs/performance.md records them) and exits non-zero only when a measurement fails
 * to run, not when a target is missed.
 */
const MEASUREMENTS: Record<
  string,
  { title: string; run: (bench: Bench) => Promise<void>; minutes?: number }
> = {
  import: { title: '(a) import vs COPY', run: importVsCopy },
  'table-costs': { title: 'table costs', run: tableCosts },
  search: { title: '(b) employee search', run: search },
  memory: { title: '(c) server memory', run: serverMemory },
  'import-memory': { title: '(d) import peak memory', run: importMemory },
  volunteering: { title: 'volunteering on PostgreSQL', run: volunteeringPostgres },
  'volunteering-pglite': { title: 'volunteering on PGlite', run: volunteeringPglite },
  programs: { title: 'programs on PostgreSQL', run: programsPostgres },
  // Writing 10,000,000 ledger entries takes minutes before the measurements start.
  ledger: { title: 'ledger on PostgreSQL', run: ledgerPostgres, minutes: 40 },
  // Writing the data set (1,000,000 sign-ups, 5,000,000 ledger entries) takes minutes.
  report: { title: 'report on PostgreSQL', run: reportPostgres, minutes: 30 },
};

const { values } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    employees: { type: 'string', default: '100000' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`Usage: npm run bench -- [--only <name>]... [--employees N] [--keep]
  --only        run only these measurements (repeatable): ${Object.keys(MEASUREMENTS).join(', ')}
  --employees   size of the synthetic organisation (default 100000)
  --keep        keep the working folder (generated CSV files) for inspection`);
  process.exit(0);
}

const names = values.only?.flatMap((o) => o.split(',')) ?? Object.keys(MEASUREMENTS);
const unknown = names.filter((n) => !MEASUREMENTS[n]);
if (unknown.length) {
  console.error(
    `Unknown measurement: ${unknown.join(', ')} (known: ${Object.keys(MEASUREMENTS).join(', ')})`,
  );
  process.exit(2);
}
const employees = Number(values.employees);
if (!Number.isInteger(employees) || employees < 1000) {
  console.error('--employees must be a whole number of at least 1000');
  process.exit(2);
}

const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
console.log(
  `Kyosei bench ${new Date().toISOString()}: ${fmtInt(employees)} employees; ` +
    `${availableParallelism()} CPUs (${cpu}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`,
);
// Other work on the machine skews every figure: the load average is printed at the start and the end.
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`load average at start: ${load()}`);

// A measurement that hangs fails after this long instead of holding the run (and the cluster) forever.
const MEASUREMENT_TIMEOUT_MS = 10 * 60_000;
function withTimeout<T>(work: Promise<T>, title: string, limitMs = MEASUREMENT_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${title} took longer than ${limitMs / 60_000} min`)), limitMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const bench = createBench({ employees });
const failures: string[] = [];
const started = performance.now();
try {
  for (const name of names) {
    try {
      const m = MEASUREMENTS[name];
      await withTimeout(m.run(bench), m.title, m.minutes ? m.minutes * 60_000 : undefined);
    } catch (err) {
      const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
      console.error(`\n${MEASUREMENTS[name].title} failed: ${message}`);
      failures.push(name);
      bench.results.push({ bench: name, figure: 'did not run to the end', value: 'ERROR', ok: false });
    }
  }
} finally {
  await bench.stop();
  if (!values.keep) rmSync(bench.workDir, { recursive: true, force: true });
  else console.log(`\nworking folder kept: ${bench.workDir}`);
}
printSummary(bench.results);
console.log(`\nload average at the end: ${load()}`);
console.log(
  `\nbench finished in ${secs(performance.now() - started)}${failures.length ? `; failed: ${failures.join(', ')}` : ''}`,
);
process.exit(failures.length ? 1 : 0);
