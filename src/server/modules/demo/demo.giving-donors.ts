import { DIRECT_RECIPIENTS } from './demo.giving-data.js';
import { giveMoney, givePoints, type MoneyGift } from './demo.giving-donations.js';
import { type GivingState, type PlannedCampaign, tokyo } from './demo.giving-plan.js';
import { earnsPoints, employedOn, type Giver } from './demo.giving-world.js';
import { DEMO_DOMAIN } from './demo.generator.js';
import { between, chance, type Rng, sample, weighted } from './demo.random.js';
import { dayOf, fyEnd, fyStart } from './demo.time.js';

/** Points people give at once, yen and dollar (cents) pledges: [amount, how often]. */
const POINT_GIFTS: Array<[number, number]> = [
  [10, 3],
  [20, 3],
  [30, 2],
  [50, 3],
  [100, 2],
];
const YEN_GIFTS: Array<[number, number]> = [
  [1000, 4],
  [2000, 3],
  [3000, 3],
  [5000, 4],
  [10000, 3],
  [20000, 1],
  [30000, 0.5],
  [50000, 0.2],
];
const USD_GIFTS: Array<[number, number]> = [
  [2000, 3],
  [2500, 2],
  [5000, 4],
  [10000, 2],
  [25000, 0.5],
];
/** Employees who give points straight to an organisation in a whole year (full demo). */
export const DIRECT_GIFTS_PER_YEAR = 180;

const amountOf = (rng: Rng, list: Array<[number, number]>) => weighted(rng, list, (x) => x[1])[0];

/** A moment in the window, most gifts in its first days (giving follows the news). */
function giftTime(rng: Rng, from: number, to: number): Date {
  const day = from + Math.floor((to - from + 1) * rng() ** 2);
  return tokyo(day, between(rng, 7 * 60, 23 * 60 - 1));
}

/**
 * The campaign's employee giving: points (from employees in Japan, who have them), yen pledges (some
 * fail, a few are refunded), dollar pledges from the US company.
 */
export function campaignDonors(state: GivingState, campaign: PlannedCampaign): void {
  const { world, rng } = state;
  const from = dayOf(campaign.startsOn);
  const end = dayOf(campaign.endsOn);
  const to = Math.min(end, world.today - 1);
  if (to < from) return;
  const scaled = (x: number) => (x > 0 ? Math.max(1, Math.round(x * world.scale)) : 0);
  const pool = world.people.filter((p) => !p.account && employedOn(p, from) && employedOn(p, to));
  const [first, second] = campaign.beneficiaries.map((code) => state.partnerIds.get(code)!);
  const target = () => (second && chance(rng, campaign.donors.directed) ? second : first);
  for (const person of sample(rng, pool.filter(earnsPoints), scaled(campaign.donors.points))) {
    const points = amountOf(rng, POINT_GIFTS);
    givePoints(state, { person, campaign, partnerId: target(), points, at: giftTime(rng, from, to) });
  }
  const japan = pool.filter((p) => p.country === 'JP');
  const pledges = sample(rng, japan, scaled(campaign.donors.yen)).map(
    (person): MoneyGift => ({
      person,
      campaign,
      partnerId: target(),
      amountMinor: amountOf(rng, YEN_GIFTS),
      currency: 'JPY',
      method: chance(rng, 0.55) ? 'payroll' : 'provider',
      at: giftTime(rng, from, to),
      fate: 'paid',
    }),
  );
  const cards = pledges.filter((g) => g.method === 'provider');
  for (const g of sample(rng, cards, scaled(campaign.donors.failed))) g.fate = 'failed';
  const lastRefund = Math.min(end, world.today - 1) - 15;
  const refundable = cards.filter(
    (g) => g.fate === 'paid' && g.at.getTime() < tokyo(lastRefund, 0).getTime(),
  );
  for (const g of sample(rng, refundable, scaled(campaign.donors.refunded))) g.fate = 'refunded';
  for (const g of pledges) giveMoney(state, g);
  const us = pool.filter((p) => p.country === 'US');
  for (const person of sample(rng, us, scaled(campaign.donors.usd))) {
    giveMoney(state, {
      person,
      campaign,
      partnerId: second ?? first,
      amountMinor: amountOf(rng, USD_GIFTS),
      currency: 'USD',
      method: 'provider',
      at: giftTime(rng, from, to),
      fate: 'paid',
    });
  }
}

/** Points given straight to an organisation (no campaign) by employees in Japan, in the years with points. */
export function directDonations(state: GivingState, years: number[]): void {
  const { world, rng } = state;
  for (const fy of years) {
    const from = fyStart(fy);
    const to = Math.min(fyEnd(fy), world.today - 1);
    if (to < from) continue;
    const share = (to - from + 1) / (fyEnd(fy) - from + 1);
    const pool = world.people.filter(
      (p) => !p.account && earnsPoints(p) && employedOn(p, from) && employedOn(p, to),
    );
    for (const person of sample(rng, pool, Math.round(DIRECT_GIFTS_PER_YEAR * world.scale * share))) {
      const code = weighted(rng, DIRECT_RECIPIENTS, (r) => r[1])[0];
      const at = tokyo(between(rng, from, to), between(rng, 7 * 60, 23 * 60 - 1));
      givePoints(state, {
        person,
        campaign: null,
        partnerId: state.partnerIds.get(code)!,
        points: amountOf(rng, POINT_GIFTS),
        at,
      });
    }
  }
}

/**
 * The demo accounts' own giving, written out so that their screens tell a story: the promoter gave to
 * both disaster drives, the employee gave points and money to Noto, points to UNICEF and to the open
 * campaign, and the promoter has a payroll pledge waiting for payday.
 */
export function accountGifts(state: GivingState): void {
  const { world } = state;
  const who = (name: string) => world.byEmail.get(`${name}@${DEMO_DOMAIN}`)!;
  const campaign = (code: string) => state.campaigns.find((c) => c.code === code);
  const partner = (code: string) => state.partnerIds.get(code)!;
  const at = (day: number, minutes: number) => tokyo(day, minutes);
  const ok = (p: Giver, day: number) => employedOn(p, day) && day < world.today;
  const points = (
    p: Giver,
    c: PlannedCampaign | null,
    code: string,
    n: number,
    day: number,
    minutes: number,
  ) => {
    if (ok(p, day))
      givePoints(state, {
        person: p,
        campaign: c,
        partnerId: partner(code),
        points: n,
        at: at(day, minutes),
      });
  };
  const [employee, promoter] = [who('employee'), who('promoter')];
  const maui = campaign('MAUI-2023');
  const noto = campaign('NOTO-2024');
  if (maui) points(promoter, maui, 'JRCS', 30, dayOf('2023-08-21'), 12 * 60 + 20);
  if (noto) {
    points(promoter, noto, 'JRCS', 100, dayOf('2024-01-09'), 12 * 60 + 5);
    points(employee, noto, 'JRCS', 50, dayOf('2024-01-15'), 20 * 60 + 30);
    const day = dayOf('2024-01-20');
    if (ok(employee, day)) {
      const gift = { campaign: noto, partnerId: partner('JRCS'), currency: 'JPY', at: at(day, 21 * 60) };
      giveMoney(state, { ...gift, person: employee, amountMinor: 5000, method: 'provider', fate: 'paid' });
    }
  }
  // In June of the current year (the years between FY2023 and it have no points: demo.giving.ts).
  points(employee, null, 'UNICEF', 20, fyStart(world.currentFy) + 70, 19 * 60);
  const open = state.campaigns.find((c) => c.status === 'open');
  if (!open || world.today - 5 < dayOf(open.startsOn)) return;
  points(employee, open, 'HIDAMARI', 30, world.today - 5, 19 * 60 + 10);
  const pledgeDay = world.today - 3;
  if (ok(promoter, pledgeDay)) {
    const gift = {
      campaign: open,
      partnerId: partner('HIDAMARI'),
      currency: 'JPY',
      at: at(pledgeDay, 12 * 60 + 30),
    };
    giveMoney(state, { ...gift, person: promoter, amountMinor: 3000, method: 'payroll', fate: 'paid' });
  }
}
