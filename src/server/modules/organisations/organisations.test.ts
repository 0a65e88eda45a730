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
import { createUser } from '../auth/users.service.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let admin: Session;
let employee: Session;

type Call = { method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; body?: unknown; as?: Session };
async function call({ method = 'GET', url, body, as = admin }: Call) {
  const res = await app.inject({
    method,
    url,
    headers: { ...as.headers, 'accept-language': 'en' },
    ...(body === undefined ? {} : { payload: body as object }),
  });
  return { status: res.statusCode, body: res.body ? res.json() : null };
}

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'ORGS');
  app = await buildTestApp(database);
  admin = await signIn(app, org.users.org_admin.email);
  employee = await signIn(app, org.users.employee.email);
});

describe('organisation settings', () => {
  it('shows the settings to any member and lets the org admin change them, audited', async () => {
    const got = await call({ url: '/api/organisation', as: employee });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ code: 'ORGS', fiscalYearStartMonth: 4, defaultCurrency: 'JPY' });
    expect(got.body.currentFiscalYear.labelJa).toMatch(/^\d{4}年度$/);

    const changed = await call({
      method: 'PATCH',
      url: '/api/organisation',
      body: { fiscalYearStartMonth: 1, fyLabelEn: 'start', pointValueMinor: 10 },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.currentFiscalYear.start).toMatch(/-01-01$/);
    expect(changed.body.currentFiscalYear.labelEn).toBe(`fiscal ${changed.body.currentFiscalYear.startYear}`);
    const log = await call({ url: '/api/audit?entityType=organisation' });
    expect(log.body.items[0]).toMatchObject({ action: 'organisation.update', entityId: org.orgId });
    expect(log.body.items[0].before.fiscalYearStartMonth).toBe(4);
    expect(log.body.items[0].after.fiscalYearStartMonth).toBe(1);
  });

  it('refuses other roles, unknown currencies and unknown fields', async () => {
    const csr = await signIn(app, org.users.csr_manager.email);
    expect(
      (await call({ method: 'PATCH', url: '/api/organisation', body: { nameEn: 'x' }, as: csr })).status,
    ).toBe(403);
    const bad = await call({ method: 'PATCH', url: '/api/organisation', body: { defaultCurrency: 'XYZ' } });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual([
      expect.objectContaining({ path: 'defaultCurrency', code: 'invalid_value' }),
    ]);
    const unknown = await call({ method: 'PATCH', url: '/api/organisation', body: { code: 'NEW' } });
    expect(unknown.body.code).toBe('unknown_field');
  });

  it('lists the 47 prefectures with JIS codes', async () => {
    const res = await call({ url: '/api/prefectures', as: employee });
    expect(res.body.items).toHaveLength(47);
    expect(res.body.items[12]).toEqual({ code: '13', nameJa: '東京都', nameEn: 'Tokyo' });
  });
});

describe('group companies', () => {
  it('creates, finds, sorts, changes and deletes a company, each change audited', async () => {
    const body = {
      code: 'IN01',
      nameJa: 'インド',
      nameEn: 'India',
      country: 'in',
      currency: 'inr',
      timeZone: 'Asia/Kolkata',
    };
    const created = await call({ method: 'POST', url: '/api/companies', body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'IN01',
      country: 'IN',
      currency: 'INR',
      siteCount: 0,
      employeeCount: 0,
    });
    const id = created.body.id;

    const found = await call({ url: '/api/companies?q=indi', as: employee });
    expect(found.body.items.map((c: { code: string }) => c.code)).toEqual(['IN01']);
    const sorted = await call({ url: '/api/companies?sort=-code&size=2' });
    expect(sorted.body).toMatchObject({ total: 3, page: 1, size: 2 });
    expect(sorted.body.items.map((c: { code: string }) => c.code)).toEqual(['US01', 'JP01']);
    const jp = await call({ url: `/api/companies/${org.companies.jp}` });
    expect(jp.body).toMatchObject({ siteCount: 1, employeeCount: 7 });

    const patched = await call({
      method: 'PATCH',
      url: `/api/companies/${id}`,
      body: { nameEn: 'India Ltd' },
    });
    expect(patched.body.nameEn).toBe('India Ltd');
    expect((await call({ method: 'DELETE', url: `/api/companies/${id}` })).status).toBe(204);
    expect((await call({ url: `/api/companies/${id}` })).status).toBe(404);

    const log = await call({ url: `/api/audit?entityType=company&entityId=${id}` });
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual([
      'company.delete',
      'company.update',
      'company.create',
    ]);
  });

  it('names each invalid field, and a taken code as duplicate', async () => {
    const bad = await call({
      method: 'POST',
      url: '/api/companies',
      body: {
        code: 'XX01',
        nameJa: 'x',
        nameEn: 'x',
        country: 'QQ',
        currency: 'ABC',
        timeZone: 'Mars/Olympus',
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`).sort()).toEqual([
      'country:invalid_value',
      'currency:invalid_value',
      'timeZone:invalid_time_zone',
    ]);
    const dup = await call({
      method: 'POST',
      url: '/api/companies',
      body: { code: 'JP01', nameJa: 'x', nameEn: 'x', country: 'JP', currency: 'JPY', timeZone: 'UTC' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'duplicate', fields: [{ path: 'code', code: 'duplicate' }] });
    expect(dup.body.detail).toBe('This group company already exists.');
  });

  it('refuses to delete a company that still has sites, in the caller’s language', async () => {
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/companies/${org.companies.us}`,
      headers: { ...admin.headers, 'accept-language': 'ja' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('conflict');
    expect(res.json().detail).toContain('拠点');
  });
});

describe('sites and departments', () => {
  it('keeps prefectures to JIS codes and a site to its company', async () => {
    const base = {
      companyId: org.companies.jp,
      code: 'OSK',
      nameJa: '大阪',
      nameEn: 'Osaka',
      timeZone: 'Asia/Tokyo',
    };
    const bad = await call({ method: 'POST', url: '/api/sites', body: { ...base, prefecture: '48' } });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].path).toBe('prefecture');
    const ok = await call({
      method: 'POST',
      url: '/api/sites',
      body: { ...base, prefecture: '27', kind: 'factory' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ companyCode: 'JP01', prefecture: '27', kind: 'factory', region: null });
    const moved = await call({
      method: 'PATCH',
      url: `/api/sites/${ok.body.id}`,
      body: { companyId: org.companies.us },
    });
    expect(moved.body.code).toBe('unknown_field');
    const list = await call({ url: `/api/sites?companyId=${org.companies.jp}&sort=-code` });
    expect(list.body.items.map((s: { code: string }) => s.code)).toEqual(['TKY', 'OSK']);
    const tz = await call({ method: 'PATCH', url: `/api/sites/${ok.body.id}`, body: { timeZone: 'Tokyo' } });
    expect(tz.body.fields).toEqual([
      expect.objectContaining({ path: 'timeZone', code: 'invalid_time_zone' }),
    ]);
    expect((await call({ method: 'DELETE', url: `/api/sites/${ok.body.id}` })).status).toBe(204);
    const inUse = await call({ method: 'DELETE', url: `/api/sites/${org.sites.tokyo}` });
    expect(inUse.status).toBe(409);
  });

  it('keeps a department’s parent in its company and out of its own subtree', async () => {
    const dept = (code: string, extra: object = {}) =>
      call({
        method: 'POST',
        url: '/api/departments',
        body: { companyId: org.companies.jp, code, nameJa: code, nameEn: code, ...extra },
      });
    const top = (await dept('HR')).body;
    const child = (await dept('HR-PAY', { parentId: top.id })).body;
    expect(child).toMatchObject({ parentId: top.id, companyCode: 'JP01' });
    const cycle = await call({
      method: 'PATCH',
      url: `/api/departments/${top.id}`,
      body: { parentId: child.id },
    });
    expect(cycle.body.fields).toEqual([expect.objectContaining({ path: 'parentId', code: 'parent_cycle' })]);
    const self = await call({
      method: 'PATCH',
      url: `/api/departments/${top.id}`,
      body: { parentId: top.id },
    });
    expect(self.body.fields[0].code).toBe('parent_cycle');
    const foreign = await call({
      method: 'POST',
      url: '/api/departments',
      body: { companyId: org.companies.us, code: 'US-HR', nameJa: 'x', nameEn: 'x', parentId: top.id },
    });
    expect(foreign.body.fields).toEqual([
      expect.objectContaining({ path: 'parentId', code: 'parent_outside_company' }),
    ]);
    expect((await dept('HR')).status).toBe(409);
    expect((await call({ method: 'DELETE', url: `/api/departments/${top.id}` })).status).toBe(409);
    expect((await call({ method: 'DELETE', url: `/api/departments/${child.id}` })).status).toBe(204);
    const found = await call({ url: '/api/departments?q=hr', as: employee });
    expect(found.body.items.map((d: { code: string }) => d.code)).toEqual(['HR']);
  });
});

describe('scope of org.manage', () => {
  it('lets a company-scoped administrator manage only that company’s sites and departments', async () => {
    const ctx = await ctxAs(database, org, 'org_admin');
    await createUser(ctx, {
      email: 'jp-admin@orgs.test',
      password: TEST_PASSWORD,
      grants: [{ role: 'org_admin', scopeType: 'company', companyId: org.companies.jp }],
    });
    const jpAdmin = await signIn(app, 'jp-admin@orgs.test');
    const site = (companyId: string, code: string) =>
      call({
        method: 'POST',
        url: '/api/sites',
        body: { companyId, code, nameJa: code, nameEn: code, timeZone: 'UTC' },
        as: jpAdmin,
      });
    expect((await site(org.companies.jp, 'JP-NEW')).status).toBe(201);
    expect((await site(org.companies.us, 'US-NEW')).status).toBe(403);
    const patchUs = await call({
      method: 'PATCH',
      url: `/api/companies/${org.companies.us}`,
      body: { nameEn: 'x' },
      as: jpAdmin,
    });
    expect(patchUs.status).toBe(403);
    const patchJp = await call({
      method: 'PATCH',
      url: `/api/companies/${org.companies.jp}`,
      body: { nameEn: 'ORGS Japan KK' },
      as: jpAdmin,
    });
    expect(patchJp.status).toBe(200);
    const company = await call({
      method: 'POST',
      url: '/api/companies',
      body: {
        code: 'TH01',
        nameJa: 'タイ',
        nameEn: 'Thailand',
        country: 'TH',
        currency: 'THB',
        timeZone: 'Asia/Bangkok',
      },
      as: jpAdmin,
    });
    expect(company.status).toBe(403);
    expect(
      (await call({ method: 'PATCH', url: '/api/organisation', body: { nameEn: 'x' }, as: jpAdmin })).status,
    ).toBe(403);
  });

  it('lets members read the structure but not change it', async () => {
    expect((await call({ url: '/api/sites', as: employee })).status).toBe(200);
    const res = await call({
      method: 'POST',
      url: '/api/departments',
      body: { companyId: org.companies.jp, code: 'X', nameJa: 'x', nameEn: 'x' },
      as: employee,
    });
    expect(res.status).toBe(403);
  });
});
