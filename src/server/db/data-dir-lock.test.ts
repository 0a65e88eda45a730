import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { testConfig } from '../config.js';
import { AppError } from '../lib/errors.js';
import { acquireDataDirLock, LOCK_FILE } from './data-dir-lock.js';
import { openConfiguredDatabase } from './open.js';

const dirs: string[] = [];
const children: ChildProcess[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kyosei-lock-'));
  dirs.push(dir);
  return dir;
};
const writeLock = (dir: string, pid: number) =>
  writeFileSync(
    join(dir, LOCK_FILE),
    JSON.stringify({ pid, command: 'test', startedAt: new Date().toISOString() }),
  );

function lockedError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected data_dir_locked');
}

afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the data-folder lock', () => {
  it('writes who holds the folder and refuses a second holder', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir, 'kyosei serve');
    const info = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'));
    expect(info).toMatchObject({ pid: process.pid, command: 'kyosei serve' });
    const err = lockedError(() => acquireDataDirLock(dir));
    expect(err.code).toBe('data_dir_locked');
    expect(err.params).toEqual({ dir, pid: process.pid });
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    acquireDataDirLock(dir).release();
  });

  it('refuses a folder that another live process holds', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    children.push(child);
    await new Promise((r) => child.once('spawn', r));
    writeLock(dir, child.pid!);
    expect(lockedError(() => acquireDataDirLock(dir)).params.pid).toBe(child.pid);
  });

  it('takes over a stale lock left by a process that has ended', () => {
    const dir = tempDir();
    const ended = spawnSync(process.execPath, ['-e', '']);
    writeLock(dir, ended.pid!);
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock whose pid now belongs to a program that is not Kyosei', async () => {
    const dir = tempDir();
    const child = spawn('sleep', ['30']);
    children.push(child);
    await new Promise((r) => child.once('spawn', r));
    writeLock(dir, child.pid!);
    acquireDataDirLock(dir).release();
  });

  it('takes over an unreadable lock file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), 'garbage');
    acquireDataDirLock(dir).release();
  });

  it('keeps a second PGlite open of the same folder out, and lets it in once the first closes', async () => {
    const config = testConfig({ KYOSEI_DATA_DIR: tempDir() });
    const first = await openConfiguredDatabase(config);
    await expect(openConfiguredDatabase(config)).rejects.toMatchObject({ code: 'data_dir_locked' });
    await first.close();
    const second = await openConfiguredDatabase(config);
    await second.close();
  });
});
