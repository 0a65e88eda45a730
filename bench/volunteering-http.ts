import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../scripts/lib/postgres.mjs';
import { type Bench, childEnv, cliPath, ROOT } from './lib.js';
import { stopTree, waitForHealth } from './proc.js';

export type Server = { base: string; log: string; stop(): Promise<void> };

/**
 * `node bin/kyosei.mjs serve` as a child process on a free port, as it is deployed (no demo, no background
 * jobs: they would compete with the requests being timed), once /healthz answers.
 */
export async function startServer(bench: Bench, label: string, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const log = join(bench.workDir, `serve-volunteering-${label}.log`);
  const fd = openSync(log, 'w');
  const child = spawn(process.execPath, [cliPath(), 'serve'], {
    cwd: ROOT,
    env: childEnv({ ...env, PORT: String(port), HOST: '127.0.0.1', KYOSEI_DEMO: 'off', KYOSEI_JOBS: 'off' }),
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  try {
    await waitForHealth(`${base}/healthz`, child, 120_000);
  } catch (err) {
    await stopTree(child);
    throw new Error(
      `${err instanceof Error ? err.message : err}\n--- ${log}:\n${readFileSync(log, 'utf8').slice(-4000)}`,
    );
  }
  return { base, log, stop: () => stopTree(child) };
}

const cookie = (token: string) => ({ cookie: `kyosei_session=${token}` });

/** One request with a signed-in session; the body is read to the end (the connection is reused). */
export async function request(
  base: string,
  token: string,
  path: string,
  init: { method?: string; body?: string } = {},
): Promise<{ status: number; ms: number; body: string }> {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...cookie(token), ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: init.body,
  });
  const body = await res.text();
  return { status: res.status, ms: performance.now() - started, body };
}

export type LoopResult = {
  ok: number;
  failed: number;
  seconds: number;
  perSecond: number;
  statuses: string;
  /** CPU the clients themselves used (this process), in cores: what the server did not get. */
  clientCores: number;
};

/**
 * `clients` concurrent clients, each sending its next request as soon as the last one answered, for
 * `seconds` (closed loop). A request counts when it answers `okStatus`; the others are tallied by status.
 */
export async function closedLoop(
  clients: number,
  seconds: number,
  okStatus: number,
  send: (client: number, n: number) => Promise<number>,
): Promise<LoopResult> {
  const statuses = new Map<number | string, number>();
  let ok = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let n = 0; performance.now() < end; n++) {
        let status: number | string;
        try {
          status = await send(client, n);
        } catch (err) {
          status = err instanceof Error ? err.message.slice(0, 40) : 'error';
        }
        if (status === okStatus) ok++;
        else statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const failed = [...statuses.values()].reduce((a, b) => a + b, 0);
  return {
    ok,
    failed,
    seconds: elapsed,
    perSecond: ok / elapsed,
    statuses: [...statuses].map(([s, n]) => `${s}: ${n}`).join(', '),
    clientCores: (used.user + used.system) / 1e6 / elapsed,
  };
}
