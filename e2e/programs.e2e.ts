import { describe, expect, inject, it } from 'vitest';
import { heading, shows, visit } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { sessionOf } from './support/giving.js';
import { exact, type Locale, t } from './support/i18n.js';
import { setUserLocale } from './support/session.js';
import { runToken } from './support/volunteering.js';

const pglite = inject('pgliteBaseUrl');

describe('programs', () => {
  const browser = useBrowser();

  it('a program manager registers a program with its classifications and opens its page (en, PGlite)', async () => {
    const locale: Locale = 'en';
    const pm = await sessionOf(pglite, 'program_manager');
    await setUserLocale(pm, locale);
    const token = runToken();
    const code = `E2E-${token.en}`.slice(0, 40);
    const name = `Future Creation ${token.en}`;
    const page = await browser.page({ baseURL: pglite, locale, storageState: pm.state, bypassCSP: true });
    await visit(page, '/programs', t(locale, 'programs:list.title'));
    await page.getByRole('link', { name: exact(t(locale, 'programs:action.create')) }).click();
    await shows(heading(page, t(locale, 'programs:form.createTitle')), 'the program form');
    await page.getByRole('textbox', { name: t(locale, 'programs:field.code') }).fill(code);
    await page.getByRole('textbox', { name: t(locale, 'programs:field.nameEn') }).fill(name);
    await page
      .getByRole('textbox', { name: t(locale, 'programs:field.nameJa') })
      .fill(`未来創造 ${token.ja}`);
    await page.getByRole('combobox', { name: t(locale, 'programs:field.company') }).click();
    await page.getByRole('option').first().click();
    await page.getByRole('combobox', { name: t(locale, 'programs:scheme.company_field') }).click();
    await page.getByRole('option', { name: 'Education, Culture and Sports', exact: true }).click();
    expect(await seriousViolations(page, 'en program form')).toEqual([]);
    await page.getByRole('button', { name: exact(t(locale, 'common.save')) }).click();

    await shows(heading(page, name), 'the program page');
    await shows(page.getByRole('tab', { name: t(locale, 'programs:tabs.overview') }), 'the overview tab');
    await shows(
      page.getByRole('cell', { name: 'Education, Culture and Sports' }),
      'the classification label',
    );
    await shows(page.getByText(t(locale, 'programs:figures.empty')), 'no figures yet');
    expect(await seriousViolations(page, 'en program page')).toEqual([]);

    const saved = await pm.call<{ items: { id: string; code: string; status: string }[] }>(
      'GET',
      `/api/programs?q=${encodeURIComponent(code)}`,
    );
    expect(saved.items).toEqual([expect.objectContaining({ code, status: 'active' })]);

    // A class recorded in the sessions tab's API shows in the overview's figures: chart and table.
    const today = new Date().toISOString().slice(0, 10);
    await pm.call('POST', `/api/programs/${saved.items[0].id}/sessions`, {
      kind: 'class',
      titleEn: 'Class at a high school',
      startsOn: today,
      counts: { students: 70, employees: 47 },
    });
    await page.reload();
    await shows(page.getByRole('img', { name: t(locale, 'programs:figures.chart') }), 'the figures chart');
    const figures = page.getByRole('region', { name: t(locale, 'programs:figures.title') });
    await shows(figures.getByRole('cell', { name: '117', exact: true }), 'the participants of the year');
  });
});
