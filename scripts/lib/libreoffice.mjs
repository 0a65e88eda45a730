// Debian's LibreOffice (Calc, without a GUI) for the tests that open exported spreadsheets: find it, or,
// as root, install it. Plain ESM JavaScript: it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { aptGet, isRoot } from './postgres.mjs';

export const SOFFICE_PATH = '/usr/bin/soffice';

const PACKAGES = ['libreoffice-calc-nogui'];
export const LIBREOFFICE_INSTALL_COMMAND = `apt-get update && apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}`;

/**
 * The soffice executable's path. Installs libreoffice-calc-nogui when it is missing and running as
 * root; without root, throws naming the exact command (a test never skips for want of it).
 * @param {{ path?: string, asRoot?: boolean }} [options] for tests
 * @returns {string}
 */
export function ensureLibreOffice(options = {}) {
  const path = options.path ?? SOFFICE_PATH;
  if (existsSync(path)) return path;
  if (!(options.asRoot ?? isRoot())) {
    throw new Error(
      `LibreOffice (soffice) is missing (needed to open exported spreadsheets in the tests). Install it, then run again:\n  sudo sh -c '${LIBREOFFICE_INSTALL_COMMAND}'`,
    );
  }
  console.log(`LibreOffice is missing: installing it (${LIBREOFFICE_INSTALL_COMMAND})`);
  aptGet(['update']);
  aptGet(['install', '-y', '--no-install-recommends', ...PACKAGES]);
  if (!existsSync(path)) throw new Error(`LibreOffice was installed but ${path} is missing`);
  return path;
}

/**
 * Converts a file headlessly (`soffice --headless --convert-to <filter> --outdir <outDir> <input>`)
 * with a private profile, so that conversions never wait on another running LibreOffice.
 * Throws with soffice's output when it fails.
 * @param {string} input the file to convert
 * @param {string} filter e.g. 'csv' or a full filter string
 * @param {string} outDir where the converted file(s) go
 * @param {{ path?: string, timeoutMs?: number }} [options]
 * @returns {string} soffice's standard output
 */
export function convertWithLibreOffice(input, filter, outDir, options = {}) {
  const soffice = options.path ?? ensureLibreOffice();
  const profile = mkdtempSync(join(tmpdir(), 'kyosei-soffice-'));
  try {
    const r = spawnSync(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        filter,
        '--outdir',
        outDir,
        input,
      ],
      { encoding: 'utf8', timeout: options.timeoutMs ?? 120_000 },
    );
    if (r.status !== 0 || r.error)
      throw new Error(
        `soffice failed (${r.error?.message ?? `exit ${r.status}`}):\n${r.stdout}\n${r.stderr}`,
      );
    return r.stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
