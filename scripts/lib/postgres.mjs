// A throwaway PostgreSQL for tests and benchmarks: find (or, as root, install) Debian's server binaries,
// start a cluster in a fresh temporary folder on a free port, stop and remove it afterwards.
// Plain ESM JavaScript: it runs before anything is compiled.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const INSTALL_PACKAGES = ['postgresql', 'postgresql-contrib'];
const INSTALL_COMMAND = `apt-get update && apt-get install -y --no-install-recommends ${INSTALL_PACKAGES.join(' ')}`;

/** @returns {boolean} */
export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * The newest <root>/<version>/bin holding both initdb and pg_ctl, or undefined.
 * @param {string} [root] where Debian puts the server versions
 * @returns {string | undefined}
 */
export function findPostgresBin(root = '/usr/lib/postgresql') {
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = join(root, v, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return undefined;
}

let aptUpdated = false;

/**
 * Runs apt-get (`update` at most once per process) with its output shown, throwing when it fails.
 * @param {string[]} args
 */
export function aptGet(args) {
  if (args[0] === 'update' && aptUpdated) return;
  const r = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
  if (args[0] === 'update') aptUpdated = true;
}

/**
 * The PostgreSQL server binaries' folder. Installs Debian's packages when missing and running as root;
 * without root, throws an error naming the exact command to run.
 * @param {{ root?: string, asRoot?: boolean }} [options] for tests: where to look, and whether we are root
 * @returns {string}
 */
export function ensurePostgres(options = {}) {
  const found = findPostgresBin(options.root);
  if (found) return found;
  if (!(options.asRoot ?? isRoot())) {
    throw new Error(
      `PostgreSQL server binaries (initdb, pg_ctl) are missing. Install them, then run again:\n  sudo sh -c '${INSTALL_COMMAND}'`,
    );
  }
  console.log(`PostgreSQL is missing: installing it (${INSTALL_COMMAND})`);
  aptGet(['update']);
  aptGet(['install', '-y', '--no-install-recommends', ...INSTALL_PACKAGES]);
  const bin = findPostgresBin(options.root);
  if (!bin) throw new Error(`PostgreSQL was installed but no initdb/pg_ctl under /usr/lib/postgresql/*/bin`);
  return bin;
}

/**
 * A TCP port that was free a moment ago on 127.0.0.1.
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

/**
 * Runs a server binary, as user postgres when we are root (PostgreSQL refuses to run as root).
 * @param {string} bin
 * @param {string} tool
 * @param {string[]} args
 * @param {{ quiet?: boolean }} [opts]
 */
function runPg(bin, tool, args, opts = {}) {
  const file = join(bin, tool);
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', cwd: tmpdir() });
  if (r.status !== 0 && !opts.quiet) {
    throw new Error(
      `${tool} ${args.join(' ')} failed (exit ${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`,
    );
  }
  return r;
}

/**
 * Starts a throwaway cluster (trust auth, durability off for speed) in a fresh temporary folder on a free
 * port. stop() stops it and removes the folder; it also stops when this process exits or is interrupted.
 * @param {{ bin?: string, log?: (line: string) => void }} [options]
 * @returns {Promise<{ url: string, port: number, dir: string, stop: () => void }>}
 */
export async function startCluster(options = {}) {
  const bin = options.bin ?? ensurePostgres();
  const log = options.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), 'kyosei-pg-'));
  const data = join(dir, 'data');
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const base = ['-D', data, '--auth=trust', '-U', 'postgres', '--encoding=UTF8', '--no-instructions'];
  const first = runPg(bin, 'initdb', [...base, '--locale=C.UTF-8'], { quiet: true });
  if (first.status !== 0) {
    log('initdb with C.UTF-8 failed; retrying with the C locale');
    rmSync(data, { recursive: true, force: true });
    runPg(bin, 'initdb', [...base, '--locale=C']);
  }
  const port = await freePort();
  const serverOptions = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    runPg(bin, 'pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w'], { quiet: true });
    rmSync(dir, { recursive: true, force: true });
    log(`PostgreSQL on port ${port} stopped`);
  };
  /** @param {NodeJS.Signals} signal */
  const onSignal = (signal) => {
    stop();
    process.kill(process.pid, signal);
  };
  process.on('exit', stop);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    runPg(bin, 'pg_ctl', [
      'start',
      '-w',
      '-t',
      '60',
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-o',
      serverOptions,
    ]);
  } catch (e) {
    const logFile = join(dir, 'server.log');
    const serverLog = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    stop();
    throw new Error(`${e instanceof Error ? e.message : e}\n${serverLog}`);
  }
  log(`PostgreSQL started on port ${port} (${dir})`);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dir, stop };
}
