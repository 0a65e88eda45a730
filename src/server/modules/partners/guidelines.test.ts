import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import { buildTestApp, createTestOrg, type Session, signIn, type TestOrg } from '../../test/factories.js';
import { auditLog } from '../audit/audit.table.js';
import { screeningGuidelines } from './screening.table.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let csr: Session;
let admin: Session;
let pm: Session;
let promoter: Session;
let employee: Session;

const call = (
  as: Session,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
) => app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });

const criteria = [
  {
    code: 'ARTICLES',
    textJa: '定款を確認した',
    textEn: 'Articles checked',
    evidenceJa: '定款',
    evidenceEn: 'Articles of incorporation',
  },
  {
    code: 'ACCOUNTS',
    textJa: '決算書を確認した',
    textEn: 'Accounts checked',
    evidenceJa: '決算書',
    required: true,
  },
  { code: 'NOTE', textEn: 'Anything else worth noting', required: false },
];

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'GUIDE');
  app = await buildTestApp(database);
  csr = await signIn(app, org.users.csr_manager.email);
  admin = await signIn(app, org.users.org_admin.email);
  pm = await signIn(app, org.users.program_manager.email);
  promoter = await signIn(app, org.users.promoter.email);
  employee = await signIn(app, org.users.employee.email);
});

describe('selection guidelines as a versioned checklist', () => {
  let v1: string;
  let v2: string;

  it('needs a title for the first version, then creates draft v1', async () => {
    const bad = await call(csr, 'POST', '/api/screening/guidelines', {});
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([expect.objectContaining({ path: 'titleJa', code: 'required' })]);
    const res = await call(csr, 'POST', '/api/screening/guidelines', {
      titleJa: '社会貢献先選定ガイドライン',
      titleEn: 'Partner selection guidelines',
      policyJa: '反社会的勢力と関係のない団体を選定する。',
      validityMonths: 24,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: 1, status: 'draft', criteria: [], validityMonths: 24 });
    v1 = res.json().id;
  });

  it('allows one draft at a time', async () => {
    const res = await call(admin, 'POST', '/api/screening/guidelines', { titleEn: 'Another' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('guideline_draft_exists');
  });

  it('refuses a checklist with a repeated code or a criterion without text', async () => {
    const res = await call(csr, 'PUT', `/api/screening/guidelines/${v1}/criteria`, {
      items: [criteria[0], { ...criteria[1], code: 'articles' }, { code: 'EMPTY' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`)).toEqual([
      'items.1.code:duplicate',
      'items.2.textJa:required',
    ]);
  });

  it('refuses to publish an empty checklist', async () => {
    const res = await call(csr, 'POST', `/api/screening/guidelines/${v1}/publish`);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ path: 'criteria', code: 'required' });
  });

  it('replaces the criteria in order, keeping ids of codes that stay', async () => {
    const first = await call(csr, 'PUT', `/api/screening/guidelines/${v1}/criteria`, { items: criteria });
    expect(first.statusCode).toBe(200);
    const ids = Object.fromEntries(
      first.json().criteria.map((c: { code: string; id: string }) => [c.code, c.id]),
    );
    const res = await call(csr, 'PUT', `/api/screening/guidelines/${v1}/criteria`, {
      items: [criteria[1], criteria[0]],
    });
    const after = res.json().criteria;
    expect(after.map((c: { code: string }) => c.code)).toEqual(['ACCOUNTS', 'ARTICLES']);
    expect(after[0]).toMatchObject({ id: ids.ACCOUNTS, position: 0, required: true });
    expect(after[1]).toMatchObject({ id: ids.ARTICLES, position: 1 });
    await call(csr, 'PUT', `/api/screening/guidelines/${v1}/criteria`, { items: criteria });
  });

  it('publishes v1: it becomes active, frozen, and its publisher is named', async () => {
    const res = await call(csr, 'POST', `/api/screening/guidelines/${v1}/publish`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'active', publishedByName: 'csr_manager', criteriaCount: 3 });
    const patch = await call(csr, 'PATCH', `/api/screening/guidelines/${v1}`, { titleEn: 'Changed' });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().code).toBe('guideline_not_draft');
    const put = await call(csr, 'PUT', `/api/screening/guidelines/${v1}/criteria`, { items: [criteria[0]] });
    expect(put.json().code).toBe('guideline_not_draft');
  });

  it('starts v2 as a copy of v1 with its criteria; publishing it retires v1', async () => {
    const res = await call(admin, 'POST', '/api/screening/guidelines', { validityMonths: 12 });
    expect(res.statusCode).toBe(201);
    const draft = res.json();
    expect(draft).toMatchObject({
      version: 2,
      status: 'draft',
      titleJa: '社会貢献先選定ガイドライン',
      validityMonths: 12,
    });
    expect(draft.criteria.map((c: { code: string }) => c.code)).toEqual(['ARTICLES', 'ACCOUNTS', 'NOTE']);
    v2 = draft.id;
    const patched = await call(admin, 'PATCH', `/api/screening/guidelines/${v2}`, {
      titleEn: 'Partner selection guidelines (2025)',
      policyEn: 'We select partners with transparent accounts.',
    });
    expect(patched.json()).toMatchObject({ titleEn: 'Partner selection guidelines (2025)', version: 2 });
    const pub = await call(admin, 'POST', `/api/screening/guidelines/${v2}/publish`);
    expect(pub.json().status).toBe('active');
    const list = await call(promoter, 'GET', '/api/screening/guidelines');
    expect(list.statusCode).toBe(200);
    expect(
      list.json().items.map((g: { version: number; status: string }) => `${g.version}:${g.status}`),
    ).toEqual(['2:active', '1:retired']);
  });

  it('discards a draft, never a published version', async () => {
    const draft = (await call(csr, 'POST', '/api/screening/guidelines', {})).json();
    expect(draft.version).toBe(3);
    expect((await call(csr, 'DELETE', `/api/screening/guidelines/${draft.id}`)).statusCode).toBe(204);
    expect((await call(csr, 'DELETE', `/api/screening/guidelines/${v2}`)).json().code).toBe(
      'guideline_not_draft',
    );
  });

  it('keeps writes to guidelines.manage; screeners and promoters read, employees do not', async () => {
    expect((await call(pm, 'POST', '/api/screening/guidelines', {})).statusCode).toBe(403);
    expect((await call(pm, 'GET', `/api/screening/guidelines/${v2}`)).statusCode).toBe(200);
    expect((await call(employee, 'GET', '/api/screening/guidelines')).statusCode).toBe(403);
  });

  it('audits every change', async () => {
    const rows = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.orgId), eq(auditLog.entityType, 'screening_guideline')));
    expect(new Set(rows.map((r) => r.action))).toEqual(
      new Set([
        'guideline.create',
        'guideline.criteria',
        'guideline.publish',
        'guideline.update',
        'guideline.delete',
      ]),
    );
  });

  it('holds one active version per organisation in the database itself', async () => {
    const attempt = database.db
      .update(screeningGuidelines)
      .set({ status: 'active', publishedAt: new Date() })
      .where(and(eq(screeningGuidelines.orgId, org.orgId), eq(screeningGuidelines.id, v1)));
    await expect(attempt).rejects.toThrow();
    await expect(
      database.db.execute(
        sql`insert into screening_guidelines (org_id, version, status) values (${org.orgId}, 9, 'draft')`,
      ),
    ).rejects.toThrow();
  });
});
