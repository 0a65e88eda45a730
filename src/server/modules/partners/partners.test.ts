import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { corporateNumberValid, localGovCodeValid } from '../../../shared/check-digits.js';
import type { Database } from '../../db/client.js';
import { rowsOf } from '../../lib/sql.js';
import { openTestDatabase } from '../../test/db.js';
import { buildTestApp, createTestOrg, type Session, signIn, type TestOrg } from '../../test/factories.js';
import { auditLog } from '../audit/audit.table.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { partners } from './partners.table.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let admin: Session;
let promoter: Session;
let employee: Session;

const call = (as: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });
const codes = (res: { json: () => { items: { code: string }[] } }) => res.json().items.map((p) => p.code);
const dayOffset = (days: number) => {
  const d = new Date(`${ledgerToday()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const setEligibleUntil = (id: string, until: string | null) =>
  database.db.update(partners).set({ eligibleUntil: until }).where(eq(partners.id, id));

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

describe('the partner registry', () => {
  let id: string;
  let cityId: string;

  it('adds an organisation with its bank details, not eligible until screened, audited', async () => {
    const res = await call(admin, 'POST', '/api/partners', {
      code: 'JPF',
      nameJa: 'ジャパン・プラットフォーム',
      nameEn: 'Japan Platform',
      kind: 'ngo',
      corporateNumber: '7010401022916',
      website: 'https://www.japanplatform.org/',
      postalCode: '102-0083',
      addressJa: '東京都千代田区麹町',
      descriptionEn: 'Emergency humanitarian aid',
      fields: ['welfare_diversity', 'regional', 'regional'],
      bank,
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      code: 'JPF',
      eligible: false,
      eligibleUntil: null,
      status: 'active',
      postalCode: '102-0083',
      fields: ['welfare_diversity', 'regional'],
      localGovCode: null,
      bank,
      campaignCount: 0,
    });
    id = p.id;
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'partner'), eq(auditLog.entityId, id)));
    expect(entry.action).toBe('partner.create');
  });

  it('keeps a municipality with its local-government code', async () => {
    const res = await call(admin, 'POST', '/api/partners', {
      code: 'CITY-KAWASAKI',
      nameJa: '川崎市',
      nameEn: 'Kawasaki City',
      kind: 'municipality',
      localGovCode: '141305',
      fields: ['regional'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'municipality', localGovCode: '141305' });
    cityId = res.json().id;
  });

  it('refuses bad values, wrong check digits, a missing default-language name and a duplicate code', async () => {
    const bad = await call(admin, 'POST', '/api/partners', {
      code: 'bad code',
      nameJa: 'x',
      kind: 'charity',
      corporateNumber: '123',
      localGovCode: '14130',
      fields: ['space'],
      bank: { ...bank, bankAccountNumber: '12-34' },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'code',
        'kind',
        'corporateNumber',
        'localGovCode',
        'fields.0',
        'bank.bankAccountNumber',
      ]),
    );
    const digits = await call(admin, 'POST', '/api/partners', {
      code: 'DIGITS',
      nameJa: '検査',
      kind: 'prefecture',
      corporateNumber: '8010401022916',
      localGovCode: '070008',
    });
    expect(digits.statusCode).toBe(400);
    expect(digits.json().fields).toEqual([
      expect.objectContaining({ path: 'corporateNumber', code: 'corporate_number_check_digit' }),
      expect.objectContaining({ path: 'localGovCode', code: 'local_gov_code_check_digit' }),
    ]);
    const ja = await app.inject({
      method: 'POST',
      url: '/api/partners',
      headers: { ...admin.headers, 'accept-language': 'ja' },
      payload: { code: 'DIGITS', nameJa: '検査', kind: 'prefecture', localGovCode: '070008' },
    });
    expect(ja.json().fields[0].message).toContain('検査用数字');
    const patch = await call(admin, 'PATCH', `/api/partners/${cityId}`, { localGovCode: '141306' });
    expect(patch.json().fields[0]).toMatchObject({
      path: 'localGovCode',
      code: 'local_gov_code_check_digit',
    });
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
  });

  it('never takes eligibility as input: screening decides it', async () => {
    const create = await call(admin, 'POST', '/api/partners', {
      code: 'X1',
      nameJa: 'x',
      kind: 'npo',
      eligible: true,
    });
    expect(create.statusCode).toBe(400);
    expect(create.json().code).toBe('unknown_field');
    for (const body of [{ eligible: true }, { eligibleUntil: '2099-12-31' }]) {
      const res = await call(admin, 'PATCH', `/api/partners/${id}`, body);
      expect(res.statusCode).toBe(400);
    }
  });

  it('is eligible while active and screened through today, and not the day after', async () => {
    await setEligibleUntil(id, ledgerToday());
    expect((await call(admin, 'GET', `/api/partners/${id}`)).json()).toMatchObject({
      eligible: true,
      eligibleUntil: ledgerToday(),
    });
    await setEligibleUntil(id, dayOffset(-1));
    expect((await call(admin, 'GET', `/api/partners/${id}`)).json().eligible).toBe(false);
    await setEligibleUntil(id, dayOffset(365));
    const closed = await call(admin, 'PATCH', `/api/partners/${id}`, { status: 'closed', bank: null });
    expect(closed.json()).toMatchObject({ eligible: false, status: 'closed', bank: null });
    const back = await call(admin, 'PATCH', `/api/partners/${id}`, { status: 'active', bank });
    expect(back.json()).toMatchObject({ eligible: true, status: 'active', bank });
    const missing = await call(admin, 'PATCH', '/api/partners/00000000-0000-4000-8000-000000000000', {
      status: 'closed',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('filters by text (also the local-government code), eligibility, kind and field', async () => {
    await call(admin, 'POST', '/api/partners', {
      code: 'RC',
      nameJa: '日本赤十字社',
      nameEn: 'Japanese Red Cross',
      kind: 'public_interest',
      fields: ['welfare_diversity'],
    });
    expect(codes(await call(admin, 'GET', '/api/partners?eligible=true'))).toEqual(['JPF']);
    expect(codes(await call(admin, 'GET', '/api/partners?eligible=false'))).toEqual(['CITY-KAWASAKI', 'RC']);
    const text = await call(admin, 'GET', '/api/partners?q=red%20cross');
    expect(text.json()).toMatchObject({ total: 1, items: [{ code: 'RC', eligible: false }] });
    expect(codes(await call(admin, 'GET', '/api/partners?q=14130'))).toEqual(['CITY-KAWASAKI']);
    expect(codes(await call(admin, 'GET', '/api/partners?kind=municipality'))).toEqual(['CITY-KAWASAKI']);
    expect(codes(await call(admin, 'GET', '/api/partners?field=welfare_diversity&sort=-code'))).toEqual([
      'RC',
      'JPF',
    ]);
    expect((await call(admin, 'GET', '/api/partners?field=space')).statusCode).toBe(400);
  });

  it('hides bank details from readers who neither manage organisations nor read the ledger', async () => {
    const res = await call(promoter, 'GET', `/api/partners/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().bank).toBeNull();
    const edit = await call(promoter, 'PATCH', `/api/partners/${id}`, { status: 'closed' });
    expect(edit.statusCode).toBe(403);
  });

  it('lets employees list only the organisations that may receive donations now', async () => {
    expect((await call(employee, 'GET', '/api/partners')).statusCode).toBe(403);
    const res = await call(employee, 'GET', '/api/partners/eligible');
    expect(res.statusCode).toBe(200);
    expect(codes(res)).toEqual(['JPF']);
    expect(res.json().items[0]).not.toHaveProperty('bank');
    await setEligibleUntil(id, dayOffset(-1));
    expect(codes(await call(employee, 'GET', '/api/partners/eligible'))).toEqual([]);
    await setEligibleUntil(id, dayOffset(365));
  });
});

describe('check digits in the database', () => {
  it('agrees with the TypeScript rules on real identifiers and on every check digit of a sample', async () => {
    const corporate = ['7010401022916', '7000012050002'];
    const local = ['070009', '141305', '222135', '130001', '330001', '011002'];
    for (let i = 0; i < 40; i++) {
      const base = String((i * 7_919_345_713 + 12_345) % 1e12).padStart(12, '0');
      for (let d = 0; d <= 9; d++) corporate.push(`${d}${base}`);
      const five = String((i * 2_741 + 101) % 1e5).padStart(5, '0');
      for (let d = 0; d <= 9; d++) local.push(`${five}${d}`);
    }
    const rows = await rowsOf<{ v: string; kind: string; ok: boolean }>(
      database.db,
      sql`select v, 'corporate' as kind, kyosei_corporate_number_ok(v) as ok from unnest(string_to_array(${corporate.join(',')}, ',')) as v
          union all
          select v, 'local', kyosei_local_gov_code_ok(v) from unnest(string_to_array(${local.join(',')}, ',')) as v`,
    );
    const mismatches = rows.filter(
      (r) => r.ok !== (r.kind === 'corporate' ? corporateNumberValid(r.v) : localGovCodeValid(r.v)),
    );
    expect(mismatches).toEqual([]);
    expect(rows.filter((r) => r.ok).length).toBe(2 + 6 + 80);
  });

  it('refuses a wrong check digit written straight to the table', async () => {
    const insert = (values: { corporateNumber?: string; localGovCode?: string }) =>
      database.db
        .insert(partners)
        .values({ orgId: org.orgId, code: 'DIRECT', nameJa: '直接', kind: 'npo', ...values });
    await expect(insert({ corporateNumber: '7010401022917' })).rejects.toThrow();
    await expect(insert({ localGovCode: '222136' })).rejects.toThrow();
    await expect(insert({ localGovCode: '222135' })).resolves.toBeDefined();
  });
});
