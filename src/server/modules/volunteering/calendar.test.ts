import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
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
  type TestOrg,
} from '../../test/factories.js';
import { users } from '../auth/auth.table.js';
import { myCalendarFeed } from './calendar.js';
import { daysFromNow, postOpportunity } from './opportunities.factory.js';
import type { Opportunity } from './opportunities.schema.js';
import { cancelOpportunity } from './opportunities.service.js';
import { opportunityShifts, signups } from './volunteering.table.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let employee: Session;
let csr: Ctx;
let beach: Opportunity;
let online: Opportunity;

/** The VEVENTs of an iCalendar text, read by ical.js. */
function eventsOf(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  expect(cal.name).toBe('vcalendar');
  expect(cal.getFirstPropertyValue('version')).toBe('2.0');
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      location: e.location,
      description: e.description,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      utc: e.startDate.zone?.tzid === 'UTC',
      url: v.getFirstPropertyValue('url'),
      stamp: v.getFirstPropertyValue('dtstamp'),
    };
  });
}

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'ICS');
  app = await buildTestApp(database, { PUBLIC_URL: 'https://kyosei.example' });
  employee = await signIn(app, org.users.employee.email);
  csr = await ctxAs(database, org, 'csr_manager');
  beach = await postOpportunity(csr, org, {
    shifts: [
      { startsAt: daysFromNow(7, 1), endsAt: daysFromNow(7, 4), capacity: 5 },
      { startsAt: daysFromNow(8, 1), endsAt: daysFromNow(8, 4), capacity: 5 },
    ],
  });
  online = await postOpportunity(csr, org, {
    titleJa: 'オンライン読み聞かせ',
    titleEn: 'Online story time',
    mode: 'online',
    onlineUrl: 'https://meet.example/story',
    prefecture: null,
    shifts: [{ startsAt: daysFromNow(9, 10), endsAt: daysFromNow(9, 11), capacity: 5 }],
  });
});

describe('a shift’s iCalendar file', () => {
  it('holds one event in UTC with the title, place and link in the reader’s language', async () => {
    const shift = beach.shifts[0];
    const res = await get(`/api/shifts/${shift.id}/calendar.ics`, {
      ...employee.headers,
      'accept-language': 'en',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.body).toContain('\r\n');
    const [event, ...rest] = eventsOf(res.body);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      uid: `shift-${shift.id}@kyosei`,
      summary: 'Beach clean-up',
      location: '品川区, Tokyo',
      start: shift.startsAt,
      end: shift.endsAt,
      utc: true,
      url: `https://kyosei.example/opportunities/${beach.id}`,
    });
    expect(event.description).toContain('We pick up litter on the beach.');
    expect(event.stamp).toBeTruthy();
    const ja = await get(`/api/shifts/${online.shifts[0].id}/calendar.ics`, {
      ...employee.headers,
      'accept-language': 'ja',
    });
    expect(eventsOf(ja.body)[0]).toMatchObject({
      summary: 'オンライン読み聞かせ',
      location: 'https://meet.example/story',
    });
  });

  it('is not found for a shift the caller may not see', async () => {
    const draft = await postOpportunity(csr, org, {}, { publish: false });
    expect((await get(`/api/shifts/${draft.shifts[0].id}/calendar.ics`, employee.headers)).statusCode).toBe(
      404,
    );
    expect((await get(`/api/shifts/${draft.shifts[0].id}/calendar.ics`)).statusCode).toBe(401);
  });
});

describe('the private calendar feed', () => {
  it('lists the confirmed shifts of live opportunities, in the employee’s language', async () => {
    const me = org.users.employee.employeeId;
    await database.db.update(users).set({ locale: 'en' }).where(eq(users.id, org.users.employee.id));
    const cancelledLater = await postOpportunity(csr, org, { titleEn: 'Called off' });
    await database.db.insert(signups).values([
      { orgId: org.orgId, shiftId: beach.shifts[0].id, employeeId: me, status: 'confirmed' },
      { orgId: org.orgId, shiftId: beach.shifts[1].id, employeeId: me, status: 'waitlisted' },
      { orgId: org.orgId, shiftId: online.shifts[0].id, employeeId: me, status: 'confirmed' },
      { orgId: org.orgId, shiftId: cancelledLater.shifts[0].id, employeeId: me, status: 'confirmed' },
    ]);
    for (const id of [beach.shifts[0].id, online.shifts[0].id, cancelledLater.shifts[0].id])
      await database.db
        .update(opportunityShifts)
        .set({ confirmedCount: 1 })
        .where(eq(opportunityShifts.id, id));
    await cancelOpportunity(csr, cancelledLater.id);

    const res = await get('/api/me/calendar-feed', employee.headers);
    expect(res.statusCode).toBe(200);
    const url: string = res.json().url;
    expect(url).toMatch(/^https:\/\/kyosei\.example\/calendar\/[\w-]{32}\.ics$/);
    expect((await get('/api/me/calendar-feed', employee.headers)).json().url).toBe(url);

    const feed = await get(url.replace('https://kyosei.example', ''));
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const events = eventsOf(feed.body);
    expect(events.map((e) => e.summary)).toEqual(['Beach clean-up', 'Online story time']);
    expect(events.map((e) => e.start)).toEqual([beach.shifts[0].startsAt, online.shifts[0].startsAt]);
  });

  it('stops answering an old URL once rotated, and knows no made-up token', async () => {
    const old: string = (await get('/api/me/calendar-feed', employee.headers)).json().url;
    const rotated = await app.inject({
      method: 'POST',
      url: '/api/me/calendar-feed/rotate',
      headers: employee.headers,
    });
    expect(rotated.statusCode).toBe(200);
    const fresh: string = rotated.json().url;
    expect(fresh).not.toBe(old);
    expect((await get(old.replace('https://kyosei.example', ''))).statusCode).toBe(404);
    expect((await get(fresh.replace('https://kyosei.example', ''))).statusCode).toBe(200);
    expect((await get('/calendar/not-a-real-token-at-all-0000.ics')).statusCode).toBe(404);
  });

  it('needs an employee record', async () => {
    const ctx = await ctxAs(database, org, 'org_admin');
    const noEmployee = {
      ...ctx,
      actor: { ...(ctx.actor as Extract<Ctx['actor'], { kind: 'user' }>), employeeId: null },
    };
    await expect(myCalendarFeed(noEmployee, 'https://x')).rejects.toMatchObject({
      code: 'no_employee_record',
    });
  });
});
