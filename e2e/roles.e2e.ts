import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { type Permission, type Role, rolesFor } from '../src/shared/roles.js';
import { heading, navLinks, shows, visit } from './support/app.js';
import { useBrowser } from './support/browser.js';
import { type Locale, t } from './support/i18n.js';
import { DEMO_ACCOUNTS, sessionFor, setUserLocale } from './support/session.js';

const baseURL = inject('pgliteBaseUrl');

/** The navigation entries, in order, with the permission each needs (none: everyone). */
const NAV: { key: string; path: string; permission?: Permission }[] = [
  { key: 'nav.home', path: '/' },
  { key: 'nav.settings', path: '/organisation/settings', permission: 'org.read' },
  { key: 'nav.companies', path: '/organisation/companies', permission: 'org.read' },
  { key: 'nav.sites', path: '/organisation/sites', permission: 'org.read' },
  { key: 'nav.departments', path: '/organisation/departments', permission: 'org.read' },
  { key: 'nav.employees', path: '/employees', permission: 'people.read' },
  { key: 'nav.users', path: '/users', permission: 'roles.read' },
  { key: 'opportunities:nav.find', path: '/opportunities', permission: 'opportunities.read' },
  { key: 'opportunities:nav.manage', path: '/opportunities/manage', permission: 'opportunities.manage' },
  { key: 'volunteer:nav.profile', path: '/volunteering/profile', permission: 'volunteering.join' },
  { key: 'participation:nav.activities', path: '/volunteering/activities', permission: 'volunteering.join' },
  { key: 'participation:nav.approvals', path: '/volunteering/approvals', permission: 'hours.approve' },
  { key: 'volunteer:nav.volunteers', path: '/volunteers', permission: 'volunteers.read' },
  { key: 'volunteer:nav.skills', path: '/volunteering/skills', permission: 'volunteers.manage' },
  { key: 'kpi:title', path: '/volunteering/kpis', permission: 'kpi.read' },
  { key: 'points:nav.mine', path: '/giving/points', permission: 'giving.join' },
  { key: 'campaigns:nav.campaigns', path: '/giving/campaigns', permission: 'campaigns.read' },
  { key: 'donations:nav.mine', path: '/giving/donations', permission: 'giving.join' },
  { key: 'claims:nav.mine', path: '/giving/claims', permission: 'giving.join' },
  { key: 'claims:nav.approvals', path: '/giving/claims/approvals', permission: 'claims.approve' },
  { key: 'campaigns:nav.manage', path: '/giving/campaigns/manage', permission: 'campaigns.manage' },
  { key: 'programs:nav.programs', path: '/programs', permission: 'programs.read' },
  {
    key: 'certifications:nav.classRequests',
    path: '/programs/class-requests',
    permission: 'programs.manage',
  },
  { key: 'campaigns:nav.partners', path: '/partners', permission: 'partners.read' },
  { key: 'partners:nav.agreements', path: '/partners/agreements', permission: 'partners.read' },
  { key: 'screening:nav.guidelines', path: '/partners/guidelines', permission: 'partners.read' },
  { key: 'drives:nav.drives', path: '/drives', permission: 'drives.read' },
  { key: 'drives:nav.report', path: '/drives/report', permission: 'drives.report' },
  { key: 'drives:nav.items', path: '/drives/items', permission: 'drives.manage' },
  { key: 'evaluation:nav.criteria', path: '/evaluation/criteria', permission: 'evaluations.manage' },
  { key: 'expenses:nav.expenses', path: '/accounting/expenses', permission: 'expenses.read' },
  { key: 'expenses:nav.years', path: '/accounting/years', permission: 'expenses.read' },
  { key: 'expenses:nav.totals', path: '/accounting/totals', permission: 'expenses.read' },
  { key: 'goals:nav.goals', path: '/goals', permission: 'goals.read' },
  { key: 'reports:nav.reports', path: '/reports', permission: 'reports.read' },
  { key: 'finance:nav.ledger', path: '/finance/ledger', permission: 'ledger.read' },
  { key: 'finance:nav.payouts', path: '/finance/payouts', permission: 'ledger.read' },
  { key: 'donations:nav.finance', path: '/finance/donations', permission: 'ledger.read' },
  { key: 'claims:nav.reimbursements', path: '/finance/reimbursements', permission: 'ledger.read' },
  { key: 'points:nav.admin', path: '/finance/points', permission: 'ledger.read' },
  { key: 'finance:nav.fxRates', path: '/finance/fx-rates', permission: 'ledger.read' },
  { key: 'nav.audit', path: '/audit', permission: 'audit.read' },
  { key: 'notifications:nav.outbox', path: '/admin/mail', permission: 'mail.read' },
  { key: 'nav.profile', path: '/profile' },
];

/** The buttons that change something on each screen, and the permission that shows them. */
const CHANGE_BUTTONS: { path: string; title: string; button: string; permission: Permission }[] = [
  {
    path: '/organisation/companies',
    title: 'companies.title',
    button: 'companies.create',
    permission: 'org.manage',
  },
  { path: '/organisation/sites', title: 'sites.title', button: 'sites.create', permission: 'org.manage' },
  {
    path: '/organisation/departments',
    title: 'departments.title',
    button: 'departments.create',
    permission: 'org.manage',
  },
  { path: '/employees', title: 'employees.title', button: 'employees.create', permission: 'people.manage' },
  { path: '/users', title: 'users.title', button: 'users.create', permission: 'roles.manage' },
  {
    path: '/partners',
    title: 'campaigns:partners.title',
    button: 'campaigns:partners.create',
    permission: 'partners.manage',
  },
  {
    path: '/finance/points',
    title: 'points:admin.title',
    button: 'points:grant.open',
    permission: 'points.manage',
  },
  {
    path: '/finance/payouts',
    title: 'finance:payouts.title',
    button: 'finance:payouts.create',
    permission: 'ledger.manage',
  },
  {
    path: '/finance/fx-rates',
    title: 'finance:fx.title',
    button: 'finance:fx.add',
    permission: 'ledger.manage',
  },
];

// Every demo account also holds the employee role (the demo grants it besides the account's own role).
const may = (role: Role, permission?: Permission) =>
  !permission || rolesFor(permission).includes(role) || rolesFor(permission).includes('employee');

async function openAs(browser: ReturnType<typeof useBrowser>, role: Role, locale: Locale): Promise<Page> {
  const session = await sessionFor(baseURL, DEMO_ACCOUNTS[role]);
  await setUserLocale(session, locale);
  const me = await session.call<{ roles: { role: string }[] }>('GET', '/api/me');
  expect(me.roles.map((r) => r.role)).toContain(role);
  return browser.page({ baseURL, locale, storageState: session.state });
}

describe('what each role sees', () => {
  const browser = useBrowser();

  for (const role of Object.keys(DEMO_ACCOUNTS) as Role[]) {
    const locale: Locale = role === 'auditor' || role === 'employee' ? 'en' : 'ja';
    it(`shows ${role} only the screens the role may use (${locale})`, async () => {
      const page = await openAs(browser, role, locale);
      await page.goto('/');
      const expected = NAV.filter((n) => may(role, n.permission)).map((n) => t(locale, n.key));
      expect(await navLinks(page, locale)).toEqual(expected);

      // A screen left out of the navigation is refused when its address is typed in.
      const hidden = NAV.find((n) => !may(role, n.permission));
      if (hidden) {
        await page.goto(hidden.path);
        await shows(heading(page, t(locale, 'forbidden.title')), `"no access" at ${hidden.path} for ${role}`);
      }

      // Buttons that change data show only with the permission to change it.
      for (const screen of CHANGE_BUTTONS.filter((s) =>
        may(role, NAV.find((n) => n.path === s.path)?.permission),
      )) {
        await visit(page, screen.path, t(locale, screen.title));
        const button = page.getByRole('button', { name: t(locale, screen.button) });
        const count = await button.count();
        expect(count, `${screen.button} for ${role}`).toBe(may(role, screen.permission) ? 1 : 0);
        const edit = page.getByRole('button', { name: t(locale, 'common.editNamed', { name: '' }).trim() });
        if (!may(role, screen.permission))
          expect(await edit.count(), `edit buttons at ${screen.path}`).toBe(0);
      }
    });
  }

  it('lets the auditor read the audit log, the accounts and the settings without any way to change them', async () => {
    const page = await openAs(browser, 'auditor', 'ja');
    await visit(page, '/audit', t('ja', 'audit.title'));
    await visit(page, '/users', t('ja', 'users.title'));
    expect(await page.getByRole('button', { name: t('ja', 'users.create') }).count()).toBe(0);
    await visit(page, '/organisation/settings', t('ja', 'settings.title'));
    expect(await page.getByRole('button', { name: t('ja', 'common.save') }).count()).toBe(0);
  });
});
