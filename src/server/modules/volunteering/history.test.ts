import { eq } from 'drizzle-orm';
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
import { organisations } from '../organisations/organisations.table.js';
import { setAttendance } from './attendance.service.js';
import { myCertificate, myHistory } from './history.service.js';
import { createHourLog, reviewHourLog } from './hour-logs.service.js';
import { at, createEmployees, createOpportunity, DAY } from './signups.fixtures.js';
import { signUp } from './signups.service.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let me: Ctx;
let session: Session;

/** A sign-up to a past shift, made the day before it started, then marked by the organiser. */
async function pastShift(startsAt: Date, attendance: 'attended' | 'absent' | null, titleEn: string) {
  const { shiftIds } = await createOpportunity(database, org, {
    titleEn,
    titleJa: `${titleEn}(日本語)`,
    shifts: [{ startsAt }],
  });
  const signup = await signUp(me, shiftIds[0], { now: new Date(startsAt.getTime() - DAY) });
  if (attendance) await setAttendance(await ctxAs(database, org, 'promoter'), signup.id, { attendance });
  return signup;
}

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'HIST');
  app = await buildTestApp(database);
  me = await ctxAs(database, org, 'employee');
  session = await signIn(app, org.users.employee.email);
  const csr = await ctxAs(database, org, 'csr_manager');
  // Fiscal 2023 (April 2023 to March 2024): one attended shift, one absent, one approved log, one
  // pending and one rejected. 2024-03-31 20:00 UTC is 1 April 05:00 in Tokyo: fiscal 2024.
  await pastShift(new Date('2023-08-05T01:00:00Z'), 'attended', 'Summer camp');
  await pastShift(new Date('2023-09-09T01:00:00Z'), 'absent', 'Missed one');
  await pastShift(new Date('2024-03-31T20:00:00Z'), 'attended', 'Early April');
  const log = { organisationName: 'Kawasaki NPO', field: 'regional' as const, description: 'Festival' };
  const approved = await createHourLog(me, { ...log, activityDate: '2024-02-10', minutes: 150 });
  await reviewHourLog(csr, approved.id, 'approved', undefined);
  await createHourLog(me, { ...log, activityDate: '2024-01-10', minutes: 600 });
  const rejected = await createHourLog(me, { ...log, activityDate: '2023-12-10', minutes: 300 });
  await reviewHourLog(csr, rejected.id, 'rejected', 'Duplicate');
  // Upcoming: one confirmed, one waitlisted behind someone else.
  const upcoming = await createOpportunity(database, org, {
    titleEn: 'Next week',
    shifts: [{ startsAt: at(7 * DAY) }],
  });
  await signUp(me, upcoming.shiftIds[0]);
  const full = await createOpportunity(database, org, {
    titleEn: 'Full',
    shifts: [{ startsAt: at(9 * DAY), capacity: 1 }],
  });
  const [other] = await createEmployees(database, org, 1, { from: 7000 });
  await signUp(other, full.shiftIds[0]);
  await signUp(me, full.shiftIds[0]);
}, 120_000);

describe('my volunteering history', () => {
  it('counts only attended sign-ups and approved logs, per fiscal year in the opportunity’s time zone', async () => {
    const { totals } = await myHistory(me, {});
    const fy = (year: number) => totals.find((t) => t.fiscalYear === year);
    expect(fy(2023)).toEqual({
      fiscalYear: 2023,
      labelJa: '2023年度',
      labelEn: 'fiscal 2024',
      hours: 5.5,
      participations: 2,
    });
    expect(fy(2024)).toMatchObject({ hours: 3, participations: 1, labelEn: 'fiscal 2025' });
    expect(totals.map((t) => t.fiscalYear)).toEqual(
      [...totals.map((t) => t.fiscalYear)].sort((a, b) => b - a),
    );
  });

  it('shows every row with its state, upcoming ones included, and filters by fiscal year', async () => {
    const { items } = await myHistory(me, {});
    const byTitle = (title: string) => items.find((i) => i.titleEn === title);
    expect(byTitle('Summer camp')).toMatchObject({
      status: 'attended',
      hours: 3,
      counts: true,
      date: '2023-08-05',
    });
    expect(byTitle('Missed one')).toMatchObject({ status: 'absent', hours: 0, counts: false });
    expect(byTitle('Early April')).toMatchObject({ date: '2024-04-01', fiscalYear: 2024 });
    expect(byTitle('Next week')).toMatchObject({ status: 'confirmed', counts: false });
    expect(byTitle('Full')).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const logs = items.filter((i) => i.kind === 'hour_log');
    expect(logs.map((l) => l.status).sort()).toEqual(['approved', 'pending', 'rejected']);
    expect(logs.find((l) => l.status === 'rejected')).toMatchObject({ reviewNote: 'Duplicate', hours: 0 });
    const only2023 = await myHistory(me, { fiscalYear: 2023 });
    expect(only2023.items).toHaveLength(5);
    expect(only2023.items.map((i) => i.date)).toEqual(
      [...only2023.items.map((i) => i.date)].sort().reverse(),
    );
  });

  it('gives the certificate data of one fiscal year', async () => {
    const cert = await myCertificate(me, { fiscalYear: 2023 });
    expect(cert).toMatchObject({
      fiscalYear: 2023,
      labelJa: '2023年度',
      labelEn: 'fiscal 2024',
      periodStart: '2023-04-01',
      periodEnd: '2024-03-31',
      organisation: { nameJa: 'HIST グループ', nameEn: 'HIST Group' },
      company: { nameEn: 'HIST Japan' },
      employee: { nameEn: expect.stringContaining('Taro Yamada') },
      hours: 5.5,
      participations: 2,
    });
    expect(cert.activities.map((a) => [a.date, a.hours])).toEqual([
      ['2023-08-05', 3],
      ['2024-02-10', 2.5],
    ]);
    expect(cert.issuedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('follows the organisation’s fiscal-year settings', async () => {
    await database.db
      .update(organisations)
      .set({ fiscalYearStartMonth: 1, fyLabelEn: 'start' })
      .where(eq(organisations.id, org.orgId));
    try {
      const { totals } = await myHistory(me, {});
      expect(totals.find((t) => t.fiscalYear === 2024)).toMatchObject({
        labelEn: 'fiscal 2024',
        labelJa: '2024年度',
        hours: 5.5,
        participations: 2,
      });
    } finally {
      await database.db
        .update(organisations)
        .set({ fiscalYearStartMonth: 4, fyLabelEn: 'end' })
        .where(eq(organisations.id, org.orgId));
    }
  });

  it('answers over HTTP for the employee, and refuses an account without an employee record', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/me/volunteering?fiscalYear=2023',
      headers: session.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(5);
    const cert = await app.inject({
      method: 'GET',
      url: '/api/me/volunteering/certificate?fiscalYear=2023',
      headers: session.headers,
    });
    expect(cert.json().hours).toBe(5.5);
    const [user] = await database.db
      .insert(users)
      .values({
        orgId: org.orgId,
        email: 'noemp@hist.test',
        displayName: 'x',
        passwordHash: await hashPassword(TEST_PASSWORD),
      })
      .returning();
    await database.db
      .insert(roleGrants)
      .values({ orgId: org.orgId, userId: user.id, role: 'employee', scopeType: 'org' });
    const other = await signIn(app, 'noemp@hist.test');
    const refused = await app.inject({ method: 'GET', url: '/api/me/volunteering', headers: other.headers });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('no_employee_record');
  });
});
