import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Cluster, startCluster } from '../scripts/lib/postgres.mjs';
import { type Database, openPglite, openPostgres } from '../src/server/db/client.js';
import { migrate } from '../src/server/db/migrate.js';
import { writeEmployeesCsv } from './synthetic-employees.js';
import { createOrgStructure, type SyntheticOrg, syntheticOrg } from './synthetic.js';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** One line of the final summary table. */
export type Result = { bench: string; figure: string; value: string; target?: string; ok?: boolean };

/** What every measurement receives: options, the shared cluster and CSV files, and the results list. */
export type Bench = {
  employees: number;
  workDir: string;
  org: SyntheticOrg;
  results: Result[];
  /** The throwaway PostgreSQL cluster, started on first use and stopped by main. */
  cluster(): Promise<Cluster>;
  /** The import CSV with this many employees, generated (streamed) once per run. */
  csv(rows: number): Promise<string>;
  /** A fresh migrated PostgreSQL database in the cluster, with the synthetic organisation's structure. */
  freshPostgres(name: string): Promise<{ url: string; database: Database; orgId: string }>;
  /** A fresh migrated PGlite in a temporary data folder, with the synthetic organisation's structure. */
  freshPglite(): Promise<{ dir: string; database: Database; orgId: string }>;
  /** Memoised results shared between measurements (e.g. the CLI import at a size). */
  memo: Map<string, Promise<unknown>>;
};

export function createBench(options: { employees: number }): Bench & { stop(): Promise<void> } {
  const workDir = mkdtempSync(join(tmpdir(), 'kyosei-bench-'));
  const org = syntheticOrg();
  let cluster: Promise<Cluster> | undefined;
  const csvs = new Map<string, Promise<string>>();
  const bench: Bench & { stop(): Promise<void> } = {
    employees: options.employees,
    workDir,
    org,
    results: [],
    memo: new Map(),
    cluster() {
      cluster ??= startCluster({ log: (line: string) => note(line) });
      return cluster;
    },
    csv(rows) {
      const key = String(rows);
      if (!csvs.has(key)) {
        const path = join(workDir, `employees-${rows}.csv`);
        csvs.set(
          key,
          (async () => {
            const t = performance.now();
            const { bytes } = await writeEmployeesCsv(path, org, rows);
            note(`generated ${path}: ${fmtInt(rows)} rows, ${mib(bytes)} in ${secs(performance.now() - t)}`);
            return path;
          })(),
        );
      }
      return csvs.get(key)!;
    },
    async freshPostgres(name) {
      const { url: adminUrl } = await bench.cluster();
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const database = openPostgres(url.toString());
      await migrate(database);
      const orgId = await createOrgStructure(database, org);
      return { url: url.toString(), database, orgId };
    },
    async freshPglite() {
      const dir = mkdtempSync(join(workDir, 'pglite-'));
      const database = await openPglite(dir);
      await migrate(database);
      const orgId = await createOrgStructure(database, org);
      return { dir, database, orgId };
    },
    async stop() {
      const started = await cluster?.catch(() => undefined);
      started?.stop();
    },
  };
  return bench;
}

/** Prints an indented line under the current measurement's heading. */
export function note(line: string): void {
  console.log(`    ${line}`);
}

export function heading(title: string): void {
  console.log(`\n== ${title}`);
}

export const fmtInt = (n: number) => n.toLocaleString('en-US');
export const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`;
export const secs = (v: number) => `${(v / 1000).toFixed(2)} s`;
export const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MiB`;

/** The p-th percentile (0-100) of values, nearest-rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

export async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

/** The CLI entry point; measurements that need it say so plainly when it is missing. */
export function cliPath(): string {
  const path = join(ROOT, 'bin', 'kyosei.mjs');
  if (!existsSync(path)) throw new Error(`${path} does not exist yet`);
  return path;
}

/** The environment for a child process of ours: without settings of the caller's that would point it elsewhere. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k === 'DATABASE_URL' || k === 'PORT' || k === 'HOST' || k.startsWith('KYOSEI_')) continue;
    env[k] = v;
  }
  return { ...env, LOG_LEVEL: 'warn', ...extra };
}

/** Prints the summary table of every result recorded in this run. */
export function printSummary(results: Result[]): void {
  const rows = results.map((r) => [
    r.bench,
    r.figure,
    r.value,
    r.target ?? '',
    r.ok === undefined ? '' : r.ok ? 'met' : 'MISSED',
  ]);
  const head = ['bench', 'figure', 'measured', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]].length)));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i] - [...c].length)).join('  ');
  console.log('\n== Summary');
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
}
