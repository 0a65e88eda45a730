// `npm test`: every tier, in order, never skipped silently. Typecheck and lint, unit, integration on
// PGlite, integration on a throwaway PostgreSQL cluster, then the e2e tier in Chromium against the built
// web app. PostgreSQL and Chromium are installed from Debian's packages when missing and we are root.
// Ends with a table of tiers and one line `N passed, M failed`; exits non-zero when any tier failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './lib/chromium.mjs';
import { ensureLibreOffice } from './lib/libreoffice.mjs';
import { ensurePostgres, startCluster } from './lib/postgres.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const reports = mkdtempSync(join(tmpdir(), 'kyosei-test-report-'));

/** The environment without database settings that would point a tier at the wrong place. */
function baseEnv(extra = {}) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  delete env.KYOSEI_TEST_DATABASE_URL;
  return { ...env, ...extra };
}

/**
 * Runs a command with its output shown; resolves with its exit code.
 * @param {string} cmd
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<number>}
 */
function run(cmd, args, env = baseEnv()) {
  console.log(`\n$ ${[cmd.replace(`${root}/`, ''), ...args].join(' ')}`);
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: 'inherit' });
    child.on('error', (e) => {
      console.error(e.message);
      done(127);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

/**
 * One vitest project, counted from its JSON report.
 * @param {string} project
 * @param {string} label
 * @param {NodeJS.ProcessEnv} env
 */
async function vitest(project, label, env) {
  const out = join(reports, `${label.replace(/\W+/g, '-')}.json`);
  const code = await run(
    bin('vitest'),
    ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    env,
  );
  if (!existsSync(out)) return { ok: false, note: `no report (exit ${code})`, passed: 0, failed: 0 };
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const passed = r.numPassedTests ?? 0;
  // A file that fails before its tests run (import error, failing hook) has no failed test: count it.
  const brokenFiles = (r.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  const failed = (r.numFailedTests ?? 0) + brokenFiles;
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  const notes = [];
  if (r.numTotalTests === 0) notes.push('no tests found');
  if (skipped) notes.push(`${skipped} skipped`);
  if (brokenFiles) notes.push(`${brokenFiles} file(s) failed outside a test`);
  if (code !== 0 && failed === 0) notes.push(`exit ${code}`);
  return {
    ok: code === 0 && r.numTotalTests > 0,
    note: notes.join(', '),
    passed,
    failed,
    failures: failuresOf(r),
  };
}

/**
 * The failed tests of a vitest JSON report, each with the first lines of its message: the summary repeats
 * them, so a log cut to its tail still says what failed.
 * @param {any} report
 * @returns {string[]}
 */
function failuresOf(report) {
  const root = process.cwd();
  const head = (text) =>
    String(text ?? '')
      .split('\n')
      .filter((l) => l.trim())
      .slice(0, 4)
      .map((l) => `    ${l.trim()}`)
      .join('\n');
  return (report.testResults ?? []).flatMap((file) => {
    const name = relative(root, file.name);
    const tests = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    if (tests.length === 0) return file.status === 'failed' ? [`${name}\n${head(file.message)}`] : [];
    return tests.map((a) => `${name} > ${a.fullName}\n${head((a.failureMessages ?? [])[0])}`);
  });
}

/** @type {{ name: string, ok: boolean, note: string, detail?: string, failures?: string[], passed: number, failed: number, ms: number }[]} */
const results = [];

/**
 * Times one tier; a thrown error marks it failed with the reason (it could not run).
 * @param {string} name
 * @param {() => Promise<{ ok: boolean, note?: string, passed?: number, failed?: number }>} fn
 */
async function tier(name, fn) {
  console.log(`\n━━ ${name} ━━`);
  const start = Date.now();
  let r;
  try {
    r = await fn();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    console.error(`\n${name} could not run: ${message}`);
    r = { ok: false, note: `could not run: ${message.split('\n')[0]}`, detail: message };
  }
  const entry = { name, passed: 0, failed: 0, note: '', ...r, ms: Date.now() - start };
  // A tier that failed without a failing test (typecheck, lint, could not run) counts as one failure.
  if (!entry.ok && entry.failed === 0) entry.failed = 1;
  results.push(entry);
  return r.ok;
}

/** @param {string} reason */
const cannotRun = (reason) => async () => ({ ok: false, note: `could not run: ${reason}` });

// The process time zone of each tier: services must not depend on it. Tokyo has no daylight saving time;
// New York has it, so one tier runs across a DST rule.
const TOKYO = 'Asia/Tokyo';
const DST_ZONE = 'America/New_York';

let cluster;
try {
  await tier('typecheck + lint', async () => {
    const tsc = await run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
    const lint = await run(bin('biome'), ['check', '.']);
    const failedSteps = [tsc ? 'typecheck' : '', lint ? 'lint' : ''].filter(Boolean);
    return {
      ok: failedSteps.length === 0,
      note: failedSteps.length ? `${failedSteps.join(' and ')} failed` : '',
    };
  });
  // The unit tier opens exported spreadsheets in LibreOffice (installed from Debian when missing).
  await tier('unit', async () => {
    ensureLibreOffice();
    return vitest('unit', 'unit', baseEnv({ TZ: TOKYO }));
  });
  await tier('integration (PGlite, Asia/Tokyo)', () =>
    vitest('integration', 'integration-pglite', baseEnv({ TZ: TOKYO })),
  );

  // The cluster's install (when missing) and start-up count as part of the PostgreSQL tier.
  let clusterError = '';
  await tier('integration (PostgreSQL, America/New_York)', async () => {
    try {
      cluster = await startCluster({ bin: ensurePostgres(), log: (line) => console.log(line) });
    } catch (e) {
      clusterError = e instanceof Error ? e.message : String(e);
      throw e;
    }
    return vitest(
      'integration',
      'integration-postgres',
      baseEnv({ TEST_DATABASE_URL: cluster.url, TZ: DST_ZONE }),
    );
  });

  await tier(
    'e2e (Chromium)',
    cluster
      ? async () => {
          ensureChromium();
          const build = await run(bin('vite'), ['build']);
          if (build !== 0) return { ok: false, note: `could not run: vite build failed (exit ${build})` };
          return vitest(
            'e2e',
            'e2e',
            baseEnv({ TEST_DATABASE_URL: cluster.url, KYOSEI_TEST_DATABASE_URL: cluster.url }),
          );
        }
      : cannotRun(`needs PostgreSQL: ${clusterError.split('\n')[0]}`),
  );
} finally {
  cluster?.stop();
  rmSync(reports, { recursive: true, force: true });
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const rows = results.map((r) => [
  r.name,
  r.ok ? 'pass' : 'FAIL',
  String(r.passed),
  String(r.failed),
  seconds(r.ms),
  r.note,
]);
const header = ['tier', 'result', 'passed', 'failed', 'time', 'note'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (cells) =>
  cells
    .map((c, i) => c.padEnd(widths[i]))
    .join('  ')
    .trimEnd();
const total = results.reduce((s, r) => s + r.ms, 0);
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
for (const row of rows) console.log(line(row));
console.log(`total time ${seconds(total)}\n`);
for (const r of results.filter((x) => x.detail)) console.log(`${r.name} could not run:\n${r.detail}\n`);
for (const r of results.filter((x) => x.failures?.length)) {
  console.log(`${r.name}, failed:\n${r.failures.map((f) => `  ${f}`).join('\n')}\n`);
}
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
