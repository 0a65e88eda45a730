import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { eventually, heading, shows, visit } from './support/app.js';
import { seriousViolations } from './support/axe.js';
import { useBrowser } from './support/browser.js';
import {
  attendedTransportActivity,
  type Campaign,
  type Claim,
  createPartner,
  firstCompanyId,
  freshEmployeeAt,
  grantPoints,
  myPoints,
  num,
  openNotoCampaign,
  owedTo,
  queuePageOf,
  RECEIPT_PNG,
  sessionOf,
  tokyoDate,
  yen,
} from './support/giving.js';
import { exact, type Locale, like, t } from './support/i18n.js';
import { setUserLocale } from './support/session.js';
import { employeeIdOf, freshVolunteer, promoterPlace, runToken } from './support/volunteering.js';

const pglite = inject('pgliteBaseUrl');
const postgres = inject('postgresBaseUrl');

/** One of the campaign page's figure cards (a list item), found by its label. */
const figure = (page: Page, locale: Locale, key: string): Locator =>
  page
    .getByRole('list', { name: t(locale, 'campaigns:stats.label') })
    .getByRole('listitem')
    .filter({ has: page.getByText(t(locale, `campaigns:stats.${key}`), { exact: true }) });

/** The card of a fiscal year on /giving/points (a region named by the year's label). */
const yearCard = (page: Page, label: string) => page.getByRole('region', { name: label, exact: true });

describe('giving journeys', () => {
  const browser = useBrowser();

  it('an employee claims transport points for an activity they attended and a promoter approves it (ja, PGlite)', async () => {
    const [admin, promoter, finance] = await Promise.all(
      (['org_admin', 'promoter', 'finance'] as const).map((r) => sessionOf(pglite, r)),
    );
    // An employee of the promoter's site (whose claims the promoter decides), with points of this year.
    const place = await promoterPlace(promoter);
    const { session: employee, employeeId } = await freshEmployeeAt(
      pglite,
      admin,
      inject('demoPassword'),
      place.siteId,
    );
    await Promise.all([setUserLocale(employee, 'ja'), setUserLocale(promoter, 'ja')]);
    const token = runToken();
    const { opportunity } = await attendedTransportActivity(promoter, employee, {
      titleJa: `河川敷の清掃活動 ${token.ja}`,
      titleEn: `Riverside clean-up ${token.en}`,
    });
    const granted = await grantPoints(finance, employee, employeeId, 500, `e2e-claim-${token.en}`);
    const title = opportunity.titleJa!;
    const route = `品川 → 川崎 (JR) 往復 ${token.ja}`;
    const points = 120;

    // The employee finds the activity in their history and claims its transport with a receipt.
    const page = await browser.page({ baseURL: pglite, locale: 'ja', storageState: employee.state });
    await visit(page, '/volunteering/activities', t('ja', 'participation:activities.title'));
    await page.getByRole('link', { name: t('ja', 'claims:history.claimNamed', { name: title }) }).click();
    await shows(heading(page, t('ja', 'claims:mine.title')), 'the expense claims page');
    const dialog = page.getByRole('dialog', { name: t('ja', 'claims:form.title') });
    await shows(dialog, 'the claim form');
    const activity = dialog.getByRole('combobox', { name: t('ja', 'claims:form.activity') });
    await eventually(async () => expect(await activity.inputValue()).toContain(title));
    await dialog
      .getByRole('textbox', { name: t('ja', 'claims:form.points'), exact: true })
      .fill(String(points));
    const value = dialog.getByRole('textbox', { name: t('ja', 'claims:columns.valueJpy'), exact: true });
    await eventually(async () => expect(await value.inputValue()).toContain(num('ja', points * 100)));
    await dialog.getByRole('textbox', { name: t('ja', 'claims:form.route'), exact: true }).fill(route);
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'receipt.png',
      mimeType: 'image/png',
      buffer: RECEIPT_PNG,
    });
    await shows(dialog.getByRole('img', { name: t('ja', 'claims:form.preview') }), 'the receipt preview');
    await dialog.getByRole('button', { name: exact(t('ja', 'common.save')) }).click();
    await shows(page.getByText(t('ja', 'claims:form.saved')), 'the notice that the claim is sent');
    const mine = page.getByRole('region', { name: t('ja', 'claims:mine.title') }).getByRole('row');
    const row = mine.filter({ hasText: route });
    await shows(row.getByText(t('ja', 'claims:status.pending'), { exact: true }), 'the pending claim');
    const claims = await employee.call<{ items: Claim[] }>('GET', '/api/claims/mine');
    const claim = claims.items.find((c) => c.route === route)!;
    expect(claim).toMatchObject({ status: 'pending', points, valueJpy: null });
    // Nothing is paid before the approval.
    expect((await myPoints(employee)).balance).toBe(granted);

    // The promoter opens the receipt beside the claim and approves it.
    const queuePage = await queuePageOf(promoter, claim.id);
    const approver = await browser.page({
      baseURL: pglite,
      locale: 'ja',
      storageState: promoter.state,
      bypassCSP: true,
    });
    await visit(approver, `/giving/claims/approvals?page=${queuePage}`, t('ja', 'claims:approvals.title'));
    const pending = approver.getByRole('row').filter({ hasText: route });
    await pending.getByRole('button', { name: like('ja', 'claims:approvals.viewNamed', ['name']) }).click();
    const viewer = approver.getByRole('dialog', { name: like('ja', 'claims:approvals.viewTitle', ['name']) });
    await shows(viewer, 'the receipt viewer');
    const receipt = viewer.getByRole('img', { name: 'receipt.png', exact: true });
    await shows(receipt, 'the receipt image');
    // The image really came from the server (an authenticated download, not a broken link).
    await eventually(async () =>
      expect(await receipt.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1),
    );
    await shows(viewer.getByText(route, { exact: true }), 'the route beside the receipt');
    const inViewer = await seriousViolations(approver, 'ja receipt viewer');
    expect(inViewer, inViewer.join('\n')).toEqual([]);
    await viewer.getByRole('button', { name: exact(t('ja', 'claims:approvals.approve')) }).click();
    await shows(
      approver.getByText(like('ja', 'claims:approvals.approved', ['name'])),
      'the notice that the claim is approved',
    );
    await eventually(async () => expect(await viewer.count()).toBe(0));

    // The employee sees it approved, and the points paid from this year's balance.
    await page.reload();
    await shows(heading(page, t('ja', 'claims:mine.title')), 'the expense claims page again');
    await shows(row.getByText(t('ja', 'claims:status.approved'), { exact: true }), 'the approved claim');
    const left = granted - points;
    expect(await myPoints(employee)).toMatchObject({ balance: left });
    const approved = (await employee.call<{ items: Claim[] }>('GET', '/api/claims/mine')).items.find(
      (c) => c.id === claim.id,
    );
    expect(approved).toMatchObject({ status: 'approved', valueJpy: points * 100 });

    await visit(page, '/giving/points', t('ja', 'points:mine.title'));
    const org = await employee.call<{ currentFiscalYear: { labelJa: string } }>('GET', '/api/organisation');
    const card = yearCard(page, org.currentFiscalYear.labelJa);
    await shows(card.getByText(num('ja', left), { exact: true }), `${left} points left`);
    await shows(
      card.getByText(t('ja', 'points:mine.worth', { value: yen('ja', left * 100) }), { exact: true }),
      'the yen value of what is left',
    );
    const history = page.getByRole('region', { name: t('ja', 'points:mine.historyTitle') });
    const movement = history.getByRole('row').filter({ hasText: t('ja', 'points:kind.claim') });
    await shows(movement.getByText(num('ja', -points), { exact: true }), 'the claim in the history');
  });

  const donations: [Locale, string, string][] = [
    ['en', postgres, 'PostgreSQL'],
    ['ja', pglite, 'PGlite'],
  ];
  for (const [locale, baseURL, server] of donations) {
    it(`an employee donates points to the Noto campaign and sees the campaign page move (${locale}, ${server})`, async () => {
      const [admin, csr, finance] = await Promise.all(
        (['org_admin', 'csr_manager', 'finance'] as const).map((r) => sessionOf(baseURL, r)),
      );
      const token = runToken();
      const campaign = await openNotoCampaign(csr, token);
      const { session: employee } = await freshVolunteer(baseURL, admin, inject('demoPassword'));
      await setUserLocale(employee, locale);
      const employeeId = await employeeIdOf(employee);
      const granted = await grantPoints(finance, employee, employeeId, 300, `e2e-donate-${token.en}`);
      const before = (await employee.call<Campaign>('GET', `/api/campaigns/${campaign.id}`)).totals;
      const title = (locale === 'ja' ? campaign.titleJa : campaign.titleEn)!;
      const points = 30;

      // The campaign page as the employee opens it: the figures as they stand.
      const page = await browser.page({ baseURL, locale, storageState: employee.state });
      await visit(page, `/giving/campaigns/${campaign.id}`, title);
      const donors = figure(page, locale, 'donors');
      const donated = figure(page, locale, 'points');
      await shows(donors.getByText(num(locale, before.donors), { exact: true }), 'the number of donors');
      const pointsText = (n: number) => t(locale, 'campaigns:stats.pointsValue', { points: num(locale, n) });
      await shows(donated.getByText(pointsText(before.points), { exact: true }), 'the points donated so far');

      // The donation form: what can be given, then 30 points.
      const form = page.getByRole('region', { name: t(locale, 'donations:form.title') });
      await shows(
        form.getByText(
          like(locale, 'donations:form.balance', ['year', 'date'], { points: num(locale, granted) }),
        ),
        'the points the employee can give',
      );
      await form.getByRole('textbox', { name: t(locale, 'donations:form.points') }).fill(String(points));
      await form.getByRole('button', { name: exact(t(locale, 'donations:form.submitPoints')) }).click();
      const thanks = form.getByRole('status');
      await shows(thanks.getByText(t(locale, 'donations:form.thanks')), 'the thanks');
      await shows(
        thanks.getByText(t(locale, 'donations:form.newBalance', { points: num(locale, granted - points) })),
        'the balance after the donation',
      );
      if (campaign.code !== 'NOTO-2024')
        // Our campaign matches 100% without reaching its caps.
        await shows(
          thanks.getByText(t(locale, 'donations:form.matched', { yen: yen(locale, points * 100) })),
          'the company match',
        );

      // The page moves: one more donor and 30 more points (refetched after the donation).
      await shows(
        donors.getByText(num(locale, before.donors + 1), { exact: true }),
        'one more donor',
        20_000,
      );
      await shows(
        donated.getByText(pointsText(before.points + points), { exact: true }),
        `${points} more points donated`,
        20_000,
      );
      const after = (await employee.call<Campaign>('GET', `/api/campaigns/${campaign.id}`)).totals;
      expect(after.donors).toBe(before.donors + 1);
      expect(after.points).toBe(before.points + points);
      expect(after.totalJpy).toBeGreaterThanOrEqual(before.totalJpy + points * 100);
      const total = figure(page, locale, 'total');
      await shows(total.getByText(yen(locale, after.totalJpy), { exact: true }), 'the new total raised');
      expect((await myPoints(employee)).balance).toBe(granted - points);

      // And the employee's own records: the donation, and the points gone from the balance.
      await visit(page, '/giving/donations', t(locale, 'donations:mine.title'));
      await shows(
        page.getByRole('row').filter({ hasText: title }).getByText(t(locale, 'donations:status.paid')),
        'the donation in my donations',
      );
      await visit(page, '/giving/points', t(locale, 'points:mine.title'));
      const history = page.getByRole('region', { name: t(locale, 'points:mine.historyTitle') });
      await shows(
        history.getByRole('row').filter({ hasText: title }).getByText(num(locale, -points), { exact: true }),
        'the donation in the points history',
      );
    });
  }

  it('finance drafts a payout, downloads its bank file and marks it paid (en, PostgreSQL)', async () => {
    const [admin, finance] = await Promise.all(
      (['org_admin', 'finance'] as const).map((r) => sessionOf(postgres, r)),
    );
    await setUserLocale(finance, 'en');
    const token = runToken();
    // Something owed: the company's donation to an organisation of this run.
    const partner = await createPartner(
      admin,
      token,
      { ja: 'ふるさと子ども基金', en: 'Furusato Children Fund' },
      await sessionOf(postgres, 'csr_manager'),
    );
    const amount = 100_000 + Math.floor(Math.random() * 900) * 100;
    await admin.call('POST', '/api/company-donations', {
      companyId: await firstCompanyId(admin),
      partnerId: partner.id,
      amountMinor: amount,
      currency: 'JPY',
      donatedOn: tokyoDate(),
      note: `e2e ${token.en}`,
      idempotencyKey: `e2e-payout-${token.en}`,
    });
    expect(await owedTo(finance, partner.id, 'JPY')).toBe(amount);

    const page = await browser.page({
      baseURL: postgres,
      locale: 'en',
      storageState: finance.state,
      bypassCSP: true,
    });
    await visit(page, '/finance/payouts', t('en', 'finance:payouts.title'));
    const owed = page.getByRole('region', { name: t('en', 'finance:payables.title') });
    const owedRow = owed.getByRole('row').filter({ hasText: partner.code });
    await shows(owedRow.getByText(yen('en', amount), { exact: true }), 'what the organisation is owed');

    // A draft for JPY, for this organisation only.
    await page.getByRole('button', { name: exact(t('en', 'finance:payouts.create')) }).click();
    const create = page.getByRole('dialog', { name: t('en', 'finance:payouts.createTitle') });
    await shows(create, 'the payout form');
    await create.getByRole('combobox', { name: t('en', 'finance:payouts.currency') }).click();
    await page.getByRole('option', { name: /^JPY · / }).click();
    const only = create.getByRole('combobox', { name: t('en', 'finance:payouts.only') });
    await only.fill(partner.code);
    await page.getByRole('option', { name: new RegExp(`^${partner.code} · `) }).click();
    // The list closes with Escape (the dialog stays): it covers the dialog's buttons.
    await only.press('Escape');
    await eventually(async () => expect(await only.getAttribute('aria-expanded')).toBe('false'));
    await create.getByRole('button', { name: exact(t('en', 'finance:payouts.create')) }).click();
    const created = await shows(
      page.getByText(like('en', 'finance:payouts.created', ['reference'])),
      'the notice that the payout is drafted',
    );
    const reference = /PO-\d{8}-\d+/.exec(await created.first().innerText())?.[0];
    expect(reference, 'the payout reference').toBeTruthy();
    const drawer = page.getByRole('dialog', { name: t('en', 'finance:payouts.detailTitle', { reference }) });
    await shows(drawer.getByText(t('en', 'finance:payouts.status.draft'), { exact: true }), 'the draft');
    await shows(drawer.getByRole('row').filter({ hasText: partner.code }), 'the line of the organisation');
    await shows(owedRow.getByText(reference!, { exact: true }), 'the payable held by the draft');
    const inDrawer = await seriousViolations(page, 'en payout drawer');
    expect(inDrawer, inDrawer.join('\n')).toEqual([]);

    // The bank file: the header the bank expects and one transfer of the amount owed.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      drawer.getByRole('link', { name: t('en', 'finance:payouts.csv') }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${reference}.csv`);
    const csv = (await readFile(await download.path())).toString('utf8');
    expect(csv.charCodeAt(0), 'a UTF-8 BOM for spreadsheet programs').toBe(0xfeff);
    const [header, ...rows] = csv.slice(1).trim().split('\r\n');
    expect(header).toBe(
      'reference,partner_code,name_ja,name_en,bank_name,bank_branch,account_type,account_number,account_holder,amount,currency',
    );
    expect(rows.map((r) => r.split(','))).toEqual([
      [
        reference,
        partner.code,
        partner.nameJa,
        partner.nameEn,
        'みずほ銀行',
        '本店',
        'ordinary',
        '1234567',
        `トクヒ) ${token.en.toUpperCase()}`,
        String(amount),
        'JPY',
      ],
    ]);

    // Paid today: the payout is posted and the organisation is owed nothing more.
    await drawer.getByRole('button', { name: exact(t('en', 'finance:payouts.markPaid')) }).click();
    const paid = page.getByRole('dialog', { name: t('en', 'finance:payouts.paidTitle', { reference }) });
    await shows(paid, 'the form to mark the payout paid');
    await paid.getByRole('button', { name: exact(t('en', 'finance:payouts.markPaid')) }).click();
    await shows(
      page.getByText(t('en', 'finance:payouts.paid', { reference })),
      'the notice that the payout is paid',
    );
    await shows(drawer.getByText(t('en', 'finance:payouts.status.paid'), { exact: true }), 'the paid payout');
    await drawer.getByRole('button', { name: t('en', 'common.close') }).click();
    await eventually(async () => expect(await drawer.count()).toBe(0));
    const listed = page
      .getByRole('region', { name: t('en', 'finance:payouts.list') })
      .getByRole('row')
      .filter({ hasText: reference });
    await shows(listed.getByText(t('en', 'finance:payouts.status.paid'), { exact: true }), 'the payout paid');
    await eventually(async () => expect(await owed.getByText(partner.code).count()).toBe(0));
    expect(await owedTo(finance, partner.id, 'JPY')).toBe(0);
  });
});
