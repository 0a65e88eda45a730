import { eq } from 'drizzle-orm';
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
import { roleGrants, users } from '../auth/auth.table.js';
import { hashPassword } from '../auth/passwords.js';
import { checkIn, setAttendance } from './attendance.service.js';
import { at, createEmployees, createOpportunity, DAY, HOUR } from './signups.fixtures.js';
import { signUp } from './signups.service.js';
import { signups } from './volunteering.table.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let promoter: Session;
let employee: Session;
let auditor: Session;
let texasPromoter: Session;

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'ATTEND');
  app = await buildTestApp(database, { PUBLIC_URL: 'https://kyosei.example.test/' });
  promoter = await signIn(app, org.users.promoter.email);
  employee = await signIn(app, org.users.employee.email);
  auditor = await signIn(app, org.users.auditor.email);
  const [user] = await database.db
    .insert(users)
    .values({
      orgId: org.orgId,
      email: 'tx.promoter@attend.test',
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
  texasPromoter = await signIn(app, 'tx.promoter@attend.test');
});

const get = (s: Session, url: string) => app.inject({ method: 'GET', url, headers: s.headers });
const mark = (s: Session, id: string, payload: object) =>
  app.inject({ method: 'PUT', url: `/api/signups/${id}/attendance`, headers: s.headers, payload });

let nextEmployee = 1000;

/** A 3-hour shift (capacity 2) with two confirmed and one waitlisted sign-up. */
async function filledShift(startsAt = at(7 * DAY)) {
  const { shiftIds, shifts } = await createOpportunity(database, org, {
    siteId: org.sites.tokyo,
    shifts: [{ startsAt, capacity: 2 }],
  });
  nextEmployee += 10;
  const people = await createEmployees(database, org, 3, { from: nextEmployee });
  const early = new Date(startsAt.getTime() - DAY);
  const results = [];
  for (const p of people) results.push(await signUp(p, shiftIds[0], { now: early }));
  return { shiftId: shiftIds[0], code: shifts[0].checkinCode, people, results };
}

describe('the roster', () => {
  it('lists confirmed sign-ups, then the waitlist in order, for organisers and auditors only', async () => {
    const { shiftId, results } = await filledShift();
    const res = await get(promoter, `/api/shifts/${shiftId}/signups`);
    expect(res.statusCode).toBe(200);
    const roster = res.json();
    expect(roster.shift).toMatchObject({
      id: shiftId,
      capacity: 2,
      confirmed: 2,
      waitlisted: 1,
      shiftMinutes: 180,
    });
    expect(roster.items.map((i: { id: string }) => i.id)).toEqual(results.map((r) => r.id));
    expect(roster.items[2]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, attendance: null });
    expect((await get(auditor, `/api/shifts/${shiftId}/signups`)).statusCode).toBe(200);
    expect((await get(employee, `/api/shifts/${shiftId}/signups`)).statusCode).toBe(403);
    expect((await get(texasPromoter, `/api/shifts/${shiftId}/signups`)).statusCode).toBe(403);
    expect((await get(promoter, `/api/shifts/00000000-0000-4000-8000-000000000000/signups`)).statusCode).toBe(
      404,
    );
  });
});

describe('taking attendance', () => {
  it('credits the shift length by default, takes edited minutes, marks absent and clears', async () => {
    const { results } = await filledShift();
    const id = results[0].id;
    const attended = await mark(promoter, id, { attendance: 'attended' });
    expect(attended.statusCode).toBe(200);
    expect(attended.json()).toMatchObject({ attendance: 'attended', minutes: 180 });
    expect((await mark(promoter, id, { attendance: 'attended', minutes: 90 })).json().minutes).toBe(90);
    expect((await mark(promoter, id, { attendance: 'absent' })).json()).toMatchObject({
      attendance: 'absent',
      minutes: null,
    });
    expect((await mark(promoter, id, { attendance: null })).json()).toMatchObject({
      attendance: null,
      minutes: null,
    });
    const [row] = await database.db.select().from(signups).where(eq(signups.id, id));
    expect(row.attendanceBy).toBe(org.users.promoter.id);
  });

  it('refuses bad minutes, a waitlisted sign-up, and people outside the opportunity’s scope', async () => {
    const { results } = await filledShift();
    for (const payload of [
      { attendance: 'attended', minutes: 0 },
      { attendance: 'attended', minutes: 1441 },
      { attendance: 'absent', minutes: 30 },
      { attendance: 'maybe' },
    ]) {
      const res = await mark(promoter, results[0].id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const waitlisted = await mark(promoter, results[2].id, { attendance: 'attended' });
    expect(waitlisted.statusCode).toBe(409);
    expect(waitlisted.json().code).toBe('invalid_transition');
    expect((await mark(employee, results[0].id, { attendance: 'attended' })).statusCode).toBe(403);
    expect((await mark(texasPromoter, results[0].id, { attendance: 'attended' })).statusCode).toBe(403);
    expect(
      (await mark(promoter, '00000000-0000-4000-8000-000000000000', { attendance: null })).statusCode,
    ).toBe(404);
  });
});

describe('QR check-in', () => {
  it('gives organisers the check-in link and its QR code as SVG', async () => {
    const { shiftId, code } = await filledShift();
    const link = await get(promoter, `/api/shifts/${shiftId}/checkin`);
    expect(link.json()).toEqual({ url: `https://kyosei.example.test/check-in/${code}`, code });
    const qr = await get(promoter, `/api/shifts/${shiftId}/checkin-qr.svg`);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(qr.body).toMatch(/<svg[\s\S]*<\/svg>/);
    expect((await get(employee, `/api/shifts/${shiftId}/checkin`)).statusCode).toBe(403);
    expect((await get(auditor, `/api/shifts/${shiftId}/checkin-qr.svg`)).statusCode).toBe(403);
  });

  it('checks a confirmed employee in from two hours before the start, once', async () => {
    const { code, people, results } = await filledShift(at(HOUR));
    const first = await checkIn(people[0], code);
    expect(first).toMatchObject({ signupId: results[0].id, minutes: 180, alreadyCheckedIn: false });
    const second = await checkIn(people[0], code);
    expect(second).toMatchObject({ alreadyCheckedIn: true, checkedInAt: first.checkedInAt });
    const [row] = await database.db.select().from(signups).where(eq(signups.id, results[0].id));
    expect(row).toMatchObject({ attendance: 'attended', minutes: 180 });
    const waitlisted = await checkIn(people[2], code).catch((e) => e);
    expect(waitlisted.code).toBe('not_found');
  });

  it('keeps minutes an organiser already set, and refuses outside the window', async () => {
    const startsAt = at(3 * HOUR);
    const { code, people, results } = await filledShift(startsAt);
    const promoterCtx = await ctxAs(database, org, 'promoter');
    await setAttendance(promoterCtx, results[1].id, { attendance: 'attended', minutes: 60 });
    const tooEarly = await checkIn(people[0], code).catch((e) => e);
    expect(tooEarly.code).toBe('checkin_closed');
    const inWindow = new Date(startsAt.getTime() - 90 * 60_000);
    expect((await checkIn(people[1], code, inWindow)).minutes).toBe(60);
    const afterEnd = new Date(startsAt.getTime() + 3 * HOUR + 60_000);
    expect((await checkIn(people[0], code, afterEnd).catch((e) => e)).code).toBe('checkin_closed');
  });

  it('answers the HTTP check-in: 404 for an unknown code or no sign-up, 409 outside the window', async () => {
    const { code } = await filledShift(at(HOUR));
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/check-in/not-a-real-code-at-all',
      headers: employee.headers,
      payload: {},
    });
    expect(unknown.statusCode).toBe(404);
    const notSignedUp = await app.inject({
      method: 'POST',
      url: `/api/check-in/${code}`,
      headers: employee.headers,
      payload: {},
    });
    expect(notSignedUp.statusCode).toBe(404);
    const later = await createOpportunity(database, org, { shifts: [{ startsAt: at(5 * HOUR) }] });
    await app.inject({
      method: 'POST',
      url: `/api/shifts/${later.shiftIds[0]}/signups`,
      headers: employee.headers,
      payload: {},
    });
    const closed = await app.inject({
      method: 'POST',
      url: `/api/check-in/${later.shifts[0].checkinCode}`,
      headers: employee.headers,
      payload: {},
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('checkin_closed');
  });
});
