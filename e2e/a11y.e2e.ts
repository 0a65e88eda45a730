import { describe, expect, inject, it } from 'vitest';
import { openSignIn, settled, shows, visit } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { LOCALES, t } from './support/i18n.js';
import { DEMO_ACCOUNTS, sessionFor, setUserLocale } from './support/session.js';

const baseURL = inject('pgliteBaseUrl');

/** The screens of this issue, by path and the catalogue key of their h1. */
const SCREENS: [path: string, title: string][] = [
  ['/', 'home.title'],
  ['/organisation/settings', 'settings.title'],
  ['/organisation/companies', 'companies.title'],
  ['/organisation/sites', 'sites.title'],
  ['/organisation/departments', 'departments.title'],
  ['/employees', 'employees.title'],
  ['/users', 'users.title'],
  ['/audit', 'audit.title'],
  ['/profile', 'profile.title'],
];

/** Forms and details that open in a dialog: the screen, its title key and the button (key) that opens it. */
const DIALOGS: [path: string, title: string, opener: string][] = [
  ['/organisation/companies', 'companies.title', 'companies.create'],
  ['/organisation/sites', 'sites.title', 'sites.create'],
  ['/organisation/departments', 'departments.title', 'departments.create'],
  ['/employees', 'employees.title', 'employees.create'],
  ['/users', 'users.title', 'users.create'],
];

describe('accessibility (axe-core: no serious or critical violation)', () => {
  const browser = useBrowser();

  for (const locale of LOCALES) {
    it(`the sign-in page in ${locale}`, async () => {
      const page = await browser.page({ baseURL, locale, bypassCSP: true });
      await openSignIn(page, locale);
      const found = await seriousViolations(page, `${locale} /sign-in`);
      expect(found, found.join('\n')).toEqual([]);
    });

    it(`every screen of the organisation admin in ${locale}`, async () => {
      const session = await sessionFor(baseURL, DEMO_ACCOUNTS.org_admin);
      await setUserLocale(session, locale);
      const me = await session.call<{ user: { displayName: string } }>('GET', '/api/me');
      const page = await browser.page({ baseURL, locale, storageState: session.state, bypassCSP: true });
      const found: string[] = [];
      for (const [path, title] of SCREENS) {
        await visit(page, path, t(locale, title, { name: me.user.displayName }));
        found.push(...(await seriousViolations(page, `${locale} ${path}`)));
      }
      if (found.length) console.error(found.join('\n'));
      expect(found, found.join('\n')).toEqual([]);
    });

    it(`the forms that open in dialogs, and an employee's details, in ${locale}`, async () => {
      const session = await sessionFor(baseURL, DEMO_ACCOUNTS.org_admin);
      await setUserLocale(session, locale);
      const page = await browser.page({ baseURL, locale, storageState: session.state, bypassCSP: true });
      const found: string[] = [];
      const check = async (label: string) => {
        await shows(page.getByRole('dialog'), `the dialog ${label}`);
        await settled(page);
        found.push(...(await seriousViolations(page, `${locale} ${label}`)));
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'hidden' });
      };
      for (const [path, title, opener] of DIALOGS) {
        await visit(page, path, t(locale, title));
        await page.getByRole('button', { name: t(locale, opener) }).click();
        await check(`${path} ${opener}`);
      }
      await visit(page, '/employees', t(locale, 'employees.title'));
      await page.getByRole('table').locator('tbody tr').first().getByRole('button').click();
      await check('/employees details');
      if (found.length) console.error(found.join('\n'));
      expect(found, found.join('\n')).toEqual([]);
    });
  }
});
