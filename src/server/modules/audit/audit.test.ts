import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import {
  buildTestApp,
  createTestOrg,
  ctxAs,
  type Session,
  signIn,
  TEST_PASSWORD,
  type TestOrg,
} from '../../test/factories.js';
import { listRoutes } from '../../test/routes.js';
import { createUser } from '../auth/users.service.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let admin: Session;
let auditor: Session;

const get = async (url: string, as: Session) => {
  const res = await app.inject({ method: 'GET', url, headers: as.headers });
  return { status: res.statusCode, body: res.json() };
};
const renameCompany = (nameEn: string) =>
  app.inject({
    method: 'PATCH',
    url: `/api/companies/${org.companies.us}`,
    headers: admin.headers,
    payload: { nameEn },
  });

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'AUD');
  app = await buildTestApp(database);
  admin = await signIn(app, org.users.org_admin.email);
  auditor = await signIn(app, org.users.auditor.email);
});

describe('audit records', () => {
  it('records a change with actor, action, before, after and the response’s request id', async () => {
    const res = await renameCompany('AUD United States');
    expect(res.statusCode).toBe(200);
    const log = await get(`/api/audit?entityType=company&entityId=${org.companies.us}`, auditor);
    expect(log.status).toBe(200);
    expect(log.body.items).toHaveLength(1);
    const [entry] = log.body.items;
    expect(entry).toMatchObject({
      actorUserId: org.users.org_admin.id,
      actorLabel: org.users.org_admin.email,
      action: 'company.update',
      entityType: 'company',
      entityId: org.companies.us,
      requestId: res.headers['x-request-id'],
    });
    expect(entry.before.nameEn).toBe('AUD America');
    expect(entry.after.nameEn).toBe('AUD United States');
    expect(Date.now() - Date.parse(entry.at)).toBeLessThan(60_000);
  });

  it('keeps the request id a client sends', async () => {
    const requestId = 'client-chosen-id-0001';
    await app.inject({
      method: 'PATCH',
      url: `/api/sites/${org.sites.texas}`,
      headers: { ...admin.headers, 'x-request-id': requestId },
      payload: { region: 'TX' },
    });
    const log = await get(`/api/audit?entityType=site&entityId=${org.sites.texas}`, auditor);
    expect(log.body.items[0].requestId).toBe(requestId);
  });

  it('filters by action, actor and time', async () => {
    const byAction = await get('/api/audit?action=site.update', auditor);
    expect(byAction.body.items.map((e: { action: string }) => e.action)).toEqual(['site.update']);
    const byActor = await get(`/api/audit?actorUserId=${org.users.auditor.id}`, auditor);
    expect(byActor.body.items).toEqual([]);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await get(`/api/audit?from=${tomorrow}`, auditor)).body.items).toEqual([]);
    expect((await get('/api/audit?to=2000-01-01', auditor)).body.items).toEqual([]);
    const hourAgo = encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString());
    expect((await get(`/api/audit?from=${hourAgo}&to=${tomorrow}`, auditor)).body.items.length).toBe(2);
    const bad = await get('/api/audit?from=yesterday', auditor);
    expect(bad.status).toBe(400);
  });

  it('pages newest first with an opaque cursor, without gaps or repeats', async () => {
    for (let i = 1; i <= 5; i++) await renameCompany(`AUD US ${i}`);
    const seen: string[] = [];
    let url = `/api/audit?entityType=company&size=2`;
    for (let pages = 0; pages < 10; pages++) {
      const { body } = await get(url, auditor);
      seen.push(...body.items.map((e: { after: { nameEn: string } }) => e.after.nameEn));
      if (!body.nextCursor) break;
      url = `/api/audit?entityType=company&size=2&cursor=${encodeURIComponent(body.nextCursor)}`;
    }
    expect(seen).toEqual(['AUD US 5', 'AUD US 4', 'AUD US 3', 'AUD US 2', 'AUD US 1', 'AUD United States']);
    const bad = await get('/api/audit?cursor=not-a-cursor', auditor);
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0]).toMatchObject({ path: 'cursor', code: 'invalid_cursor' });
  });
});

describe('who may read and change', () => {
  it('refuses the audit log to employees and to auditors of one company only', async () => {
    const employee = await signIn(app, org.users.employee.email);
    expect((await get('/api/audit', employee)).status).toBe(403);
    await createUser(await ctxAs(database, org, 'org_admin'), {
      email: 'jp-auditor@aud.test',
      password: TEST_PASSWORD,
      grants: [{ role: 'auditor', scopeType: 'company', companyId: org.companies.jp }],
    });
    const jpAuditor = await signIn(app, 'jp-auditor@aud.test');
    expect((await get('/api/audit', jpAuditor)).status).toBe(403);
  });

  it('answers 403 to an auditor on every state-changing route outside their own account', async () => {
    // Their own account, and what they do as an employee (this auditor is one): sign-ups, check-in,
    // expense claims and donations.
    const asEmployee = [
      '/api/shifts/:id/signups',
      '/api/signups/:id',
      '/api/check-in/:code',
      '/api/files',
      '/api/claims',
      '/api/claims/:id',
      '/api/donations',
    ];
    // The public class-request form takes anyone's request, signed in or not.
    const own = (path: string) =>
      path.startsWith('/api/auth/') ||
      path.startsWith('/api/public/') ||
      /^\/api\/me(\/|$)/.test(path) ||
      asEmployee.includes(path);
    const routes = listRoutes(app).filter(
      (r) => r.method !== 'GET' && r.path.startsWith('/api/') && !own(r.path),
    );
    expect(routes.length).toBeGreaterThan(10);
    const uuid = '00000000-0000-4000-8000-000000000000';
    const answers: string[] = [];
    for (const r of routes) {
      const res = await app.inject({
        method: r.method as 'POST',
        url: r.path.replace(/:\w+/g, uuid),
        headers: auditor.headers,
        payload: {},
      });
      answers.push(`${r.method} ${r.path} ${res.statusCode}`);
    }
    expect(answers).toEqual(routes.map((r) => `${r.method} ${r.path} 403`));
  });
});
