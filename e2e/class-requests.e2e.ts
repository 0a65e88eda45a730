import { describe, expect, inject, it } from 'vitest';
import { eventually, heading, shows, visit } from './support/app.js';
import { useBrowser } from './support/browser.js';
import { firstCompanyId, sessionOf, tokyoDate } from './support/giving.js';
import { exact, type Locale, t } from './support/i18n.js';
import type { ApiSession } from './support/session.js';
import { setUserLocale } from './support/session.js';
import { runToken } from './support/volunteering.js';

const pglite = inject('pgliteBaseUrl');

type Page<T> = { items: T[]; total: number };
type Holder = { employeeId: string; employeeNumber: string; nameJa: string; nameEn: string };
type Mail = { kind: string; toAddress: string; locale: string; subject: string };

/** The demo's e-Net Caravan program and instructor certification, or ones made for this run. */
async function enetCertification(pm: ApiSession): Promise<{ programId: string; certificationId: string }> {
  const programs = await pm.call<Page<{ id: string; code: string }>>('GET', '/api/programs?q=ENET&size=50');
  const programId =
    programs.items.find((p) => p.code === 'ENET')?.id ??
    (
      await pm.call<{ id: string }>('POST', '/api/programs', {
        code: 'ENET',
        nameJa: 'e-ネットキャラバン',
        nameEn: 'e-Net Caravan',
        framework: 'company_program',
        companyId: await firstCompanyId(pm),
        startYear: 2005,
      })
    ).id;
  const certs = await pm.call<{ items: { id: string }[] }>(
    'GET',
    `/api/programs/${programId}/certifications`,
  );
  const certificationId =
    certs.items[0]?.id ??
    (
      await pm.call<{ id: string }>('POST', `/api/programs/${programId}/certifications`, {
        code: 'ENET-INSTRUCTOR',
        nameJa: 'e-ネットキャラバン認定講師',
        nameEn: 'e-Net Caravan certified instructor',
        validityMonths: 36,
      })
    ).id;
  return { programId, certificationId };
}

/** An employee certified on `day`: one of the demo's instructors, else one certified now. */
async function instructorOn(pm: ApiSession, certificationId: string, day: string): Promise<Holder> {
  const url = `/api/certifications/${certificationId}/holders?status=current&on=${day}&size=50`;
  const holders = await pm.call<Page<Holder>>('GET', url);
  if (holders.items.length) return holders.items[holders.items.length - 1];
  const people = await pm.call<Page<{ id: string }>>('GET', '/api/employees?size=5');
  await pm.call('POST', `/api/certifications/${certificationId}/holders`, {
    employeeId: people.items[0].id,
    certifiedOn: tokyoDate(-1),
  });
  return (await pm.call<Page<Holder>>('GET', url)).items[0];
}

describe('class request journey', () => {
  const browser = useBrowser();

  it('a school requests an e-Net Caravan class on the public page and a coordinator assigns a certified instructor (ja, PGlite)', async () => {
    const locale: Locale = 'ja';
    const [pm, admin] = await Promise.all(
      (['program_manager', 'org_admin'] as const).map((r) => sessionOf(pglite, r)),
    );
    await setUserLocale(pm, locale);
    const { certificationId } = await enetCertification(pm);
    const token = runToken();
    const classDay = tokyoDate(60);
    const instructor = await instructorOn(pm, certificationId, classDay);
    const school = `川崎市立${token.ja}小学校`;
    const email = `teacher-${token.en}@school.example`;

    // A teacher, not signed in, asks for a class on the public page.
    const publicPage = await browser.page({ baseURL: pglite, locale });
    await visit(publicPage, '/request-class/DEMO', t(locale, 'certifications:public.title'));
    const field = (key: string) =>
      publicPage.getByRole('textbox', { name: t(locale, `certifications:public.${key}`) });
    await field('requesterOrganisation').fill(school);
    await field('contactName').fill('佐藤 花子');
    await field('contactEmail').fill(email);
    await field('place').fill(`${school} 体育館`);
    await publicPage.getByLabel(t(locale, 'certifications:public.preferredOn')).fill(tokyoDate(50));
    await publicPage.getByLabel(t(locale, 'certifications:public.alternativeOn')).fill(classDay);
    await field('expectedParticipants').fill('90');
    await publicPage.getByRole('button', { name: exact(t(locale, 'certifications:public.submit')) }).click();
    await shows(heading(publicPage, t(locale, 'certifications:public.sentTitle')), 'the confirmation');
    const reference = ((await publicPage.getByTestId('class-request-reference').innerText()).match(
      /CR-[0-9A-F]{8}/,
    ) ?? [])[0];
    expect(reference).toBeTruthy();

    // The coordinator finds it in the queue and assigns a certified instructor for the alternative day.
    const page = await browser.page({ baseURL: pglite, locale, storageState: pm.state });
    await visit(
      page,
      '/programs/class-requests?status=requested',
      t(locale, 'certifications:requests.title'),
    );
    await page
      .getByRole('button', { name: t(locale, 'certifications:requests.open', { reference }) })
      .click();
    const drawer = page.getByRole('dialog', { name: reference });
    await shows(drawer.getByText(school, { exact: true }), 'the request');
    await drawer.getByLabel(t(locale, 'certifications:requests.classDay')).fill(classDay);
    const picker = drawer.getByLabel(t(locale, 'certifications:requests.chooseInstructors'));
    await picker.fill(instructor.employeeNumber);
    await page.getByRole('option', { name: new RegExp(instructor.employeeNumber) }).click();
    // The list stays open for more choices: click away from it to close it.
    await drawer.getByRole('heading', { name: school }).click();
    await drawer
      .getByRole('button', { name: exact(t(locale, 'certifications:requests.assignAction')) })
      .click();
    await shows(
      drawer.getByTestId('assigned-instructors').getByText(instructor.nameJa),
      'the assigned instructor',
    );
    await shows(
      drawer.getByText(t(locale, 'certifications:status.assigned'), { exact: true }),
      'the assigned status',
    );

    // The requester got a confirmation and the class day in Japanese; the instructor was told too.
    await eventually(async () => {
      const mails = await admin.call<Page<Mail>>(
        'GET',
        `/api/mail-outbox?q=${encodeURIComponent(email)}&size=20`,
      );
      expect(mails.items.map((m) => m.kind).sort()).toEqual([
        'class_request_confirmation',
        'class_request_scheduled',
      ]);
      expect(mails.items.every((m) => m.locale === 'ja' && m.subject.includes(reference as string))).toBe(
        true,
      );
      const assigned = await admin.call<Page<Mail>>(
        'GET',
        `/api/mail-outbox?q=${encodeURIComponent('講師担当')}&size=50`,
      );
      expect(assigned.items.some((m) => m.kind === 'class_assigned')).toBe(true);
    });
  });
});
