import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { eventually, shows, visit } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import { sessionOf, tokyoDate, yen } from './support/giving.js';
import { exact, type Locale, t } from './support/i18n.js';
import type { ApiSession } from './support/session.js';
import { setUserLocale } from './support/session.js';
import { promoterPlace, runToken } from './support/volunteering.js';

type Drive = { id: string; code: string; titleJa: string; titleEn: string };
type Results = {
  totals: { valueJpy: number; reports: number };
  items: { itemId: string; yenPerUnit: string | null }[];
};

/** One of the drive page's figure cards (a list item), found by its label. */
const figure = (page: Page, locale: Locale, key: string): Locator =>
  page
    .getByRole('list', { name: t(locale, 'drives:stats.label') })
    .getByRole('listitem')
    .filter({ has: page.getByText(t(locale, `drives:stats.${key}`), { exact: true }) });

/**
 * A drive of our own around today at the promoter's site, collecting two new items (Bellmark points
 * at 1 yen, used stamps at 1,500 yen a kilogram), opened for reports by the CSR manager.
 */
async function openDriveAt(csr: ApiSession, siteId: string, token: { ja: string; en: string }) {
  const item = (code: string, nameJa: string, nameEn: string, unit: string, yenPerUnit: string) =>
    csr.call<{ id: string }>('POST', '/api/collection-items', { code, nameJa, nameEn, unit, yenPerUnit });
  const bell = await item(
    `BELL-${token.en}`,
    `ベルマーク ${token.ja}`,
    `Bellmark ${token.en}`,
    'points',
    '1',
  );
  const stamps = await item(
    `STAMP-${token.en}`,
    `使用済み切手 ${token.ja}`,
    `Used stamps ${token.en}`,
    'kg',
    '1500',
  );
  const drive = await csr.call<Drive>('POST', '/api/drives', {
    code: `E2E-${token.en}`,
    titleJa: `年末年始 回収キャンペーン ${token.ja}`,
    titleEn: `Year-end collection drive ${token.en}`,
    startsOn: tokyoDate(-5),
    endsOn: tokyoDate(25),
    siteIds: [siteId],
    items: [{ itemId: bell.id }, { itemId: stamps.id }],
  });
  await csr.call('POST', `/api/drives/${drive.id}/open`);
  return {
    drive,
    stampsId: stamps.id,
    names: (locale: Locale) =>
      locale === 'ja'
        ? { bell: `ベルマーク ${token.ja}`, stamps: `使用済み切手 ${token.ja}` }
        : { bell: `Bellmark ${token.en}`, stamps: `Used stamps ${token.en}` },
  };
}

describe('collection drive journeys', () => {
  const browser = useBrowser();
  const servers: [Locale, string, string][] = [
    ['ja', inject('pgliteBaseUrl'), 'PGlite'],
    ['en', inject('postgresBaseUrl'), 'PostgreSQL'],
  ];

  for (const [locale, baseURL, server] of servers) {
    it(`a promoter reports their site's collection and sees the drive totals move (${locale}, ${server})`, async () => {
      const [csr, promoter] = await Promise.all(
        (['csr_manager', 'promoter'] as const).map((r) => sessionOf(baseURL, r)),
      );
      await setUserLocale(promoter, locale);
      const place = await promoterPlace(promoter);
      const token = runToken();
      const { drive, names, stampsId } = await openDriveAt(csr, place.siteId, token);
      const title = locale === 'ja' ? drive.titleJa : drive.titleEn;
      const page = await browser.page({ baseURL, locale, storageState: promoter.state, bypassCSP: true });

      // The drive page before any report: nothing collected yet.
      await visit(page, `/drives/${drive.id}`, title);
      const total = figure(page, locale, 'total');
      await shows(total.getByText(yen(locale, 0), { exact: true }), 'a total of zero');

      // The report form for the promoter's site: 2,400 points and 12.5 kg of stamps.
      await visit(page, `/drives/report?drive=${drive.id}`, t(locale, 'drives:report.title'));
      const n = names(locale);
      const quantity = (item: string) =>
        page.getByRole('textbox', { name: t(locale, 'drives:report.quantityOf', { item }), exact: true });
      const save = (item: string) =>
        page.getByRole('button', { name: exact(t(locale, 'drives:report.saveOf', { item })) });
      await quantity(n.bell).fill('2400');
      await save(n.bell).click();
      await shows(
        page.getByText(t(locale, 'drives:report.saved', { item: n.bell })),
        'the notice for Bellmark',
      );
      await quantity(n.stamps).fill('12.5');
      await save(n.stamps).click();
      await shows(
        page.getByText(t(locale, 'drives:report.saved', { item: n.stamps })),
        'the notice for stamps',
      );
      const violations = await seriousViolations(page, `${locale} report form`);
      expect(violations, violations.join('\n')).toEqual([]);

      // The drive's totals moved: 2,400 × ¥1 + 12.5 kg × ¥1,500 = ¥21,150.
      await page.getByRole('link', { name: t(locale, 'drives:report.seeTotals') }).click();
      await shows(total.getByText(yen(locale, 21_150), { exact: true }), 'the new total');
      const results = await csr.call<Results>('GET', `/api/drives/${drive.id}/results`);
      expect(results.totals).toMatchObject({ valueJpy: 21_150, reports: 2 });

      // A correction replaces the figure (13.25 kg): the total follows, still two reports.
      await visit(page, `/drives/report?drive=${drive.id}`, t(locale, 'drives:report.title'));
      await eventually(async () => expect(await quantity(n.stamps).inputValue()).toContain('12.5'));
      await quantity(n.stamps).fill('13.25');
      await save(n.stamps).click();
      await shows(
        page.getByText(t(locale, 'drives:report.saved', { item: n.stamps })),
        'the correction notice',
      );
      await visit(page, `/drives/${drive.id}`, title);
      await shows(total.getByText(yen(locale, 2_400 + 19_875), { exact: true }), 'the corrected total');
      const corrected = await csr.call<Results>('GET', `/api/drives/${drive.id}/results`);
      expect(corrected.totals).toMatchObject({ valueJpy: 22_275, reports: 2 });

      // The stamps' rate goes up to ¥2,000 a kilogram: the drive keeps the ¥1,500 it was set up with.
      await csr.call('PATCH', `/api/collection-items/${stampsId}`, { yenPerUnit: '2000' });
      await visit(page, `/drives/${drive.id}`, title);
      await shows(total.getByText(yen(locale, 22_275), { exact: true }), 'the total at the drive’s rate');
      await shows(page.getByRole('cell', { name: '¥1,500', exact: true }), 'the drive’s rate for stamps');
      const kept = await csr.call<Results>('GET', `/api/drives/${drive.id}/results`);
      expect(kept.totals.valueJpy).toBe(22_275);
      expect(kept.items.find((i) => i.itemId === stampsId)?.yenPerUnit).toBe('1500');
    });
  }
});
