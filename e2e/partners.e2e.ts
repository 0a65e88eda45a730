import { describe, expect, inject, it } from 'vitest';
import { heading, shows, visit } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { sessionOf } from './support/giving.js';
import { exact, type Locale, t } from './support/i18n.js';
import { setUserLocale } from './support/session.js';
import { runToken } from './support/volunteering.js';

const pglite = inject('pgliteBaseUrl');

describe('partner registry', () => {
  const browser = useBrowser();

  it('a CSR manager adds a city (its code checked by its check digit) and a contact on its page (ja, PGlite)', async () => {
    const locale: Locale = 'ja';
    const csr = await sessionOf(pglite, 'csr_manager');
    await setUserLocale(csr, locale);
    const token = runToken();
    const code = `E2E-CITY-${token.en}`;
    const name = `川崎市 ${token.ja}`;
    const page = await browser.page({ baseURL: pglite, locale, storageState: csr.state, bypassCSP: true });
    await visit(page, '/partners', t(locale, 'campaigns:partners.title'));
    await page.getByRole('button', { name: exact(t(locale, 'campaigns:partners.create')) }).click();
    const form = page.getByRole('dialog', { name: t(locale, 'campaigns:partners.create') });
    await shows(form, 'the partner form');
    await form.getByRole('textbox', { name: t(locale, 'campaigns:partners.code'), exact: true }).fill(code);
    await form.getByRole('textbox', { name: t(locale, 'campaigns:partners.nameJa') }).fill(name);
    await form
      .getByRole('textbox', { name: t(locale, 'campaigns:partners.nameEn') })
      .fill(`Kawasaki ${token.en}`);
    await form.getByRole('combobox', { name: t(locale, 'campaigns:partners.kind'), exact: true }).click();
    await page.getByRole('option', { name: t(locale, 'partners:kind.municipality'), exact: true }).click();
    const localCode = form.getByRole('textbox', {
      name: t(locale, 'partners:form.localGovCode'),
      exact: true,
    });
    await localCode.fill('141306');
    await form.getByRole('button', { name: exact(t(locale, 'common.save')) }).click();
    await shows(form.getByText(t(locale, 'partners:form.localGovCodeCheckDigit')), 'the check-digit message');
    expect(await seriousViolations(page, 'ja partner form with an error')).toEqual([]);
    await localCode.fill('141305');
    await form.getByRole('button', { name: exact(t(locale, 'common.save')) }).click();
    await expect.poll(() => form.isVisible()).toBe(false);

    // The list shows it, not eligible until screened; its name opens the partner page.
    await page.getByRole('searchbox').fill(code);
    await page.getByRole('searchbox').press('Enter');
    const row = page.getByRole('row').filter({ hasText: code });
    await shows(row.getByText(t(locale, 'partners:list.notScreened'), { exact: true }), 'not screened yet');
    await row.getByRole('link', { name }).click();
    await shows(heading(page, name), 'the partner page');
    await shows(page.getByText('141305', { exact: true }), 'the local-government code');
    expect(await seriousViolations(page, 'ja partner page')).toEqual([]);

    await page.getByRole('tab', { name: t(locale, 'partners:detail.contacts') }).click();
    await shows(page.getByText(t(locale, 'partners:contacts.empty')), 'no contacts yet');
    await page.getByRole('button', { name: exact(t(locale, 'partners:contacts.add')) }).click();
    const contact = page.getByRole('dialog', { name: t(locale, 'partners:contacts.add') });
    await contact
      .getByRole('textbox', { name: t(locale, 'partners:contacts.name') })
      .fill(`小林 美咲 ${token.ja}`);
    await contact
      .getByRole('textbox', { name: t(locale, 'partners:contacts.email') })
      .fill('misaki@example.org');
    await contact.getByRole('button', { name: exact(t(locale, 'common.save')) }).click();
    await shows(page.getByRole('cell', { name: new RegExp(`小林 美咲 ${token.ja}`) }), 'the new contact');

    const saved = await csr.call<{ items: { code: string; localGovCode: string; eligible: boolean }[] }>(
      'GET',
      `/api/partners?q=${encodeURIComponent(code)}`,
    );
    expect(saved.items).toEqual([expect.objectContaining({ code, localGovCode: '141305', eligible: false })]);
  });

  it('lists agreements in English with their parties (en, PGlite)', async () => {
    const locale: Locale = 'en';
    const pm = await sessionOf(pglite, 'program_manager');
    await setUserLocale(pm, locale);
    const page = await browser.page({ baseURL: pglite, locale, storageState: pm.state, bypassCSP: true });
    await visit(page, '/partners/agreements', t(locale, 'partners:agreements.title'));
    await shows(
      page.getByRole('button', { name: exact(t(locale, 'partners:agreements.create')) }),
      'the add button for a manager',
    );
    expect(await seriousViolations(page, 'en agreements')).toEqual([]);
  });
});
