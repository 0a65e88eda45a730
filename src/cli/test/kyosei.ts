import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../main.js';

/**
 * The kyosei CLI in tests, two ways: `runKyosei` calls `run()` in this process, with the arguments,
 * environment and streams the bin would give it (fast: no new Node process and module graph per call);
 * `spawnKyosei` starts bin/kyosei.mjs as a child process, for what only a real process shows (the bin
 * itself, its exit code, a server holding the data folder).
 */

export type CliResult = { code: number | null; stdout: string; stderr: string };

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const KYOSEI_BIN = join(ROOT, 'bin', 'kyosei.mjs');

/** This process's environment without database, port or language settings, then extra. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['DATABASE_URL', 'TEST_DATABASE_URL', 'KYOSEI_DATA_DIR', 'PORT', 'LANG', 'KYOSEI_LANG'])
    delete env[k];
  return { ...env, LOG_LEVEL: 'warn', NO_COLOR: '1', ...extra };
}

/** `kyosei ...args` run in this process; output collected as text. */
export async function runKyosei(args: string[], env: Record<string, string>): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const text = (chunk: string | Uint8Array) =>
    typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
  const code = await run(['node', 'kyosei', ...args], {
    env: cliEnv(env),
    stdout: { write: (chunk) => (stdout += text(chunk)) },
    stderr: { write: (chunk) => (stderr += text(chunk)), isTTY: false },
  });
  return { code, stdout, stderr };
}

/** `kyosei ...args` as a child process through bin/kyosei.mjs. */
export function spawnKyosei(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [KYOSEI_BIN, ...args], { cwd: ROOT, env: cliEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
