import { and, asc, eq, ne } from 'drizzle-orm';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
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
import { mailOutbox, notifications } from '../notifications/notifications.table.js';
import { at, createEmployees, createOpportunity, DAY, HOUR } from './signups.fixtures.js';
import { cancelSignup, signUp } from './signups.service.js';
import { opportunityShifts, signups } from './volunteering.table.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let employee: Session;
let promoter: Session;
let finance: Session;

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'SIGN');
  app = await buildTestApp(database, { PUBLIC_URL: 'https://kyosei.example.test' });
  employee = await signIn(app, org.users.employee.email);
  promoter = await signIn(app, org.users.promoter.email);
  finance = await signIn(app, org.users.finance.email);
});

const join = (s: Session, shiftId: string) =>
  app.inject({ method: 'POST', url: `/api/shifts/${shiftId}/signups`, headers: s.headers, payload: {} });
const cancel = (s: Session, signupId: string) =>
  app.inject({ method: 'DELETE', url: `/api/signups/${signupId}`, headers: s.headers });

async function shiftRow(id: string) {
  const [row] = await database.db.select().from(opportunityShifts).where(eq(opportunityShifts.id, id));
  return row;
}

describe('signing up for a shift', () => {
  it('confirms the caller with one click, counts the seat, notifies and audits', async () => {
    const { shiftIds, opportunityId } = await createOpportunity(database, org);
    const res = await join(employee, shiftIds[0]);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      shiftId: shiftIds[0],
      opportunityId,
      status: 'confirmed',
      waitlistPosition: null,
      overlaps: [],
    });
    expect((await shiftRow(shiftIds[0])).confirmedCount).toBe(1);
    const notes = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.employeeId, org.users.employee.employeeId));
    expect(notes.map((n) => n.kind)).toContain('signup_confirmed');
    const note = notes.find((n) => n.kind === 'signup_confirmed')!;
    expect(note.params).toMatchObject({
      title: { ja: '海岸清掃', en: 'Beach clean-up' },
      timeZone: 'Asia/Tokyo',
    });
    expect(note.link).toBe(`/opportunities/${opportunityId}`);
    const mails = await database.db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.employeeId, org.users.employee.employeeId),
          eq(mailOutbox.kind, 'signup_confirmed'),
        ),
      );
    expect(mails.length).toBeGreaterThanOrEqual(1);
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, body.id));
    expect(entry).toMatchObject({ action: 'signup.create', entityType: 'signup' });
  });

  it('refuses a second live sign-up for the same shift, and allows one again after cancelling', async () => {
    const { shiftIds } = await createOpportunity(database, org);
    const first = await join(employee, shiftIds[0]);
    const again = await join(employee, shiftIds[0]);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_signed_up');
    expect((await cancel(employee, first.json().id)).json().status).toBe('cancelled');
    const back = await join(employee, shiftIds[0]);
    expect(back.statusCode).toBe(201);
    expect((await shiftRow(shiftIds[0])).confirmedCount).toBe(1);
  });

  it('waitlists in order when the shift is full', async () => {
    const { shiftIds } = await createOpportunity(database, org, { shifts: [{ capacity: 1 }] });
    const [a, b, c] = await createEmployees(database, org, 3, { from: 100 });
    expect((await signUp(a, shiftIds[0])).status).toBe('confirmed');
    expect(await signUp(b, shiftIds[0])).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await signUp(c, shiftIds[0])).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    const [note] = await database.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.employeeId, (c.actor as { employeeId: string }).employeeId),
          eq(notifications.kind, 'signup_waitlisted'),
        ),
      );
    expect(note.params).toMatchObject({ position: 2 });
  });

  it('warns about the caller’s other confirmed shifts at the same time', async () => {
    const startsAt = at(10 * DAY);
    const first = await createOpportunity(database, org, {
      titleEn: 'Morning shift',
      shifts: [{ startsAt }],
    });
    const second = await createOpportunity(database, org, {
      shifts: [{ startsAt: new Date(startsAt.getTime() + HOUR) }],
    });
    const [ctx] = await createEmployees(database, org, 1, { from: 200 });
    await signUp(ctx, first.shiftIds[0]);
    const result = await signUp(ctx, second.shiftIds[0]);
    expect(result.status).toBe('confirmed');
    expect(result.overlaps).toEqual([
      expect.objectContaining({ shiftId: first.shiftIds[0], titleEn: 'Morning shift' }),
    ]);
  });

  it('enforces the deadline, the start, the status and the visibility', async () => {
    const late = await createOpportunity(database, org, { signupDeadline: at(-HOUR) });
    const started = await createOpportunity(database, org, { shifts: [{ startsAt: at(-HOUR) }] });
    const draft = await createOpportunity(database, org, { status: 'draft' });
    const usOnly = await createOpportunity(database, org, {
      companyId: org.companies.us,
      visibility: 'companies',
      visibleCompanyIds: [org.companies.us],
    });
    for (const o of [late, started, draft]) {
      const res = await join(employee, o.shiftIds[0]);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('signup_closed');
    }
    const hidden = await join(employee, usOnly.shiftIds[0]);
    expect(hidden.statusCode).toBe(403);
    expect(hidden.json().code).toBe('not_visible');
    const [american] = await createEmployees(database, org, 1, { from: 300, companyId: org.companies.us });
    expect((await signUp(american, usOnly.shiftIds[0])).status).toBe('confirmed');
  });

  it('answers 404 for an unknown shift and 403 no_employee_record for an account without an employee', async () => {
    const missing = await join(employee, '00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    const [user] = await database.db
      .insert(users)
      .values({
        orgId: org.orgId,
        email: 'noemp@sign.test',
        displayName: 'x',
        passwordHash: await hashPassword(TEST_PASSWORD),
      })
      .returning();
    await database.db
      .insert(roleGrants)
      .values({ orgId: org.orgId, userId: user.id, role: 'employee', scopeType: 'org' });
    const session = await signIn(app, 'noemp@sign.test');
    const { shiftIds } = await createOpportunity(database, org);
    const res = await join(session, shiftIds[0]);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('no_employee_record');
  });
});

describe('cancelling', () => {
  it('promotes the first waitlisted when a confirmed sign-up is cancelled, and notifies them', async () => {
    const { shiftIds } = await createOpportunity(database, org, { shifts: [{ capacity: 2 }] });
    const people = await createEmployees(database, org, 5, { from: 400 });
    const results = [];
    for (const p of people) results.push(await signUp(p, shiftIds[0]));
    expect(results.map((r) => r.status)).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
      'waitlisted',
      'waitlisted',
    ]);
    await cancelSignup(people[0], results[0].id);
    const rows = await database.db.select().from(signups).where(eq(signups.shiftId, shiftIds[0]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(results[2].id)).toMatchObject({ status: 'confirmed' });
    expect(byId.get(results[2].id)!.promotedAt).not.toBeNull();
    expect(byId.get(results[3].id)!.status).toBe('waitlisted');
    expect((await shiftRow(shiftIds[0])).confirmedCount).toBe(2);
    const promotedEmployee = (people[2].actor as { employeeId: string }).employeeId;
    const notes = await database.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.employeeId, promotedEmployee), eq(notifications.kind, 'waitlist_promoted')),
      );
    expect(notes).toHaveLength(1);
    const mails = await database.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.employeeId, promotedEmployee), eq(mailOutbox.kind, 'waitlist_promoted')));
    expect(mails).toHaveLength(1);
    // Cancelling a waitlisted sign-up promotes nobody and frees no seat.
    await cancelSignup(people[4], results[4].id);
    expect((await shiftRow(shiftIds[0])).confirmedCount).toBe(2);
    expect((await database.db.select().from(signups).where(eq(signups.id, results[3].id)))[0].status).toBe(
      'waitlisted',
    );
  });

  it('closes cancellation for the employee after the deadline, while the organiser may still cancel', async () => {
    const { shiftIds } = await createOpportunity(database, org, { cancelDeadline: at(HOUR) });
    const signup = (await join(employee, shiftIds[0])).json();
    const closed = await cancelSignup(await ctxAs(database, org, 'employee'), signup.id, {
      now: at(2 * HOUR),
    }).catch((e) => e);
    expect(closed.code).toBe('cancel_closed');
    const other = await cancel(finance, signup.id);
    expect(other.statusCode).toBe(403);
    const byOrganiser = await cancel(promoter, signup.id);
    expect(byOrganiser.statusCode).toBe(200);
    expect(byOrganiser.json().status).toBe('cancelled');
    expect((await cancel(promoter, signup.id)).statusCode).toBe(200);
    expect((await shiftRow(shiftIds[0])).confirmedCount).toBe(0);
  });

  it('answers 404 for an unknown sign-up', async () => {
    const res = await cancel(employee, '00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });
});

describe('invariants', () => {
  it('keeps confirmedCount = confirmed ≤ capacity and promotes in waitlist order, whatever the sequence', async () => {
    const pool = await createEmployees(database, org, 6, { from: 500 });
    const employeeOf = (who: number) => (pool[who].actor as { employeeId: string }).employeeId;
    const step = fc.record({ op: fc.constantFrom('signup', 'cancel'), who: fc.integer({ min: 0, max: 5 }) });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        fc.array(step, { minLength: 1, maxLength: 20 }),
        async (capacity, steps) => {
          const { shiftIds } = await createOpportunity(database, org, { shifts: [{ capacity }] });
          const shiftId = shiftIds[0];
          let confirmed: number[] = [];
          let waitlist: number[] = [];
          const live = new Map<number, string>();
          for (const { op, who } of steps) {
            if (op === 'signup') {
              const result = await signUp(pool[who], shiftId).catch((e: { code: string }) => e);
              if (live.has(who)) {
                expect((result as { code: string }).code).toBe('already_signed_up');
                continue;
              }
              const { id, status, waitlistPosition } = result as Awaited<ReturnType<typeof signUp>>;
              if (confirmed.length < capacity) confirmed.push(who);
              else waitlist.push(who);
              expect(status).toBe(confirmed.includes(who) ? 'confirmed' : 'waitlisted');
              expect(waitlistPosition).toBe(status === 'waitlisted' ? waitlist.length : null);
              live.set(who, id);
            } else {
              const id = live.get(who);
              if (!id) continue;
              await cancelSignup(pool[who], id);
              live.delete(who);
              if (confirmed.includes(who)) {
                confirmed = confirmed.filter((w) => w !== who);
                const next = waitlist.shift();
                if (next !== undefined) confirmed.push(next);
              } else waitlist = waitlist.filter((w) => w !== who);
            }
            const rows = await database.db
              .select({ employeeId: signups.employeeId, status: signups.status })
              .from(signups)
              .where(and(eq(signups.shiftId, shiftId), ne(signups.status, 'cancelled')))
              .orderBy(asc(signups.seq));
            const shift = await shiftRow(shiftId);
            const dbConfirmed = rows.filter((r) => r.status === 'confirmed').map((r) => r.employeeId);
            expect(shift.confirmedCount).toBe(dbConfirmed.length);
            expect(shift.confirmedCount).toBeLessThanOrEqual(capacity);
            expect(new Set(dbConfirmed)).toEqual(new Set(confirmed.map(employeeOf)));
            expect(rows.filter((r) => r.status === 'waitlisted').map((r) => r.employeeId)).toEqual(
              waitlist.map(employeeOf),
            );
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
