import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import { buildTestApp, createTestOrg, type Session, signIn, type TestOrg } from '../../test/factories.js';
import { auditLog } from '../audit/audit.table.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let admin: Session;
let promoter: Session;
let employee: Session;

const call = (as: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });

const bank = {
  bankName: 'みずほ銀行',
  bankBranch: '本店',
  bankAccountType: 'ordinary',
  bankAccountNumber: '1234567',
  bankAccountHolder: 'ﾄｸﾃｲﾋｴｲﾘｶﾂﾄﾞｳﾎｳｼﾞﾝ ｼﾞｬﾊﾟﾝﾌﾟﾗｯﾄﾌｫｰﾑ',
};

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'PARTNERS');
  app = await buildTestApp(database);
  admin = await signIn(app, org.users.org_admin.email);
  promoter = await signIn(app, org.users.promoter.email);
  employee = await signIn(app, org.users.employee.email);
});

describe('the list of organisations', () => {
  let id: string;

  it('adds an organisation with its bank details, audited', async () => {
    const res = await call(admin, 'POST', '/api/partners', {
      code: 'JPF',
      nameJa: 'ジャパン・プラットフォーム',
      nameEn: 'Japan Platform',
      kind: 'ngo',
      corporateNumber: '7010401022916',
      website: 'https://www.japanplatform.org/',
      eligible: true,
      bank,
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ code: 'JPF', eligible: true, status: 'active', bank, campaignCount: 0 });
    id = p.id;
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'partner'), eq(auditLog.entityId, id)));
    expect(entry.action).toBe('partner.create');
  });

  it('refuses bad values, a missing default-language name and a duplicate code', async () => {
    const bad = await call(admin, 'POST', '/api/partners', {
      code: 'bad code',
      nameJa: 'x',
      kind: 'charity',
      corporateNumber: '123',
      bank: { ...bank, bankAccountNumber: '12-34' },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['code', 'kind', 'corporateNumber', 'bank.bankAccountNumber']),
    );
    const unnamed = await call(admin, 'POST', '/api/partners', {
      code: 'UN',
      nameEn: 'Only English',
      kind: 'npo',
    });
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().fields).toEqual([expect.objectContaining({ path: 'nameJa', code: 'required' })]);
    const dup = await call(admin, 'POST', '/api/partners', { code: 'JPF', nameJa: '別団体', kind: 'npo' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields[0]).toMatchObject({ path: 'code', code: 'duplicate' });
    const unknown = await call(admin, 'POST', '/api/partners', {
      code: 'X1',
      nameJa: 'x',
      kind: 'npo',
      extra: 1,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('unknown_field');
  });

  it('changes eligibility and status, and removes bank details', async () => {
    const res = await call(admin, 'PATCH', `/api/partners/${id}`, {
      eligible: false,
      status: 'closed',
      bank: null,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ eligible: false, status: 'closed', bank: null });
    const back = await call(admin, 'PATCH', `/api/partners/${id}`, {
      eligible: true,
      status: 'active',
      bank,
    });
    expect(back.json()).toMatchObject({ eligible: true, status: 'active', bank });
    const missing = await call(admin, 'PATCH', '/api/partners/00000000-0000-4000-8000-000000000000', {
      eligible: true,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('filters by text, eligibility and kind', async () => {
    await call(admin, 'POST', '/api/partners', {
      code: 'RC',
      nameJa: '日本赤十字社',
      nameEn: 'Japanese Red Cross',
      kind: 'public_interest',
    });
    const eligible = await call(admin, 'GET', '/api/partners?eligible=true');
    expect(eligible.json().items.map((p: { code: string }) => p.code)).toEqual(['JPF']);
    const text = await call(admin, 'GET', '/api/partners?q=red%20cross');
    expect(text.json()).toMatchObject({ total: 1, items: [{ code: 'RC', eligible: false }] });
    const kind = await call(admin, 'GET', '/api/partners?kind=ngo&sort=-code');
    expect(kind.json().total).toBe(1);
  });

  it('hides bank details from readers who neither manage organisations nor read the ledger', async () => {
    const res = await call(promoter, 'GET', `/api/partners/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().bank).toBeNull();
    const edit = await call(promoter, 'PATCH', `/api/partners/${id}`, { eligible: false });
    expect(edit.statusCode).toBe(403);
  });

  it('lets employees list only the organisations that may receive donations now', async () => {
    expect((await call(employee, 'GET', '/api/partners')).statusCode).toBe(403);
    const res = await call(employee, 'GET', '/api/partners/eligible');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((p: { code: string }) => p.code)).toEqual(['JPF']);
    expect(res.json().items[0]).not.toHaveProperty('bank');
  });
});
