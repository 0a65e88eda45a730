// Debian's Chromium (with Japanese fonts) for the e2e tier and PDF rendering: find it, or, as root,
// install it. Plain ESM JavaScript: it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { aptGet, isRoot } from './postgres.mjs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** How the tests launch Chromium (see docs: sandboxing needs privileges a container lacks). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const PACKAGES = ['chromium', 'fonts-noto-cjk'];
const INSTALL_COMMAND = `apt-get update && apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}`;

/**
 * Whether a Debian package is installed.
 * @param {string} name
 * @returns {boolean}
 */
function dpkgInstalled(name) {
  const r = spawnSync('dpkg', ['-s', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('Status: install ok installed');
}

/**
 * The Chromium executable's path. Installs chromium and fonts-noto-cjk (without which Japanese renders as
 * boxes) when either is missing and running as root; without root, throws naming the exact command.
 * @param {{ path?: string, fontsPackage?: string, asRoot?: boolean }} [options] for tests
 * @returns {string}
 */
export function ensureChromium(options = {}) {
  const path = options.path ?? CHROMIUM_PATH;
  const missing = [];
  if (!existsSync(path)) missing.push('chromium');
  if (!dpkgInstalled(options.fontsPackage ?? 'fonts-noto-cjk')) missing.push('fonts-noto-cjk');
  if (missing.length === 0) return path;
  if (!(options.asRoot ?? isRoot())) {
    throw new Error(
      `${missing.join(' and ')} missing (needed by the e2e tier). Install, then run again:\n  sudo sh -c '${INSTALL_COMMAND}'`,
    );
  }
  console.log(`${missing.join(' and ')} missing: installing (${INSTALL_COMMAND})`);
  aptGet(['update']);
  aptGet(['install', '-y', '--no-install-recommends', ...PACKAGES]);
  if (!existsSync(path)) throw new Error(`chromium was installed but ${path} is missing`);
  return path;
}
