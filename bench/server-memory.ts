import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../scripts/lib/postgres.mjs';
import { type Bench, childEnv, cliPath, fmtInt, heading, mib, note, ROOT, secs } from './lib.js';
import { stopTree, waitForHealth, workerOf } from './proc.js';

const DEMO_EMPLOYEES = 20_000;
const DEMO_PASSWORD = 'bench-demo-password';
const TARGET_MIB = { pglite: 1024, postgres: 400 } as const;
type Kind = keyof typeof TARGET_MIB;

type Reading = {
  startMs: number;
  employees: number;
  rssKiB: number;
  /** VmHWM: the highest resident set since the process started. */
  hwmKiB: number;
  afterSearchKiB: number;
  pid: number;
  tree: string[];
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Signs in as the demo's admin and returns the employee count the API reports. */
async function demoEmployees(base: string): Promise<{ total: number; cookie: string }> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.example', password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`demo sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const res = await fetch(`${base}/api/employees?size=1`, { headers: { cookie } });
  const body = (await res.json()) as { total?: unknown };
  if (res.status !== 200 || typeof body.total !== 'number') {
    throw new Error(`GET /api/employees as the demo admin: ${res.status} ${JSON.stringify(body)}`);
  }
  return { total: body.total, cookie };
}

/** Starts `node bin/kyosei.mjs serve`, waits for /healthz and the demo, reads the server's VmRSS, stops it. */
async function measureStart(bench: Bench, env: NodeJS.ProcessEnv, label: string): Promise<Reading> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const log = join(bench.workDir, `serve-${label.replace(/\W+/g, '-')}.log`);
  const fd = openSync(log, 'w');
  const started = performance.now();
  const child = spawn(process.execPath, [cliPath(), 'serve'], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  try {
    await waitForHealth(`${base}/healthz`, child, 480_000);
    const startMs = performance.now() - started;
    let reading = workerOf(child.pid!);
    let { total, cookie } = await demoEmployees(base);
    if (total < DEMO_EMPLOYEES) {
      // The demo is still loading behind a listening server: measure once it is all there.
      while (total < DEMO_EMPLOYEES) {
        await sleep(1000);
        total = (await demoEmployees(base)).total;
      }
      await sleep(2000);
      reading = workerOf(child.pid!);
    }
    for (const q of ['佐藤', 'たなか', 'yamada', '0110', 'Sharma', '鈴木', 'いとう', 'kenta']) {
      await fetch(`${base}/api/employees?q=${encodeURIComponent(q)}&size=50`, { headers: { cookie } });
    }
    const after = workerOf(child.pid!);
    return {
      startMs,
      employees: total,
      rssKiB: reading.rssKiB,
      hwmKiB: reading.hwmKiB,
      afterSearchKiB: after.rssKiB,
      pid: reading.pid,
      tree: reading.tree,
    };
  } catch (err) {
    throw new Error(
      `${err instanceof Error ? err.message : err}\n--- ${log}:\n${readFileSync(log, 'utf8').slice(-4000)}`,
    );
  } finally {
    await stopTree(child);
  }
}

async function emptyPostgres(bench: Bench): Promise<string> {
  const { url } = await bench.cluster();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('drop database if exists bench_serve with (force)');
  await admin.query('create database bench_serve');
  await admin.end();
  const target = new URL(url);
  target.pathname = '/bench_serve';
  return target.toString();
}

/** (c) The server's resident memory after start with the demo organisation, on PGlite and on PostgreSQL. */
export async function serverMemory(bench: Bench): Promise<void> {
  heading(
    `(c) Server resident memory after start with the demo organisation (${fmtInt(DEMO_EMPLOYEES)} employees)`,
  );
  for (const kind of ['pglite', 'postgres'] as Kind[]) {
    const env = childEnv({
      KYOSEI_DATA_DIR: mkdtempSync(join(bench.workDir, 'serve-data-')),
      KYOSEI_DEMO_PASSWORD: DEMO_PASSWORD,
      KYOSEI_DEMO_EMPLOYEES: String(DEMO_EMPLOYEES),
      ...(kind === 'postgres' ? { DATABASE_URL: await emptyPostgres(bench) } : {}),
    });
    const first = await measureStart(bench, env, `${kind} first start`);
    note(`server process: ${first.tree.join('; ')}`);
    note(
      `${kind}, first start (migrates, loads the demo of ${fmtInt(first.employees)} employees): ` +
        `up in ${secs(first.startMs)}, VmRSS ${mib(first.rssKiB * 1024)} (peak during start ` +
        `${mib(first.hwmKiB * 1024)}); after 8 searches ${mib(first.afterSearchKiB * 1024)}`,
    );
    const again = await measureStart(bench, env, `${kind} restart`);
    note(
      `${kind}, restart on the same data: up in ${secs(again.startMs)}, VmRSS ${mib(again.rssKiB * 1024)} ` +
        `(peak ${mib(again.hwmKiB * 1024)}); after 8 searches ${mib(again.afterSearchKiB * 1024)}`,
    );
    const worst = Math.max(first.rssKiB, first.afterSearchKiB) / 1024;
    console.log(
      `  ${kind}: resident memory after start ${mib(first.rssKiB * 1024)} (target under ${TARGET_MIB[kind]} MiB); ` +
        `restart ${mib(again.rssKiB * 1024)}`,
    );
    bench.results.push(
      {
        bench: 'c server memory',
        figure: `${kind}: RSS after start with demo`,
        value: mib(first.rssKiB * 1024),
        target: `< ${TARGET_MIB[kind]} MiB`,
        ok: worst < TARGET_MIB[kind],
      },
      {
        bench: 'c server memory',
        figure: `${kind}: peak RSS during first start`,
        value: mib(first.hwmKiB * 1024),
      },
      { bench: 'c server memory', figure: `${kind}: RSS after a restart`, value: mib(again.rssKiB * 1024) },
    );
  }
}
