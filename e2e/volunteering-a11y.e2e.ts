import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { settled, shows, visit } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { exact, LOCALES, type Locale, t } from './support/i18n.js';
import { DEMO_ACCOUNTS, type DemoRole, sessionFor, setUserLocale } from './support/session.js';
import { type Opportunity, publishOpportunity, runToken, signUp } from './support/volunteering.js';

const baseURL = inject('pgliteBaseUrl');

/** A screen: its path, the text of its h1 and, for a form in a dialog, the button (key) that opens it. */
type Screen = { path: string; title: (locale: Locale) => string; opener?: string };
const titled =
  (key: string) =>
  (locale: Locale): string =>
    t(locale, key);

/**
 * The screens of the Volunteer Support Service by the account that uses them. The opportunity, its
 * shift and its check-in code come from the setup (an opportunity of the promoter's site, with the
 * employee signed up).
 */
function screens(o: Opportunity, code: string): [DemoRole, Screen[]][] {
  const shift = o.shifts[0];
  return [
    [
      'employee',
      [
        { path: '/volunteering/profile', title: titled('volunteer:profile.title') },
        { path: '/opportunities', title: titled('opportunities:list.title') },
        { path: `/opportunities/${o.id}`, title: (l) => (l === 'ja' ? o.titleJa! : o.titleEn!) },
        { path: '/volunteering/activities', title: titled('participation:activities.title') },
        {
          path: '/volunteering/activities',
          title: titled('participation:activities.title'),
          opener: 'participation:logHours.open',
        },
        { path: '/volunteering/certificate', title: titled('participation:certificate.heading') },
        { path: '/notifications', title: titled('notifications:page.title') },
        { path: `/check-in/${code}`, title: titled('participation:checkIn.title') },
      ],
    ],
    [
      'promoter',
      [
        { path: '/opportunities/manage', title: titled('opportunities:manage.title') },
        { path: '/opportunities/new', title: titled('opportunities:form.createTitle') },
        {
          path: `/opportunities/${o.id}/shifts/${shift.id}/attendance`,
          title: titled('participation:roster.title'),
        },
      ],
    ],
    [
      'csr_manager',
      [
        { path: '/volunteering/approvals', title: titled('participation:approvals.title') },
        { path: '/volunteering/kpis', title: titled('kpi:title') },
        { path: '/volunteers', title: titled('volunteer:list.title') },
        { path: '/volunteering/skills', title: titled('volunteer:skills.title') },
        {
          path: '/volunteering/skills',
          title: titled('volunteer:skills.title'),
          opener: 'volunteer:skills.create',
        },
      ],
    ],
    ['org_admin', [{ path: '/admin/mail', title: titled('notifications:outbox.title') }]],
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

describe('accessibility of the volunteering screens (axe-core: no serious or critical violation)', () => {
  const browser = useBrowser();
  let opportunity: Opportunity;
  let code: string;

  beforeAll(async () => {
    const [promoter, employee] = await Promise.all([
      sessionFor(baseURL, DEMO_ACCOUNTS.promoter),
      sessionFor(baseURL, DEMO_ACCOUNTS.employee),
    ]);
    const token = runToken();
    opportunity = await publishOpportunity(promoter, {
      titleJa: `オンライン手話講座 ${token.ja}`,
      titleEn: `Online sign language class ${token.en}`,
      shifts: [[120, 2, 2]],
    });
    const shiftId = opportunity.shifts[0].id;
    await signUp(employee, shiftId);
    ({ code } = await promoter.call<{ code: string }>('GET', `/api/shifts/${shiftId}/checkin`));
  });

  for (const locale of LOCALES) {
    it(`every volunteering screen, by the account that uses it, in ${locale}`, async () => {
      // The accounts side by side: most of a visit is waiting for the network to settle.
      const perAccount = await Promise.all(
        screens(opportunity, code).map(async ([role, list]) => {
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
