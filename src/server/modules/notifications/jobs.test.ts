import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { inTransaction, systemCtx } from '../../lib/context.js';
import { isPostgres, openTestDatabase } from '../../test/db.js';
import { createTestOrg, type TestOrg } from '../../test/factories.js';
import { type Jobs, QUEUES, startJobs } from './jobs.js';
import { createMailer, type Mailer } from './mailer.js';
import {
  createOpportunity,
  createSignup,
  decodeHeader,
  type LocalSmtp,
  parseMessage,
  startLocalSmtp,
} from './notifications.test-support.js';
import { mailOutbox } from './notifications.table.js';
import { notify } from './notify.js';
import { POINTS_EXPIRY_QUEUE } from '../points/points.expiry.js';
import { LEDGER_SYNC_QUEUE } from '../accounting/ledger-sync.job.js';

let database: Database;
let org: TestOrg;
let smtp: LocalSmtp;
let mailer: Mailer;
let jobs: Jobs | undefined;
const errors: unknown[] = [];
const log = { info: () => undefined, warn: () => undefined, error: (e: unknown) => errors.push(e) };
const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

async function until<T>(probe: () => Promise<T | undefined>, seconds = 30): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}
const subjects = () => smtp.received.map((m) => decodeHeader(parseMessage(m.raw).headers.subject));

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'JOB');
  smtp = await startLocalSmtp();
  mailer = createMailer(testConfig({ SMTP_URL: smtp.url }))!;
});
afterAll(async () => {
  await jobs?.stop();
  mailer?.close();
  await smtp?.close();
});

describe('background jobs on pg-boss', () => {
  let timersBefore = 0;
  let scheduled = 0;

  it('start on the application database, with both queues scheduled', async () => {
    timersBefore = timers();
    jobs = await startJobs(database, {
      mailer,
      log,
      baseUrl: 'https://kyosei.example',
      pollingIntervalSeconds: 0.5,
    });
    const schedules = await jobs.boss.getSchedules();
    scheduled = schedules.length;
    expect(schedules.map((s) => [s.name, s.cron])).toEqual(
      expect.arrayContaining([
        [QUEUES.mail.name, QUEUES.mail.cron],
        [QUEUES.reminders.name, QUEUES.reminders.cron],
        [POINTS_EXPIRY_QUEUE.name, POINTS_EXPIRY_QUEUE.cron],
        [LEDGER_SYNC_QUEUE.name, LEDGER_SYNC_QUEUE.cron],
      ]),
    );
    expect((await jobs.boss.getQueue(QUEUES.mail.name))?.policy).toBe('stately');
  });

  it('deliver a queued mail when the mail job runs', async () => {
    await inTransaction(systemCtx(database.db, org.orgId), (ctx) =>
      notify(ctx, {
        employeeId: org.users.employee.employeeId,
        kind: 'opportunity_cancelled',
        params: {
          title: { ja: '植樹', en: 'Tree planting' },
          startsAt: '2026-06-13T01:00:00Z',
          timeZone: 'Asia/Tokyo',
        },
        link: '/opportunities/x',
      }),
    );
    await jobs!.kickMail();
    const row = await until(async () => {
      const [r] = await database.db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.employeeId, org.users.employee.employeeId));
      return r.status === 'sent' ? r : undefined;
    });
    expect(row.attempts).toBe(1);
    expect(subjects()).toContain('【中止】植樹');
  });

  it('queue tomorrow’s reminders and deliver them when the reminders job runs', async () => {
    const { shifts } = await createOpportunity(database, org, {
      starts: [new Date(Date.now() + 12 * 3_600_000)],
    });
    await createSignup(database, org, {
      shiftId: shifts[0].id,
      employeeId: org.users.promoter.employeeId,
      createdAt: new Date(Date.now() - 72 * 3_600_000),
    });
    await jobs!.boss.send(QUEUES.reminders.name, {});
    const subject = await until(async () =>
      subjects().find((s) => s.startsWith('【リマインダー】海岸清掃ボランティア')),
    );
    expect(subject).toContain('JST');
    const reminder = smtp.received.find((m) => m.to.includes(org.users.promoter.email))!;
    expect(parseMessage(reminder.raw).text).toContain('https://kyosei.example/opportunities/');
  });

  it('stop cleanly: no worker polls afterwards, and no timer is left behind', async () => {
    await jobs!.stop();
    const boss = jobs!.boss;
    jobs = undefined;
    const id = await boss.send(QUEUES.reminders.name, {});
    await new Promise((r) => setTimeout(r, 1500));
    expect((await boss.getJobById(QUEUES.reminders.name, id!))?.state).toBe('created');
    // PostgreSQL's pool keeps a timer per idle connection; PGlite has none, so there every timer counts.
    if (!isPostgres()) expect(timers()).toBeLessThanOrEqual(timersBefore);
  });

  it('start again on the schema they created', async () => {
    jobs = await startJobs(database, { mailer: null, log });
    expect((await jobs.boss.getSchedules()).length).toBe(scheduled);
    await jobs.stop();
    jobs = undefined;
    expect(errors).toEqual([]);
  });
});
