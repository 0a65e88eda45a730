import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testConfig } from './config.js';
import { startServer } from './main.js';

const dir = mkdtempSync(join(tmpdir(), 'kyosei-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = (env: Record<string, string>) =>
  testConfig({
    KYOSEI_DATA_DIR: dir,
    PORT: '0',
    HOST: '127.0.0.1',
    KYOSEI_DEMO: 'auto',
    KYOSEI_DEMO_EMPLOYEES: '50',
    KYOSEI_DEMO_PASSWORD: 'demo password 1',
    KYOSEI_LANG: 'en',
    KYOSEI_WEB_DIST: './.no-web',
    ...env,
  });

async function login(url: string, email: string, password: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return res.status;
}

describe('starting the server', { timeout: 120_000 }, () => {
  it('loads the demo into an empty database, then creates and later resets KYOSEI_ADMIN_EMAIL', async () => {
    const lines: string[] = [];
    const first = await startServer(
      config({ KYOSEI_ADMIN_EMAIL: 'ops@example.com', KYOSEI_ADMIN_PASSWORD: 'first password' }),
      { print: (l) => lines.push(l), handleSignals: false },
    );
    try {
      expect(lines.join('\n')).toContain('admin@demo.example');
      expect(lines.join('\n')).toContain(first.url);
      expect(lines.some((l) => l.includes('ops@example.com') && l.includes('created'))).toBe(true);
      expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
      expect(await login(first.url, 'ops@example.com', 'first password')).toBe(200);
      expect(await login(first.url, 'admin@demo.example', 'demo password 1')).toBe(200);
    } finally {
      await first.close();
    }

    const again: string[] = [];
    const second = await startServer(
      config({ KYOSEI_ADMIN_EMAIL: 'ops@example.com', KYOSEI_ADMIN_PASSWORD: 'second password' }),
      { print: (l) => again.push(l), handleSignals: false },
    );
    try {
      expect(again.some((l) => l.includes('ops@example.com') && l.includes('reset'))).toBe(true);
      expect(again.join('\n')).not.toContain('Loading');
      expect(await login(second.url, 'ops@example.com', 'first password')).toBe(401);
      expect(await login(second.url, 'ops@example.com', 'second password')).toBe(200);
    } finally {
      await second.close();
    }
  });
});
