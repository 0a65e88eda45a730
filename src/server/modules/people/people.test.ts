import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import {
  buildEmployeeRow,
  buildTestApp,
  createTestOrg,
  ctxAs,
  type Session,
  signIn,
  TEST_PASSWORD,
  type TestOrg,
} from '../../test/factories.js';
import { createUser } from '../auth/users.service.js';
import { employees } from './people.table.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let admin: Session;

type Call = { method?: 'GET' | 'POST' | 'PATCH'; url: string; body?: object; as?: Session };
async function call({ method = 'GET', url, body, as = admin }: Call) {
  const res = await app.inject({ method, url, headers: as.headers, ...(body ? { payload: body } : {}) });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}
const numbers = (body: { items: { employeeNumber: string }[] }) => body.items.map((e) => e.employeeNumber);
const search = async (q: string, extra = '') =>
  numbers((await call({ url: `/api/employees?q=${encodeURIComponent(q)}${extra}` })).body);

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'PPL');
  app = await buildTestApp(database);
  admin = await signIn(app, org.users.org_admin.email);
  const jp = org.companies.jp;
  const us = org.companies.us;
  await database.db.insert(employees).values([
    buildEmployeeRow(org.orgId, jp, 1, {
      employeeNumber: 'P-10',
      nameJa: '佐藤 花子',
      nameEn: 'Hanako Sato',
      nameKana: 'さとう はなこ',
      email: 'hanako.sato@ppl.test',
      siteId: org.sites.tokyo,
    }),
    buildEmployeeRow(org.orgId, jp, 2, {
      employeeNumber: 'P-100',
      nameJa: '鈴木 一郎',
      nameEn: 'Ichiro Suzuki',
      nameKana: 'スズキ イチロウ',
      email: 'ichiro.suzuki@ppl.test',
      hireDate: '2001-04-01',
    }),
    buildEmployeeRow(org.orgId, us, 3, {
      employeeNumber: 'P-101',
      nameJa: 'ジョン・スミス',
      nameEn: 'John Smith',
      nameKana: 'じょん すみす',
      email: 'john.smith@ppl.test',
      siteId: org.sites.texas,
      employmentStatus: 'left',
      leaveDate: '2024-03-31',
    }),
  ]);
});

describe('employee search', () => {
  it('finds by kanji, kana in either script, full-width letters, e-mail and number', async () => {
    expect(await search('佐藤')).toEqual(['P-10']);
    expect(await search('サトウ')).toEqual(['P-10']);
    expect(await search('すずき')).toEqual(['P-100']);
    expect(await search('ＳＭＩＴＨ')).toEqual(['P-101']);
    expect(await search('hanako.sato@')).toEqual(['P-10']);
    expect(await search('鈴')).toEqual(['P-100']);
    expect(await search('100_')).toEqual([]);
  });

  it('puts the exact employee number first, whatever the sort', async () => {
    expect(await search('p-10')).toEqual(['P-10', 'P-100', 'P-101']);
    expect(await search('P-100', '&sort=-employeeNumber')).toEqual(['P-100']);
    expect(await search('P-10', '&sort=-hireDate')).toEqual(['P-10', 'P-101', 'P-100']);
  });

  it('does not match across two fields', async () => {
    // nameJa ends with 子 and nameEn starts with H: no bigram spans them.
    expect(await search('子h')).toEqual([]);
  });

  it('filters by company, site and status, sorts and pages with a total', async () => {
    expect(await search('', `&companyId=${org.companies.us}`)).toEqual(['P-101']);
    expect(await search('p-', `&siteId=${org.sites.tokyo}`)).toEqual(['P-10']);
    expect(await search('P-', '&status=left')).toEqual(['P-101']);
    const page = await call({ url: '/api/employees?q=P-&sort=-employeeNumber&size=2&page=2' });
    expect(page.body).toMatchObject({ total: 3, page: 2, size: 2 });
    expect(numbers(page.body)).toEqual(['P-10']);
    const first = (await call({ url: '/api/employees?q=P-&sort=hireDate' })).body.items[0];
    expect(first).toMatchObject({ employeeNumber: 'P-100', companyCode: 'JP01', siteCode: null });
  });
});

describe('reading scope', () => {
  it('shows a company-scoped reader only that company’s employees, and 404 for others', async () => {
    const ctx = await ctxAs(database, org, 'org_admin');
    await createUser(ctx, {
      email: 'us-csr@ppl.test',
      password: TEST_PASSWORD,
      grants: [{ role: 'csr_manager', scopeType: 'company', companyId: org.companies.us }],
    });
    const usCsr = await signIn(app, 'us-csr@ppl.test');
    const list = await call({ url: '/api/employees', as: usCsr });
    expect(list.body.total).toBe(1);
    expect(numbers(list.body)).toEqual(['P-101']);
    const jpEmployee = org.users.employee.employeeId;
    expect((await call({ url: `/api/employees/${jpEmployee}`, as: usCsr })).status).toBe(404);
    const promoter = await signIn(app, org.users.promoter.email);
    expect((await call({ url: '/api/employees', as: promoter })).body.total).toBe(10);
    const patch = await call({
      method: 'PATCH',
      url: `/api/employees/${jpEmployee}`,
      body: {},
      as: promoter,
    });
    expect(patch.status).toBe(403);
  });

  it('answers /api/me/employee with the caller’s own record', async () => {
    const me = await call({ url: '/api/me/employee', as: await signIn(app, org.users.employee.email) });
    expect(me.body.id).toBe(org.users.employee.employeeId);
    const noRecord = await call({ url: '/api/me/employee', as: await signIn(app, 'us-csr@ppl.test') });
    expect(noRecord.status).toBe(404);
    expect(
      (await call({ url: '/api/employees', as: await signIn(app, org.users.employee.email) })).status,
    ).toBe(403);
  });
});

describe('employee upkeep', () => {
  const valid = () => ({
    employeeNumber: 'N-1',
    nameJa: '高橋 健',
    nameEn: 'Ken Takahashi',
    nameKana: 'タカハシ ケン',
    email: 'ken.takahashi@ppl.test',
    companyId: org.companies.jp,
    siteId: org.sites.tokyo,
    departmentId: org.departmentId,
    hireDate: '2020-04-01',
  });

  it('creates an employee that search finds, and audits it with the request id', async () => {
    const res = await call({ method: 'POST', url: '/api/employees', body: valid() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ employmentStatus: 'active', siteCode: 'TKY', departmentCode: 'CSR' });
    expect(await search('たかはし')).toEqual(['N-1']);
    const log = await call({ url: `/api/audit?entityType=employee&entityId=${res.body.id}` });
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0]).toMatchObject({
      action: 'employee.create',
      requestId: res.headers['x-request-id'],
    });
    expect(log.body.items[0].after).not.toHaveProperty('searchGrams');
  });

  it('names every inconsistent field', async () => {
    const res = await call({
      method: 'POST',
      url: '/api/employees',
      body: {
        ...valid(),
        employeeNumber: 'N-2',
        companyId: org.companies.us,
        employmentStatus: 'left',
        hireDate: '2020-04-01',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`)).toEqual([
      'siteId:site_outside_company',
      'departmentId:department_outside_company',
      'leaveDate:left_needs_leave_date',
    ]);
    const dates = await call({
      method: 'POST',
      url: '/api/employees',
      body: { ...valid(), employeeNumber: 'N-3', leaveDate: '2019-03-31' },
    });
    expect(dates.body.fields).toEqual([
      expect.objectContaining({ path: 'leaveDate', code: 'leave_before_hire' }),
    ]);
    const dup = await call({ method: 'POST', url: '/api/employees', body: valid() });
    expect(dup.status).toBe(409);
    expect(dup.body.fields).toEqual([expect.objectContaining({ path: 'employeeNumber', code: 'duplicate' })]);
    const unknown = await call({ method: 'POST', url: '/api/employees', body: { ...valid(), salary: 1 } });
    expect(unknown.body.code).toBe('unknown_field');
  });

  it('updates the record and its search text; leaving needs a leave date', async () => {
    const id = (await call({ url: '/api/employees?q=N-1' })).body.items[0].id;
    const renamed = await call({
      method: 'PATCH',
      url: `/api/employees/${id}`,
      body: { nameEn: 'Kenji Takahashi' },
    });
    expect(renamed.body.nameEn).toBe('Kenji Takahashi');
    expect(await search('kenji')).toEqual(['N-1']);
    const left = await call({
      method: 'PATCH',
      url: `/api/employees/${id}`,
      body: { employmentStatus: 'left' },
    });
    expect(left.body.fields[0].code).toBe('left_needs_leave_date');
    const ok = await call({
      method: 'PATCH',
      url: `/api/employees/${id}`,
      body: { employmentStatus: 'left', leaveDate: '2025-03-31' },
    });
    expect(ok.body).toMatchObject({ employmentStatus: 'left', leaveDate: '2025-03-31' });
    const log = await call({ url: `/api/audit?entityType=employee&entityId=${id}&action=employee.update` });
    expect(log.body.items).toHaveLength(2);
    expect(log.body.items[0].before.employmentStatus).toBe('active');
  });

  it('limits a site-scoped administrator to employees of that site', async () => {
    const ctx = await ctxAs(database, org, 'org_admin');
    await createUser(ctx, {
      email: 'tokyo-hr@ppl.test',
      password: TEST_PASSWORD,
      grants: [{ role: 'org_admin', scopeType: 'site', siteId: org.sites.tokyo }],
    });
    const tokyoHr = await signIn(app, 'tokyo-hr@ppl.test');
    const body = { ...valid(), employeeNumber: 'N-9', email: 'n9@ppl.test' };
    expect((await call({ method: 'POST', url: '/api/employees', body, as: tokyoHr })).status).toBe(201);
    const noSite = { ...body, employeeNumber: 'N-10', siteId: null };
    expect((await call({ method: 'POST', url: '/api/employees', body: noSite, as: tokyoHr })).status).toBe(
      403,
    );
    const id = (await call({ url: '/api/employees?q=N-9', as: tokyoHr })).body.items[0].id;
    const away = await call({
      method: 'PATCH',
      url: `/api/employees/${id}`,
      body: { siteId: null },
      as: tokyoHr,
    });
    expect(away.status).toBe(403);
  });
});
