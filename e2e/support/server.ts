import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../scripts/lib/postgres.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
export const KYOSEI_BIN = join(ROOT, 'bin', 'kyosei.mjs');

export type RunningServer = { baseUrl: string; logFile: string; stop: () => Promise<void> };

/** The environment for a child process: ours, minus database settings the child must not inherit. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of [
    'DATABASE_URL',
    'TEST_DATABASE_URL',
    'KYOSEI_TEST_DATABASE_URL',
    'KYOSEI_DATA_DIR',
    'PORT',
  ]) {
    delete env[k];
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

const tail = (file: string, lines = 40) => readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');

/**
 * Starts the real server (`node bin/kyosei.mjs serve`) on a free port with the given environment and
 * waits until /healthz answers 200. Its output goes to `logFile`; a start that fails shows the log's tail.
 */
export async function startServer(name: string, env: Record<string, string>, logDir: string) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = join(logDir, `${name}.log`);
  const log = createWriteStream(logFile);
  const child: ChildProcess = spawn(process.execPath, [KYOSEI_BIN, 'serve'], {
    cwd: ROOT,
    env: childEnv({ ...env, PORT: String(port), HOST: '127.0.0.1' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  let exited: string | null = null;
  const exit = new Promise<void>((done) =>
    child.on('exit', (code, signal) => {
      exited = `exit ${code ?? signal}`;
      done();
    }),
  );
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (exited) console.error(`The ${name} server ended during the run (${exited}):\n${tail(logFile)}`);
    else {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    }
    await new Promise((done) => log.end(done));
  };
  try {
    await waitForHealth(baseUrl, () => exited, 180_000);
  } catch (e) {
    stopped = true;
    if (!exited) child.kill('SIGKILL');
    await exit;
    await new Promise((done) => log.end(done));
    throw new Error(
      `${name} server did not start: ${(e as Error).message}\n--- ${logFile} ---\n${tail(logFile)}`,
    );
  }
  return { baseUrl, logFile, stop } satisfies RunningServer;
}

async function waitForHealth(baseUrl: string, exited: () => string | null, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const why = exited();
    if (why) throw new Error(`the process ended (${why})`);
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer from ${baseUrl}/healthz within ${timeoutMs / 1000} s`);
}
