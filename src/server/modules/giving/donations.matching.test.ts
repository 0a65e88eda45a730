import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { openTestDatabase } from '../../test/db.js';
import { ctxAs } from '../../test/factories.js';
import { ledgerPostings } from '../ledger/ledger.table.js';
import { verifyLedger } from '../ledger/ledger.verify.js';
import { confirmDonation } from './donations.confirm.js';
import { matchAmount, matchedJpy } from './donations.matching.js';
import { donate } from './donations.service.js';
import { type GivingFixture, givingFixture } from './donations.test-support.js';

let database: Database;
let f: GivingFixture;
let partner: string;
let donors: { ctx: Ctx; employeeId: string }[];
let key = 0;
const k = () => `match-key-${++key}`;

const matchPostings = async (campaignId: string) =>
  database.db
    .select()
    .from(ledgerPostings)
    .where(and(eq(ledgerPostings.campaignId, campaignId), eq(ledgerPostings.kind, 'match')));

beforeAll(async () => {
  database = await openTestDatabase();
  f = await givingFixture(database, 'MATCH');
  partner = await f.partner('JPF');
  const roles = ['employee', 'csr_manager', 'program_manager', 'promoter', 'finance', 'org_admin'] as const;
  donors = await Promise.all(
    roles.map(async (role) => ({
      ctx: await ctxAs(database, f.org, role),
      employeeId: f.org.users[role].employeeId,
    })),
  );
  for (const d of donors) await f.grant(d.employeeId, 10_000);
});

describe('the match amount', () => {
  const rule = { matchRatioPercent: 50, matchCapPerEmployeeJpy: 10_000, matchCapPerCampaignJpy: 25_000 };
  it('is the ratio of the yen value, rounded down, within what is left of both caps', () => {
    expect(matchAmount(rule, 3333, { byEmployee: 0, byCampaign: 0 })).toBe(1666);
    expect(matchAmount(rule, 30_000, { byEmployee: 0, byCampaign: 0 })).toBe(10_000);
    expect(matchAmount(rule, 30_000, { byEmployee: 8_000, byCampaign: 0 })).toBe(2_000);
    expect(matchAmount(rule, 30_000, { byEmployee: 0, byCampaign: 24_000 })).toBe(1_000);
    expect(matchAmount(rule, 30_000, { byEmployee: 10_000, byCampaign: 0 })).toBe(0);
    expect(matchAmount({ ...rule, matchRatioPercent: null }, 30_000, { byEmployee: 0, byCampaign: 0 })).toBe(
      0,
    );
    expect(
      matchAmount({ matchRatioPercent: 200, matchCapPerEmployeeJpy: null, matchCapPerCampaignJpy: null }, 7, {
        byEmployee: 0,
        byCampaign: 0,
      }),
    ).toBe(14);
  });
});

describe('matching', () => {
  it('matches points donations at once and stops at the employee’s cap', async () => {
    const c = await f.campaign('EMPCAP', [partner], {
      matchRatioPercent: 100,
      matchCapPerEmployeeJpy: 15_000,
    });
    const [a] = donors;
    const gifts = [];
    for (let i = 0; i < 3; i++)
      gifts.push(await donate(a.ctx, { campaignId: c, points: 100, idempotencyKey: k() }));
    expect(gifts.map((g) => g.donation.matchJpy)).toEqual([10_000, 5_000, 0]);
    expect(await matchPostings(c)).toHaveLength(2);
    expect(await matchedJpy(f.system, c, a.employeeId)).toBe(15_000);
    const b = donors[1];
    expect((await donate(b.ctx, { campaignId: c, points: 100, idempotencyKey: k() })).donation.matchJpy).toBe(
      10_000,
    );
    expect(await f.payableOf(partner, c)).toBe(4 * 10_000 + 25_000);
  });

  it('stops at the campaign’s cap across employees', async () => {
    const c = await f.campaign('CAMPCAP', [partner], {
      matchRatioPercent: 50,
      matchCapPerCampaignJpy: 12_000,
    });
    const matches = [];
    for (const d of donors.slice(0, 4))
      matches.push(
        (await donate(d.ctx, { campaignId: c, points: 100, idempotencyKey: k() })).donation.matchJpy,
      );
    expect(matches).toEqual([5_000, 5_000, 2_000, 0]);
    expect(await matchedJpy(f.system, c)).toBe(12_000);
  });

  it('matches a money pledge only when it is paid, once, even when payment is confirmed twice', async () => {
    const c = await f.campaign('MONEY', [partner], { matchRatioPercent: 100 });
    const { donation } = await donate(donors[0].ctx, {
      campaignId: c,
      amountMinor: 8000,
      currency: 'JPY',
      idempotencyKey: k(),
    });
    expect(await matchPostings(c)).toHaveLength(0);
    await confirmDonation(f.finance, {
      donationId: donation.id,
      status: 'paid',
      eventId: 'pay-1',
      source: 'app',
    });
    await confirmDonation(f.finance, {
      donationId: donation.id,
      status: 'paid',
      eventId: 'pay-2',
      source: 'import',
    });
    await confirmDonation(f.finance, {
      donationId: donation.id,
      status: 'paid',
      eventId: 'pay-1',
      source: 'app',
    });
    const posted = await matchPostings(c);
    expect(posted).toHaveLength(1);
    expect(posted[0].idempotencyKey).toBe(`match:${donation.id}`);
    expect(await matchedJpy(f.system, c)).toBe(8000);
  });

  it('gives a refunded match back to the caps', async () => {
    const c = await f.campaign('REFUNDCAP', [partner], {
      matchRatioPercent: 100,
      matchCapPerEmployeeJpy: 1_000,
    });
    const d = donors[2];
    const first = await donate(d.ctx, { campaignId: c, points: 10, idempotencyKey: k() });
    expect((await donate(d.ctx, { campaignId: c, points: 10, idempotencyKey: k() })).donation.matchJpy).toBe(
      0,
    );
    await confirmDonation(f.finance, {
      donationId: first.donation.id,
      status: 'refunded',
      eventId: 'refund-1',
      source: 'app',
    });
    expect(await matchedJpy(f.system, c, d.employeeId)).toBe(0);
    expect((await donate(d.ctx, { campaignId: c, points: 10, idempotencyKey: k() })).donation.matchJpy).toBe(
      1_000,
    );
  });

  it('holds both caps under concurrent donations (the campaign row is locked)', async () => {
    const c = await f.campaign('RUSH', [partner], {
      matchRatioPercent: 100,
      matchCapPerEmployeeJpy: 3_000,
      matchCapPerCampaignJpy: 10_000,
    });
    const requests = donors.flatMap((d) =>
      Array.from({ length: 4 }, () => donate(d.ctx, { campaignId: c, points: 10, idempotencyKey: k() })),
    );
    const results = await Promise.all(requests);
    expect(results.every((r) => r.donation.status === 'paid')).toBe(true);
    const total = results.reduce((s, r) => s + r.donation.matchJpy, 0);
    expect(total).toBe(10_000);
    for (const d of donors) expect(await matchedJpy(f.system, c, d.employeeId)).toBeLessThanOrEqual(3_000);
    expect(await matchedJpy(f.system, c)).toBe(10_000);
    expect((await matchPostings(c)).length).toBeLessThanOrEqual(results.length);
    expect((await verifyLedger(database.db, f.org.orgId)).problems).toEqual([]);
  });
});
