import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { FIELDS, type Field } from '../src/shared/fields.js';
import { eventually, heading, shows, visit } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { exact, type Locale, like, t } from './support/i18n.js';
import { type ApiSession, DEMO_ACCOUNTS, sessionFor, setUserLocale } from './support/session.js';
import {
  freshVolunteer,
  employeeIdOf,
  type Opportunity,
  publishOpportunity,
  roster,
  runToken,
  signUp,
} from './support/volunteering.js';

const pglite = inject('pgliteBaseUrl');
const postgres = inject('postgresBaseUrl');

type Registration = { status: 'active' | 'left'; interestFields: Field[] };
type Notification = { kind: string; title: string; readAt: string | null };
type Mail = { kind: string; subject: string; toAddress: string; locale: 'ja' | 'en' };
type HourLog = { id: string; organisationName: string; status: string; minutes: number; field: Field };
type Kpis = { participations: number; hours: number };

/** The account's registration in the volunteer service, or null before it joined. */
async function registrationOf(who: ApiSession): Promise<Registration | null> {
  try {
    return await who.call<Registration>('GET', '/api/me/registration');
  } catch (e) {
    if (/: 404 /.test((e as Error).message)) return null;
    throw e;
  }
}

/**
 * Joins the volunteer service on /volunteering/profile, or (when the demo already registered the
 * employee) changes the interest fields and saves: either way the profile ends with other fields than
 * it had, saved through the form.
 */
async function saveProfile(page: Page, who: ApiSession, locale: Locale): Promise<Field[]> {
  const before = await registrationOf(who);
  const had = [...(before?.interestFields ?? [])].sort().join();
  const wanted: Field[] =
    had === 'education_culture_sports,environment'
      ? ['education_culture_sports', 'regional']
      : ['education_culture_sports', 'environment'];
  await visit(page, '/volunteering/profile', t(locale, 'volunteer:profile.title'));
  if (!before) await page.getByRole('button', { name: exact(t(locale, 'volunteer:profile.start')) }).click();
  // The fields are chips: checkboxes drawn as their labels, in a group named by its legend.
  const fields = page.getByRole('group', { name: t(locale, 'volunteer:fields.interestFields') });
  for (const field of FIELDS) {
    const name = t(locale, `field.${field}`);
    const chip = fields.getByRole('checkbox', { name, exact: true });
    if ((await chip.isChecked()) !== wanted.includes(field)) {
      await fields.getByText(name, { exact: true }).click();
      await eventually(async () => expect(await chip.isChecked()).toBe(wanted.includes(field)));
    }
  }
  const joining = !before || before.status === 'left';
  const submit = !before ? 'volunteer:profile.join' : joining ? 'volunteer:profile.rejoin' : 'common.save';
  await page.getByRole('button', { name: exact(t(locale, submit)) }).click();
  await shows(
    page.getByText(t(locale, joining ? 'volunteer:profile.joined' : 'volunteer:profile.saved')),
    'the notice that the profile is saved',
  );
  await shows(page.getByText(like(locale, 'volunteer:profile.since', ['date'])), 'the joining date');
  const after = await registrationOf(who);
  expect(after?.status).toBe('active');
  expect([...(after?.interestFields ?? [])].sort()).toEqual(wanted);
  return wanted;
}

/** The employee's sign-up for a shift as the opportunity page's API reports it. */
async function mySignup(who: ApiSession, o: Opportunity, shiftId: string) {
  const detail = await who.call<Opportunity>('GET', `/api/opportunities/${o.id}`);
  return detail.shifts.find((s) => s.id === shiftId)?.mySignup ?? null;
}

/** The page of the pending approvals queue (oldest first, 50 a page) that holds a log. */
async function pageOf(approver: ApiSession, logId: string): Promise<number> {
  for (let page = 1; ; page++) {
    const q = await approver.call<{ items: { id: string }[]; total: number }>(
      'GET',
      `/api/hour-logs?status=pending&size=50&page=${page}`,
    );
    if (q.items.some((l) => l.id === logId)) return page;
    if (page * 50 >= q.total) throw new Error(`hour log ${logId} is not in the approvals queue`);
  }
}

describe('volunteering journeys', () => {
  const browser = useBrowser();

  const waitlist: [Locale, string, string][] = [
    ['ja', pglite, 'PGlite'],
    ['en', postgres, 'PostgreSQL'],
  ];
  for (const [locale, baseURL, server] of waitlist) {
    it(`an employee joins, finds an online opportunity, is waitlisted on its full shift and promoted when the seat frees (${locale}, ${server})`, async () => {
      const [promoter, finance, admin] = await Promise.all(
        (['promoter', 'finance', 'org_admin'] as const).map((r) => sessionFor(baseURL, DEMO_ACCOUNTS[r])),
      );
      // Someone who never joined the volunteer service, so that the journey starts with a first join.
      const { session: employee, email: employeeEmail } = await freshVolunteer(
        baseURL,
        admin,
        inject('demoPassword'),
      );
      expect(await registrationOf(employee)).toBeNull();
      await setUserLocale(employee, locale);
      const token = runToken();
      const online = await publishOpportunity(promoter, {
        titleJa: `オンライン読み聞かせ会 ${token.ja}`,
        titleEn: `Online storytelling ${token.en}`,
        shifts: [[72, 2, 1]],
      });
      // The same words on site: the text finds both, the mode filter keeps the online one.
      const onSite = await publishOpportunity(promoter, {
        titleJa: `図書館での読み聞かせ会 ${token.ja}`,
        titleEn: `Storytelling at the library ${token.en}`,
        mode: 'on_site',
        shifts: [[72, 2, 5]],
      });
      const shift = online.shifts[0];
      const held = await signUp(finance, shift.id);
      expect(held.status).toBe('confirmed');
      const title = locale === 'ja' ? online.titleJa! : online.titleEn!;
      const onSiteTitle = locale === 'ja' ? onSite.titleJa! : onSite.titleEn!;

      const page = await browser.page({ baseURL, locale, storageState: employee.state });
      await saveProfile(page, employee, locale);

      // Find it: a text query (Japanese: four kanji; English: a word) and the mode filter.
      await visit(page, '/opportunities', t(locale, 'opportunities:list.title'));
      await page
        .getByRole('searchbox', { name: t(locale, 'common.search') })
        .fill(locale === 'ja' ? token.ja : token.en);
      const results = page.getByRole('region', { name: t(locale, 'opportunities:list.results') });
      await shows(results.getByRole('article', { name: onSiteTitle }), 'the on-site opportunity by text');
      await shows(results.getByRole('article', { name: title }), 'the online opportunity by text');
      await page.getByRole('combobox', { name: t(locale, 'opportunities:list.mode') }).click();
      await page.getByRole('option', { name: t(locale, 'opportunities:mode.online'), exact: true }).click();
      await eventually(async () => {
        expect(await results.getByRole('article').count()).toBe(1);
        expect(await results.getByRole('article', { name: title }).count()).toBe(1);
      });
      const card = results.getByRole('article', { name: title });
      await shows(card.getByText(t(locale, 'opportunities:list.full')), 'that the shift is full');
      await card.getByRole('link', { name: title }).click();

      // One click on the full shift: waitlisted, number 1.
      await shows(heading(page, title), 'the opportunity page');
      const shifts = page.getByRole('region', { name: t(locale, 'opportunities:detail.shiftsTable') });
      await shifts
        .getByRole('button', { name: like(locale, 'opportunities:detail.joinWaitlistFor', ['when']) })
        .click();
      await shows(
        page.getByText(t(locale, 'opportunities:detail.waitlisted', { position: 1 })),
        'the waitlist notice',
      );
      const waitlisted = t(locale, 'participation:status.waitlistedAt', { position: 1 });
      await shows(shifts.getByText(waitlisted, { exact: true }), 'the waitlist badge');
      expect(await mySignup(employee, online, shift.id)).toMatchObject({
        status: 'waitlisted',
        waitlistPosition: 1,
      });

      // The seat holder cancels: the employee moves up, and hears of it in the app and by mail.
      await finance.call('DELETE', `/api/signups/${held.id}`);
      await page.reload();
      await shows(
        shifts.getByText(t(locale, 'participation:status.confirmed'), { exact: true }),
        'the confirmed badge after the promotion',
      );
      expect(await mySignup(employee, online, shift.id)).toMatchObject({ status: 'confirmed' });

      const promoted = t(locale, 'notifications:kind.waitlist_promoted.title', { title });
      const bell = page.getByRole('banner').getByRole('link', {
        name: like(locale, 'notifications:bell.unread', ['count']),
      });
      await shows(bell, 'the bell with unread notifications');
      await bell.click();
      await shows(heading(page, t(locale, 'notifications:page.title')), 'the notifications page');
      await shows(
        page.getByRole('link', { name: t(locale, 'notifications:page.openNamed', { title: promoted }) }),
        'the promotion notification',
      );
      const notices = await employee.call<{ items: Notification[] }>('GET', '/api/me/notifications?size=10');
      // (The API speaks the request's language: English here.)
      const about = notices.items.filter((n) => n.title.includes(online.titleEn!));
      expect(about.map((n) => n.kind).sort()).toEqual(['signup_waitlisted', 'waitlist_promoted']);
      const mails = await admin.call<{ items: Mail[] }>(
        'GET',
        `/api/mail-outbox?q=${encodeURIComponent(locale === 'ja' ? token.ja : token.en)}`,
      );
      const toEmployee = mails.items.filter((m) => m.toAddress === employeeEmail);
      expect(toEmployee.map((m) => m.kind).sort()).toEqual(['signup_waitlisted', 'waitlist_promoted']);
      const mail = toEmployee.find((m) => m.kind === 'waitlist_promoted')!;
      expect(mail.locale).toBe(locale);
      expect(mail.subject).toContain(title);
      const outbox = await browser.page({ baseURL, locale, storageState: admin.state });
      await setUserLocale(admin, locale);
      await visit(
        outbox,
        `/admin/mail?q=${encodeURIComponent(locale === 'ja' ? token.ja : token.en)}`,
        t(locale, 'notifications:outbox.title'),
      );
      await shows(outbox.getByRole('cell', { name: mail.subject, exact: true }), 'the mail in the outbox');
    });
  }

  it('a promoter takes attendance: attended, credited with the length of the shift (ja, PGlite)', async () => {
    const [promoter, employee] = await Promise.all(
      (['promoter', 'employee'] as const).map((r) => sessionFor(pglite, DEMO_ACCOUNTS[r])),
    );
    await setUserLocale(promoter, 'ja');
    const token = runToken();
    const o = await publishOpportunity(promoter, {
      titleJa: `オンライン学習支援 ${token.ja}`,
      titleEn: `Online tutoring ${token.en}`,
      shifts: [[96, 1.5, 3]],
    });
    const shift = o.shifts[0];
    expect((await signUp(employee, shift.id)).status).toBe('confirmed');
    const me = await employeeIdOf(employee);
    const before = (await roster(promoter, shift.id)).find((r) => r.employeeId === me)!;
    expect(before.attendance).toBeNull();

    const page = await browser.page({ baseURL: pglite, locale: 'ja', storageState: promoter.state });
    await visit(
      page,
      `/opportunities/${o.id}/shifts/${shift.id}/attendance`,
      t('ja', 'participation:roster.title'),
    );
    const name = before.nameJa || before.nameEn;
    const choice = page.getByRole('radiogroup', {
      name: t('ja', 'participation:roster.attendanceOf', { name }),
    });
    await choice.getByText(t('ja', 'participation:status.attended'), { exact: true }).click();
    const minutes = page.getByRole('textbox', { name: t('ja', 'participation:roster.minutesOf', { name }) });
    await shows(minutes, 'the credited minutes');
    await eventually(async () => expect(await minutes.inputValue()).toBe('90'));
    await eventually(async () => {
      const after = (await roster(promoter, shift.id)).find((r) => r.employeeId === me)!;
      expect(after).toMatchObject({ attendance: 'attended', minutes: 90 });
    });
    const detail = await employee.call<Opportunity>('GET', `/api/opportunities/${o.id}`);
    expect(detail.shifts[0].mySignup).toMatchObject({ attendance: 'attended', minutes: 90 });
  });

  it('an employee logs hours done outside the system; a CSR manager approves them and sees the KPIs move (ja, PGlite)', async () => {
    const [employee, csr] = await Promise.all(
      (['employee', 'csr_manager'] as const).map((r) => sessionFor(pglite, DEMO_ACCOUNTS[r])),
    );
    await Promise.all([setUserLocale(employee, 'ja'), setUserLocale(csr, 'ja')]);
    const org = await csr.call<{ currentFiscalYear: { startYear: number } }>('GET', '/api/organisation');
    const kpis = () =>
      csr.call<Kpis>('GET', `/api/volunteering/kpis?fiscalYear=${org.currentFiscalYear.startYear}`);
    const before = await kpis();
    const token = runToken();
    const organisation = `こども食堂 ${token.ja}`;
    const description = `配膳と片付けを手伝いました (${token.en})`;

    // The employee logs 2.5 hours of today: it waits for approval and counts nowhere yet.
    const page = await browser.page({ baseURL: pglite, locale: 'ja', storageState: employee.state });
    await visit(page, '/volunteering/activities', t('ja', 'participation:activities.title'));
    await page.getByRole('button', { name: exact(t('ja', 'participation:logHours.open')) }).click();
    const dialog = page.getByRole('dialog', { name: t('ja', 'participation:logHours.title') });
    await shows(dialog, 'the form to log hours');
    await dialog
      .getByRole('textbox', { name: t('ja', 'participation:logHours.hours'), exact: true })
      .fill('2.5');
    await dialog
      .getByRole('textbox', { name: t('ja', 'participation:logHours.organisation'), exact: true })
      .fill(organisation);
    await dialog.getByRole('combobox', { name: t('ja', 'participation:field') }).click();
    await page.getByRole('option', { name: t('ja', 'field.welfare_diversity'), exact: true }).click();
    await dialog
      .getByRole('textbox', { name: t('ja', 'participation:logHours.description'), exact: true })
      .fill(description);
    await dialog.getByRole('button', { name: exact(t('ja', 'common.save')) }).click();
    await shows(
      page.getByText(t('ja', 'participation:logHours.saved')),
      'the notice that the hours are logged',
    );
    const row = page.getByRole('row').filter({ hasText: organisation });
    await shows(row.getByText(t('ja', 'participation:status.pending'), { exact: true }), 'the pending log');
    const logs = await employee.call<{ items: HourLog[] }>('GET', '/api/me/hour-logs');
    const log = logs.items.find((l) => l.organisationName === organisation)!;
    expect(log).toMatchObject({ status: 'pending', minutes: 150, field: 'welfare_diversity' });
    expect(await kpis()).toMatchObject({ participations: before.participations, hours: before.hours });

    // The CSR manager finds it in the approvals queue (oldest first: on its last page) and approves it.
    const queuePage = await pageOf(csr, log.id);
    const approver = await browser.page({ baseURL: pglite, locale: 'ja', storageState: csr.state });
    await visit(
      approver,
      `/volunteering/approvals?page=${queuePage}`,
      t('ja', 'participation:approvals.title'),
    );
    const pending = approver.getByRole('row').filter({ hasText: description });
    await pending
      .getByRole('button', { name: like('ja', 'participation:approvals.approveNamed', ['name']) })
      .click();
    await shows(
      approver.getByText(like('ja', 'participation:approvals.approved', ['name'])),
      'the notice that the hours are approved',
    );
    await eventually(async () => {
      const mine = await employee.call<{ items: HourLog[] }>('GET', '/api/me/hour-logs');
      expect(mine.items.find((l) => l.id === log.id)?.status).toBe('approved');
    });

    // One more participation and 2.5 more hours in this fiscal year, on the API and on the dashboard.
    const after = await kpis();
    expect(after.participations).toBe(before.participations + 1);
    expect(after.hours).toBeCloseTo(before.hours + 2.5, 2);
    await visit(approver, '/volunteering/kpis', t('ja', 'kpi:title'));
    const card = approver.getByRole('listitem').filter({ hasText: t('ja', 'kpi:figure.participations') });
    await shows(
      card.getByText(after.participations.toLocaleString('ja-JP'), { exact: true }),
      `${after.participations} participations on the dashboard`,
    );
  });

  it('an employee checks in with the QR code of the shift on a phone (en, PostgreSQL)', async () => {
    const [promoter, employee] = await Promise.all(
      (['promoter', 'employee'] as const).map((r) => sessionFor(postgres, DEMO_ACCOUNTS[r])),
    );
    await setUserLocale(employee, 'en');
    const token = runToken();
    // Starting within the next half hour: inside the check-in window (two hours before the start).
    const o = await publishOpportunity(promoter, {
      titleJa: `オンライン清掃報告会 ${token.ja}`,
      titleEn: `Online clean-up briefing ${token.en}`,
      shifts: [[0.5, 2, 5]],
    });
    const shift = o.shifts[0];
    expect((await signUp(employee, shift.id)).status).toBe('confirmed');
    const { url, code } = await promoter.call<{ url: string; code: string }>(
      'GET',
      `/api/shifts/${shift.id}/checkin`,
    );
    expect(new URL(url).pathname).toBe(`/check-in/${code}`);

    const page = await browser.page({
      baseURL: postgres,
      locale: 'en',
      storageState: employee.state,
      viewport: { width: 390, height: 844 },
      bypassCSP: true,
    });
    await page.goto(new URL(url).pathname);
    await shows(heading(page, t('en', 'participation:checkIn.title')), 'the check-in page');
    const button = page.getByRole('button', { name: exact(t('en', 'participation:checkIn.button')) });
    const box = await button.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390, 'the button fits the phone').toBe(true);
    await button.click();
    await shows(
      page.getByRole('status').filter({ hasText: t('en', 'participation:checkIn.done') }),
      'the confirmation of the check-in',
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const found = await seriousViolations(page, 'en /check-in (checked in, on a phone)');
    expect(found, found.join('\n')).toEqual([]);
    const me = await employeeIdOf(employee);
    const mine = (await roster(promoter, shift.id)).find((r) => r.employeeId === me)!;
    expect(mine).toMatchObject({ attendance: 'attended', minutes: 120 });
    expect(mine.checkedInAt).not.toBeNull();
  });
});
