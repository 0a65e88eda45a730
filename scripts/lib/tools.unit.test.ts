import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureChromium } from './chromium.mjs';
import { ensurePostgres, findPostgresBin, freePort } from './postgres.mjs';

const dir = mkdtempSync(join(tmpdir(), 'kyosei-tools-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the test script finding PostgreSQL and Chromium', () => {
  it('takes the newest PostgreSQL version that has initdb and pg_ctl', () => {
    for (const [version, tools] of [
      ['13', ['initdb', 'pg_ctl']],
      ['15', ['initdb', 'pg_ctl']],
      ['16', ['psql']],
    ] as const) {
      mkdirSync(join(dir, 'pg', version, 'bin'), { recursive: true });
      for (const tool of tools) writeFileSync(join(dir, 'pg', version, 'bin', tool), '');
    }
    expect(findPostgresBin(join(dir, 'pg'))).toBe(join(dir, 'pg', '15', 'bin'));
    expect(ensurePostgres({ root: join(dir, 'pg'), asRoot: false })).toBe(join(dir, 'pg', '15', 'bin'));
  });

  it('without root, names the exact command that installs PostgreSQL instead of skipping', () => {
    expect(() => ensurePostgres({ root: join(dir, 'none'), asRoot: false })).toThrow(
      'apt-get update && apt-get install -y --no-install-recommends postgresql postgresql-contrib',
    );
  });

  it('without root, names the exact command that installs Chromium and the Japanese fonts', () => {
    expect(() =>
      ensureChromium({
        path: join(dir, 'no-chromium'),
        fontsPackage: 'kyosei-no-such-package',
        asRoot: false,
      }),
    ).toThrow(
      /chromium and fonts-noto-cjk missing[\s\S]*apt-get install -y --no-install-recommends chromium fonts-noto-cjk/,
    );
  });

  it('finds a port that can be listened on', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    await new Promise((resolve) => server.close(resolve));
  });
});
