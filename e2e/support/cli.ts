import { spawn } from 'node:child_process';
import { childEnv, KYOSEI_BIN, ROOT } from './server.js';

export type CliResult = { code: number | null; stdout: string; stderr: string; output: string };

/**
 * Runs `node bin/kyosei.mjs ...args` as a user would, with the given environment (no terminal, so no
 * progress bar). A run that outlives `timeoutMs` is killed and reported as a failure: it must not hang.
 */
export function runCli(args: string[], env: Record<string, string>, timeoutMs = 90_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [KYOSEI_BIN, ...args], {
      cwd: ROOT,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let output = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      output += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      output += d;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kyosei ${args.join(' ')} did not finish within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, output });
    });
  });
}
