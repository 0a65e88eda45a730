#!/usr/bin/env node
// `npm start`: builds the web app when its build is missing or older than its sources, then runs the
// server like `kyosei serve` (PGlite under ./data, or PostgreSQL with DATABASE_URL).
// The build runs in a child process (`start.mjs --build-web`) so that the server does not carry the
// bundler's memory.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const VITE_CONFIG = join(ROOT, 'vite.config.ts');
const SOURCES = [join(ROOT, 'src', 'web'), join(ROOT, 'src', 'shared'), VITE_CONFIG];

if (process.argv[2] === '--build-web') {
  const { build } = await import('vite');
  await build({ configFile: VITE_CONFIG, logLevel: 'warn', mode: 'production' });
  process.exit(0);
}

/** The newest modification time under the given files and folders. */
function newest(paths) {
  let latest = 0;
  const visit = (path) => {
    const s = statSync(path);
    if (s.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== 'node_modules') visit(join(path, name));
    } else latest = Math.max(latest, s.mtimeMs);
  };
  for (const p of paths) if (existsSync(p)) visit(p);
  return latest;
}

register();
const { loadConfig } = await import('../src/server/config.ts');
const { createOutput } = await import('../src/cli/output.ts');
const { run } = await import('../src/cli/main.ts');

let config;
try {
  config = loadConfig();
} catch (err) {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
}
const out = createOutput(config.lang);

const index = join(ROOT, 'dist', 'web', 'index.html');
if (!existsSync(VITE_CONFIG) || !existsSync(join(ROOT, 'src', 'web', 'index.html'))) {
  out.note(out.t('message.webMissing'));
} else if (!existsSync(index) || statSync(index).mtimeMs < newest(SOURCES)) {
  out.note(out.t('message.webBuilding'));
  const started = Date.now();
  const built = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--build-web'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
  out.note(out.t('message.webBuilt', { seconds: ((Date.now() - started) / 1000).toFixed(1) }));
}

const code = await run([process.argv[0], 'kyosei', 'serve', ...process.argv.slice(2)]);
if (code !== null) process.exit(code);
