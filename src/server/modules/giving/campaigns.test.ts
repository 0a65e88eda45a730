import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import {
  buildTestApp,
  createTestOrg,
  type Session,
  signIn,
  TEST_PASSWORD,
  type TestOrg,
} from '../../test/factories.js';
import { roleGrants, users } from '../auth/auth.table.js';
import { hashPassword } from '../auth/passwords.js';
import { partners } from '../partners/partners.table.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let manager: Session;
let usCsr: Session;
let employee: Session;
let auditor: Session;
const p: Record<'rc' | 'jpf' | 'unscreened' | 'closed', string> = {} as never;

const call = (as: Session, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });

const noto = () => ({
  companyId: org.companies.jp,
  code: 'NOTO-2024',
  kind: 'disaster',
  fundType: 'victim_relief',
  titleJa: '令和6年能登半島地震 義援金',
  titleEn: 'Noto Peninsula Earthquake relief',
  storyJa: '被災された方々への義援金を募ります。',
  storyEn: 'Donations for the people affected.',
  goalJpy: 20_000_000,
  startsOn: '2024-01-05',
  endsOn: '2024-03-31',
  matchRatioPercent: 100,
  matchCapPerEmployeeJpy: 50_000,
  partnerIds: [p.rc],
});

/** An account holding csr_manager on the US company only. */
async function usCsrManager(): Promise<string> {
  const email = 'us-csr@campaigns.test';
  const [u] = await database.db
    .insert(users)
    .values({
      orgId: org.orgId,
      email,
      displayName: 'US CSR',
      passwordHash: await hashPassword(TEST_PASSWORD),
    })
    .returning();
  await database.db.insert(roleGrants).values([
    {
      orgId: org.orgId,
      userId: u.id,
      role: 'csr_manager',
      scopeType: 'company',
      companyId: org.companies.us,
    },
    { orgId: org.orgId, userId: u.id, role: 'employee', scopeType: 'org' },
  ]);
  return email;
}

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'CAMPAIGNS');
  app = await buildTestApp(database);
  const rows = await database.db
    .insert(partners)
    .values([
      {
        orgId: org.orgId,
        code: 'RC',
        nameJa: '日本赤十字社',
        kind: 'public_interest',
        eligibleUntil: '2099-12-31',
      },
      {
        orgId: org.orgId,
        code: 'JPF',
        nameJa: 'ジャパン・プラットフォーム',
        kind: 'ngo',
        eligibleUntil: '2099-12-31',
      },
      { orgId: org.orgId, code: 'NEW', nameJa: '審査前の団体', kind: 'npo', eligibleUntil: null },
      {
        orgId: org.orgId,
        code: 'OLD',
        nameJa: '解散した団体',
        kind: 'npo',
        eligibleUntil: '2099-12-31',
        status: 'closed',
      },
    ])
    .returning();
  [p.rc, p.jpf, p.unscreened, p.closed] = rows.map((r) => r.id);
  manager = await signIn(app, org.users.csr_manager.email);
  usCsr = await signIn(app, await usCsrManager());
  employee = await signIn(app, org.users.employee.email);
  auditor = await signIn(app, org.users.auditor.email);
});

describe('campaigns', () => {
  let id: string;

  it('creates a draft with its beneficiaries and empty totals', async () => {
    const res = await call(manager, 'POST', '/api/campaigns', noto());
    expect(res.statusCode).toBe(201);
    const c = res.json();
    id = c.id;
    expect(c).toMatchObject({
      status: 'draft',
      companyCode: 'JP01',
      acceptsPoints: true,
      acceptsMoney: true,
      canManage: true,
      beneficiaries: [{ partnerId: p.rc, position: 1, code: 'RC' }],
      totals: { donors: 0, totalJpy: 0, pledgedJpy: 0, goalJpy: 20_000_000, byCurrency: [] },
    });
  });

  it('refuses invalid campaigns field by field, and a duplicate code', async () => {
    const res = await call(manager, 'POST', '/api/campaigns', {
      ...noto(),
      code: 'BAD-1',
      titleJa: null,
      endsOn: '2023-12-31',
      acceptsPoints: false,
      acceptsMoney: false,
      matchRatioPercent: null,
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`)
        .sort(),
    ).toEqual([
      'acceptsMoney:accepts_nothing',
      'endsOn:ends_before_start',
      'matchRatioPercent:match_ratio_required',
      'titleJa:required',
    ]);
    const dup = await call(manager, 'POST', '/api/campaigns', noto());
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields[0]).toMatchObject({ path: 'code', code: 'duplicate' });
  });

  it('refuses beneficiaries that are not eligible or closed', async () => {
    const ineligible = await call(manager, 'PUT', `/api/campaigns/${id}/beneficiaries`, {
      partnerIds: [p.rc, p.unscreened],
    });
    expect(ineligible.statusCode).toBe(422);
    expect(ineligible.json()).toMatchObject({
      code: 'recipient_not_eligible',
      fields: [{ path: 'partnerIds.1', code: 'recipient_not_eligible' }],
    });
    const closed = await call(manager, 'PATCH', `/api/campaigns/${id}`, { partnerIds: [p.closed] });
    expect(closed.json().code).toBe('recipient_closed');
    const ok = await call(manager, 'PUT', `/api/campaigns/${id}/beneficiaries`, {
      partnerIds: [p.jpf, p.rc],
    });
    expect(ok.json().beneficiaries.map((b: { code: string }) => b.code)).toEqual(['JPF', 'RC']);
  });

  it('keeps a campaign to its company: a US CSR manager cannot edit or open a JP campaign', async () => {
    const edit = await call(usCsr, 'PATCH', `/api/campaigns/${id}`, { goalJpy: 1 });
    expect(edit.statusCode).toBe(404);
    const create = await call(usCsr, 'POST', '/api/campaigns', { ...noto(), code: 'US-TRY' });
    expect(create.statusCode).toBe(403);
    await call(manager, 'POST', `/api/campaigns/${id}/open`);
    const open = await call(usCsr, 'PATCH', `/api/campaigns/${id}`, { goalJpy: 1 });
    expect(open.statusCode).toBe(403);
    const close = await call(usCsr, 'POST', `/api/campaigns/${id}/close`);
    expect(close.statusCode).toBe(403);
    const seen = await call(usCsr, 'GET', `/api/campaigns/${id}`);
    expect(seen.json()).toMatchObject({ status: 'open', canManage: false });
  });

  it('moves draft → open → closed only', async () => {
    const again = await call(manager, 'POST', `/api/campaigns/${id}/open`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('invalid_transition');
    const empty = await call(manager, 'PUT', `/api/campaigns/${id}/beneficiaries`, { partnerIds: [] });
    expect(empty.json().fields[0]).toMatchObject({ code: 'beneficiary_required' });
    const company = await call(manager, 'PATCH', `/api/campaigns/${id}`, { companyId: org.companies.us });
    expect(company.json().fields[0]).toMatchObject({ path: 'companyId', code: 'fixed_after_open' });
    const story = await call(manager, 'PATCH', `/api/campaigns/${id}`, { storyEn: 'Updated story.' });
    expect(story.json()).toMatchObject({ storyEn: 'Updated story.', status: 'open' });
    const closed = await call(manager, 'POST', `/api/campaigns/${id}/close`);
    expect(closed.json().status).toBe('closed');
    const edit = await call(manager, 'PATCH', `/api/campaigns/${id}`, { storyEn: 'Too late.' });
    expect(edit.json().code).toBe('invalid_transition');
    const reopen = await call(manager, 'POST', `/api/campaigns/${id}/open`);
    expect(reopen.json().code).toBe('invalid_transition');
  });

  it('needs a beneficiary to open', async () => {
    const res = await call(manager, 'POST', '/api/campaigns', { ...noto(), code: 'EMPTY', partnerIds: [] });
    const open = await call(manager, 'POST', `/api/campaigns/${res.json().id}/open`);
    expect(open.statusCode).toBe(400);
    expect(open.json().fields[0]).toMatchObject({ path: 'partnerIds', code: 'beneficiary_required' });
  });

  it('lists only open campaigns to employees, and shows closed ones (not drafts) by id', async () => {
    const maui = await call(manager, 'POST', '/api/campaigns', {
      ...noto(),
      code: 'MAUI-2023',
      titleEn: 'Maui wildfires',
      fundType: 'relief_work',
    });
    await call(manager, 'POST', `/api/campaigns/${maui.json().id}/open`);
    const list = await call(employee, 'GET', '/api/campaigns');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((c: { code: string }) => c.code)).toEqual(['MAUI-2023']);
    expect(list.json().items[0].canManage).toBe(false);
    const closedList = await call(employee, 'GET', '/api/campaigns?status=closed');
    expect(closedList.json().total).toBe(0);
    expect((await call(employee, 'GET', `/api/campaigns/${id}`)).json().status).toBe('closed');
    const draft = (await call(manager, 'GET', '/api/campaigns?manage=true&status=draft')).json().items[0];
    expect(draft.code).toBe('EMPTY');
    expect((await call(employee, 'GET', `/api/campaigns/${draft.id}`)).statusCode).toBe(404);
    expect((await call(auditor, 'GET', `/api/campaigns/${draft.id}`)).statusCode).toBe(200);
    const managed = await call(manager, 'GET', '/api/campaigns?manage=true&sort=code');
    expect(managed.json().items.map((c: { code: string }) => c.code)).toEqual([
      'EMPTY',
      'MAUI-2023',
      'NOTO-2024',
    ]);
    const usList = await call(usCsr, 'GET', '/api/campaigns?manage=true');
    expect(usList.json().total).toBe(0);
    const search = await call(employee, 'GET', '/api/campaigns?q=maui');
    expect(search.json().total).toBe(1);
    expect((await call(employee, 'POST', '/api/campaigns', noto())).statusCode).toBe(403);
  });
});
