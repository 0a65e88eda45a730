import type { Database } from '../src/server/db/client.js';
import { systemCtx } from '../src/server/lib/context.js';
import { importEmployeesFile, type ImportReport } from '../src/server/modules/people/employees.import.js';
import { plainCopy, tableCopy } from './copy-baseline.js';
import { cliImport } from './import-memory.js';
import { type Bench, fmtInt, heading, mib, note, secs, time } from './lib.js';

async function importOnce(
  database: Database,
  orgId: string,
  csv: string,
): Promise<{ ms: number; report: ImportReport }> {
  const ctx = systemCtx(database.db, orgId, 'bench');
  const { ms, value } = await time(() => importEmployeesFile(ctx, csv, {}));
  return { ms, report: value };
}

const describe = (r: ImportReport) =>
  `${fmtInt(r.rows)} rows: ${fmtInt(r.created)} created, ${fmtInt(r.updated)} updated, ${fmtInt(r.unchanged)} unchanged`;
const times = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

/**
 * (a) Our import service against PostgreSQL's COPY of the same rows: the first run into an empty table,
 * the second with the same file (nothing changes), COPY into a table built like `employees` to show what
 * the table itself costs, and the CLI end to end.
 */
export async function importVsCopy(bench: Bench): Promise<void> {
  const n = bench.employees;
  heading(`(a) Import of ${fmtInt(n)} employees vs PostgreSQL COPY`);
  const csv = await bench.csv(n);
  const copyMs = await plainCopy(bench, csv);
  const { database, orgId, url } = await bench.freshPostgres('bench_import');
  let tableMs: number;
  try {
    const first = await importOnce(database, orgId, csv);
    note(`importEmployees, first run (empty table): ${describe(first.report)} in ${secs(first.ms)}`);
    const second = await importOnce(database, orgId, csv);
    note(`importEmployees, second run (same file): ${describe(second.report)} in ${secs(second.ms)}`);
    // Let autovacuum's work on the loaded table happen now rather than during the COPY timings below.
    await database.exec('vacuum analyze employees');
    tableMs = await tableCopy(bench, url);
    const ratio = first.ms / copyMs;
    console.log(
      `  import ${secs(first.ms)} vs COPY into a plain table ${secs(copyMs)}: ${times(first.ms, copyMs)} (target within 3x); ` +
        `vs COPY into a table like employees ${secs(tableMs)}: ${times(first.ms, tableMs)}; ` +
        `same file again ${secs(second.ms)}`,
    );
    bench.results.push(
      { bench: 'a import', figure: `COPY of ${fmtInt(n)} rows into a plain table`, value: secs(copyMs) },
      {
        bench: 'a import',
        figure: 'COPY of the stored rows into a table like employees',
        value: secs(tableMs),
      },
      { bench: 'a import', figure: 'importEmployees, first run', value: secs(first.ms) },
      {
        bench: 'a import',
        figure: 'import / plain COPY',
        value: times(first.ms, copyMs),
        target: '<= 3x',
        ok: ratio <= 3,
      },
      {
        bench: 'a import',
        figure: 'import / COPY into a table like employees',
        value: times(first.ms, tableMs),
      },
      { bench: 'a import', figure: 'importEmployees, same file again', value: secs(second.ms) },
    );
  } finally {
    await database.close();
  }
  const cli = await cliImport(bench, n);
  console.log(
    `  CLI end to end (node bin/kyosei.mjs import employees, fresh database): ${secs(cli.ms)}, ` +
      `${times(cli.ms, copyMs)} plain COPY, peak RSS ${mib(cli.maxRssKiB * 1024)}`,
  );
  bench.results.push({ bench: 'a import', figure: 'CLI import end to end', value: secs(cli.ms) });
}
