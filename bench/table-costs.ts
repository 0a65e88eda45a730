import { systemCtx } from '../src/server/lib/context.js';
import { importEmployeesFile } from '../src/server/modules/people/employees.import.js';
import { copyStored, type StoredRows, storedRows, withClient } from './copy-baseline.js';
import { type Bench, fmtInt, heading, note, secs } from './lib.js';

type Step = { label: string; ddl: string[] };

/**
 * The employees table's own parts, read from the catalogue so that the steps follow the schema: keys,
 * the other b-tree indexes, checks, foreign keys, then the GIN index on the search bigrams.
 */
async function steps(url: string): Promise<Step[]> {
  return withClient(url, async (client) => {
    const constraints = async (type: string) =>
      (
        await client.query<{ def: string }>(
          `select pg_get_constraintdef(oid) as def from pg_constraint
           where conrelid = 'employees'::regclass and contype = $1 order by conname`,
          [type],
        )
      ).rows.map((r) => `alter table bench_parts add ${r.def}`);
    const { rows: indexes } = await client.query<{ def: string }>(
      `select indexdef as def from pg_indexes where tablename = 'employees' and indexname not in
         (select conname from pg_constraint where conrelid = 'employees'::regclass) order by indexname`,
    );
    const index = (def: string) => def.replace(/INDEX \S+ ON \S+/, 'INDEX ON public.bench_parts');
    return [
      { label: 'the columns alone (no index, no constraint)', ddl: [] },
      {
        label: '+ primary key and unique constraints',
        ddl: [...(await constraints('p')), ...(await constraints('u'))],
      },
      {
        label: '+ the other b-tree indexes',
        ddl: indexes.filter((i) => !/USING gin/.test(i.def)).map((i) => index(i.def)),
      },
      { label: '+ check constraints', ddl: await constraints('c') },
      { label: '+ foreign keys', ddl: await constraints('f') },
      {
        label: '+ GIN index on search_grams (the whole table)',
        ddl: indexes.filter((i) => /USING gin/.test(i.def)).map((i) => index(i.def)),
      },
    ];
  });
}

async function loaded(bench: Bench): Promise<StoredRows> {
  if (bench.memo.has('stored-rows')) return bench.memo.get('stored-rows') as Promise<StoredRows>;
  const { database, orgId, url } = await bench.freshPostgres('bench_table_costs');
  try {
    await importEmployeesFile(systemCtx(database.db, orgId, 'bench'), await bench.csv(bench.employees), {});
    await database.exec('vacuum analyze employees');
  } finally {
    await database.close();
  }
  return storedRows(bench, url);
}

/**
 * What filling the employees table costs, part by part: COPY of the stored rows into a copy of the table
 * that gains the real table's indexes and constraints one group at a time. Explains (a)'s ratio.
 */
export async function tableCosts(bench: Bench): Promise<void> {
  heading(
    `Table costs: COPY of ${fmtInt(bench.employees)} stored employee rows as the table gains its parts`,
  );
  const rows = await loaded(bench);
  const plan = await steps(rows.url);
  await withClient(rows.url, async (client) => {
    await client.query('drop table if exists bench_parts');
    await client.query(
      'create table bench_parts (like employees including defaults) with (autovacuum_enabled = false)',
    );
    let previous = 0;
    for (const step of plan) {
      for (const ddl of step.ddl) await client.query(ddl);
      const elapsed = await copyStored(client, rows, 'bench_parts');
      const delta = previous
        ? ` (${elapsed >= previous ? '+' : '-'}${secs(Math.abs(elapsed - previous))})`
        : '';
      note(
        `${step.label.padEnd(48)} ${secs(elapsed)}${delta}${step.ddl.length ? `, ${step.ddl.length} added` : ''}`,
      );
      bench.results.push({ bench: 'table costs', figure: step.label, value: secs(elapsed) });
      previous = elapsed;
    }
    await client.query('drop table bench_parts');
  });
}
