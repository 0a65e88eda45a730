import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import { buildTestApp, ctxAs, signIn } from '../../test/factories.js';
import { auditLog } from '../audit/audit.table.js';
import { ledgerPostings } from '../ledger/ledger.table.js';
import { verifyLedger } from '../ledger/ledger.verify.js';
import { notifications } from '../notifications/notifications.table.js';
import { partners } from '../partners/partners.table.js';
import { confirmDonation } from './donations.confirm.js';
import { donate } from './donations.service.js';
import { type GivingFixture, givingFixture } from './donations.test-support.js';
import { campaigns } from './giving.table.js';

let database: Database;
let f: GivingFixture;
let me: string;
let redCross: string;
let unicef: string;
let noto: string;
let key = 0;
const k = () => `test-key-${++key}`;

beforeAll(async () => {
  database = await openTestDatabase();
  f = await givingFixture(database, 'DONATE');
  me = f.org.users.employee.employeeId;
  redCross = await f.partner('JRC');
  unicef = await f.partner('UNICEF');
  noto = await f.campaign('NOTO', [redCross, unicef]);
  await f.grant(me, 1000);
});

describe('donating points', () => {
  it('pays at once from the current year, credits the first beneficiary, thanks the donor and audits', async () => {
    const result = await donate(f.employee, { campaignId: noto, points: 50, idempotencyKey: k() });
    expect(result.donation).toMatchObject({
      kind: 'points',
      method: 'points',
      status: 'paid',
      points: 50,
      valueJpy: 5000,
      fiscalYear: f.fy,
      campaign: { id: noto, code: 'NOTO' },
      partner: { id: redCross },
    });
    expect(result.posting?.kind).toBe('point_donation');
    expect(result.posting?.idempotencyKey).toBe(`donation:${result.donation.id}`);
    expect(await f.pointsOf(me)).toBe(950);
    expect(await f.payableOf(redCross, noto)).toBe(5000);
    const [notice] = await database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.employeeId, me), eq(notifications.kind, 'donation_received')));
    expect(notice.params).toMatchObject({ amount: { ja: '50 ポイント', en: '50 points' } });
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'donation'), eq(auditLog.entityId, result.donation.id)));
    expect(entry.action).toBe('donation.create');
  });

  it('gives to another beneficiary of the campaign when the donor names it', async () => {
    const result = await donate(f.employee, {
      campaignId: noto,
      organisationId: unicef,
      points: 10,
      idempotencyKey: k(),
    });
    expect(result.donation.partner.id).toBe(unicef);
    expect(await f.payableOf(unicef, noto)).toBe(1000);
  });

  it('gives straight to an eligible organisation, outside any campaign', async () => {
    const result = await donate(f.employee, { organisationId: unicef, points: 5, idempotencyKey: k() });
    expect(result.donation.campaign).toBeNull();
    expect(await f.payableOf(unicef, null)).toBe(500);
  });

  it('answers the same donation for the same key and refuses the key for another request', async () => {
    const idempotencyKey = k();
    const first = await donate(f.employee, { campaignId: noto, points: 7, idempotencyKey });
    const before = { postings: await f.postings(), points: await f.pointsOf(me) };
    const again = await donate(f.employee, { campaignId: noto, points: 7, idempotencyKey });
    expect(again).toEqual(first);
    expect(await f.postings()).toBe(before.postings);
    expect(await f.pointsOf(me)).toBe(before.points);
    await expect(donate(f.employee, { campaignId: noto, points: 8, idempotencyKey })).rejects.toMatchObject({
      code: 'idempotency_key_reused',
    });
    const other = await ctxAs(database, f.org, 'csr_manager');
    await expect(donate(other, { campaignId: noto, points: 7, idempotencyKey })).rejects.toMatchObject({
      code: 'idempotency_key_reused',
    });
  });

  it('posts once when the same request arrives several times at once', async () => {
    const request = { campaignId: noto, points: 4, idempotencyKey: k() };
    const before = { postings: await f.postings(), points: await f.pointsOf(me) };
    const answers = await Promise.all([1, 2, 3, 4].map(() => donate(f.employee, request)));
    expect(new Set(answers.map((a) => a.donation.id)).size).toBe(1);
    expect(new Set(answers.map((a) => a.posting?.id)).size).toBe(1);
    expect(await f.postings()).toBe(before.postings + 1);
    expect(await f.pointsOf(me)).toBe(before.points - 4);
  });
});

describe('refusals post nothing', () => {
  const refused = async (code: string, run: () => Promise<unknown>) => {
    const before = {
      postings: await f.postings(),
      donations: await f.donationCount(),
      points: await f.pointsOf(me),
    };
    await expect(run()).rejects.toMatchObject({ code });
    expect({
      postings: await f.postings(),
      donations: await f.donationCount(),
      points: await f.pointsOf(me),
    }).toEqual(before);
  };

  it('refuses closed, draft, not yet started and ended campaigns', async () => {
    for (const [code, values] of [
      ['CLOSED', { status: 'closed' }],
      ['DRAFT', { status: 'draft' }],
      ['LATER', { startsOn: '2998-01-01' }],
      ['OVER', { startsOn: '2001-01-01', endsOn: '2001-12-31' }],
    ] as const) {
      const id = await f.campaign(code, [redCross], values);
      await refused('campaign_closed', () =>
        donate(f.employee, { campaignId: id, points: 1, idempotencyKey: k() }),
      );
    }
  });

  it('refuses a way of giving the campaign does not accept', async () => {
    const moneyOnly = await f.campaign('MONEYONLY', [redCross], { acceptsPoints: false });
    await refused('campaign_method_not_accepted', () =>
      donate(f.employee, { campaignId: moneyOnly, points: 1, idempotencyKey: k() }),
    );
    const pointsOnly = await f.campaign('PTSONLY', [redCross], { acceptsMoney: false });
    await refused('campaign_method_not_accepted', () =>
      donate(f.employee, { campaignId: pointsOnly, amountMinor: 1000, currency: 'JPY', idempotencyKey: k() }),
    );
  });

  it('refuses ineligible and closed organisations, directly and as a campaign’s beneficiary', async () => {
    const unscreened = await f.partner('NEW', { eligibleUntil: null });
    const gone = await f.partner('GONE', { status: 'closed' });
    await refused('recipient_not_eligible', () =>
      donate(f.employee, { organisationId: unscreened, points: 1, idempotencyKey: k() }),
    );
    await refused('recipient_closed', () =>
      donate(f.employee, { organisationId: gone, points: 1, idempotencyKey: k() }),
    );
    const c = await f.campaign('UNSCREENED', [unscreened]);
    await refused('recipient_not_eligible', () =>
      donate(f.employee, { campaignId: c, points: 1, idempotencyKey: k() }),
    );
    await database.db.update(partners).set({ status: 'closed' }).where(eq(partners.id, unscreened));
    await refused('recipient_closed', () =>
      donate(f.employee, { campaignId: c, amountMinor: 500, currency: 'JPY', idempotencyKey: k() }),
    );
  });

  it('refuses an organisation that is not a beneficiary, bad shapes, and an overdraft', async () => {
    const outsider = await f.partner('OUTSIDER');
    await refused('validation_failed', () =>
      donate(f.employee, { campaignId: noto, organisationId: outsider, points: 1, idempotencyKey: k() }),
    );
    await refused('validation_failed', () =>
      donate(f.employee, {
        campaignId: noto,
        points: 1,
        amountMinor: 100,
        currency: 'JPY',
        idempotencyKey: k(),
      }),
    );
    await refused('validation_failed', () => donate(f.employee, { points: 1, idempotencyKey: k() }));
    await refused('insufficient_points', () =>
      donate(f.employee, { campaignId: noto, points: 1_000_000, idempotencyKey: k() }),
    );
    await refused('fx_rate_missing', () =>
      donate(f.employee, { campaignId: noto, amountMinor: 1000, currency: 'EUR', idempotencyKey: k() }),
    );
  });
});

describe('money pledges', () => {
  it('records a pledge valued at the year’s rate and posts only when paid', async () => {
    await f.fxRate('USD', '150.5');
    const before = await f.postings();
    const result = await donate(f.employee, {
      campaignId: noto,
      amountMinor: 2550,
      currency: 'USD',
      method: 'provider',
      idempotencyKey: k(),
    });
    expect(result.posting).toBeNull();
    expect(result.donation).toMatchObject({
      status: 'pledged',
      method: 'provider',
      valueJpy: 3838,
      paidAt: null,
    });
    expect(await f.postings()).toBe(before);
    const paid = await confirmDonation(f.finance, {
      donationId: result.donation.id,
      status: 'paid',
      eventId: 'app-1',
      source: 'app',
      externalRef: 'PAY-1',
    });
    expect(paid.donation).toMatchObject({ status: 'paid', externalRef: 'PAY-1' });
    expect(await f.payableOf(redCross, noto, 'USD')).toBe(2550);
    const [posting] = await database.db
      .select()
      .from(ledgerPostings)
      .where(eq(ledgerPostings.idempotencyKey, `donation:${result.donation.id}`));
    expect(posting.kind).toBe('money_donation');
  });

  it('moves only along pledged → paid | failed, failed → paid, paid → refunded', async () => {
    const { donation } = await donate(f.employee, {
      campaignId: noto,
      amountMinor: 3000,
      currency: 'JPY',
      idempotencyKey: k(),
    });
    const set = (status: 'paid' | 'failed' | 'refunded', eventId: string) =>
      confirmDonation(f.finance, { donationId: donation.id, status, eventId, source: 'app' });
    await expect(set('refunded', 'e1')).rejects.toMatchObject({ code: 'invalid_transition' });
    expect((await set('failed', 'e2')).donation.status).toBe('failed');
    expect((await set('failed', 'e3')).applied).toBe(false);
    expect((await set('paid', 'e4')).donation.status).toBe('paid');
    await expect(set('failed', 'e5')).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(set('refunded', 'e4')).rejects.toMatchObject({ code: 'idempotency_key_reused' });
    expect((await set('refunded', 'e6')).donation.status).toBe('refunded');
    expect(await f.payableOf(redCross, noto)).toBeGreaterThanOrEqual(0);
  });
});

describe('refunds', () => {
  it('reverses the donation and its match, and refuses a refund once the organisation was paid', async () => {
    const partner = await f.partner('REFUND');
    const c = await f.campaign('REFUNDS', [partner], { matchRatioPercent: 100 });
    const a = await donate(f.employee, { campaignId: c, points: 20, idempotencyKey: k() });
    expect(a.donation.matchJpy).toBe(2000);
    expect(await f.payableOf(partner, c)).toBe(4000);
    const points = await f.pointsOf(me);
    const refunded = await confirmDonation(f.finance, {
      donationId: a.donation.id,
      status: 'refunded',
      eventId: 'r1',
      source: 'app',
    });
    expect(refunded.donation).toMatchObject({ status: 'refunded', matchJpy: 0 });
    expect(await f.pointsOf(me)).toBe(points + 20);
    expect(await f.payableOf(partner, c)).toBe(0);
    const reversals = await database.db
      .select({ key: ledgerPostings.idempotencyKey })
      .from(ledgerPostings)
      .where(eq(ledgerPostings.donationId, a.donation.id));
    expect(reversals.map((r) => r.key).sort()).toEqual(
      [
        `donation:${a.donation.id}`,
        `match:${a.donation.id}`,
        `refund-match:${a.donation.id}`,
        `refund:${a.donation.id}`,
      ].sort(),
    );

    const b = await donate(f.employee, { campaignId: c, points: 30, idempotencyKey: k() });
    await f.payOut(partner, c, 6000);
    const before = await f.postings();
    await expect(
      confirmDonation(f.finance, {
        donationId: b.donation.id,
        status: 'refunded',
        eventId: 'r2',
        source: 'app',
      }),
    ).rejects.toMatchObject({ code: 'insufficient_balance' });
    expect(await f.postings()).toBe(before);
    const [row] = await database.db.select().from(campaigns).where(eq(campaigns.id, c));
    expect(row.status).toBe('open');
  });
});

describe('HTTP', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp(database);
  });
  afterAll(() => app.close());

  it('answers 201 with the donation and posting, and the same body for the same key', async () => {
    const s = await signIn(app, f.org.users.employee.email);
    const payload = { campaignId: noto, points: 3, idempotencyKey: k() };
    const first = await app.inject({ method: 'POST', url: '/api/donations', headers: s.headers, payload });
    expect(first.statusCode, first.body).toBe(201);
    const again = await app.inject({ method: 'POST', url: '/api/donations', headers: s.headers, payload });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(first.json().posting.entries).toHaveLength(4);
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/donations',
      headers: s.headers,
      payload: { ...payload, idempotencyKey: k(), extra: 1 },
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('lists my donations with their years, and my receipt for the year', async () => {
    const s = await signIn(app, f.org.users.employee.email);
    const mine = await app.inject({
      method: 'GET',
      url: `/api/me/donations?fiscalYear=${f.fy}&size=5`,
      headers: s.headers,
    });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ page: 1, size: 5, years: [{ fiscalYear: f.fy }] });
    expect(mine.json().total).toBeGreaterThan(5);
    const receipt = await app.inject({ method: 'GET', url: '/api/me/donations/receipt', headers: s.headers });
    expect(receipt.statusCode, receipt.body).toBe(200);
    const body = receipt.json();
    expect(body.fiscalYear).toBe(f.fy);
    expect(body.items.every((i: { kind: string }) => ['points', 'money'].includes(i.kind))).toBe(true);
    const points = body.items.reduce((n: number, i: { points: number | null }) => n + (i.points ?? 0), 0);
    expect(body.totals.points).toBe(points);
    expect(body.totals.totalJpy).toBe(body.totals.pointsJpy + body.totals.moneyJpy);
    expect(body.totals.byCurrency.map((c: { currency: string }) => c.currency)).toContain('USD');
  });

  it('lets finance list and confirm, and keeps employees out of it', async () => {
    const employee = await signIn(app, f.org.users.employee.email);
    expect(
      (await app.inject({ method: 'GET', url: '/api/donations', headers: employee.headers })).statusCode,
    ).toBe(403);
    const finance = await signIn(app, f.org.users.finance.email);
    const pledged = await app.inject({
      method: 'GET',
      url: '/api/donations?status=pledged',
      headers: finance.headers,
    });
    expect(pledged.statusCode, pledged.body).toBe(200);
    const { donation } = await donate(f.employee, {
      campaignId: noto,
      amountMinor: 1200,
      currency: 'JPY',
      idempotencyKey: k(),
    });
    const list = await app.inject({
      method: 'GET',
      url: '/api/donations?status=pledged',
      headers: finance.headers,
    });
    expect(list.json().items.map((d: { id: string }) => d.id)).toContain(donation.id);
    const paid = await app.inject({
      method: 'POST',
      url: `/api/donations/${donation.id}/status`,
      headers: finance.headers,
      payload: { status: 'paid', eventId: 'ui-1' },
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'paid', employee: { id: me } });
    const detail = await app.inject({
      method: 'GET',
      url: `/api/donations/${donation.id}`,
      headers: finance.headers,
    });
    expect(detail.json().events).toMatchObject([{ source: 'app', eventId: 'ui-1', status: 'paid' }]);
    const byEmployee = await app.inject({
      method: 'POST',
      url: `/api/donations/${donation.id}/status`,
      headers: employee.headers,
      payload: { status: 'refunded', eventId: 'ui-2' },
    });
    expect(byEmployee.statusCode).toBe(403);
  });

  it('keeps the ledger consistent', async () => {
    const check = await verifyLedger(database.db, f.org.orgId);
    expect(check.problems).toEqual([]);
  });
});
