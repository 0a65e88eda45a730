import { and, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import { createTestOrg, type TestOrg } from '../../test/factories.js';
import { users } from '../auth/auth.table.js';
import { createOpportunity, createSignup } from './notifications.test-support.js';
import { mailOutbox, notifications } from './notifications.table.js';
import { queueReminders } from './reminders.service.js';

const HOUR = 3_600_000;
let database: Database;
let org: TestOrg;
const now = new Date('2026-06-10T00:00:00Z');
const at = (hours: number) => new Date(now.getTime() + hours * HOUR);
const ids: Record<string, string> = {};

const reminders = () =>
  database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.orgId, org.orgId), like(notifications.dedupeKey, 'reminder:%')));

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'REM');
  await database.db.update(users).set({ locale: 'en' }).where(eq(users.id, org.users.promoter.id));
  const { opportunity, shifts } = await createOpportunity(database, org, {
    starts: [at(20), at(30), at(-1)],
    timeZone: 'America/Chicago',
  });
  ids.opportunity = opportunity.id;
  const [soon, later, started] = shifts;
  const long = at(-72);
  const u = org.users;
  ids.due = (
    await createSignup(database, org, {
      shiftId: soon.id,
      employeeId: u.employee.employeeId,
      createdAt: long,
    })
  ).id;
  ids.dueEn = (
    await createSignup(database, org, {
      shiftId: soon.id,
      employeeId: u.promoter.employeeId,
      createdAt: long,
    })
  ).id;
  // Signed up two hours ago, inside the last day: the confirmation just gave the time.
  await createSignup(database, org, {
    shiftId: soon.id,
    employeeId: u.finance.employeeId,
    createdAt: at(-2),
  });
  // Promoted from the waitlist inside the last day: likewise.
  await createSignup(database, org, {
    shiftId: soon.id,
    employeeId: u.auditor.employeeId,
    createdAt: long,
    promotedAt: at(-1),
  });
  await createSignup(database, org, {
    shiftId: soon.id,
    employeeId: u.csr_manager.employeeId,
    status: 'waitlisted',
    createdAt: long,
  });
  await createSignup(database, org, {
    shiftId: soon.id,
    employeeId: u.org_admin.employeeId,
    status: 'cancelled',
    createdAt: long,
  });
  ids.later = (
    await createSignup(database, org, {
      shiftId: later.id,
      employeeId: u.employee.employeeId,
      createdAt: long,
    })
  ).id;
  await createSignup(database, org, {
    shiftId: started.id,
    employeeId: u.program_manager.employeeId,
    createdAt: long,
  });
  const cancelled = await createOpportunity(database, org, { starts: [at(10)], status: 'cancelled' });
  await createSignup(database, org, {
    shiftId: cancelled.shifts[0].id,
    employeeId: u.employee.employeeId,
    createdAt: long,
  });
});

describe('reminders the day before', () => {
  it('remind confirmed sign-ups of shifts starting within a day, once each', async () => {
    expect(await queueReminders(database, { now, baseUrl: 'https://kyosei.example' })).toBe(2);
    const rows = await reminders();
    expect(rows.map((r) => r.dedupeKey).sort()).toEqual(
      [`reminder:${ids.due}`, `reminder:${ids.dueEn}`].sort(),
    );
    expect(rows[0]).toMatchObject({ kind: 'shift_reminder', link: `/opportunities/${ids.opportunity}` });
  });

  it('write the mail in each recipient’s language, with the start in the opportunity’s time zone', async () => {
    const mails = await database.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'shift_reminder'));
    const ja = mails.find((m) => m.toAddress === org.users.employee.email)!;
    const en = mails.find((m) => m.toAddress === org.users.promoter.email)!;
    // 20:00 UTC on 10 June is 15:00 in Chicago (CDT, UTC-5).
    expect(ja.subject).toBe('【リマインダー】海岸清掃ボランティア（2026年6月10日(水) 15:00 GMT-5）');
    expect(en.subject).toBe('Reminder: Beach clean-up (Wed, 10 June 2026 at 15:00 GMT-5)');
    expect(en.textBody).toContain(`https://kyosei.example/opportunities/${ids.opportunity}`);
  });

  it('are idempotent: running again queues nothing', async () => {
    expect(await queueReminders(database, { now })).toBe(0);
    expect(await queueReminders(database, { now: at(0.25) })).toBe(0);
    expect(await reminders()).toHaveLength(2);
  });

  it('come for the later shift once it is a day away', async () => {
    expect(await queueReminders(database, { now: at(5) })).toBe(0);
    expect(await queueReminders(database, { now: at(6) })).toBe(1);
    expect((await reminders()).map((r) => r.dedupeKey)).toContain(`reminder:${ids.later}`);
  });
});
