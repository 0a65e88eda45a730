import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { inTransaction, systemCtx } from '../../lib/context.js';
import { openTestDatabase } from '../../test/db.js';
import { buildTestApp, createTestOrg, type Session, signIn, type TestOrg } from '../../test/factories.js';
import { users } from '../auth/auth.table.js';
import { volunteerRegistrations } from '../volunteering/volunteering.table.js';
import { mailOutbox, notifications } from './notifications.table.js';
import { type Notice, notify } from './notify.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let other: TestOrg;
let employee: Session;
let admin: Session;

const startsAt = '2026-06-13T01:00:00.000Z'; // 10:00 in Tokyo, 20:00 the day before in Chicago
const confirmed = (employeeId: string, extra: Partial<Notice> = {}): Notice => ({
  employeeId,
  kind: 'signup_confirmed',
  params: { title: { ja: '海岸清掃', en: 'Beach clean-up' }, startsAt, timeZone: 'Asia/Tokyo' },
  link: '/opportunities/abc',
  ...extra,
});
const send = (o: TestOrg, notice: Notice, baseUrl?: string) =>
  inTransaction(systemCtx(database.db, o.orgId), (ctx) => notify(ctx, notice, baseUrl));
const mailsTo = (employeeId: string) =>
  database.db.select().from(mailOutbox).where(eq(mailOutbox.employeeId, employeeId));
const get = async (url: string, as: Session, lang = 'en') => {
  const res = await app.inject({ method: 'GET', url, headers: { ...as.headers, 'accept-language': lang } });
  return { status: res.statusCode, body: res.json() };
};

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'NTF');
  other = await createTestOrg(database, 'NTX');
  app = await buildTestApp(database);
  employee = await signIn(app, org.users.employee.email);
  admin = await signIn(app, org.users.org_admin.email);
  await database.db.update(users).set({ locale: 'en' }).where(eq(users.id, org.users.promoter.id));
});

describe('notify', () => {
  it('queues the mail in the Japanese of a ja recipient, with the start in the shift’s time zone', async () => {
    await send(org, confirmed(org.users.employee.employeeId), 'https://kyosei.example/');
    const [mail] = await mailsTo(org.users.employee.employeeId);
    expect(mail).toMatchObject({ locale: 'ja', toAddress: org.users.employee.email, status: 'pending' });
    expect(mail.subject).toBe('【参加確定】海岸清掃');
    expect(mail.textBody).toContain('2026年6月13日(土) 10:00 JST');
    expect(mail.textBody).toContain('https://kyosei.example/opportunities/abc');
    expect(mail.textBody).toMatch(/^山田 太郎\d+ 様/);
    expect(mail.textBody).toContain('NTF グループ ボランティア支援サービス');
  });

  it('writes English for a recipient whose account is in English', async () => {
    await send(
      org,
      confirmed(org.users.promoter.employeeId, {
        params: { ...confirmed('').params, timeZone: 'America/Chicago' },
      }),
    );
    const [mail] = await mailsTo(org.users.promoter.employeeId);
    expect(mail.locale).toBe('en');
    expect(mail.subject).toBe('Confirmed: Beach clean-up');
    expect(mail.textBody).toContain('Fri, 12 June 2026 at 20:00 GMT-5');
    expect(mail.textBody).toMatch(/^Dear Taro Yamada \d+,/);
  });

  it('records the notice but sends no mail to someone who left the volunteer service', async () => {
    const employeeId = org.users.finance.employeeId;
    await database.db.insert(volunteerRegistrations).values({
      orgId: org.orgId,
      employeeId,
      joinedOn: '2024-04-01',
      leftOn: '2025-03-31',
    });
    await send(org, confirmed(employeeId));
    expect(await mailsTo(employeeId)).toEqual([]);
    const rows = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.employeeId, employeeId));
    expect(rows).toHaveLength(1);
  });

  it('is idempotent with a dedupe key', async () => {
    const employeeId = org.users.program_manager.employeeId;
    await send(org, confirmed(employeeId, { kind: 'shift_reminder', dedupeKey: 'reminder:x1' }));
    await send(org, confirmed(employeeId, { kind: 'shift_reminder', dedupeKey: 'reminder:x1' }));
    expect(await mailsTo(employeeId)).toHaveLength(1);
    const rows = await database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, org.orgId), eq(notifications.dedupeKey, 'reminder:x1')));
    expect(rows).toHaveLength(1);
  });

  it('writes every kind without a leftover {{variable}} in both languages', async () => {
    const kinds = [
      'signup_waitlisted',
      'waitlist_promoted',
      'opportunity_cancelled',
      'hours_approved',
      'hours_rejected',
    ] as const;
    for (const kind of kinds) {
      await send(other, {
        employeeId: other.users.csr_manager.employeeId,
        kind,
        params: {
          ...confirmed('').params,
          position: 3,
          hours: 2.5,
          date: '2026-05-01',
          organisation: 'NPO Umi',
          note: 'Wrong date',
        },
        link: '/volunteering/activities',
      });
    }
    const mails = await mailsTo(other.users.csr_manager.employeeId);
    expect(mails).toHaveLength(kinds.length);
    for (const m of mails) expect(`${m.subject}\n${m.textBody}`).not.toMatch(/\{\{|undefined|null/);
    const rejected = mails.find((m) => m.kind === 'hours_rejected')!;
    expect(rejected.textBody).toContain('コメント: Wrong date');
    expect(rejected.textBody).toContain('2026年5月1日');
    expect(rejected.textBody).toContain('2.5時間');
  });
});

describe('the in-app notifications API', () => {
  it('lists the caller’s notifications in the caller’s language, newest first', async () => {
    await send(org, confirmed(org.users.employee.employeeId, { kind: 'opportunity_cancelled' }));
    const en = await get('/api/me/notifications', employee, 'en');
    expect(en.status).toBe(200);
    expect(en.body.total).toBe(2);
    expect(en.body.items[0]).toMatchObject({
      kind: 'opportunity_cancelled',
      title: 'Cancelled: Beach clean-up',
      link: '/opportunities/abc',
      readAt: null,
    });
    expect(en.body.items[1].body).toBe(
      'Your place at “Beach clean-up” on Sat, 13 June 2026 at 10:00 GMT+9 is confirmed.',
    );
    const ja = await get('/api/me/notifications', employee, 'ja');
    expect(ja.body.items[1].title).toBe('参加が確定しました: 海岸清掃');
  });

  it('counts unread ones and marks some, then all, read', async () => {
    expect((await get('/api/me/notifications/unread-count', employee)).body).toEqual({ count: 2 });
    const list = await get('/api/me/notifications', employee);
    const first = list.body.items[0].id;
    const mark = (payload: object, as = employee) =>
      app.inject({ method: 'POST', url: '/api/me/notifications/read', headers: as.headers, payload });
    expect((await mark({ ids: [first] })).statusCode).toBe(204);
    expect((await get('/api/me/notifications/unread-count', employee)).body).toEqual({ count: 1 });
    const unread = await get('/api/me/notifications?unread=true', employee);
    expect(unread.body.items.map((n: { id: string }) => n.id)).not.toContain(first);
    expect((await mark({})).statusCode).toBe(204);
    expect((await get('/api/me/notifications/unread-count', employee)).body).toEqual({ count: 0 });
    expect((await get('/api/me/notifications', employee)).body.items[0].readAt).not.toBeNull();
  });

  it('ignores ids of other people’s notifications', async () => {
    const promoter = await signIn(app, org.users.promoter.email);
    const theirs = (await get('/api/me/notifications', promoter)).body.items[0].id;
    const res = await app.inject({
      method: 'POST',
      url: '/api/me/notifications/read',
      headers: employee.headers,
      payload: { ids: [theirs] },
    });
    expect(res.statusCode).toBe(204);
    expect((await get('/api/me/notifications/unread-count', promoter)).body).toEqual({ count: 1 });
  });

  it('refuses unknown fields and needs a CSRF token', async () => {
    const url = '/api/me/notifications/read';
    const extra = await app.inject({
      method: 'POST',
      url,
      headers: employee.headers,
      payload: { all: true },
    });
    expect(extra.statusCode).toBe(400);
    const { 'x-csrf-token': _, ...noCsrf } = employee.headers;
    expect((await app.inject({ method: 'POST', url, headers: noCsrf, payload: {} })).statusCode).toBe(403);
  });

  it('gives an account without an employee record an empty list', async () => {
    await database.db.update(users).set({ employeeId: null }).where(eq(users.id, other.users.auditor.id));
    const auditor = await signIn(app, other.users.auditor.email);
    expect((await get('/api/me/notifications', auditor)).body).toMatchObject({ items: [], total: 0 });
    expect((await get('/api/me/notifications/unread-count', auditor)).body).toEqual({ count: 0 });
  });
});

describe('the mail outbox API', () => {
  it('lists the organisation’s mails for mail.read, filtered by status and text', async () => {
    const all = await get('/api/mail-outbox', admin);
    expect(all.status).toBe(200);
    expect(all.body.smtpConfigured).toBe(false);
    expect(all.body.items.length).toBe(all.body.total);
    expect(all.body.items.every((m: { status: string }) => m.status === 'pending')).toBe(true);
    expect(all.body.items.map((m: { toAddress: string }) => m.toAddress)).not.toContain(
      other.users.csr_manager.email,
    );
    const byText = await get(`/api/mail-outbox?q=${encodeURIComponent('Beach')}`, admin);
    expect(byText.body.items.map((m: { subject: string }) => m.subject)).toEqual([
      'Confirmed: Beach clean-up',
    ]);
    expect((await get('/api/mail-outbox?status=sent', admin)).body.total).toBe(0);
    expect((await get('/api/mail-outbox?status=bogus', admin)).status).toBe(400);
  });

  it('shows one mail in full, and nobody else’s', async () => {
    const [mail] = await mailsTo(org.users.employee.employeeId);
    const one = await get(`/api/mail-outbox/${mail.id}`, admin);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: mail.id, textBody: mail.textBody, employeeNumber: 'NTF-7' });
    const [foreign] = await mailsTo(other.users.csr_manager.employeeId);
    expect((await get(`/api/mail-outbox/${foreign.id}`, admin)).status).toBe(404);
  });

  it('is closed to employees, open to auditors, and says when SMTP is configured', async () => {
    expect((await get('/api/mail-outbox', employee)).status).toBe(403);
    const auditor = await signIn(app, org.users.auditor.email);
    expect((await get('/api/mail-outbox', auditor)).status).toBe(200);
    const configured = await buildTestApp(database, {
      SMTP_HOST: 'smtp.example',
      MAIL_FROM: 'k@example.com',
    });
    const session = await signIn(configured, org.users.org_admin.email);
    const res = await configured.inject({ method: 'GET', url: '/api/mail-outbox', headers: session.headers });
    expect(res.json().smtpConfigured).toBe(true);
    await configured.close();
  });
});
