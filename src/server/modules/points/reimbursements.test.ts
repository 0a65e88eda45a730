import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
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
import { roleGrants, users } from '../auth/auth.table.js';
import { hashPassword } from '../auth/passwords.js';
import { storeFile } from '../files/files.service.js';
import { reverse } from '../ledger/ledger.post.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { createEmployees } from '../volunteering/signups.fixtures.js';
import { grantPoints, pastSignup, PNG } from './claims.fixtures.js';
import { decideClaim } from './claims.decide.js';
import { createClaim } from './claims.service.js';
import { listReimbursements, reimbursementsCsv } from './reimbursements.service.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let finance: Ctx;
let promoter: Ctx;
let financeSession: Session;
let employeeSession: Session;
let usCsr: Ctx;
const approved: Record<'tokyo' | 'texas' | 'formula' | 'reversed', { id: string; postingId: string }> =
  {} as never;
const today = ledgerToday();

/** A claim by `who` for a new attended activity, approved by the promoter. */
async function approvedClaim(who: Ctx, points: number, route: string, titleEn = 'Beach clean-up') {
  const employeeId = who.actor.kind === 'user' ? (who.actor.employeeId as string) : '';
  const { signupId } = await pastSignup(database, org, employeeId, { titleEn, titleJa: '海岸清掃' });
  const receipt = await storeFile(who, {
    name: 'r.png',
    contentType: 'image/png',
    content: PNG,
    purpose: 'claim_receipt',
  });
  const c = await createClaim(who, { signupId, points, route, receiptFileId: receipt.id });
  const done = await decideClaim(promoter, c.id, 'approved', undefined);
  return { id: done.id, postingId: done.postingId as string };
}

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'REIMB');
  app = await buildTestApp(database);
  finance = await ctxAs(database, org, 'finance', 'ja');
  promoter = await ctxAs(database, org, 'promoter');
  financeSession = await signIn(app, org.users.finance.email);
  employeeSession = await signIn(app, org.users.employee.email);
  const employee = await ctxAs(database, org, 'employee');
  const [texan] = await createEmployees(database, org, 1, { companyId: org.companies.us });
  for (const who of [employee, texan]) {
    const id = who.actor.kind === 'user' ? (who.actor.employeeId as string) : '';
    await grantPoints(finance, id, 200, `reimb-${id}`);
  }
  approved.tokyo = await approvedClaim(employee, 15, '品川 → 川崎（JR）往復', 'Children’s cafeteria');
  approved.texas = await approvedClaim(texan, 40, 'Austin → Round Rock, bus');
  approved.formula = await approvedClaim(employee, 3, '=HYPERLINK("http://evil.test")');
  approved.reversed = await approvedClaim(employee, 9, 'Reversed later');
  await reverse(finance, approved.reversed.postingId, { idempotencyKey: `reverse:${approved.reversed.id}` });
  // A CSR manager of the US company only.
  const [user] = await database.db
    .insert(users)
    .values({
      orgId: org.orgId,
      email: 'us.csr@reimb.test',
      displayName: 'US CSR',
      passwordHash: await hashPassword(TEST_PASSWORD),
    })
    .returning();
  const [grant] = await database.db
    .insert(roleGrants)
    .values({
      orgId: org.orgId,
      userId: user.id,
      role: 'csr_manager',
      scopeType: 'company',
      companyId: org.companies.us,
    })
    .returning();
  usCsr = {
    ...finance,
    actor: {
      kind: 'user',
      userId: user.id,
      label: user.email,
      employeeId: null,
      grants: [
        {
          role: grant.role as 'csr_manager',
          scopeType: 'company',
          companyId: org.companies.us,
          siteId: null,
        },
      ],
    },
  };
});

const page = { page: 1, size: 50 };

describe('reimbursements', () => {
  it('lists approved claims from the ledger with totals, leaving out reversed postings', async () => {
    const res = await listReimbursements(finance, { ...page });
    expect(res.items.map((i) => i.claimId).sort()).toEqual(
      [approved.tokyo.id, approved.texas.id, approved.formula.id].sort(),
    );
    expect(res.totals).toEqual({ claims: 3, points: 58, valueJpy: 5800 });
    expect(res.total).toBe(3);
    const tokyo = res.items.find((i) => i.claimId === approved.tokyo.id);
    expect(tokyo).toMatchObject({
      postingId: approved.tokyo.postingId,
      bookedOn: today,
      employeeNumber: 'REIMB-7',
      companyCode: 'JP01',
      titleEn: 'Children’s cafeteria',
      route: '品川 → 川崎（JR）往復',
      points: 15,
      valueJpy: 1500,
      approvedBy: 'promoter',
      activityDate: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
    });
  });

  it('filters by booking date and company, and pages while the totals cover every page', async () => {
    expect((await listReimbursements(finance, { ...page, from: today, to: today })).total).toBe(3);
    expect((await listReimbursements(finance, { ...page, to: '2000-01-01' })).items).toEqual([]);
    const us = await listReimbursements(finance, { ...page, companyId: org.companies.us });
    expect(us.items.map((i) => i.claimId)).toEqual([approved.texas.id]);
    const first = await listReimbursements(finance, { page: 1, size: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.totals.claims).toBe(3);
    const second = await listReimbursements(finance, { page: 2, size: 2 });
    expect(second.items).toHaveLength(1);
  });

  it('shows a company-scoped CSR manager their company’s reimbursements only', async () => {
    const res = await listReimbursements(usCsr, { ...page });
    expect(res.items.map((i) => i.claimId)).toEqual([approved.texas.id]);
    expect(res.totals).toEqual({ claims: 1, points: 40, valueJpy: 4000 });
  });
});

describe('the reimbursements CSV', () => {
  it('is UTF-8 with a BOM and CRLF, in the caller’s language, and neutralises formulas', async () => {
    const { body, fileName } = await reimbursementsCsv(finance, { from: today, to: today });
    expect(fileName).toBe(`reimbursements_${today}_${today}.csv`);
    expect(body.startsWith('\ufeff')).toBe(true);
    expect(body).toContain('\r\n');
    const rows: string[][] = parse(body.slice(1));
    expect(rows[0]).toEqual([
      '計上日',
      '社員番号',
      '氏名',
      '会社コード',
      '会社名',
      '活動',
      '活動日',
      '経路',
      'ポイント',
      '金額（円）',
      '承認日時（Asia/Tokyo）',
      '承認者',
      '申請ID',
      '記帳ID',
    ]);
    expect(rows).toHaveLength(4);
    const tokyo = rows.find((r) => r[12] === approved.tokyo.id) as string[];
    expect(tokyo).toEqual([
      today,
      'REIMB-7',
      '山田 太郎7',
      'JP01',
      'REIMB 日本',
      '海岸清掃',
      expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      '品川 → 川崎（JR）往復',
      '15',
      '1500',
      expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/),
      'promoter',
      approved.tokyo.id,
      approved.tokyo.postingId,
    ]);
    const formula = rows.find((r) => r[12] === approved.formula.id) as string[];
    expect(formula[7]).toBe(`'=HYPERLINK("http://evil.test")`);
  });

  it('downloads through the API with English headers for an English reader; employees may not', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/reimbursements.csv?companyId=${org.companies.us}`,
      headers: { ...financeSession.headers, 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="reimbursements\.csv"/);
    const rows: string[][] = parse(res.body.replace(/^\ufeff/, ''));
    expect(rows[0].slice(0, 3)).toEqual(['Booked on', 'Employee number', 'Name']);
    expect(rows.slice(1).map((r) => r[7])).toEqual(['Austin → Round Rock, bus']);
    const ja = await app.inject({
      method: 'GET',
      url: '/api/reimbursements.csv?lang=ja',
      headers: { ...financeSession.headers, 'accept-language': 'en' },
    });
    expect(ja.body.slice(1, 4)).toBe('計上日');
    const list = await app.inject({
      method: 'GET',
      url: `/api/reimbursements?from=${today}`,
      headers: financeSession.headers,
    });
    expect(list.json().totals.claims).toBe(3);
    for (const url of ['/api/reimbursements', '/api/reimbursements.csv']) {
      const refused = await app.inject({ method: 'GET', url, headers: employeeSession.headers });
      expect(refused.statusCode).toBe(403);
    }
  });
});
