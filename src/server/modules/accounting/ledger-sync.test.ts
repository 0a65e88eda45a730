import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import { buildTestApp, signIn } from '../../test/factories.js';
import { recordCompanyDonation } from '../giving/company-donations.service.js';
import { type GivingFixture, givingFixture } from '../giving/donations.test-support.js';
import { account } from '../ledger/ledger.keys.js';
import { post, reverse } from '../ledger/ledger.post.js';
import { volunteerHourLogs } from '../volunteering/volunteering.table.js';
import { expenses } from './accounting.table.js';
import { closeYear } from './closing.js';
import { runLedgerSync } from './ledger-sync.job.js';
import { syncLedgerExpenses } from './ledger-sync.js';
import { listRestatements } from './restatements.js';
import { expenseTotals } from './totals.js';

let database: Database;
let g: GivingFixture;
let rc: string;
let noto: string;
const NOW = new Date('2026-11-21T03:00:00Z');

const give = (key: string, amountMinor: number, donatedOn: string, campaignId: string | null = noto) =>
  recordCompanyDonation(g.system, {
    companyId: g.org.companies.jp,
    campaignId,
    partnerId: rc,
    amountMinor,
    currency: 'JPY',
    donatedOn,
    idempotencyKey: key,
  });

const ledgerRows = () =>
  database.db
    .select()
    .from(expenses)
    .where(and(eq(expenses.orgId, g.org.orgId), eq(expenses.source, 'ledger')));

beforeAll(async () => {
  database = await openTestDatabase();
  g = await givingFixture(database, 'LGS');
  rc = await g.partner('RC');
  noto = await g.campaign('NOTO', [rc]);
});

describe('B4SI leverage', () => {
  it('sums employee money and point donations and own-time hours of the year, beside the total', async () => {
    const employeeId = g.org.users.employee.employeeId;
    await post(g.system, {
      kind: 'money_donation',
      idempotencyKey: 'lev:money',
      request: {},
      effectiveOn: '2023-07-01',
      links: { employeeId, campaignId: noto, partnerId: rc },
      lines: [
        { account: account.employeeGiving('JPY'), amount: -5_000 },
        { account: account.payable(rc, noto, 'JPY'), amount: 5_000 },
      ],
    });
    await post(g.system, {
      kind: 'grant',
      idempotencyKey: 'lev:grant',
      request: {},
      fiscalYear: 2023,
      effectiveOn: '2023-04-01',
      links: { employeeId },
      lines: [
        { account: account.pointsGranted(2023), amount: -10 },
        { account: account.employeePoints(employeeId, 2023), amount: 10 },
      ],
    });
    await post(g.system, {
      kind: 'point_donation',
      idempotencyKey: 'lev:points',
      request: {},
      fiscalYear: 2023,
      effectiveOn: '2023-07-02',
      links: { employeeId, campaignId: noto, partnerId: rc },
      lines: [
        { account: account.employeePoints(employeeId, 2023), amount: -10 },
        { account: account.pointsDonated(2023), amount: 10 },
        { account: account.pointsFunding(2023), amount: -1_000 },
        { account: account.payable(rc, noto, 'JPY'), amount: 1_000 },
      ],
    });
    await database.db.insert(volunteerHourLogs).values({
      orgId: g.org.orgId,
      employeeId,
      activityDate: '2023-07-03',
      organisationName: 'Beach clean-up',
      field: 'environment',
      minutes: 90,
      description: 'Cleaning',
      status: 'approved',
      reviewedAt: new Date('2023-07-05T00:00:00Z'),
    });
    const f = await expenseTotals(g.finance, 2023);
    expect(f.b4si.leverage).toEqual({
      employeeDonationsJpy: 5_000,
      pointDonationsJpy: 1_000,
      ownTimeHours: 1.5,
    });
    expect(f.b4si.totalJpy).toBe(0);
    expect(f.totalJpy).toBe(0);
  });
});

describe('the ledger sync', () => {
  it('posts company donations and matches once each, as cash expenses linked to their posting', async () => {
    await give('k1', 15_000_000, '2023-08-10');
    await give('k2', 2_000_000, '2023-09-01', null);
    const match = await post(g.system, {
      kind: 'match',
      idempotencyKey: 'match:test',
      request: {},
      effectiveOn: '2023-10-01',
      links: { campaignId: noto, partnerId: rc },
      lines: [
        { account: account.companyGiving(g.org.companies.jp, 'JPY'), amount: -30_000 },
        { account: account.payable(rc, noto, 'JPY'), amount: 30_000 },
      ],
    });
    expect(await syncLedgerExpenses(g.system)).toEqual({ created: 3, restatements: [] });
    const rows = await ledgerRows();
    const byPosting = new Map(rows.map((r) => [r.ledgerPostingId, r]));
    expect(byPosting.get(match.posting.id)).toMatchObject({
      type: 'cash_donation',
      valuationBasis: 'actual_cash',
      currency: 'JPY',
      amountJpy: 30_000,
      partnerId: rc,
      channel: 'gift',
      keidanrenField: 'disaster_relief',
      b4siCause: 'emergency_relief',
      b4siRegion: 'asia_pacific',
      fiscalYear: 2023,
      descriptionJa: 'マッチングギフト：NOTO 支援',
      descriptionEn: 'Matching gift: NOTO relief',
    });
    const plain = rows.find((r) => r.amountJpy === 2_000_000);
    expect(plain).toMatchObject({ keidanrenField: 'other', descriptionEn: 'Company donation: RC Org' });
    expect(await syncLedgerExpenses(g.system)).toEqual({ created: 0, restatements: [] });
    const f = await expenseTotals(g.finance, 2023);
    expect(f.totalJpy).toBe(17_030_000);
    expect(f.keidanren.disasterReliefJpy).toBe(15_030_000);
  });

  it('turns a reversal into a negative row adjusting the original', async () => {
    const rows = await ledgerRows();
    const original = rows.find((r) => r.amountJpy === 2_000_000)!;
    await reverse(g.system, original.ledgerPostingId!, {
      idempotencyKey: 'rev:k2',
      effectiveOn: '2023-12-01',
    });
    expect((await syncLedgerExpenses(g.system)).created).toBe(1);
    const negative = (await ledgerRows()).find((r) => r.amountJpy < 0);
    expect(negative).toMatchObject({
      amountJpy: -2_000_000,
      adjustsExpenseId: original.id,
      keidanrenField: 'other',
    });
    expect((await expenseTotals(g.finance, 2023)).totalJpy).toBe(15_030_000);
  });

  it('runs before a close, and posts a closed year’s late postings as an automatic restatement', async () => {
    await give('k3', 500_000, '2023-11-01');
    expect(await closeYear(g.finance, 2023, NOW)).toMatchObject({ totalJpy: 15_530_000 });
    await give('k4', 1_000_000, '2023-12-15');
    await give('k5', 7_000, '2024-04-02');
    const r = await runLedgerSync(database);
    expect(r).toMatchObject({ created: 2, failed: 0 });
    const page = await listRestatements(g.finance, 2023, { page: 1, size: 10 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      automatic: true,
      reasonJa: '決算後の台帳記帳',
      reasonEn: 'Ledger postings after the close',
      totalJpyBefore: 15_530_000,
      totalJpyAfter: 16_530_000,
    });
    expect(page.items[0].lines).toMatchObject([{ amountJpy: 1_000_000, source: 'ledger' }]);
    expect((await expenseTotals(g.finance, 2023)).totalJpy).toBe(16_530_000);
    expect((await expenseTotals(g.finance, 2024)).totalJpy).toBe(7_000);
  });

  it('runs on request for finance organisation-wide, and for no one else', async () => {
    const app = await buildTestApp(database);
    await give('k6', 3_000, '2024-05-02');
    const finance = await signIn(app, g.org.users.finance.email);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/accounting/ledger-sync',
      headers: finance.headers,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ created: 1, restatements: [] });
    const csr = await signIn(app, g.org.users.csr_manager.email);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/accounting/ledger-sync',
      headers: csr.headers,
    });
    expect(refused.statusCode).toBe(403);
    await app.close();
  });
});
