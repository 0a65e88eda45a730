import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  chooseLanguage,
  eventually,
  heading,
  mainNav,
  openSignIn,
  shows,
  signInThroughPage,
  signOut,
  submitSignIn,
} from './support/app.js';
import { useBrowser } from './support/browser.js';
import { LOCALES, other, t } from './support/i18n.js';
import { type ApiSession, DEMO_ACCOUNTS, sessionFor, setUserLocale } from './support/session.js';

const baseURL = inject('pgliteBaseUrl');
const admin = DEMO_ACCOUNTS.org_admin;

type Me = { organisation: { nameJa: string; nameEn: string }; locale: 'ja' | 'en' };

describe('signing in', () => {
  const browser = useBrowser();
  let api: ApiSession;
  let organisation: Me['organisation'];

  beforeAll(async () => {
    api = await sessionFor(baseURL, admin);
    organisation = (await api.call<Me>('GET', '/api/me')).organisation;
  });
  afterAll(() => setUserLocale(api, 'ja'));

  for (const locale of LOCALES) {
    it(`signs in as the admin with the page switched to ${locale} and shows the app in ${locale}`, async () => {
      // The browser prefers the other language, so the page opens in it and the switch is needed.
      const page = await browser.page({ baseURL, locale: other(locale) });
      await openSignIn(page, other(locale));
      await chooseLanguage(page, other(locale), locale);
      await shows(heading(page, t(locale, 'signIn.title')), `the sign-in title in ${locale}`);

      await submitSignIn(page, locale, admin, inject('demoPassword'));
      const nav = mainNav(page, locale);
      await shows(nav.getByRole('link', { name: t(locale, 'nav.employees') }), `the navigation in ${locale}`);
      const orgName = locale === 'ja' ? organisation.nameJa : organisation.nameEn;
      await shows(
        page.getByRole('banner').getByText(orgName, { exact: true }),
        `the organisation name "${orgName}"`,
      );
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      expect((await api.call<Me>('GET', '/api/me')).locale).toBe(locale);
    });
  }

  it('remembers the language chosen in the app for the user, across sign-out and another browser', async () => {
    await setUserLocale(api, 'ja');
    const page = await browser.page({ baseURL, locale: 'ja' });
    await signInThroughPage(page, 'ja', admin);
    await chooseLanguage(page, 'ja', 'en');
    await shows(
      mainNav(page, 'en').getByRole('link', { name: t('en', 'nav.home') }),
      'the navigation in English',
    );
    await signOut(page, 'en');
    await submitSignIn(page, 'en', admin, inject('demoPassword'));
    await shows(mainNav(page, 'en'), 'the app in English after signing in again');

    // A browser that has never seen this user (and prefers Japanese) shows the user's language.
    const fresh = await browser.page({ baseURL, locale: 'ja' });
    await openSignIn(fresh, 'ja');
    await submitSignIn(fresh, 'ja', admin, inject('demoPassword'));
    await shows(mainNav(fresh, 'en'), "the app in the user's saved language (English) on a new browser");
    expect(await fresh.locator('html').getAttribute('lang')).toBe('en');
  });

  for (const locale of LOCALES) {
    it(`shows a wrong password's error in ${locale} and stays on the sign-in page`, async () => {
      const page = await browser.page({ baseURL, locale });
      await openSignIn(page, locale);
      await submitSignIn(page, locale, admin, 'not-the-password');
      const alert = page.getByRole('alert').filter({ hasText: t(locale, 'errors:invalid_credentials') });
      await shows(alert, `the invalid-credentials message in ${locale}`);
      expect(page.url()).toContain('/sign-in');
      await expectNoSession(page);
    });
  }

  it('signs out: the session ends and app pages lead back to sign-in', async () => {
    const page = await browser.page({ baseURL, locale: 'ja' });
    await setUserLocale(api, 'ja');
    await signInThroughPage(page, 'ja', admin);
    await signOut(page, 'ja');
    await expectNoSession(page);
    await page.goto('/employees');
    await shows(heading(page, t('ja', 'signIn.title')), 'the sign-in page instead of employees');
    await eventually(() => expect(new URL(page.url()).pathname).toBe('/sign-in'));
  });
});

async function expectNoSession(page: import('playwright-core').Page) {
  const res = await page.request.get('/api/me');
  expect(res.status()).toBe(401);
}
