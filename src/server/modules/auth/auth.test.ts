import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../test/db.js';
import { buildTestApp, createTestOrg, signIn, TEST_PASSWORD, type TestOrg } from '../../test/factories.js';
import type { Database } from '../../db/client.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'AUTH');
  app = await buildTestApp(database);
});

describe('sign-in', () => {
  it('sets an httpOnly SameSite=Lax session cookie and returns the user', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: org.users.employee.email, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.email).toBe(org.users.employee.email);
    const cookie = res.cookies.find((c) => c.name === 'kyosei_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
  });

  it('answers /api/me with roles and locale, and 401 after logout', async () => {
    const s = await signIn(app, org.users.csr_manager.email);
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(200);
    expect(
      me
        .json()
        .roles.map((r: { role: string }) => r.role)
        .sort(),
    ).toEqual(['csr_manager', 'employee']);
    expect(me.json().locale).toBe('ja');
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toContain('application/problem+json');
    expect(after.json()).toMatchObject({
      code: 'unauthenticated',
      type: 'urn:kyosei:problem:unauthenticated',
      status: 401,
    });
  });

  it('refuses a wrong password with a message in the caller’s language', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'ja' },
      payload: { email: org.users.finance.email, password: 'wrong password' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('invalid_credentials');
    expect(res.json().detail).toContain('パスワード');
  });

  it('locks an account after five failures, even with the right password afterwards', async () => {
    const email = org.users.promoter.email;
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: `nope-${i}` },
      });
      codes.push(r.json().code);
    }
    expect(codes).toEqual([
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'account_locked',
    ]);
    const r = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    expect(r.statusCode).toBe(423);
  });

  it('rejects unknown fields in the body', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.test', password: 'x', admin: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('unknown_field');
    expect(res.json().fields[0].path).toBe('admin');
  });
});

describe('CSRF', () => {
  it('refuses a browser’s state-changing request without the session’s token', async () => {
    const s = await signIn(app, org.users.employee.email);
    const noToken = await app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: s.cookie, origin: 'https://evil.example' },
      payload: { locale: 'en' },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('csrf_failed');
    const ok = await app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: s.headers,
      payload: { locale: 'en' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().locale).toBe('en');
  });
});

describe('password change and API tokens', () => {
  it('changes the password, ending other sessions', async () => {
    const email = org.users.program_manager.email;
    const a = await signIn(app, email);
    const b = await signIn(app, email);
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/me/password',
      headers: a.headers,
      payload: { currentPassword: 'nope', newPassword: 'a much longer one' },
    });
    expect(bad.json().code).toBe('wrong_password');
    const ok = await app.inject({
      method: 'PUT',
      url: '/api/me/password',
      headers: a.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a much longer one' },
    });
    expect(ok.statusCode).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: a.cookie } })).statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: b.cookie } })).statusCode,
    ).toBe(401);
    await signIn(app, email, 'a much longer one');
  });

  it('authenticates scripts with a personal token until it is revoked', async () => {
    const s = await signIn(app, org.users.auditor.email);
    const created = await app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: s.headers,
      payload: { name: 'export script' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    const me = await app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json().user.email).toBe(org.users.auditor.email);
    const rows = await database.db.execute(`select token_hash from api_tokens where id = '${id}'` as never);
    expect(JSON.stringify(rows)).not.toContain(token);
    await app.inject({ method: 'DELETE', url: `/api/me/tokens/${id}`, headers: s.headers });
    const after = await app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
  });
});

describe('health and limits', () => {
  it('answers /healthz when the database answers', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
  });

  it('answers 413 to a body over the limit', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.test', password: 'x'.repeat(2_000_000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload_too_large');
  });
});
