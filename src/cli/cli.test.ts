import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, ROOT, runKyosei } from './test/kyosei.js';

const KYOSEI_BIN = join(ROOT, 'bin', 'kyosei.mjs');

/** This process's environment without database, port or language settings, then extra. */
function cliEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['DATABASE_URL', 'TEST_DATABASE_URL', 'KYOSEI_DATA_DIR', 'PORT', 'LANG', 'KYOSEI_LANG'])
    delete env[k];
  return { ...env, LOG_LEVEL: 'warn', NO_COLOR: '1', ...extra };
}

/** `kyosei ...args` as a child process through bin/kyosei.mjs, as a user runs it. */
function spawnKyosei(args: string[], extra: Record<string, string>): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [KYOSEI_BIN, ...args], { cwd: ROOT, env: cliEnv(extra) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const FIXTURES = join(ROOT, 'src', 'server', 'modules', 'people', 'fixtures');
const TEMPLATE = join(ROOT, 'docs', 'templates', 'employees.csv');
const PASSWORD = 'cli test password';

let dataDir: string;
const running: ChildProcess[] = [];

const env = (): Record<string, string> => ({
  KYOSEI_DATA_DIR: dataDir,
  KYOSEI_DEMO_PASSWORD: PASSWORD,
  KYOSEI_LANG: 'en',
  KYOSEI_DEMO_EMPLOYEES: '200',
});

/** Most commands run in this process (runKyosei); the bin itself and the server run as child processes. */
const kyosei = (args: string[]) => runKyosei(args, env());

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'kyosei-cli-'));
});
afterAll(() => {
  for (const c of running) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the kyosei CLI', { timeout: 180_000 }, () => {
  it('shows help in English and Japanese, and fails on an unknown command', async () => {
    const help = await spawnKyosei(['--help'], env());
    expect(help.code).toBe(0);
    for (const command of ['migrate', 'serve', 'demo', 'user', 'import'])
      expect(help.stdout).toContain(command);
    const ja = await kyosei(['import', 'employees', '--help', '--lang', 'ja']);
    expect(ja.code).toBe(0);
    expect(ja.stdout).toContain('使い方');
    expect(ja.stdout).toContain('--dry-run');
    const unknown = await spawnKyosei(['frobnicate'], env());
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown command frobnicate');
  });

  it('migrates, then says plainly that there is no organisation yet', async () => {
    const migrated = await kyosei(['migrate']);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toContain('up to date');
    const noOrg = await kyosei(['import', 'employees', TEMPLATE]);
    expect(noOrg.code).toBe(1);
    expect(noOrg.stderr).toContain('There is no organisation yet');
  });

  it('loads the demo once, printing the accounts', async () => {
    const loaded = await kyosei(['demo', 'load', '--employees', '200']);
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(loaded.stdout).toContain('200 employees');
    for (const account of ['admin', 'csr', 'program', 'promoter', 'finance', 'auditor', 'employee'])
      expect(loaded.stdout).toContain(`${account}@demo.example`);
    expect(loaded.stdout).toContain('KYOSEI_DEMO_PASSWORD');
    expect(loaded.stdout).not.toContain(PASSWORD);
    const again = await kyosei(['demo', 'load', '--employees', '200']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('exists already');
  });

  it('imports the template into the demo, and a second import changes nothing', async () => {
    const first = await kyosei(['import', 'employees', TEMPLATE]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('2 rows: 2 created, 0 updated, 0 unchanged');
    const second = await kyosei(['import', 'employees', TEMPLATE, '--org', 'DEMO']);
    expect(second.stdout).toContain('2 rows: 0 created, 0 updated, 2 unchanged');
    const dry = await kyosei(['import', 'employees', join(FIXTURES, 'employees-shift-jis.csv'), '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.stderr).toContain('row 2, 会社コード: No group company has this code. (value: "JP01")');
  });

  it('imports past volunteer registrations with their dates, once', async () => {
    const template = join(ROOT, 'docs', 'templates', 'registrations.csv');
    const first = await kyosei(['import', 'registrations', template]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/2 rows: \d created, \d updated, 0 unchanged/);
    const second = await kyosei(['import', 'registrations', template]);
    expect(second.stdout).toContain('2 rows: 0 created, 0 updated, 2 unchanged');
  });

  it('reports bad values by row and column and exits 1', async () => {
    const bad = await kyosei(['import', 'employees', join(FIXTURES, 'employees-bad-values.csv')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Nothing was imported');
    expect(bad.stderr).toContain('row 3, email: Wrong format. (value: "not-an-email")');
    const missing = await kyosei(['import', 'employees', 'no-such-file.csv']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('File not found: no-such-file.csv');
    const encoding = await kyosei(['import', 'employees', TEMPLATE, '--encoding', 'latin1']);
    expect(encoding.code).toBe(1);
    const wrongOrg = await kyosei(['import', 'employees', TEMPLATE, '--org', 'NOPE']);
    expect(wrongOrg.stderr).toContain('No organisation has the code NOPE');
  });

  it('creates accounts with a role and scope, and sets passwords', async () => {
    const created = await kyosei([
      'user',
      'create',
      '--email',
      'newcsr@demo.example',
      '--role',
      'csr_manager',
      '--scope',
      'company:DSOL',
      '--employee',
      '10000100',
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('Created the account newcsr@demo.example: CSR manager (company:DSOL)');
    expect(created.stdout).toMatch(/Password: [\w-]{16}/);
    const twice = await kyosei(['user', 'create', '--email', 'newcsr@demo.example', '--role', 'auditor']);
    expect(twice.code).toBe(1);
    const badRole = await kyosei(['user', 'create', '--email', 'x@demo.example', '--role', 'king']);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('Unknown role king');
    const set = await kyosei([
      'user',
      'set-password',
      '--email',
      'newcsr@demo.example',
      '--password',
      'a new password 1',
    ]);
    expect(set.code, set.stderr).toBe(0);
    const unknown = await kyosei(['user', 'set-password', '--email', 'ghost@demo.example']);
    expect(unknown.code).toBe(1);
  });

  it('refuses to touch the data folder while the server holds it, at once, and serves meanwhile', async () => {
    const server = spawn(process.execPath, [KYOSEI_BIN, 'serve'], {
      cwd: ROOT,
      env: cliEnv({ ...env(), PORT: '0', HOST: '127.0.0.1' }),
    });
    running.push(server);
    let output = '';
    const url = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 120_000);
      const onData = (d: Buffer) => {
        output += d;
        const m = /running at (http:\/\/\S+)[\s\S]*Password/.exec(output);
        if (m) {
          clearTimeout(timer);
          done(m[1].replace('localhost', '127.0.0.1'));
        }
      };
      server.stdout.on('data', onData);
      server.stderr.on('data', onData);
      server.on('exit', (code) => fail(new Error(`server exited ${code}:\n${output}`)));
    });
    expect(output).toContain('admin@demo.example');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.example', password: PASSWORD }),
    });
    expect(login.status).toBe(200);

    const blocked = await kyosei(['import', 'employees', TEMPLATE]);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain(`is in use by another Kyosei process (pid ${server.pid})`);
    // Refused at once, not after waiting for the server: it is still running.
    expect(server.exitCode).toBeNull();

    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
    expect(existsSync(join(dataDir, 'kyosei.lock'))).toBe(false);
    const after = await kyosei(['import', 'employees', TEMPLATE]);
    expect(after.code, after.stderr).toBe(0);
  });

  it('creates a second organisation with its first administrator; --org then becomes necessary', async () => {
    const created = await kyosei([
      'org',
      'create',
      '--code',
      'ACME',
      '--name-ja',
      'アクメ',
      '--name-en',
      'Acme',
      '--admin-email',
      'boss@acme.example',
      '--password',
      PASSWORD,
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('ACME');
    const again = await kyosei(['org', 'create', '--code', 'ACME', '--name-ja', 'x', '--name-en', 'y']);
    expect(again.code).toBe(1);
    expect(again.stderr + again.stdout).toContain('already exists');
    const ambiguous = await kyosei(['user', 'set-password', '--email', 'boss@acme.example']);
    expect(ambiguous.code).toBe(1);
    const scoped = await kyosei([
      'user',
      'set-password',
      '--email',
      'boss@acme.example',
      '--org',
      'ACME',
      '--password',
      'another long one',
    ]);
    expect(scoped.code, scoped.stderr).toBe(0);
  });
});
