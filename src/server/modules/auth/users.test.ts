import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import { employees } from '../people/people.table.js';
import {
  buildEmployeeRow,
  buildTestApp,
  createTestOrg,
  signIn,
  type Session,
  type TestOrg,
} from '../../test/factories.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let admin: Session;

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'USERS');
  app = await buildTestApp(database);
  admin = await signIn(app, org.users.org_admin.email);
});

const post = (s: Session, url: string, payload: object) =>
  app.inject({ method: 'POST', url, headers: s.headers, payload });

describe('accounts and role grants', () => {
  it('creates an account linked to an employee, which can then sign in', async () => {
    const [emp] = await database.db
      .insert(employees)
      .values(buildEmployeeRow(org.orgId, org.companies.jp, 900))
      .returning();
    const taken = await post(admin, '/api/users', {
      email: 'other@users.test',
      employeeId: org.users.employee.employeeId,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().fields[0]).toMatchObject({ path: 'employeeId', code: 'duplicate' });
    const res = await post(admin, '/api/users', {
      email: 'new.person@users.test',
      password: 'long enough password',
      employeeId: emp.id,
      grants: [{ role: 'promoter', scopeType: 'site', siteId: org.sites.tokyo }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().grants).toMatchObject([
      { role: 'promoter', scopeType: 'site', scopeLabel: '東京本社' },
    ]);
    const me = await signIn(app, 'new.person@users.test', 'long enough password');
    expect(me.csrf).toBeTruthy();
  });

  it('refuses a second account with the same e-mail in any letter case', async () => {
    const res = await post(admin, '/api/users', { email: org.users.finance.email.toUpperCase() });
    expect(res.statusCode).toBe(409);
    expect(res.json().fields[0]).toMatchObject({ path: 'email', code: 'duplicate' });
  });

  it('grants a role on a company scope once, and refuses the same grant twice', async () => {
    const url = `/api/users/${org.users.employee.id}/grants`;
    const grant = { role: 'csr_manager', scopeType: 'company', companyId: org.companies.us };
    const first = await post(admin, url, grant);
    expect(first.statusCode).toBe(201);
    expect(first.json().scopeLabel).toBe('USERS 米国');
    const again = await post(admin, url, grant);
    expect(again.statusCode).toBe(409);
    const del = await app.inject({
      method: 'DELETE',
      url: `${url}/${first.json().id}`,
      headers: admin.headers,
    });
    expect(del.statusCode).toBe(204);
  });

  it('keeps at least one organisation-wide administrator', async () => {
    const user = await app.inject({
      method: 'GET',
      url: `/api/users/${org.users.org_admin.id}`,
      headers: admin.headers,
    });
    const grant = user.json().grants.find((g: { role: string }) => g.role === 'org_admin');
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/users/${org.users.org_admin.id}/grants/${grant.id}`,
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(409);
    const after = await app.inject({
      method: 'GET',
      url: `/api/users/${org.users.org_admin.id}`,
      headers: admin.headers,
    });
    expect(after.json().grants).toHaveLength(user.json().grants.length);
  });

  it('lets only administrators manage accounts; auditors read but change nothing', async () => {
    const auditor = await signIn(app, org.users.auditor.email);
    expect(
      (await app.inject({ method: 'GET', url: '/api/users', headers: auditor.headers })).statusCode,
    ).toBe(200);
    expect((await post(auditor, '/api/users', { email: 'x@users.test' })).statusCode).toBe(403);
    const csr = await signIn(app, org.users.csr_manager.email);
    expect((await app.inject({ method: 'GET', url: '/api/users', headers: csr.headers })).statusCode).toBe(
      403,
    );
  });

  it('disables an account, ending its sessions, and unlocks a locked one', async () => {
    const victim = await signIn(app, org.users.program_manager.email);
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/users/${org.users.program_manager.id}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    expect(res.json().disabled).toBe(true);
    expect(
      (await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: victim.cookie } })).statusCode,
    ).toBe(401);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: org.users.program_manager.email, password: 'correct horse battery' },
    });
    expect(login.json().code).toBe('account_disabled');
  });

  it('filters the account list by role and text', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/users?role=finance&q=finance',
      headers: admin.headers,
    });
    expect(res.json().items.map((u: { email: string }) => u.email)).toEqual([org.users.finance.email]);
  });

  it('links an existing account to an employee, refuses one already linked, and unlinks', async () => {
    const [emp] = await database.db
      .insert(employees)
      .values(buildEmployeeRow(org.orgId, org.companies.jp, 901))
      .returning();
    const created = await post(admin, '/api/users', { email: 'unlinked@users.test' });
    const url = `/api/users/${created.json().id}`;
    const patch = (payload: object) => app.inject({ method: 'PATCH', url, headers: admin.headers, payload });
    const taken = await patch({ employeeId: org.users.finance.employeeId });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().fields[0]).toMatchObject({ path: 'employeeId', code: 'duplicate' });
    const linked = await patch({ employeeId: emp.id });
    expect(linked.json().employeeId).toBe(emp.id);
    expect((await patch({ employeeId: emp.id })).statusCode).toBe(200);
    const unlinked = await patch({ employeeId: null });
    expect(unlinked.json().employeeId).toBeNull();
  });
});
