import { describe, inject, it } from 'vitest';
import { shows, visit } from './support/app.js';
import { useBrowser } from './support/browser.js';
import { firstCompanyId, sessionOf } from './support/giving.js';
import { exact, type Locale, t } from './support/i18n.js';
import { setUserLocale } from './support/session.js';
import { runToken } from './support/volunteering.js';

const pglite = inject('pgliteBaseUrl');

describe('program records', () => {
  const browser = useBrowser();

  it('a program manager records a cohort, and a project with its outcome (en, PGlite)', async () => {
    const locale: Locale = 'en';
    const [csr, pm] = await Promise.all(
      (['csr_manager', 'program_manager'] as const).map((r) => sessionOf(pglite, r)),
    );
    await setUserLocale(pm, locale);
    const token = runToken();
    const name = `Pro bono ${token.en}`;
    const program = await pm.call<{ id: string }>('POST', '/api/programs', {
      code: `E2E-PB-${token.en}`,
      nameEn: name,
      framework: 'company_program',
      companyId: await firstCompanyId(csr),
      startYear: 2010,
    });

    const page = await browser.page({ baseURL: pglite, locale, storageState: pm.state });
    await visit(page, `/programs/${program.id}`, name);

    await page.getByRole('tab', { name: t(locale, 'records:tabs.cohorts') }).click();
    await shows(page.getByText(t(locale, 'records:cohorts.none')), 'no cohort yet');
    await page.getByRole('button', { name: exact(t(locale, 'records:cohorts.add')) }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel(t(locale, 'records:cohorts.code')).fill('2023');
    await dialog.getByLabel(t(locale, 'records:common.fiscalYear')).fill('2023');
    await dialog.getByLabel(t(locale, 'records:common.nameEn')).fill(`Class of 2023 ${token.en}`);
    await dialog.getByRole('button', { name: exact(t(locale, 'common.save')) }).click();
    await shows(page.getByRole('row').filter({ hasText: `Class of 2023 ${token.en}` }), 'the new cohort');

    await page.getByRole('tab', { name: t(locale, 'records:tabs.projects') }).click();
    await shows(page.getByText(t(locale, 'records:projects.none')), 'no project yet');
    await page.getByRole('button', { name: exact(t(locale, 'records:projects.add')) }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(t(locale, 'records:projects.code')).fill('2018-KAKEGAWA');
    await dialog.getByLabel(t(locale, 'records:common.titleEn')).fill(`Kappu strategy ${token.en}`);
    await dialog.getByLabel(t(locale, 'records:common.startsOn')).fill('2018-07-01');
    await dialog.getByRole('button', { name: exact(t(locale, 'common.save')) }).click();
    // Saving opens the project in its drawer.
    const drawer = page.getByRole('dialog', { name: `Kappu strategy ${token.en}` });
    await shows(drawer.getByText('fiscal 2019'), 'the fiscal year of the start date');
    await drawer.getByRole('button', { name: exact(t(locale, 'records:items.add.outcome')) }).click();
    dialog = page.getByRole('dialog', { name: t(locale, 'records:items.add.outcome') });
    await dialog.getByLabel(t(locale, 'records:common.titleEn')).fill('Projects born');
    await dialog.getByLabel(t(locale, 'records:items.quantity')).fill('14');
    await dialog.getByRole('button', { name: exact(t(locale, 'common.save')) }).click();
    await shows(drawer.getByText('Projects born — 14'), 'the outcome with its quantity');
    await page.keyboard.press('Escape');
    const row = page.getByRole('row').filter({ hasText: `Kappu strategy ${token.en}` });
    await shows(row.getByText('14', { exact: true }), 'the project’s outcomes quantity in the list');
  });
});
