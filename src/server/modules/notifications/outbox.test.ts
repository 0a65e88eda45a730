import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { inTransaction, systemCtx } from '../../lib/context.js';
import { openTestDatabase } from '../../test/db.js';
import { createTestOrg, type TestOrg } from '../../test/factories.js';
import { users } from '../auth/auth.table.js';
import { employees } from '../people/people.table.js';
import { createMailer, type Mailer } from './mailer.js';
import { decodeHeader, type LocalSmtp, parseMessage, startLocalSmtp } from './notifications.test-support.js';
import { mailOutbox } from './notifications.table.js';
import { notify } from './notify.js';
import { sendPending } from './outbox.service.js';

let database: Database;
let org: TestOrg;
let smtp: LocalSmtp;
let mailer: Mailer;

const queue = (employeeId: string, title = '海岸清掃') =>
  inTransaction(systemCtx(database.db, org.orgId), (ctx) =>
    notify(
      ctx,
      {
        employeeId,
        kind: 'signup_confirmed',
        params: {
          title: { ja: title, en: 'Beach clean-up' },
          startsAt: '2026-06-13T01:00:00Z',
          timeZone: 'Asia/Tokyo',
        },
        link: '/opportunities/o1',
      },
      'https://kyosei.example',
    ),
  );
const rowsOf = (employeeId: string) =>
  database.db.select().from(mailOutbox).where(eq(mailOutbox.employeeId, employeeId));
const makeDue = () => database.db.update(mailOutbox).set({ nextAttemptAt: sql`now()` });

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'OBX');
  smtp = await startLocalSmtp({ refuse: ['gone@obx.test'] });
  mailer = createMailer(testConfig({ SMTP_URL: smtp.url, MAIL_FROM: 'Kyosei <kyosei@obx.test>' }))!;
  await database.db.update(users).set({ locale: 'en' }).where(eq(users.id, org.users.promoter.id));
});
afterAll(async () => {
  mailer?.close();
  await smtp?.close();
});

describe('without SMTP settings', () => {
  it('has no mailer, and sendPending leaves mails pending and readable', async () => {
    expect(createMailer(testConfig())).toBeNull();
    await queue(org.users.csr_manager.employeeId);
    expect(await sendPending(database, null)).toEqual({ claimed: 0, sent: 0, retrying: 0, failed: 0 });
    const [row] = await rowsOf(org.users.csr_manager.employeeId);
    expect(row).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
  });
});

describe('delivery over SMTP to a real local server', () => {
  it('sends a Japanese mail with a UTF-8 encoded subject and marks it sent', async () => {
    await queue(org.users.employee.employeeId);
    const result = await sendPending(database, mailer);
    expect(result.sent).toBe(2); // the csr_manager's mail from before, and this one
    const got = smtp.received.find((m) => m.to.includes(org.users.employee.email))!;
    expect(got.user).toBe('mailer');
    expect(got.from).toBe('kyosei@obx.test');
    const { headers, text } = parseMessage(got.raw);
    expect(headers.to).toBe(org.users.employee.email);
    expect(headers.from).toBe('Kyosei <kyosei@obx.test>');
    expect(headers.subject).toMatch(/^=\?UTF-8\?[BQ]\?/i);
    expect(decodeHeader(headers.subject)).toBe('【参加確定】海岸清掃');
    expect(headers['content-type']).toMatch(/^text\/plain; charset=utf-8/i);
    expect(headers['auto-submitted']).toBe('auto-generated');
    expect(text).toContain('日時: 2026年6月13日(土) 10:00 JST');
    expect(text).toContain('https://kyosei.example/opportunities/o1');
    const [row] = await rowsOf(org.users.employee.employeeId);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(headers['message-id']).toBe(`<${row.id}@kyosei.localhost>`);
  });

  it('sends English to a recipient who reads English', async () => {
    await queue(org.users.promoter.employeeId);
    await sendPending(database, mailer);
    const got = smtp.received.find((m) => m.to.includes(org.users.promoter.email))!;
    const { headers, text } = parseMessage(got.raw);
    expect(decodeHeader(headers.subject)).toBe('Confirmed: Beach clean-up');
    expect(text).toContain('When: Sat, 13 June 2026 at 10:00 GMT+9');
  });

  it('delivers each mail once when two senders run at the same time', async () => {
    const before = smtp.received.length;
    for (let i = 0; i < 6; i++) await queue(org.users.program_manager.employeeId, `清掃 ${i}`);
    const [a, b] = await Promise.all([
      sendPending(database, mailer, { limit: 4 }),
      sendPending(database, mailer, { limit: 4 }),
    ]);
    expect(a.sent + b.sent).toBe(6);
    expect(smtp.received.length - before).toBe(6);
    const subjects = smtp.received
      .slice(before)
      .map((m) => decodeHeader(parseMessage(m.raw).headers.subject));
    expect(new Set(subjects).size).toBe(6);
  });

  it('fails a mail at once when the server refuses the recipient for good', async () => {
    await database.db
      .update(employees)
      .set({ email: 'gone@obx.test' })
      .where(eq(employees.id, org.users.finance.employeeId));
    await queue(org.users.finance.employeeId);
    const result = await sendPending(database, mailer);
    expect(result).toMatchObject({ claimed: 1, failed: 1 });
    const [row] = await rowsOf(org.users.finance.employeeId);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.lastError).toMatch(/550/);
  });
});

describe('when the SMTP server cannot be reached', () => {
  it('retries later with a growing delay, then gives up after the last attempt', async () => {
    const down = await startLocalSmtp();
    await down.close();
    const broken = createMailer(testConfig({ SMTP_URL: down.url }))!;
    await queue(org.users.auditor.employeeId);
    const first = await sendPending(database, broken, { maxAttempts: 3 });
    expect(first).toMatchObject({ claimed: 1, retrying: 1 });
    let [row] = await rowsOf(org.users.auditor.employeeId);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
    const wait1 = row.nextAttemptAt.getTime() - Date.now();
    expect(wait1).toBeGreaterThan(30_000);
    expect(await sendPending(database, broken, { maxAttempts: 3 })).toMatchObject({ claimed: 0 });

    await makeDue();
    await sendPending(database, broken, { maxAttempts: 3 });
    [row] = await rowsOf(org.users.auditor.employeeId);
    expect(row.attempts).toBe(2);
    expect(row.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(wait1);

    await makeDue();
    expect(await sendPending(database, broken, { maxAttempts: 3 })).toMatchObject({ failed: 1 });
    [row] = await rowsOf(org.users.auditor.employeeId);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, sentAt: null });
    broken.close();
  });

  it('sends a retried mail once the server is back', async () => {
    await queue(org.users.org_admin.employeeId);
    const down = await startLocalSmtp();
    await down.close();
    const broken = createMailer(testConfig({ SMTP_URL: down.url }))!;
    await sendPending(database, broken);
    broken.close();
    await makeDue();
    await sendPending(database, mailer);
    const rows = await database.db
      .select()
      .from(mailOutbox)
      .where(inArray(mailOutbox.employeeId, [org.users.org_admin.employeeId]));
    expect(rows[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
