import { fileURLToPath } from 'node:url';
import { run } from '../main.js';

/**
 * The kyosei CLI in tests, in this process: `run()` with the arguments, environment and streams the bin
 * would give it (fast: no new Node process and module graph per call). What only a real process shows
 * (the bin itself, its exit code, a server holding the data folder) is spawned by cli.test.ts.
 */

export type CliResult = { code: number | null; stdout: string; stderr: string };

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** `kyosei ...args` run in this process; output collected as text. */
export async function runKyosei(args: string[], env: Record<string, string>): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const text = (chunk: string | Uint8Array) =>
    typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
  const code = await run(['node', 'kyosei', ...args], {
    // Only what the test gives: nothing of this process's database, port or language settings.
    env: { LOG_LEVEL: 'warn', NO_COLOR: '1', ...env },
    stdout: { write: (chunk) => (stdout += text(chunk)) },
    stderr: { write: (chunk) => (stderr += text(chunk)), isTTY: false },
  });
  return { code, stdout, stderr };
}
