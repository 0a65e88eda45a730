import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../lib/errors.js';

export const LOCK_FILE = 'kyosei.lock';

/** What the lock file holds: who owns the data folder and since when. */
export type LockInfo = { pid: number; command: string; startedAt: string };

export type DataDirLock = {
  readonly path: string;
  readonly info: LockInfo;
  /** Removes the lock file if this process still owns it; safe to call twice. */
  release(): void;
};

function readLock(path: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number' ? (info as LockInfo) : null;
  } catch {
    return null;
  }
}

/** True when a process with this pid runs (EPERM: it runs under another user). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A reused pid that now belongs to something other than Node is not our owner.
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline === '' || /node|kyosei|tsx|vitest/i.test(cmdline);
  } catch {
    return true;
  }
}

function tryCreate(path: string, info: LockInfo): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, `${JSON.stringify(info)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Takes the data folder for this process (PGlite has one owning process). Creates the folder when
 * missing. A lock left by a process that no longer runs is taken over. Throws data_dir_locked when a
 * live process holds it. The lock is also released when the process exits.
 */
export function acquireDataDirLock(dir: string, command = process.argv.slice(1).join(' ')): DataDirLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(path, info)) return holdLock(path, info);
    const owner = readLock(path);
    if (owner && owner.pid !== process.pid && processAlive(owner.pid)) {
      throw new AppError('data_dir_locked', { params: { dir, pid: owner.pid } });
    }
    if (owner?.pid === process.pid) {
      throw new AppError('data_dir_locked', { params: { dir, pid: owner.pid } });
    }
    // Stale (dead owner) or unreadable while being written: take it over, racing fairly via O_EXCL.
    if (!owner && attempt === 0) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      continue;
    }
    try {
      unlinkSync(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  throw new AppError('data_dir_locked', { params: { dir, pid: readLock(path)?.pid ?? '?' } });
}

function holdLock(path: string, info: LockInfo): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    if (readLock(path)?.pid !== info.pid) return;
    try {
      unlinkSync(path);
    } catch {
      // Already gone: nothing to release.
    }
  };
  process.on('exit', release);
  return { path, info, release };
}
