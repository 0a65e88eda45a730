import { and, eq } from 'drizzle-orm';
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
import { auditLog } from '../audit/audit.table.js';
import { createUser } from '../auth/users.service.js';
import { employees } from '../people/people.table.js';
import { todayIn } from './registrations.service.js';
import { volunteerRegistrations } from './volunteering.table.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let admin: Session;
let employee: Session;

type Call = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: object;
  as?: Session;
};
async function call({ method = 'GET', url, body, as = admin }: Call) {
  const res = await app.inject({ method, url, headers: as.headers, ...(body ? { payload: body } : {}) });
  return { status: res.statusCode, body: res.json() };
}
const profile = (extra: object = {}) => ({
  interestFields: ['environment', 'regional'],
  skills: ['translation'],
  skillsNote: '英日翻訳、手話は初級',
  languages: ['ja', 'en'],
  prefecture: '13',
  availability: ['weekend'],
  onlineOk: true,
  ...extra,
});
const actions = async (entityId: string) =>
  (
    await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.orgId), eq(auditLog.entityId, entityId)))
      .orderBy(auditLog.id)
  ).map((a) => a.action);

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'VOL');
  app = await buildTestApp(database);
  admin = await signIn(app, org.users.org_admin.email);
  employee = await signIn(app, org.users.employee.email);
  for (const [code, nameJa, nameEn] of [
    ['translation', '翻訳', 'Translation'],
    ['it', 'IT', 'IT'],
    ['accounting', '経理', 'Accounting'],
    ['legacy', '旧スキル', 'Legacy skill'],
  ])
    expect(
      (await call({ method: 'POST', url: '/api/volunteer-skills', body: { code, nameJa, nameEn } })).status,
    ).toBe(201);
  const legacy = (await call({ url: '/api/volunteer-skills' })).body.items.find(
    (s: { code: string }) => s.code === 'legacy',
  );
  await call({ method: 'PATCH', url: `/api/volunteer-skills/${legacy.id}`, body: { active: false } });
});

describe('joining, updating and leaving the volunteer service', () => {
  it('answers 404 not_registered before the employee joins', async () => {
    const res = await call({ url: '/api/me/registration', as: employee });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_registered');
  });

  it('joins with a profile, dated today in the employee’s time zone, and audits it', async () => {
    const res = await call({ method: 'PUT', url: '/api/me/registration', body: profile(), as: employee });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      employeeId: org.users.employee.employeeId,
      joinedOn: todayIn('Asia/Tokyo'),
      leftOn: null,
      status: 'active',
      interestFields: ['environment', 'regional'],
      skills: ['translation'],
      skillsNote: '英日翻訳、手話は初級',
      languages: ['ja', 'en'],
      prefecture: '13',
      region: null,
      availability: ['weekend'],
      onlineOk: true,
      employee: { employeeNumber: 'VOL-7', companyCode: 'JP01', siteCode: 'TKY' },
    });
    expect((await call({ url: '/api/me/registration', as: employee })).body.id).toBe(res.body.id);
    expect(await actions(res.body.id)).toEqual(['volunteer_registration.join']);
  });

  it('updates the profile, keeps the joining date, and audits only real changes', async () => {
    const before = (await call({ url: '/api/me/registration', as: employee })).body;
    const body = profile({
      skills: ['translation', 'it', 'it'],
      onlineOk: false,
      prefecture: null,
      region: 'Osaka',
    });
    const res = await call({ method: 'PUT', url: '/api/me/registration', body, as: employee });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      joinedOn: before.joinedOn,
      skills: ['translation', 'it'],
      onlineOk: false,
    });
    expect(res.body).toMatchObject({ prefecture: null, region: 'Osaka' });
    await call({ method: 'PUT', url: '/api/me/registration', body, as: employee });
    expect(await actions(before.id)).toEqual([
      'volunteer_registration.join',
      'volunteer_registration.update',
    ]);
  });

  it('leaves with today as the date, keeps the record, and leaving twice changes nothing', async () => {
    const res = await call({ method: 'DELETE', url: '/api/me/registration', as: employee });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'left', leftOn: todayIn('Asia/Tokyo') });
    const again = await call({ method: 'DELETE', url: '/api/me/registration', as: employee });
    expect(again.body).toMatchObject({ status: 'left', leftOn: res.body.leftOn });
    expect((await call({ url: '/api/me/registration', as: employee })).body.status).toBe('left');
    expect((await actions(res.body.id)).filter((a) => a.endsWith('.leave'))).toHaveLength(1);
  });

  it('joining again clears the leaving date and keeps the first joining date', async () => {
    const id = (await call({ url: '/api/me/registration', as: employee })).body.id;
    await database.db
      .update(volunteerRegistrations)
      .set({ joinedOn: '2022-05-01', leftOn: '2023-01-31' })
      .where(eq(volunteerRegistrations.id, id));
    const res = await call({ method: 'PUT', url: '/api/me/registration', body: profile(), as: employee });
    expect(res.body).toMatchObject({ id, joinedOn: '2022-05-01', leftOn: null, status: 'active' });
    expect((await actions(id)).at(-1)).toBe('volunteer_registration.rejoin');
  });

  it('refuses an unknown or deactivated skill, but keeps a deactivated one already held', async () => {
    const unknown = await call({
      method: 'PUT',
      url: '/api/me/registration',
      body: profile({ skills: ['translation', 'juggling', 'legacy'] }),
      as: employee,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('validation_failed');
    expect(unknown.body.fields.map((f: { path: string; code: string }) => [f.path, f.code])).toEqual([
      ['skills.1', 'unknown_skill'],
      ['skills.2', 'inactive_skill'],
    ]);
    const id = (await call({ url: '/api/me/registration', as: employee })).body.id;
    await database.db
      .update(volunteerRegistrations)
      .set({ skills: ['legacy'] })
      .where(eq(volunteerRegistrations.id, id));
    const kept = await call({
      method: 'PUT',
      url: '/api/me/registration',
      body: profile({ skills: ['legacy', 'accounting'] }),
      as: employee,
    });
    expect(kept.status).toBe(200);
    expect(kept.body.skills).toEqual(['legacy', 'accounting']);
  });

  it('refuses values outside the lists and unknown properties', async () => {
    const put = (body: object) => call({ method: 'PUT', url: '/api/me/registration', body, as: employee });
    const bad = await put(profile({ interestFields: ['space'], languages: ['xx'], prefecture: '48' }));
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'interestFields.0',
      'languages.0',
      'prefecture',
    ]);
    const extra = await put({ ...profile(), joinedOn: '2001-01-01' });
    expect(extra.body.code).toBe('unknown_field');
  });

  it('needs an account linked to an employee', async () => {
    await createUser(await ctxAs(database, org, 'org_admin'), {
      email: 'no-employee@vol.test',
      password: TEST_PASSWORD,
      grants: [{ role: 'employee', scopeType: 'org' }],
    });
    const unlinked = await signIn(app, 'no-employee@vol.test');
    const res = await call({ method: 'PUT', url: '/api/me/registration', body: profile(), as: unlinked });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('no_employee_record');
    expect((await call({ url: '/api/me/registration', as: unlinked })).body.code).toBe('no_employee_record');
  });
});

describe('the volunteer database', () => {
  const ids: Record<string, string> = {};
  const numbers = (body: { items: { employee: { employeeNumber: string } }[] }) =>
    body.items.map((r) => r.employee.employeeNumber);
  const list = async (query = '', as = admin) => {
    const res = await call({ url: `/api/volunteers${query}`, as });
    expect(res.status).toBe(200);
    return numbers(res.body);
  };

  beforeAll(async () => {
    const { jp, us } = org.companies;
    const people = [
      ['V-JP-1', jp, org.sites.tokyo, '佐藤 花子', 'Hanako Sato', 'さとう はなこ'],
      ['V-JP-2', jp, null, '鈴木 一郎', 'Ichiro Suzuki', 'すずき いちろう'],
      ['V-US-1', us, org.sites.texas, 'スミス ジョン', 'John Smith', 'すみす じょん'],
    ] as const;
    let n = 100;
    for (const [employeeNumber, companyId, siteId, nameJa, nameEn, nameKana] of people) {
      const [e] = await database.db
        .insert(employees)
        .values(
          buildEmployeeRow(org.orgId, companyId, n++, { employeeNumber, siteId, nameJa, nameEn, nameKana }),
        )
        .returning();
      ids[employeeNumber] = e.id;
    }
    await database.db.insert(volunteerRegistrations).values([
      {
        orgId: org.orgId,
        employeeId: ids['V-JP-1'],
        joinedOn: '2021-06-01',
        interestFields: ['education_culture_sports'],
        skills: ['it'],
      },
      {
        orgId: org.orgId,
        employeeId: ids['V-JP-2'],
        joinedOn: '2023-04-10',
        leftOn: '2024-01-15',
        interestFields: ['environment'],
        skills: ['accounting', 'it'],
      },
      { orgId: org.orgId, employeeId: ids['V-US-1'], joinedOn: '2024-02-01', interestFields: ['regional'] },
    ]);
    const ctx = await ctxAs(database, org, 'org_admin');
    await createUser(ctx, {
      email: 'us-csr@vol.test',
      password: TEST_PASSWORD,
      grants: [{ role: 'csr_manager', scopeType: 'company', companyId: us }],
    });
    await createUser(ctx, {
      email: 'tky-promoter@vol.test',
      password: TEST_PASSWORD,
      grants: [{ role: 'promoter', scopeType: 'site', siteId: org.sites.tokyo }],
    });
  });

  it('lists every registration for an organisation-wide reader, newest first', async () => {
    // VOL-7 joined on 2022-05-01 (set in the rejoin test above).
    expect(await list()).toEqual(['V-US-1', 'V-JP-2', 'VOL-7', 'V-JP-1']);
    const page = (await call({ url: '/api/volunteers?size=2&page=2' })).body;
    expect(page).toMatchObject({ total: 4, page: 2, size: 2 });
  });

  it('filters by search, company, site, field, skill, status and joining dates', async () => {
    expect(await list('?q=%E3%82%B9%E3%82%BA%E3%82%AD')).toEqual(['V-JP-2']); // スズキ
    expect(await list('?q=smith')).toEqual(['V-US-1']);
    expect(await list(`?companyId=${org.companies.us}`)).toEqual(['V-US-1']);
    expect(await list(`?siteId=${org.sites.tokyo}&sort=employeeNumber`)).toEqual(['V-JP-1', 'VOL-7']);
    expect(await list('?field=environment&sort=employeeNumber')).toEqual(['V-JP-2', 'VOL-7']);
    expect(await list('?skill=it')).toEqual(['V-JP-2', 'V-JP-1']);
    expect(await list('?status=left')).toEqual(['V-JP-2']);
    expect(await list('?status=active&joinedFrom=2021-01-01&joinedTo=2023-12-31')).toEqual([
      'VOL-7',
      'V-JP-1',
    ]);
    expect(await list('?joinedFrom=2023-04-10&joinedTo=2024-02-01&sort=joinedOn')).toEqual([
      'V-JP-2',
      'V-US-1',
    ]);
  });

  it('shows a company CSR manager that company’s volunteers and a site promoter that site’s', async () => {
    const usCsr = await signIn(app, 'us-csr@vol.test');
    expect(await list('', usCsr)).toEqual(['V-US-1']);
    const promoter = await signIn(app, 'tky-promoter@vol.test');
    expect(await list('?sort=employeeNumber', promoter)).toEqual(['V-JP-1', 'VOL-7']);
    const jpId = (await call({ url: '/api/volunteers?q=V-JP-1' })).body.items[0].id;
    expect((await call({ url: `/api/volunteers/${jpId}`, as: promoter })).status).toBe(200);
    const missing = await call({ url: `/api/volunteers/${jpId}`, as: usCsr });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
  });

  it('is closed to employees and read-only for auditors', async () => {
    expect((await call({ url: '/api/volunteers', as: employee })).status).toBe(403);
    const auditor = await signIn(app, org.users.auditor.email);
    expect(await list('', auditor)).toHaveLength(4);
    const created = await call({
      method: 'POST',
      url: '/api/volunteer-skills',
      body: { code: 'audit', nameJa: '監査', nameEn: 'Audit' },
      as: auditor,
    });
    expect(created.status).toBe(403);
  });
});

describe('the skills list', () => {
  it('lists active skills to every employee, and deactivated ones on request', async () => {
    const active = await call({ url: '/api/volunteer-skills', as: employee });
    expect(active.body.items.map((s: { code: string }) => s.code)).toEqual([
      'accounting',
      'it',
      'translation',
    ]);
    const all = await call({ url: '/api/volunteer-skills?includeInactive=true' });
    expect(all.body.items.find((s: { code: string }) => s.code === 'legacy')).toMatchObject({
      active: false,
    });
  });

  it('refuses a code twice, renames, reactivates, and audits each change', async () => {
    const dup = await call({
      method: 'POST',
      url: '/api/volunteer-skills',
      body: { code: 'IT', nameJa: 'IT', nameEn: 'IT' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.fields).toEqual([expect.objectContaining({ path: 'code', code: 'duplicate' })]);
    const bad = await call({
      method: 'POST',
      url: '/api/volunteer-skills',
      body: { code: 'sign language', nameJa: '手話', nameEn: 'Sign language' },
    });
    expect(bad.status).toBe(400);
    const legacy = (await call({ url: '/api/volunteer-skills?includeInactive=true' })).body.items.find(
      (s: { code: string }) => s.code === 'legacy',
    );
    const res = await call({
      method: 'PATCH',
      url: `/api/volunteer-skills/${legacy.id}`,
      body: { nameEn: 'Old skill', active: true },
    });
    expect(res.body).toMatchObject({ code: 'legacy', nameEn: 'Old skill', active: true });
    expect(await actions(legacy.id)).toEqual([
      'volunteer_skill.create',
      'volunteer_skill.update',
      'volunteer_skill.update',
    ]);
    const noCode = await call({
      method: 'PATCH',
      url: `/api/volunteer-skills/${legacy.id}`,
      body: { code: 'x' },
    });
    expect(noCode.body.code).toBe('unknown_field');
  });

  it('is changed only with an organisation-wide grant', async () => {
    const usCsr = await signIn(app, 'us-csr@vol.test');
    const res = await call({
      method: 'POST',
      url: '/api/volunteer-skills',
      body: { code: 'law', nameJa: '法務', nameEn: 'Law' },
      as: usCsr,
    });
    expect(res.status).toBe(403);
    const promoter = await signIn(app, org.users.promoter.email);
    const refused = await call({
      method: 'POST',
      url: '/api/volunteer-skills',
      body: { code: 'law', nameJa: '法務', nameEn: 'Law' },
      as: promoter,
    });
    expect(refused.status).toBe(403);
  });
});

describe('concurrency', () => {
  it('joins once when the same employee sends two requests at the same time', async () => {
    const finance = await signIn(app, org.users.finance.email);
    const put = () => call({ method: 'PUT', url: '/api/me/registration', body: profile(), as: finance });
    const [a, b] = await Promise.all([put(), put()]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.id).toBe(b.body.id);
    expect(await actions(a.body.id)).toEqual(['volunteer_registration.join']);
  });
});
