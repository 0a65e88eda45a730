import { describe, inject, it } from 'vitest';
import { shows, visit } from './support/app.js';
import { useBrowser } from './support/browser.js';
import { firstCompanyId, sessionOf } from './support/giving.js';
import { exact, type Locale, t } from './support/i18n.js';
import { setUserLocale } from './support/session.js';
import { runToken } from './support/volunteering.js';

const pglite = inject('pgliteBaseUrl');

describe('program sessions and surveys', () => {
  const browser = useBrowser();

  it('a program manager records a class with its counts and imports a survey’s responses (ja, PGlite)', async () => {
    const locale: Locale = 'ja';
    const [csr, pm] = await Promise.all(
      (['csr_manager', 'program_manager'] as const).map((r) => sessionOf(pglite, r)),
    );
    await setUserLocale(pm, locale);
    const token = runToken();
    const name = `高校出前授業 ${token.ja}`;
    const program = await pm.call<{ id: string }>('POST', '/api/programs', {
      code: `E2E-SES-${token.en}`,
      nameJa: name,
      nameEn: `High school classes ${token.en}`,
      framework: 'company_program',
      companyId: await firstCompanyId(csr),
      startYear: 2020,
    });
    const survey = await pm.call<{ id: string }>('POST', `/api/programs/${program.id}/surveys`, {
      code: `E2E-SRV-${token.en}`,
      titleJa: `授業アンケート ${token.ja}`,
      fiscalYear: 2023,
    });
    await pm.call('PUT', `/api/surveys/${survey.id}/questions`, {
      items: [{ code: 'interest', kind: 'yes_no', textJa: '社会課題への関心が高まった' }],
    });
    await pm.call('PUT', `/api/surveys/${survey.id}/indicators`, {
      items: [{ code: 'interest_grew', questionCode: 'interest', labelJa: '関心が高まった割合' }],
    });

    const page = await browser.page({ baseURL: pglite, locale, storageState: pm.state });
    await visit(page, `/programs/${program.id}`, name);
    await page.getByRole('tab', { name: t(locale, 'sessions:tab.title') }).click();
    await shows(page.getByText(t(locale, 'sessions:tab.none')), 'no session yet');
    await page.getByRole('button', { name: exact(t(locale, 'sessions:tab.add')) }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(t(locale, 'sessions:fields.titleJa')).fill(`情報モラル授業 ${token.ja}`);
    await dialog.getByLabel(t(locale, 'sessions:fields.startsOn')).fill('2023-11-09');
    await dialog.getByLabel(t(locale, 'sessions:participant.students'), { exact: true }).fill('35');
    await dialog.getByLabel(t(locale, 'sessions:participant.employees'), { exact: true }).fill('4');
    await dialog.getByRole('button', { name: exact(t(locale, 'common.save')) }).click();
    const row = page.getByRole('row').filter({ hasText: `情報モラル授業 ${token.ja}` });
    await shows(row, 'the recorded class in the list');
    await shows(row.getByRole('cell', { name: /^39 / }), 'its participants (35 students + 4 employees)');

    await page.getByRole('tab', { name: t(locale, 'sessions:surveys.tab') }).click();
    await page.getByRole('button', { name: exact(t(locale, 'sessions:surveys.import')) }).click();
    const csv = [
      'respondent_ref,interest',
      ...Array.from({ length: 10 }, (_, i) => `S${i + 1},${i < 9 ? 'はい' : 'いいえ'}`),
    ].join('\n');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'answers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: exact(t(locale, 'sessions:import.upload')) }).click();
    await shows(page.getByRole('status').filter({ hasText: '10' }), 'the import report');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: exact(t(locale, 'common.close')) })
      .last()
      .click();
    await shows(
      page.getByTestId('indicator-interest_grew').getByText('90%'),
      'the indicator computed from the responses',
    );
  });
});
