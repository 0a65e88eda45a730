import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually, settled, visit } from './support/app.js';
import { useBrowser } from './support/browser.js';
import { t } from './support/i18n.js';
import { type ApiSession, DEMO_ACCOUNTS, sessionFor, setUserLocale } from './support/session.js';

const baseURL = inject('pgliteBaseUrl');

type Employee = { employeeNumber: string; nameJa: string; nameEn: string; nameKana: string };
type ListPage<T> = { items: T[]; total: number };

/** The employee numbers shown in the table body, in order. */
async function shownNumbers(page: Page): Promise<string[]> {
  const rows = page.getByRole('table').locator('tbody tr');
  return (await rows.locator('td:first-child').allInnerTexts()).map((s) => s.trim());
}

async function search(page: Page, text: string) {
  const box = page.getByRole('searchbox', { name: t('ja', 'common.search') });
  await box.fill(text);
  // The router keeps the search in the URL (JSON-quoted when it looks like a number).
  await eventually(() =>
    expect([text, JSON.stringify(text)]).toContain(new URL(page.url()).searchParams.get('q')),
  );
  await settled(page);
}

describe('employee search and paging', () => {
  const browser = useBrowser();
  let api: ApiSession;
  let sample: Employee;
  let total: number;

  beforeAll(async () => {
    api = await sessionFor(baseURL, DEMO_ACCOUNTS.org_admin);
    await setUserLocale(api, 'ja');
    const all = await api.call<ListPage<Employee>>('GET', '/api/employees?page=3&size=50');
    total = all.total;
    // Someone from the middle of the list, so that neither the first page nor the sort order finds them.
    sample = all.items[17];
    expect(total).toBeGreaterThanOrEqual(500);
  });

  async function openList() {
    const page = await browser.page({ baseURL, locale: 'ja', storageState: api.state });
    await visit(page, '/employees', t('ja', 'employees.title'));
    return page;
  }

  it('finds employees by a fragment of the kana reading', async () => {
    const page = await openList();
    const fragment = sample.nameKana.split(/[\s\u3000]/)[0];
    await search(page, fragment);
    await eventually(async () => {
      const rows = await page.getByRole('table').locator('tbody tr').allInnerTexts();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toContain(fragment);
    });
    const found = await api.call<ListPage<Employee>>(
      'GET',
      `/api/employees?q=${encodeURIComponent(fragment)}&size=200`,
    );
    expect(found.total).toBeLessThan(total);
    expect(found.items.map((e) => e.employeeNumber)).toContain(sample.employeeNumber);
    await page
      .getByText(t('ja', 'employees.count', { total: found.total.toLocaleString('ja-JP') }))
      .waitFor();
  });

  it('finds employees by a fragment of the name in kanji', async () => {
    const page = await openList();
    const family = sample.nameJa.split(/[\s\u3000]/)[0];
    await search(page, family);
    await eventually(async () => {
      const rows = await page.getByRole('table').locator('tbody tr').allInnerTexts();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toContain(family);
    });
  });

  it('finds one employee by employee number, first in the list', async () => {
    const page = await openList();
    await search(page, sample.employeeNumber);
    await eventually(async () => expect((await shownNumbers(page))[0]).toBe(sample.employeeNumber));
    await page.getByRole('button', { name: sample.employeeNumber, exact: true }).click();
    await page.getByRole('dialog').getByText(sample.nameJa).first().waitFor();
  });

  it('pages through the list', async () => {
    const page = await openList();
    const first = await shownNumbers(page);
    expect(first).toHaveLength(50);
    const range = (a: number, b: number) =>
      t('ja', 'table.range', {
        first: a.toLocaleString('ja-JP'),
        last: b.toLocaleString('ja-JP'),
        total: total.toLocaleString('ja-JP'),
      });
    await page.getByText(range(1, 50)).waitFor();

    await page.getByRole('button', { name: t('ja', 'table.page', { page: 2 }), exact: true }).click();
    await page.getByText(range(51, 100)).waitFor();
    // The previous page stays on screen (dimmed) until the next one arrives.
    const second = await eventually(async () => {
      const shown = await shownNumbers(page);
      expect(shown[0]).not.toBe(first[0]);
      return shown;
    });
    expect(second).toHaveLength(50);
    expect(second.filter((n) => first.includes(n))).toEqual([]);
    expect([...first, ...second]).toEqual([...first, ...second].sort());
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');

    await page.getByRole('button', { name: t('ja', 'table.next') }).click();
    await page.getByText(range(101, 150)).waitFor();
    await eventually(async () => expect((await shownNumbers(page))[0]).not.toBe(second[0]));
    const third = await shownNumbers(page);
    // The page is part of the address: a reload (or a shared link) shows the same page.
    await page.reload();
    await page.getByText(range(101, 150)).waitFor();
    await eventually(async () => expect(await shownNumbers(page)).toEqual(third));
  });
});
