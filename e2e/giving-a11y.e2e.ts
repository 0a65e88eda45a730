import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { settled, shows, visit } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { type Campaign, openNotoCampaign } from './support/giving.js';
import { exact, LOCALES, type Locale, t } from './support/i18n.js';
import { DEMO_ACCOUNTS, type DemoRole, sessionFor, setUserLocale } from './support/session.js';
import { runToken } from './support/volunteering.js';

const baseURL = inject('pgliteBaseUrl');

/** A screen: its path, the text of its h1 and, for a form in a dialog, the button (key) that opens it. */
type Screen = { path: string; title: (locale: Locale) => string; opener?: string };
const titled =
  (key: string) =>
  (locale: Locale): string =>
    t(locale, key);

/**
 * The screens of points and giving by the account that uses them. The campaign is one the CSR
 * manager opened in the setup (with its donation form for the employee).
 */
function screens(c: Campaign): [DemoRole, Screen[]][] {
  return [
    [
      'employee',
      [
        { path: '/giving/points', title: titled('points:mine.title') },
        { path: '/giving/campaigns', title: titled('campaigns:list.title') },
        { path: `/giving/campaigns/${c.id}`, title: (l) => (l === 'ja' ? c.titleJa! : c.titleEn!) },
        { path: '/giving/donations', title: titled('donations:mine.title') },
        { path: '/giving/donations/receipt', title: titled('donations:receipt.heading') },
        { path: '/giving/claims', title: titled('claims:mine.title') },
        { path: '/giving/claims', title: titled('claims:mine.title'), opener: 'claims:mine.new' },
      ],
    ],
    ['promoter', [{ path: '/giving/claims/approvals', title: titled('claims:approvals.title') }]],
    [
      'csr_manager',
      [
        { path: '/giving/campaigns/manage', title: titled('campaigns:manage.title') },
        {
          path: '/giving/campaigns/manage',
          title: titled('campaigns:manage.title'),
          opener: 'campaigns:manage.create',
        },
        { path: '/partners', title: titled('campaigns:partners.title') },
        { path: '/partners', title: titled('campaigns:partners.title'), opener: 'campaigns:partners.create' },
      ],
    ],
    [
      'finance',
      [
        { path: '/finance/points', title: titled('points:admin.title') },
        { path: '/finance/points', title: titled('points:admin.title'), opener: 'points:grant.open' },
        { path: '/finance/reimbursements', title: titled('claims:reimbursements.title') },
        { path: '/finance/donations', title: titled('donations:finance.title') },
        { path: '/finance/ledger', title: titled('finance:ledger.title') },
        { path: '/finance/payouts', title: titled('finance:payouts.title') },
        {
          path: '/finance/payouts',
          title: titled('finance:payouts.title'),
          opener: 'finance:payouts.create',
        },
        { path: '/finance/fx-rates', title: titled('finance:fx.title') },
        { path: '/finance/fx-rates', title: titled('finance:fx.title'), opener: 'finance:fx.add' },
      ],
    ],
  ];
}

/** Visits each screen (opening its dialog when it has one) and collects the serious violations. */
async function check(page: Page, locale: Locale, list: Screen[]): Promise<string[]> {
  const found: string[] = [];
  for (const screen of list) {
    await visit(page, screen.path, screen.title(locale));
    let label = `${locale} ${screen.path}`;
    if (screen.opener) {
      await page.getByRole('button', { name: exact(t(locale, screen.opener)) }).click();
      await shows(page.getByRole('dialog'), `the dialog of ${screen.opener}`);
      await settled(page);
      label += ` ${screen.opener}`;
    }
    found.push(...(await seriousViolations(page, label)));
  }
  return found;
}

describe('accessibility of the points and giving screens (axe-core: no serious or critical violation)', () => {
  const browser = useBrowser();
  let campaign: Campaign;

  beforeAll(async () => {
    campaign = await openNotoCampaign(await sessionFor(baseURL, DEMO_ACCOUNTS.csr_manager), runToken());
  });

  for (const locale of LOCALES) {
    it(`every points and giving screen, by the account that uses it, in ${locale}`, async () => {
      // The accounts side by side: most of a visit is waiting for the network to settle.
      const perAccount = await Promise.all(
        screens(campaign).map(async ([role, list]) => {
          const session = await sessionFor(baseURL, DEMO_ACCOUNTS[role]);
          await setUserLocale(session, locale);
          const page = await browser.page({ baseURL, locale, storageState: session.state, bypassCSP: true });
          return check(page, locale, list);
        }),
      );
      const found = perAccount.flat();
      if (found.length) console.error(found.join('\n'));
      expect(found, found.join('\n')).toEqual([]);
    });
  }
});
