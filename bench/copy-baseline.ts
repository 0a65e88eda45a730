import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import pg from 'pg';
import { ensurePostgres } from '../scripts/lib/postgres.mjs';
import { type Bench, fmtInt, note, secs } from './lib.js';
import { CSV_COLUMNS } from './synthetic-employees.js';

const PLAIN_TABLE = `create table bench_copy (
  ${CSV_COLUMNS.map((c) => `${c} ${c.endsWith('_date') ? 'date' : 'text'}`).join(',\n  ')}
)`;

/** Runs one psql command (\copy streams a file from this side, as our import does); resolves with its time. */
export async function psql(url: string, command: string): Promise<number> {
  const started = performance.now();
  const child = spawn(
    join(ensurePostgres(), 'psql'),
    ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', command],
    {
      stdio: 'pipe',
    },
  );
  let err = '';
  child.stderr.on('data', (d) => {
    err += d;
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  const elapsed = performance.now() - started;
  if (code !== 0) throw new Error(`psql -c "${command}" failed (${code}): ${err}`);
  return elapsed;
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * The baseline of (a): PostgreSQL's own COPY of the CSV into a plain table with the same columns and no
 * index, in a database of its own. Best of two runs, each into a new empty table.
 */
export async function plainCopy(bench: Bench, csv: string): Promise<number> {
  const { url } = await bench.cluster();
  await withClient(url, async (admin) => {
    await admin.query('drop database if exists bench_copy with (force)');
    await admin.query('create database bench_copy');
  });
  const target = new URL(url);
  target.pathname = '/bench_copy';
  const runs: number[] = [];
  await withClient(target.toString(), async (client) => {
    for (let i = 0; i < 2; i++) {
      await client.query('drop table if exists bench_copy');
      await client.query(PLAIN_TABLE);
      const columns = CSV_COLUMNS.join(', ');
      runs.push(
        await psql(
          target.toString(),
          `\\copy bench_copy (${columns}) from '${csv}' with (format csv, header true)`,
        ),
      );
      const { rows } = await client.query('select count(*)::int as n from bench_copy');
      note(`COPY into a plain table, run ${i + 1}: ${fmtInt(rows[0].n)} rows in ${secs(runs[i])}`);
    }
  });
  return Math.min(...runs);
}

const STORED =
  `org_id, employee_number, name_ja, name_en, name_kana, email, company_id, site_id, department_id,
  employment_status, hire_date, leave_date, search_text, search_grams`.replace(/\s+/g, ' ');

export type StoredRows = { url: string; file: string; columns: string };

/**
 * The employees of a loaded database written to a CSV file exactly as the import stored them (codes
 * resolved to ids, search text and bigrams computed), for COPY baselines. Once per run.
 */
export function storedRows(bench: Bench, url: string): Promise<StoredRows> {
  if (!bench.memo.has('stored-rows')) {
    const file = join(bench.workDir, 'employees-as-stored.csv');
    const select = `select ${STORED} from employees order by employee_number`;
    bench.memo.set(
      'stored-rows',
      psql(url, `\\copy (${select}) to '${file}' with (format csv)`).then(() => ({
        url,
        file,
        columns: STORED,
      })),
    );
  }
  return bench.memo.get('stored-rows') as Promise<StoredRows>;
}

/** Times COPY of the stored rows into a table; the table is emptied and checkpointed first. */
export async function copyStored(client: pg.Client, rows: StoredRows, table: string): Promise<number> {
  await client.query(`truncate ${table}`);
  await client.query('checkpoint');
  return psql(rows.url, `\\copy ${table} (${rows.columns}) from '${rows.file}' with (format csv)`);
}

/**
 * A second baseline that explains the first: COPY of the rows as the import stores them into a table
 * built like `employees`, with the same indexes, checks and foreign keys. What the table itself costs to
 * fill, with no parsing or validation.
 */
export async function tableCopy(bench: Bench, url: string): Promise<number> {
  const rows = await storedRows(bench, url);
  return withClient(url, async (client) => {
    const { rows: fks } = await client.query<{ def: string }>(
      `select pg_get_constraintdef(oid) as def from pg_constraint
       where conrelid = 'employees'::regclass and contype = 'f'`,
    );
    await client.query('drop table if exists bench_employees_copy');
    await client.query(
      'create table bench_employees_copy (like employees including all) with (autovacuum_enabled = false)',
    );
    for (const fk of fks) await client.query(`alter table bench_employees_copy add ${fk.def}`);
    const { rows: idx } = await client.query(
      `select count(*)::int as n from pg_indexes where tablename = 'bench_employees_copy'`,
    );
    const elapsed = await copyStored(client, rows, 'bench_employees_copy');
    const { rows: counted } = await client.query('select count(*)::int as n from bench_employees_copy');
    note(
      `COPY of the stored rows into a table like employees (${idx[0].n} indexes, ${fks.length} foreign keys, ` +
        `the same checks): ${fmtInt(counted[0].n)} rows in ${secs(elapsed)}`,
    );
    await client.query('drop table bench_employees_copy');
    return elapsed;
  });
}
