import { and, eq } from 'drizzle-orm';
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
import { auditLog } from '../audit/audit.table.js';
import { roleGrants, users } from '../auth/auth.table.js';
import { hashPassword } from '../auth/passwords.js';
import { PDF, PNG } from '../points/claims.fixtures.js';
import { partnerAgreements } from './agreements.table.js';
import { partners } from './partners.table.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let manager: Session;
let promoter: Session;
let employee: Session;
let usManager: Session;
let fukushima: string;
let swc: string;

const call = (as: Session, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });
const upload = (as: Session, body: Buffer, type: string, name: string, purpose: string) =>
  app.inject({
    method: 'POST',
    url: `/api/files?name=${encodeURIComponent(name)}&purpose=${purpose}`,
    headers: { ...as.headers, 'content-type': type },
    payload: body,
  });

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'AGREE');
  app = await buildTestApp(database);
  manager = await signIn(app, org.users.program_manager.email);
  promoter = await signIn(app, org.users.promoter.email);
  employee = await signIn(app, org.users.employee.email);
  const [user] = await database.db
    .insert(users)
    .values({
      orgId: org.orgId,
      email: 'us.manager@agree.test',
      displayName: 'US program manager',
      passwordHash: await hashPassword(TEST_PASSWORD),
    })
    .returning();
  await database.db.insert(roleGrants).values({
    orgId: org.orgId,
    userId: user.id,
    role: 'program_manager',
    scopeType: 'company',
    companyId: org.companies.us,
  });
  usManager = await signIn(app, 'us.manager@agree.test');
  const rows = await database.db
    .insert(partners)
    .values([
      {
        orgId: org.orgId,
        code: 'PREF-FUKUSHIMA',
        nameJa: '福島県',
        kind: 'prefecture',
        localGovCode: '070009',
      },
      { orgId: org.orgId, code: 'KAWASAKI-SWC', nameJa: '川崎市社会福祉協議会', kind: 'public_interest' },
    ])
    .returning({ id: partners.id });
  [fukushima, swc] = rows.map((r) => r.id);
});

const agreement = (over: object = {}) => ({
  code: 'FUKUSHIMA-2024',
  kind: 'comprehensive_partnership',
  companyId: org.companies.jp,
  titleJa: '福島県との包括連携協定',
  titleEn: 'Comprehensive partnership agreement with Fukushima Prefecture',
  scopeJa: '地域振興、教育、防災',
  signedOn: '2024-02-01',
  startsOn: '2024-02-01',
  status: 'active',
  partnerIds: [fukushima],
  ...over,
});

describe('agreements with partners', () => {
  let id: string;

  it('records an agreement with its parties, audited', async () => {
    const res = await call(manager, 'POST', '/api/agreements', agreement());
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      code: 'FUKUSHIMA-2024',
      status: 'active',
      lapsed: false,
      company: { code: 'JP01' },
      parties: [{ code: 'PREF-FUKUSHIMA', kind: 'prefecture' }],
      documents: [],
    });
    id = a.id;
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'partner_agreement'), eq(auditLog.entityId, id)));
    expect(entries.map((e) => e.action)).toEqual(['partner_agreement.create']);
  });

  it('refuses a signed agreement without a signing date, an end before the start, unknown parties', async () => {
    const res = await call(
      manager,
      'POST',
      '/api/agreements',
      agreement({
        code: 'BAD',
        titleJa: null,
        signedOn: null,
        endsOn: '2023-01-01',
        partnerIds: [fukushima, fukushima, '00000000-0000-4000-8000-000000000000'],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'titleJa', code: 'required' }),
        expect.objectContaining({ path: 'signedOn', code: 'required' }),
        expect.objectContaining({ path: 'endsOn', code: 'ends_before_start' }),
        expect.objectContaining({ path: 'partnerIds.1', code: 'duplicate' }),
        expect.objectContaining({ path: 'partnerIds.2', code: 'not_found' }),
      ]),
    );
    const kind = await call(manager, 'POST', '/api/agreements', agreement({ code: 'K', kind: 'loan' }));
    expect(kind.statusCode).toBe(400);
    const dup = await call(manager, 'POST', '/api/agreements', agreement());
    expect(dup.statusCode).toBe(409);
    expect(await database.db.select().from(partnerAgreements)).toHaveLength(1);
  });

  it('lets a company-scoped manager record agreements of its own company only', async () => {
    const other = await call(usManager, 'POST', '/api/agreements', agreement({ code: 'US-1' }));
    expect(other.statusCode).toBe(403);
    const edit = await call(usManager, 'PATCH', `/api/agreements/${id}`, { status: 'terminated' });
    expect(edit.statusCode).toBe(403);
    const own = await call(
      usManager,
      'POST',
      '/api/agreements',
      agreement({ code: 'US-1', companyId: org.companies.us, kind: 'sponsorship', partnerIds: [swc] }),
    );
    expect(own.statusCode).toBe(201);
    const move = await call(usManager, 'PATCH', `/api/agreements/${own.json().id}`, {
      companyId: org.companies.jp,
    });
    expect(move.statusCode).toBe(403);
    expect((await call(promoter, 'POST', '/api/agreements', agreement({ code: 'P' }))).statusCode).toBe(403);
  });

  it('changes values and parties, and lists by partner, kind and status', async () => {
    const res = await call(manager, 'PATCH', `/api/agreements/${id}`, {
      endsOn: '2020-01-31',
      partnerIds: [fukushima, swc],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ path: 'endsOn', code: 'ends_before_start' });
    const ok = await call(manager, 'PATCH', `/api/agreements/${id}`, {
      endsOn: '2025-01-31',
      partnerIds: [fukushima, swc],
    });
    expect(ok.json()).toMatchObject({ endsOn: '2025-01-31', lapsed: true });
    expect(ok.json().parties.map((p: { code: string }) => p.code)).toEqual([
      'KAWASAKI-SWC',
      'PREF-FUKUSHIMA',
    ]);
    const byPartner = await call(promoter, 'GET', `/api/agreements?partnerId=${fukushima}`);
    expect(byPartner.json()).toMatchObject({ total: 1, items: [{ code: 'FUKUSHIMA-2024' }] });
    const sponsorships = await call(promoter, 'GET', '/api/agreements?kind=sponsorship&status=active');
    expect(sponsorships.json().items.map((a: { code: string }) => a.code)).toEqual(['US-1']);
    expect((await call(promoter, 'GET', '/api/agreements?q=fukushima-2024')).json().total).toBe(1);
    expect((await call(employee, 'GET', '/api/agreements')).statusCode).toBe(403);
  });

  it('keeps signed documents uploaded for agreements, readable by partner readers', async () => {
    const refused = await upload(promoter, PDF, 'application/pdf', '協定書.pdf', 'agreement_document');
    expect(refused.statusCode).toBe(403);
    const bad = await upload(manager, PDF, 'application/pdf', 'x.pdf', 'anything');
    expect(bad.statusCode).toBe(400);
    const doc = await upload(manager, PDF, 'application/pdf', '協定書.pdf', 'agreement_document');
    expect(doc.statusCode).toBe(201);
    const receipt = await upload(employee, PNG, 'image/png', 'receipt.png', 'claim_receipt');
    expect(receipt.statusCode).toBe(201);
    const wrong = await call(manager, 'PUT', `/api/agreements/${id}/documents`, {
      fileIds: [doc.json().id, receipt.json().id],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields).toEqual([
      expect.objectContaining({ path: 'fileIds.1', code: 'invalid_value' }),
    ]);
    const set = await call(manager, 'PUT', `/api/agreements/${id}/documents`, { fileIds: [doc.json().id] });
    expect(set.statusCode).toBe(200);
    expect(set.json().documents).toEqual([
      expect.objectContaining({ fileId: doc.json().id, name: '協定書.pdf', contentType: 'application/pdf' }),
    ]);
    const read = await app.inject({
      method: 'GET',
      url: `/api/files/${doc.json().id}?download=1`,
      headers: promoter.headers,
    });
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toBe('application/pdf');
    expect(read.headers['content-disposition']).toContain('attachment');
    expect(read.rawPayload.equals(PDF)).toBe(true);
    const asEmployee = await app.inject({
      method: 'GET',
      url: `/api/files/${doc.json().id}`,
      headers: employee.headers,
    });
    expect(asEmployee.statusCode).toBe(403);
    const receiptRead = await app.inject({
      method: 'GET',
      url: `/api/files/${receipt.json().id}`,
      headers: manager.headers,
    });
    expect(receiptRead.statusCode).toBe(404);
    const cleared = await call(manager, 'PUT', `/api/agreements/${id}/documents`, { fileIds: [] });
    expect(cleared.json().documents).toEqual([]);
  });

  it('never shows another organisation’s agreements', async () => {
    const other = await createTestOrg(database, 'AGREE2');
    const stranger = await signIn(app, other.users.program_manager.email);
    expect((await call(stranger, 'GET', `/api/agreements/${id}`)).statusCode).toBe(404);
    expect((await call(stranger, 'GET', '/api/agreements')).json().total).toBe(0);
    const theirs = await call(
      stranger,
      'POST',
      '/api/agreements',
      agreement({ companyId: other.companies.jp }),
    );
    expect(theirs.statusCode).toBe(400);
    expect(theirs.json().fields[0]).toMatchObject({ path: 'partnerIds.0', code: 'not_found' });
  });
});
