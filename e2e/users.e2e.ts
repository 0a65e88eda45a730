import { beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually, visit } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { t } from './support/i18n.js';
import { type ApiSession, DEMO_ACCOUNTS, sessionFor, setUserLocale } from './support/session.js';

const baseURL = inject('pgliteBaseUrl');

type Employee = { id: string; employeeNumber: string; nameEn: string; email: string };
type User = { id: string; email: string; employeeId: string | null };

describe('linking an account to an employee record', () => {
  const browser = useBrowser();
  let api: ApiSession;
  let account: User;
  let employee: Employee;

  beforeAll(async () => {
    api = await sessionFor(baseURL, DEMO_ACCOUNTS.org_admin);
    await setUserLocale(api, 'en');
    account = await api.call<User>('POST', '/api/users', { email: 'link.me@demo.example' });
    // From the middle of the list: the demo accounts are linked to the first employees.
    const list = await api.call<{ items: Employee[] }>('GET', '/api/employees?page=6&size=50');
    employee = list.items[11];
  });

  it('links an existing account to an employee found by search, then unlinks it', async () => {
    const page = await browser.page({ baseURL, locale: 'en', storageState: api.state, bypassCSP: true });
    await visit(page, `/users?q=${encodeURIComponent(account.email)}`, t('en', 'users.title'));
    await page.getByRole('button', { name: t('en', 'users.manageNamed', { email: account.email }) }).click();
    const drawer = page.getByRole('dialog');
    await drawer
      .getByText(t('en', 'users.linkedEmployee', { employee: t('en', 'users.noEmployee') }))
      .waitFor();

    await drawer.getByRole('combobox', { name: t('en', 'users.employee') }).fill(employee.employeeNumber);
    await page.getByRole('option', { name: new RegExp(employee.employeeNumber) }).click();
    await drawer.getByRole('button', { name: t('en', 'users.link') }).click();
    await drawer
      .getByText(
        t('en', 'users.linkedEmployee', { employee: `${employee.employeeNumber} ${employee.nameEn}` }),
      )
      .waitFor();
    await eventually(async () =>
      expect((await api.call<User>('GET', `/api/users/${account.id}`)).employeeId).toBe(employee.id),
    );

    expect(await seriousViolations(page, 'the account drawer with an employee linked')).toEqual([]);

    await drawer.getByRole('button', { name: t('en', 'users.unlink') }).click();
    await drawer
      .getByText(t('en', 'users.linkedEmployee', { employee: t('en', 'users.noEmployee') }))
      .waitFor();
    expect((await api.call<User>('GET', `/api/users/${account.id}`)).employeeId).toBeNull();
  });
});
