import { and, eq } from 'drizzle-orm';
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
import { auditLog } from '../audit/audit.table.js';
import { roleGrants, users } from '../auth/auth.table.js';
import { hashPassword } from '../auth/passwords.js';
import { balanceOf } from '../ledger/ledger.accounts.js';
import { account } from '../ledger/ledger.keys.js';
import { ledgerPostings } from '../ledger/ledger.table.js';
import { currentFiscalYear } from '../ledger/ledger.values.js';
import { mailOutbox, notifications } from '../notifications/notifications.table.js';
import { grantPoints, PDF, pastSignup, PNG, receiptId, upload } from './claims.fixtures.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let finance: Ctx;
let employee: Session;
let promoter: Session;
let csr: Session;
let other: Session;
let financeSession: Session;
let texasPromoter: Session;
let employeeId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'CLAIMS');
  app = await buildTestApp(database, { PUBLIC_URL: 'https://kyosei.example.test' });
  finance = await ctxAs(database, org, 'finance');
  employeeId = org.users.employee.employeeId;
  employee = await signIn(app, org.users.employee.email);
  promoter = await signIn(app, org.users.promoter.email);
  csr = await signIn(app, org.users.csr_manager.email);
  other = await signIn(app, org.users.program_manager.email);
  financeSession = await signIn(app, org.users.finance.email);
  const [user] = await database.db
    .insert(users)
    .values({
      orgId: org.orgId,
      email: 'tx.promoter@claims.test',
      displayName: 'Texas promoter',
      passwordHash: await hashPassword(TEST_PASSWORD),
    })
    .returning();
  await database.db.insert(roleGrants).values({
    orgId: org.orgId,
    userId: user.id,
    role: 'promoter',
    scopeType: 'site',
    siteId: org.sites.texas,
  });
  texasPromoter = await signIn(app, 'tx.promoter@claims.test');
  await grantPoints(finance, employeeId, 100, 'claims-employee');
});

const get = (s: Session, url: string) => app.inject({ method: 'GET', url, headers: s.headers });
const claim = (s: Session, payload: object) =>
  app.inject({ method: 'POST', url: '/api/claims', headers: s.headers, payload });
const decide = (s: Session, id: string, action: 'approve' | 'reject', payload?: object) =>
  app.inject({ method: 'POST', url: `/api/claims/${id}/${action}`, headers: s.headers, payload });
const points = async (id = employeeId) =>
  balanceOf(finance, account.employeePoints(id, await currentFiscalYear(finance)));

/** A valid claim of the employee for a new attended activity. */
async function newClaim(s: Session, who: string, pts: number, route = 'Shinagawa → Kawasaki (JR), return') {
  const { signupId } = await pastSignup(database, org, who);
  const res = await claim(s, { signupId, points: pts, route, receiptFileId: await receiptId(app, s) });
  if (res.statusCode !== 201) throw new Error(`claim: ${res.statusCode} ${res.body}`);
  return res.json();
}

describe('claiming transport points', () => {
  it('lists attended activities that allow a claim, with the balance and the point value', async () => {
    const ok = await pastSignup(database, org, employeeId, { titleEn: 'Eligible' });
    await pastSignup(database, org, employeeId, { transportByPoints: false, titleEn: 'No transport' });
    await pastSignup(database, org, employeeId, { attendance: 'absent', titleEn: 'Absent' });
    const res = await get(employee, '/api/claims/eligible');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ balance: 100, pointValueJpy: 100, fiscalYear: expect.any(Number) });
    expect(body.items.map((i: { titleEn: string }) => i.titleEn)).toEqual(['Eligible']);
    expect(body.items[0]).toMatchObject({ signupId: ok.signupId, date: expect.stringMatching(/^\d{4}-/) });
  });

  it('records a pending claim with its receipt and audits it; nothing is posted yet', async () => {
    const { signupId } = await pastSignup(database, org, employeeId);
    const receipt = await receiptId(app, employee, '領収書.png');
    const res = await claim(employee, {
      signupId,
      points: 15,
      route: '品川 → 川崎（JR）往復',
      note: 'IC card',
      receiptFileId: receipt,
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      status: 'pending',
      points: 15,
      valueJpy: null,
      postingId: null,
      route: '品川 → 川崎（JR）往復',
      note: 'IC card',
      receipt: { id: receipt, name: '領収書.png', contentType: 'image/png', size: PNG.length },
      activity: { signupId, titleEn: 'Kawasaki children’s cafeteria' },
      employee: { id: employeeId, companyCode: 'JP01', siteCode: 'TKY' },
      canWithdraw: true,
      canDecide: false,
    });
    expect(await points()).toBe(100);
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, c.id));
    expect(entry.action).toBe('point_claim.create');
    const mine = (await get(employee, '/api/claims/mine')).json();
    expect(mine.items[0].id).toBe(c.id);
    const eligible = (await get(employee, '/api/claims/eligible')).json();
    expect(eligible.items.map((i: { signupId: string }) => i.signupId)).not.toContain(signupId);
  });

  it('refuses activities that do not allow it, absences, other people’s sign-ups and a second claim', async () => {
    const receiptFileId = await receiptId(app, employee);
    const body = (signupId: string, pts = 5) => ({ signupId, points: pts, route: 'Bus', receiptFileId });
    const noTransport = await pastSignup(database, org, employeeId, { transportByPoints: false });
    const absent = await pastSignup(database, org, employeeId, { attendance: 'absent' });
    const unmarked = await pastSignup(database, org, employeeId, { attendance: null });
    const someoneElse = await pastSignup(database, org, org.users.csr_manager.employeeId);
    const cases: [string, number, string][] = [
      [noTransport.signupId, 422, 'claim_not_allowed'],
      [absent.signupId, 422, 'not_attended'],
      [unmarked.signupId, 422, 'not_attended'],
      [someoneElse.signupId, 404, 'not_found'],
    ];
    for (const [signupId, status, code] of cases) {
      const res = await claim(employee, body(signupId));
      expect(res.statusCode, code).toBe(status);
      expect(res.json().code).toBe(code);
    }
    const { signupId } = await pastSignup(database, org, employeeId);
    expect((await claim(employee, body(signupId))).statusCode).toBe(201);
    const again = await claim(employee, body(signupId));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_claimed');
  });

  it('refuses more points than the balance, a receipt of someone else and bad input', async () => {
    const { signupId } = await pastSignup(database, org, employeeId);
    const receiptFileId = await receiptId(app, employee);
    const over = await claim(employee, { signupId, points: 101, route: 'Bus', receiptFileId });
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe('insufficient_points');
    const theirs = await receiptId(app, other);
    const res = await claim(employee, { signupId, points: 5, route: 'Bus', receiptFileId: theirs });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      expect.objectContaining({ path: 'receiptFileId', code: 'not_found' }),
    ]);
    for (const payload of [
      { signupId, points: 0, route: 'Bus', receiptFileId },
      { signupId, points: 1.5, route: 'Bus', receiptFileId },
      { signupId, points: 5, route: '  ', receiptFileId },
      { signupId, points: 5, route: 'Bus' },
      { signupId, points: 5, route: 'Bus', receiptFileId, status: 'approved' },
    ]) {
      expect((await claim(employee, payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it('lets the employee withdraw a pending claim and claim the activity again', async () => {
    const c = await newClaim(employee, employeeId, 5);
    const withdraw = (s: Session) =>
      app.inject({ method: 'DELETE', url: `/api/claims/${c.id}`, headers: s.headers });
    expect((await withdraw(other)).statusCode).toBe(404);
    const res = await withdraw(employee);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', canWithdraw: false });
    expect((await withdraw(employee)).json().code).toBe('invalid_transition');
    const again = await claim(employee, {
      signupId: c.activity.signupId,
      points: 5,
      route: 'Bus',
      receiptFileId: c.receipt.id,
    });
    expect(again.statusCode).toBe(201);
  });
});

describe('deciding claims', () => {
  it('approves: posts the points once, notifies the employee and audits, in one step', async () => {
    const before = await points();
    const c = await newClaim(employee, employeeId, 12);
    const queue = (await get(promoter, '/api/claims?status=pending')).json();
    expect(queue.items.find((i: { id: string }) => i.id === c.id)).toMatchObject({ canDecide: true });
    expect((await decide(employee, c.id, 'approve')).statusCode).toBe(403);
    const res = await decide(promoter, c.id, 'approve', { note: 'Thank you' });
    expect(res.statusCode).toBe(200);
    const approved = res.json();
    expect(approved).toMatchObject({
      status: 'approved',
      valueJpy: 1200,
      decidedBy: 'promoter',
      decisionNote: 'Thank you',
      postingId: expect.any(String),
      canDecide: false,
      canWithdraw: false,
    });
    expect(await points()).toBe(before - 12);
    const postings = await database.db
      .select()
      .from(ledgerPostings)
      .where(and(eq(ledgerPostings.orgId, org.orgId), eq(ledgerPostings.claimId, c.id)));
    expect(postings).toHaveLength(1);
    expect(postings[0]).toMatchObject({
      id: approved.postingId,
      kind: 'claim',
      idempotencyKey: `claim:${c.id}`,
      employeeId,
      fiscalYear: await currentFiscalYear(finance),
    });
    const [notice] = await database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.employeeId, employeeId), eq(notifications.kind, 'claim_approved')));
    expect(notice).toMatchObject({
      link: '/giving/claims',
      params: expect.objectContaining({ points: '12' }),
    });
    const [mail] = await database.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.employeeId, employeeId), eq(mailOutbox.kind, 'claim_approved')));
    expect(mail.textBody).toContain('https://kyosei.example.test/giving/claims');
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'point_claim.approve')));
    expect(entry.after).toMatchObject({ status: 'approved', postingId: approved.postingId });

    const twice = await decide(csr, c.id, 'approve');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('invalid_transition');
    expect((await decide(csr, c.id, 'reject', { note: 'late' })).json().code).toBe('invalid_transition');
    const after = await database.db.select().from(ledgerPostings).where(eq(ledgerPostings.claimId, c.id));
    expect(after).toHaveLength(1);
    expect(await points()).toBe(before - 12);
  });

  it('decides a claim once when two approvers click at the same moment', async () => {
    const c = await newClaim(employee, employeeId, 2);
    const answers = await Promise.all([decide(promoter, c.id, 'approve'), decide(csr, c.id, 'approve')]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const postings = await database.db.select().from(ledgerPostings).where(eq(ledgerPostings.claimId, c.id));
    expect(postings).toHaveLength(1);
    const { signupId } = await pastSignup(database, org, employeeId);
    const body = { signupId, points: 1, route: 'Bus', receiptFileId: c.receipt.id };
    const claims = await Promise.all([claim(employee, body), claim(employee, body)]);
    expect(claims.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('leaves the claim pending and posts nothing when the balance no longer covers it', async () => {
    const balance = await points();
    const first = await newClaim(employee, employeeId, balance - 5);
    const second = await newClaim(employee, employeeId, 10);
    expect((await decide(promoter, first.id, 'approve')).statusCode).toBe(200);
    expect(await points()).toBe(5);
    const res = await decide(promoter, second.id, 'approve');
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('insufficient_points');
    const still = (await get(employee, `/api/claims/${second.id}`)).json();
    expect(still).toMatchObject({ status: 'pending', postingId: null, decidedAt: null });
    expect(
      await database.db.select().from(ledgerPostings).where(eq(ledgerPostings.claimId, second.id)),
    ).toEqual([]);
    await grantPoints(finance, employeeId, 100, 'claims-top-up');
    expect((await decide(promoter, second.id, 'approve')).json().status).toBe('approved');
    expect(await points()).toBe(95);
  });

  it('rejects only with a note, which the employee reads; nothing is posted', async () => {
    const before = await points();
    const c = await newClaim(employee, employeeId, 7);
    expect((await decide(csr, c.id, 'reject')).statusCode).toBe(400);
    expect((await decide(csr, c.id, 'reject', { note: '   ' })).statusCode).toBe(400);
    const res = await decide(csr, c.id, 'reject', { note: 'Receipt is unreadable' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'rejected',
      decisionNote: 'Receipt is unreadable',
      postingId: null,
    });
    expect(await points()).toBe(before);
    const [notice] = await database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.employeeId, employeeId), eq(notifications.kind, 'claim_rejected')));
    expect(notice.params).toMatchObject({ note: 'Receipt is unreadable' });
  });

  it('does not let anyone decide their own claim', async () => {
    const promoterEmployee = org.users.promoter.employeeId;
    await grantPoints(finance, promoterEmployee, 50, 'claims-promoter');
    const c = await newClaim(promoter, promoterEmployee, 10);
    expect(c.canDecide).toBe(false);
    const res = await decide(promoter, c.id, 'approve');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('own_request');
    expect((await decide(csr, c.id, 'approve')).json().status).toBe('approved');
  });

  it('keeps claims within the approver’s scope: a Texas promoter sees and decides no Tokyo claim', async () => {
    const c = await newClaim(employee, employeeId, 1);
    const list = (await get(texasPromoter, '/api/claims')).json();
    expect(list.total).toBe(0);
    expect((await get(texasPromoter, `/api/claims/${c.id}`)).statusCode).toBe(404);
    expect((await get(texasPromoter, `/api/claims/${c.id}/receipt`)).statusCode).toBe(404);
    expect((await decide(texasPromoter, c.id, 'approve')).statusCode).toBe(403);
    expect((await get(employee, '/api/claims')).statusCode).toBe(403);
    const tokyo = (await get(promoter, `/api/claims?siteId=${org.sites.tokyo}`)).json();
    expect(tokyo.items.map((i: { id: string }) => i.id)).toContain(c.id);
  });
});

describe('receipts', () => {
  it('serves the receipt with its type and name to the claimant, approvers and finance only', async () => {
    const { signupId } = await pastSignup(database, org, employeeId);
    const file = (await upload(app, employee, PDF, 'application/pdf', '領収書 5月.pdf')).json();
    const c = (await claim(employee, { signupId, points: 1, route: 'Bus', receiptFileId: file.id })).json();
    const url = `/api/claims/${c.id}/receipt`;
    for (const s of [employee, promoter, csr, financeSession]) {
      const res = await get(s, url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(
        `inline; filename="___ 5_.pdf"; filename*=UTF-8''%E9%A0%98%E5%8F%8E%E6%9B%B8%205%E6%9C%88.pdf`,
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(res.rawPayload, PDF)).toBe(0);
    }
    expect((await get(employee, `${url}?download=1`)).headers['content-disposition']).toMatch(/^attachment;/);
    const refused = await get(other, url);
    expect(refused.statusCode).toBe(404);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect((await get(other, `/api/claims/${c.id}`)).statusCode).toBe(404);
  });
});
