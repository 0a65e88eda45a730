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
import { mailOutbox, notifications } from '../notifications/notifications.table.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let employee: Session;
let promoter: Session;
let csr: Session;
let auditor: Session;
let texasPromoter: Session;

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'HOURS');
  app = await buildTestApp(database);
  employee = await signIn(app, org.users.employee.email);
  promoter = await signIn(app, org.users.promoter.email);
  csr = await signIn(app, org.users.csr_manager.email);
  auditor = await signIn(app, org.users.auditor.email);
  const [user] = await database.db
    .insert(users)
    .values({
      orgId: org.orgId,
      email: 'tx.promoter@hours.test',
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
  texasPromoter = await signIn(app, 'tx.promoter@hours.test');
});

const valid = {
  activityDate: '2024-02-10',
  organisationName: 'Kawasaki Council of Social Welfare',
  field: 'welfare_diversity',
  minutes: 150,
  description: 'Sorted donated books',
};
const log = (s: Session, payload: object) =>
  app.inject({ method: 'POST', url: '/api/me/hour-logs', headers: s.headers, payload });
const review = (s: Session, id: string, action: 'approve' | 'reject', payload: object = {}) =>
  app.inject({ method: 'POST', url: `/api/hour-logs/${id}/${action}`, headers: s.headers, payload });
const get = (s: Session, url: string) => app.inject({ method: 'GET', url, headers: s.headers });

describe('logging hours', () => {
  it('records a pending log for the caller and lists it as theirs', async () => {
    const res = await log(employee, valid);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      ...valid,
      hours: 2.5,
      status: 'pending',
      employeeId: org.users.employee.employeeId,
      reviewNote: null,
      canReview: false,
      employee: { companyCode: 'JP01', siteCode: 'TKY' },
    });
    const mine = await get(employee, '/api/me/hour-logs');
    expect(mine.json().items.map((i: { id: string }) => i.id)).toContain(res.json().id);
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, res.json().id));
    expect(entry.action).toBe('hour_log.create');
  });

  it('refuses a future date, bad minutes, an unknown field and unknown properties', async () => {
    const future = await log(employee, { ...valid, activityDate: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields).toEqual([
      expect.objectContaining({ path: 'activityDate', code: 'future_date' }),
    ]);
    for (const payload of [
      { ...valid, minutes: 0 },
      { ...valid, minutes: 1441 },
      { ...valid, field: 'sports' },
      { ...valid, organisationName: ' ' },
      { ...valid, status: 'approved' },
    ]) {
      expect((await log(employee, payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it('lets the employee delete a pending log, not a reviewed one nor someone else’s', async () => {
    const pending = (await log(employee, valid)).json();
    const del = (s: Session, id: string) =>
      app.inject({ method: 'DELETE', url: `/api/me/hour-logs/${id}`, headers: s.headers });
    expect((await del(promoter, pending.id)).statusCode).toBe(404);
    expect((await del(employee, pending.id)).statusCode).toBe(204);
    expect((await del(employee, pending.id)).statusCode).toBe(404);
    const approved = (await log(employee, valid)).json();
    await review(csr, approved.id, 'approve');
    const refused = await del(employee, approved.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('invalid_transition');
  });
});

describe('approving hours', () => {
  it('shows the queue to approvers and auditors in scope, and not to employees', async () => {
    const created = (await log(employee, valid)).json();
    const queue = await get(promoter, '/api/hour-logs?status=pending');
    expect(queue.statusCode).toBe(200);
    const item = queue.json().items.find((i: { id: string }) => i.id === created.id);
    expect(item).toMatchObject({ status: 'pending', canReview: true });
    const audited = await get(auditor, `/api/hour-logs?status=pending&companyId=${org.companies.jp}`);
    expect(audited.json().items.find((i: { id: string }) => i.id === created.id).canReview).toBe(false);
    expect((await get(employee, '/api/hour-logs')).statusCode).toBe(403);
    const texas = await get(texasPromoter, '/api/hour-logs');
    expect(texas.json().items.map((i: { id: string }) => i.id)).not.toContain(created.id);
    expect((await get(promoter, `/api/hour-logs?companyId=${org.companies.us}`)).json().total).toBe(0);
  });

  it('approves once, notifies the employee and audits; a second review is refused', async () => {
    const created = (await log(employee, valid)).json();
    const res = await review(csr, created.id, 'approve', { note: 'Thank you' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', reviewNote: 'Thank you', canReview: false });
    expect(res.json().reviewedAt).toBeTruthy();
    const notes = await database.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.employeeId, org.users.employee.employeeId),
          eq(notifications.kind, 'hours_approved'),
        ),
      );
    expect(notes.at(-1)!.params).toMatchObject({
      hours: 2.5,
      date: '2024-02-10',
      organisation: valid.organisationName,
    });
    const mails = await database.db
      .select()
      .from(mailOutbox)
      .where(
        and(eq(mailOutbox.employeeId, org.users.employee.employeeId), eq(mailOutbox.kind, 'hours_approved')),
      );
    expect(mails.length).toBeGreaterThan(0);
    const again = await review(promoter, created.id, 'reject');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('invalid_transition');
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, 'hour_log.approve')));
    expect(entry).toBeTruthy();
  });

  it('rejects with a note and notifies hours_rejected', async () => {
    const created = (await log(employee, valid)).json();
    const res = await review(promoter, created.id, 'reject', { note: 'Not a volunteering activity' });
    expect(res.json()).toMatchObject({ status: 'rejected', reviewNote: 'Not a volunteering activity' });
    const [note] = await database.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.employeeId, org.users.employee.employeeId),
          eq(notifications.kind, 'hours_rejected'),
        ),
      );
    expect(note.params).toMatchObject({ note: 'Not a volunteering activity' });
  });

  it('refuses approvers outside the employee’s scope, their own logs, employees and unknown ids', async () => {
    const created = (await log(employee, valid)).json();
    expect((await review(texasPromoter, created.id, 'approve')).statusCode).toBe(403);
    expect((await review(employee, created.id, 'approve')).statusCode).toBe(403);
    const own = (await log(promoter, valid)).json();
    expect((await review(promoter, own.id, 'approve')).statusCode).toBe(403);
    expect((await review(csr, own.id, 'approve')).statusCode).toBe(200);
    expect((await review(csr, '00000000-0000-4000-8000-000000000000', 'approve')).statusCode).toBe(404);
  });
});
