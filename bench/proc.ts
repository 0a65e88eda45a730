import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { once } from 'node:events';

/** Resident set size now and its peak (VmHWM), in KiB, from /proc/<pid>/status; null once the process is gone. */
export function memoryOf(pid: number): { rssKiB: number; hwmKiB: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rssKiB: kib('VmRSS'), hwmKiB: kib('VmHWM') };
  } catch {
    return null;
  }
}

/** The pid and its descendants, parents first (from /proc/<pid>/task/<tid>/children). */
export function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    const tasks = `/proc/${out[i]}/task`;
    if (!existsSync(tasks)) continue;
    for (const tid of readdirSync(tasks)) {
      try {
        const children = readFileSync(`${tasks}/${tid}/children`, 'utf8').trim();
        if (children) out.push(...children.split(/\s+/).map(Number));
      } catch {
        // The task ended while we looked.
      }
    }
  }
  return out;
}

export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

/**
 * The process that does the work in a tree started by `node bin/kyosei.mjs ...`: the node process with the
 * largest resident set (a launcher that re-executes node with a loader stays small beside the server).
 */
export function workerOf(rootPid: number): { pid: number; rssKiB: number; hwmKiB: number; tree: string[] } {
  const tree = processTree(rootPid);
  let best = { pid: rootPid, rssKiB: 0, hwmKiB: 0 };
  const described: string[] = [];
  for (const pid of tree) {
    const mem = memoryOf(pid);
    if (!mem) continue;
    described.push(`${pid} (${Math.round(mem.rssKiB / 1024)} MiB) ${commandLine(pid).slice(0, 100)}`);
    const isNode = /(^|\/)node$/.test(commandLine(pid).split(' ')[0]);
    if (isNode && mem.rssKiB > best.rssKiB) best = { pid, ...mem };
  }
  return { ...best, tree: described };
}

export type Finished = {
  code: number | null;
  ms: number;
  stdout: string;
  stderr: string;
  maxRssKiB: number;
  /** The worker's resident set every 250 ms: [ms since start, KiB]. */
  samples: Array<[number, number]>;
};

/**
 * Runs a command under /usr/bin/time -v, which reports the largest peak resident set of the process and
 * of any process it waited for (so a launcher's child is covered). Resolves when it exits.
 */
export async function runMeasured(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd: string },
): Promise<Finished> {
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-v', command, ...args], { ...options, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  const samples: Array<[number, number]> = [];
  const sampler = setInterval(() => {
    const worker = workerOf(child.pid!);
    if (worker.rssKiB) samples.push([performance.now() - started, worker.rssKiB]);
  }, 250);
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  clearInterval(sampler);
  const ms = performance.now() - started;
  const maxRssKiB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0);
  return {
    code,
    ms,
    stdout,
    stderr: stderr.replace(/\n\tCommand being timed:[\s\S]*$/, ''),
    maxRssKiB,
    samples,
  };
}

/** Waits until url answers 200, the child exits, or the time runs out. */
export async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before ${url} answered`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Stops a child and its descendants (SIGTERM, then SIGKILL after a grace period). */
export async function stopTree(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const tree = processTree(child.pid);
  child.kill('SIGTERM');
  const exited = once(child, 'exit');
  const timer = new Promise((r) => setTimeout(r, graceMs, 'timeout'));
  if ((await Promise.race([exited, timer])) === 'timeout') {
    for (const pid of tree.reverse()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    await exited;
  }
}
