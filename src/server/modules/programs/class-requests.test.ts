import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { AppError } from '../../lib/errors.js';
import { openTestDatabase } from '../../test/db.js';
import { buildTestApp, signIn } from '../../test/factories.js';
import { mailOutbox, notifications } from '../notifications/notifications.table.js';
import { programSessionCounts, programSessions } from './records.table.js';
import { addHolder, revokeHolder } from './certifications.service.js';
import { classRequests } from './certifications.table.js';
import { type CertWorld, certWorld, daysFromNow } from './certifications.test-support.js';
import {
  assignInstructors,
  completeRequest,
  declineRequest,
  getRequest,
  listRequests,
} from './class-requests.service.js';

let database: Database;
let w: CertWorld;
let app: FastifyInstance;

beforeAll(async () => {
  database = await openTestDatabase();
  w = await certWorld(database, 'CLS');
  app = await buildTestApp(database);
  for (const employeeId of w.people.slice(0, 3))
    await addHolder(w.manager, w.certificationId, { employeeId, certifiedOn: daysFromNow(-200) });
});

const fails = (p: Promise<unknown>) => p.then(() => null as unknown as AppError).catch((e: AppError) => e);
const form = (extra: Record<string, unknown> = {}) => ({
  orgCode: 'CLS',
  programCode: 'ENET',
  requesterKind: 'school',
  requesterOrganisation: '川崎市立はるひ野小学校',
  contactName: '佐藤 花子',
  contactEmail: 'sato@school.example',
  preferredOn: daysFromNow(40),
  place: '体育館',
  audience: 'students',
  expectedParticipants: 90,
  ...extra,
});

// Each form comes from its own address: the route allows five a minute from one.
let sender = 0;
async function submit(payload: Record<string, unknown>, language = 'ja') {
  sender++;
  return app.inject({
    method: 'POST',
    url: '/api/public/class-requests',
    headers: { 'accept-language': language },
    payload,
    remoteAddress: `198.51.100.${sender}`,
  });
}

describe('the public request form', () => {
  it('offers the programs with a certification, without signing in', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/public/class-requests/CLS' });
    expect(res.statusCode).toBe(200);
    expect(res.json().programs.map((p: { code: string }) => p.code)).toEqual(['ENET', 'US-TX']);
    expect((await app.inject({ method: 'GET', url: '/api/public/class-requests/NOPE' })).statusCode).toBe(
      404,
    );
  });

  it('answers 202 with a reference, mails the requester in their language and notifies the coordinators', async () => {
    const res = await submit(form({ locale: 'en', contactEmail: 'hana@school.example' }), 'en');
    expect(res.statusCode).toBe(202);
    const { reference } = res.json();
    expect(reference).toMatch(/^CR-[0-9A-F]{8}$/);
    const [mail] = await database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, 'hana@school.example'));
    expect(mail).toMatchObject({ locale: 'en', kind: 'class_request_confirmation', employeeId: null });
    expect(mail.subject).toContain(reference);
    expect(mail.textBody).toContain('e-Net Caravan');
    const notices = await database.db
      .select({ employeeId: notifications.employeeId })
      .from(notifications)
      .where(and(eq(notifications.orgId, w.org.orgId), eq(notifications.kind, 'class_request_new')));
    // csr_manager and program_manager hold programs.manage organisation-wide; the US-scoped manager does not cover JP.
    expect(notices.map((n) => n.employeeId).sort()).toEqual(
      [w.org.users.csr_manager.employeeId, w.org.users.program_manager.employeeId].sort(),
    );
  });

  it('refuses bad input with field errors in the requester language, and a past day', async () => {
    const res = await submit(form({ contactEmail: 'not-an-address', expectedParticipants: 0 }), 'ja');
    expect(res.statusCode).toBe(400);
    const fields = res.json().fields as { path: string; message: string }[];
    expect(fields.map((f) => f.path).sort()).toEqual(['contactEmail', 'expectedParticipants']);
    expect(fields[0].message).toMatch(/[ぁ-んァ-ン一-龯]/);
    const past = await submit(form({ preferredOn: daysFromNow(-3) }), 'en');
    expect(past.statusCode).toBe(400);
    expect(past.json().fields[0]).toMatchObject({
      path: 'preferredOn',
      code: 'date_in_past',
      message: 'Choose a date from today on.',
    });
  });

  it('answers a filled honeypot like a request and stores nothing', async () => {
    const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(classRequests);
    const res = await submit(form({ website: 'http://spam.example' }));
    expect(res.statusCode).toBe(202);
    const after = await database.db.select({ n: sql<number>`count(*)::int` }).from(classRequests);
    expect(Number(after[0].n)).toBe(Number(before[0].n));
  });

  it('limits how often one address may send the form', async () => {
    const limited = await buildTestApp(database);
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await limited.inject({
        method: 'POST',
        url: '/api/public/class-requests',
        payload: form({ website: 'x' }),
        remoteAddress: '203.0.113.9',
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(codes[6]).toBe(429);
    await limited.close();
  });
});

describe('coordinating a request', () => {
  async function newRequest(extra: Record<string, unknown> = {}) {
    await submit(form(extra));
    const [row] = await database.db
      .select()
      .from(classRequests)
      .where(eq(classRequests.orgId, w.org.orgId))
      .orderBy(sql`created_at desc`)
      .limit(1);
    return row;
  }

  it('assigns certified instructors, mails them and the requester, and refuses the uncertified', async () => {
    const r = await newRequest({ requesterOrganisation: 'A小学校' });
    const day = daysFromNow(45);
    const refused = await fails(
      assignInstructors(w.manager, r.id, { scheduledOn: day, employeeIds: [w.people[0], w.people[4]] }),
    );
    expect(refused.code).toBe('instructor_not_certified');
    expect(refused.fields).toEqual([{ path: 'employeeIds.1', code: 'not_certified' }]);
    expect(String(refused.params.names)).toContain('Taro Yamada 905');
    const detail = await assignInstructors(w.manager, r.id, {
      scheduledOn: day,
      employeeIds: [w.people[0], w.people[1]],
    });
    expect(detail).toMatchObject({ status: 'assigned', scheduledOn: day });
    expect(detail.instructors.map((i) => i.employeeId).sort()).toEqual([w.people[0], w.people[1]].sort());
    const mails = await database.db.select().from(mailOutbox).where(eq(mailOutbox.orgId, w.org.orgId));
    expect(mails.filter((m) => m.kind === 'class_assigned')).toHaveLength(2);
    const scheduled = mails.find((m) => m.kind === 'class_request_scheduled');
    expect(scheduled?.locale).toBe('ja');
    expect(scheduled?.textBody).toContain('山田 太郎901');
    // Another class the same day cannot take the same instructor.
    const other = await newRequest({ requesterOrganisation: 'B小学校' });
    const busy = await fails(
      assignInstructors(w.manager, other.id, { scheduledOn: day, employeeIds: [w.people[1]] }),
    );
    expect(busy.code).toBe('instructor_busy');
  });

  it('checks the certification on the class day, not today', async () => {
    const r = await newRequest();
    const holder = await addHolder(w.manager, w.certificationId, {
      employeeId: w.people[3],
      certifiedOn: daysFromNow(-10),
    });
    await revokeHolder(w.manager, holder.id, daysFromNow(20));
    const e = await fails(
      assignInstructors(w.manager, r.id, { scheduledOn: daysFromNow(30), employeeIds: [w.people[3]] }),
    );
    expect(e.code).toBe('instructor_not_certified');
    const ok = await assignInstructors(w.manager, r.id, {
      scheduledOn: daysFromNow(15),
      employeeIds: [w.people[3]],
    });
    expect(ok.status).toBe('assigned');
  });

  it('serialises two coordinators assigning at once: one whole assignment wins', async () => {
    const r = await newRequest();
    const results = await Promise.allSettled([
      assignInstructors(w.manager, r.id, { scheduledOn: daysFromNow(50), employeeIds: [w.people[0]] }),
      assignInstructors(w.manager, r.id, {
        scheduledOn: daysFromNow(51),
        employeeIds: [w.people[1], w.people[2]],
      }),
    ]);
    expect(results.every((x) => x.status === 'fulfilled')).toBe(true);
    const final = await getRequest(w.manager, r.id);
    const expected =
      final.scheduledOn === daysFromNow(50) ? [w.people[0]] : [w.people[1], w.people[2]].sort();
    expect(final.instructors.map((i) => i.employeeId).sort()).toEqual(expected);
  });

  it("keeps a company-scoped coordinator out of another company's requests", async () => {
    const r = await newRequest();
    expect((await fails(getRequest(w.usManager, r.id))).code).toBe('forbidden');
    expect((await listRequests(w.usManager, { page: 1, size: 50 })).total).toBe(0);
    expect((await listRequests(w.manager, { page: 1, size: 50, status: 'requested' })).total).toBeGreaterThan(
      0,
    );
  });

  it('declines with a reason the requester reads', async () => {
    const r = await newRequest({ contactEmail: 'decline@school.example' });
    const d = await declineRequest(w.manager, r.id, '講師の都合がつきません。');
    expect(d).toMatchObject({ status: 'declined', declineReason: '講師の都合がつきません。' });
    const [mail] = await database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, 'decline@school.example'))
      .orderBy(sql`created_at desc`)
      .limit(1);
    expect(mail.kind).toBe('class_request_declined');
    expect(mail.textBody).toContain('講師の都合がつきません。');
    expect(
      (
        await fails(
          assignInstructors(w.manager, r.id, { scheduledOn: daysFromNow(60), employeeIds: [w.people[0]] }),
        )
      ).code,
    ).toBe('invalid_transition');
  });

  it('completes a held class into a program session with the instructors as employees', async () => {
    const r = await newRequest();
    await assignInstructors(w.manager, r.id, { scheduledOn: daysFromNow(0), employeeIds: [w.people[2]] });
    const future = await newRequest();
    await assignInstructors(w.manager, future.id, {
      scheduledOn: daysFromNow(70),
      employeeIds: [w.people[0]],
    });
    expect(
      (await fails(completeRequest(w.manager, future.id, { counts: { students: 10 } }))).fields[0],
    ).toMatchObject({
      code: 'future_date',
    });
    const done = await completeRequest(w.manager, r.id, { counts: { students: 88, teachers: 3 } });
    expect(done.status).toBe('completed');
    const [session] = await database.db
      .select()
      .from(programSessions)
      .where(eq(programSessions.id, done.sessionId as string));
    expect(session).toMatchObject({ kind: 'class', startsOn: daysFromNow(0), programId: w.programId });
    const counts = await database.db
      .select({ kind: programSessionCounts.participantKind, count: programSessionCounts.count })
      .from(programSessionCounts)
      .where(eq(programSessionCounts.sessionId, session.id));
    expect(Object.fromEntries(counts.map((c) => [c.kind, c.count]))).toEqual({
      students: 88,
      teachers: 3,
      employees: 1,
    });
  });
});

describe('class requests API', () => {
  it('lists, shows and assigns for a signed-in coordinator; the employee may not', async () => {
    const accepted = await submit(form({ requesterOrganisation: 'API中学校' }));
    expect(accepted.statusCode).toBe(202);
    const s = await signIn(app, w.org.users.program_manager.email);
    const list = await app.inject({
      method: 'GET',
      url: '/api/class-requests?status=requested',
      headers: s.headers,
    });
    const item = list
      .json()
      .items.find((i: { requesterOrganisation: string }) => i.requesterOrganisation === 'API中学校');
    expect(item.reference).toBe(accepted.json().reference);
    const assigned = await app.inject({
      method: 'POST',
      url: `/api/class-requests/${item.id}/assign`,
      headers: s.headers,
      payload: { scheduledOn: daysFromNow(80), employeeIds: [w.people[0]] },
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json().coordinator.id).toBe(w.org.users.program_manager.id);
    const employee = await signIn(app, w.org.users.employee.email);
    expect(
      (await app.inject({ method: 'GET', url: '/api/class-requests', headers: employee.headers })).statusCode,
    ).toBe(403);
  });
});
