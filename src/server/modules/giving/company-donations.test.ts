import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { openTestDatabase } from '../../test/db.js';
import {
  buildTestApp,
  createTestOrg,
  ctxAs,
  type Session,
  signIn,
  type TestOrg,
} from '../../test/factories.js';
import { account } from '../ledger/ledger.keys.js';
import { post, reverse } from '../ledger/ledger.post.js';
import { fxRates, ledgerPostings } from '../ledger/ledger.table.js';
import { currentFiscalYear, ledgerToday } from '../ledger/ledger.values.js';
import { partners } from '../partners/partners.table.js';
import { campaignTotals } from './campaigns.totals.js';
import { companyDonations, donations } from './giving.table.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let ctx: Ctx;
let manager: Session;
let rc: string;
let unscreened: string;
let campaignId: string;
const today = ledgerToday();

const call = (as: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });

const gift = (over: object = {}) => ({
  companyId: org.companies.jp,
  campaignId,
  partnerId: rc,
  amountMinor: 15_000_000,
  currency: 'JPY',
  donatedOn: today,
  idempotencyKey: 'noto-company-gift-1',
  ...over,
});

/** A points donation as H4 posts it (the brief's flow), with its donation record. */
async function donatePoints(employeeId: string, points: number, key: string) {
  const fy = await currentFiscalYear(ctx);
  await post(ctx, {
    kind: 'grant',
    idempotencyKey: `grant:${key}`,
    request: { points },
    fiscalYear: fy,
    links: { employeeId },
    lines: [
      { account: account.pointsGranted(fy), amount: -points },
      { account: account.employeePoints(employeeId, fy), amount: points },
    ],
  });
  const [d] = await database.db
    .insert(donations)
    .values({
      orgId: org.orgId,
      employeeId,
      campaignId,
      partnerId: rc,
      kind: 'points',
      method: 'points',
      points,
      valueJpy: points * 100,
      status: 'paid',
      paidAt: new Date(),
      fiscalYear: fy,
      idempotencyKey: key,
    })
    .returning();
  const { posting } = await post(ctx, {
    kind: 'point_donation',
    idempotencyKey: `donation:${d.id}`,
    request: { donationId: d.id },
    fiscalYear: fy,
    links: { employeeId, campaignId, partnerId: rc, donationId: d.id },
    lines: [
      { account: account.employeePoints(employeeId, fy), amount: -points },
      { account: account.pointsDonated(fy), amount: points },
      { account: account.pointsFunding(fy), amount: -points * 100 },
      { account: account.payable(rc, campaignId, 'JPY'), amount: points * 100 },
    ],
  });
  return { donation: d, posting };
}

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'CODON');
  app = await buildTestApp(database);
  ctx = await ctxAs(database, org, 'org_admin');
  manager = await signIn(app, org.users.csr_manager.email);
  const rows = await database.db
    .insert(partners)
    .values([
      {
        orgId: org.orgId,
        code: 'RC',
        nameJa: '日本赤十字社',
        kind: 'public_interest',
        eligibleUntil: '2099-12-31',
      },
      { orgId: org.orgId, code: 'NEW', nameJa: '審査前の団体', kind: 'npo', eligibleUntil: null },
    ])
    .returning();
  [rc, unscreened] = rows.map((r) => r.id);
  const res = await call(manager, 'POST', '/api/campaigns', {
    companyId: org.companies.jp,
    code: 'NOTO',
    kind: 'disaster',
    fundType: 'victim_relief',
    titleJa: '能登半島地震',
    storyJa: '義援金を募ります。',
    goalJpy: 30_000_000,
    startsOn: '2024-01-05',
    endsOn: '2030-03-31',
    partnerIds: [rc],
  });
  campaignId = res.json().id;
  await call(manager, 'POST', `/api/campaigns/${campaignId}/open`);
});

describe('company donations and campaign totals', () => {
  it('records a company donation once per key and posts it to the campaign', async () => {
    const first = await call(manager, 'POST', '/api/company-donations', gift());
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ valueJpy: 15_000_000, companyCode: 'JP01', reversed: false });
    const again = await call(manager, 'POST', '/api/company-donations', gift());
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    const reused = await call(manager, 'POST', '/api/company-donations', gift({ amountMinor: 1 }));
    expect(reused.json().code).toBe('idempotency_key_reused');
    expect(await database.db.select().from(companyDonations)).toHaveLength(1);
    const postings = await database.db
      .select()
      .from(ledgerPostings)
      .where(eq(ledgerPostings.companyDonationId, first.json().id));
    expect(postings).toMatchObject([{ kind: 'company_donation', campaignId, partnerId: rc }]);
    const totals = await campaignTotals(ctx, campaignId);
    expect(totals).toMatchObject({ companyJpy: 15_000_000, totalJpy: 15_000_000, donors: 0 });
  });

  it('refuses ineligible targets, unknown rates and future dates, posting nothing', async () => {
    await database.db
      .update(partners)
      .set({ eligibleUntil: '2099-12-31' })
      .where(eq(partners.id, unscreened));
    const outside = await call(
      manager,
      'POST',
      '/api/company-donations',
      gift({ partnerId: unscreened, idempotencyKey: 'key-outside-1' }),
    );
    expect(outside.json().fields[0]).toMatchObject({ path: 'partnerId', code: 'not_beneficiary' });
    await database.db.update(partners).set({ eligibleUntil: null }).where(eq(partners.id, unscreened));
    const direct = await call(manager, 'POST', '/api/company-donations', {
      ...gift({ partnerId: unscreened, idempotencyKey: 'key-direct-1' }),
      campaignId: null,
    });
    expect(direct.statusCode).toBe(422);
    expect(direct.json().code).toBe('recipient_not_eligible');
    const usd = await call(
      manager,
      'POST',
      '/api/company-donations',
      gift({ currency: 'USD', idempotencyKey: 'key-usd-001' }),
    );
    expect(usd.json().code).toBe('fx_rate_missing');
    const future = await call(
      manager,
      'POST',
      '/api/company-donations',
      gift({ donatedOn: '2999-01-01', idempotencyKey: 'key-future-1' }),
    );
    expect(future.json().fields[0]).toMatchObject({ path: 'donatedOn', code: 'future_date' });
    expect(await database.db.select().from(companyDonations)).toHaveLength(1);
  });

  it('values a foreign-currency donation at the fiscal year’s rate', async () => {
    const fy = await currentFiscalYear(ctx);
    await database.db
      .insert(fxRates)
      .values({ orgId: org.orgId, fiscalYear: fy, currency: 'USD', jpyPerUnit: '150' });
    const res = await call(manager, 'POST', '/api/company-donations', {
      ...gift({
        companyId: org.companies.us,
        currency: 'USD',
        amountMinor: 100_000,
        idempotencyKey: 'key-usd-002',
      }),
    });
    expect(res.json()).toMatchObject({ valueJpy: 150_000, companyCode: 'US01' });
    const totals = await campaignTotals(ctx, campaignId);
    expect(totals.companyJpy).toBe(15_150_000);
    expect(totals.byCurrency).toEqual([
      { currency: 'JPY', amountMinor: 15_000_000, valueJpy: 15_000_000 },
      { currency: 'USD', amountMinor: 100_000, valueJpy: 150_000 },
    ]);
    const list = await call(manager, 'GET', `/api/company-donations?campaignId=${campaignId}`);
    expect(list.json().total).toBe(2);
  });

  it('counts points donations and pledges, and nets out a reversal', async () => {
    const a = await donatePoints(org.users.employee.employeeId, 50, 'pts-employee-1');
    await donatePoints(org.users.promoter.employeeId, 20, 'pts-promoter-1');
    await database.db.insert(donations).values({
      orgId: org.orgId,
      employeeId: org.users.finance.employeeId,
      campaignId,
      partnerId: rc,
      kind: 'money',
      method: 'payroll',
      amountMinor: 10_000,
      currency: 'JPY',
      valueJpy: 10_000,
      status: 'pledged',
      fiscalYear: await currentFiscalYear(ctx),
      idempotencyKey: 'money-pledge-1',
    });
    const before = await campaignTotals(ctx, campaignId);
    expect(before).toMatchObject({
      donors: 2,
      points: 70,
      pointsJpy: 7_000,
      moneyJpy: 0,
      employeeJpy: 7_000,
      totalJpy: 15_157_000,
      pledgedJpy: 10_000,
      goalJpy: 30_000_000,
    });
    await reverse(ctx, a.posting.id, { idempotencyKey: `refund:${a.donation.id}` });
    const after = await campaignTotals(ctx, campaignId);
    expect(after).toMatchObject({ donors: 1, points: 20, pointsJpy: 2_000, totalJpy: 15_152_000 });
    const page = await call(manager, 'GET', `/api/campaigns/${campaignId}`);
    expect(page.json().totals).toEqual(after);
  });

  it('nets out a reversed company donation and says it was reversed', async () => {
    const [posting] = await database.db
      .select()
      .from(ledgerPostings)
      .where(eq(ledgerPostings.kind, 'company_donation'));
    await reverse(ctx, posting.id, { idempotencyKey: `reverse:${posting.id}` });
    const totals = await campaignTotals(ctx, campaignId);
    expect(totals.companyJpy).toBe(150_000);
    const list = await call(manager, 'GET', `/api/company-donations?campaignId=${campaignId}`);
    expect(
      list
        .json()
        .items.map((d: { reversed: boolean }) => d.reversed)
        .sort(),
    ).toEqual([false, true]);
  });
});
