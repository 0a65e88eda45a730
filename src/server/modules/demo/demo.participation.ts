import { type Candidates, type PlannedSignup, pastExtras, signup } from './demo.fill.js';
import { DEMO_DOMAIN } from './demo.generator.js';
import { makeLog, type PlannedLog } from './demo.logs.js';
import { POOLS, type Pool } from './demo.opportunities.js';
import { between, chance, int, pick, type Rng, weighted } from './demo.random.js';
import { makeOpportunity, type PlannedOpportunity, type PlannedShift, templatesOf } from './demo.schedule.js';
import { fyEnd, fyStart } from './demo.time.js';
import { type DemoPerson, type DemoWorld, HORIZON_DAYS } from './demo.world.js';

/**
 * Participants of the full demo per fiscal year (April to March, named by the year it starts): the
 * seeds' 13,000 in fiscal 2024 (2023年度), 3,480 more than the 9,520 of the year before. Later years
 * grow a little; the current year counts what has happened so far.
 */
export const PARTICIPANT_PLAN: Readonly<Record<number, number>> = {
  2022: 9520,
  2023: 13000,
  2024: 13650,
  2025: 14120,
};
const LATER_PARTICIPANTS = 14400;
/** Opportunities per pool in a year, at least (so that a small demo has screens worth seeing). */
const MIN_OPPORTUNITIES: Record<Pool, number> = { JP: 24, IN: 5, US: 5, TH: 5, GLOBAL: 4 };
/** Seats offered per seat taken by a participant: shifts are rarely all full. */
const SEATS_PER_DEMAND = 1.3;
const RECENT_DAYS = 3;

/** Demo accounts that took part, by fiscal year. */
const ACCOUNTS_TOOK_PART: Record<string, number[]> = {
  [`employee@${DEMO_DOMAIN}`]: [2024, 2025],
  [`promoter@${DEMO_DOMAIN}`]: [2022, 2023, 2024, 2025],
};

export type YearState = {
  /** The day each registrant joined. */
  registeredOn: Map<string, number>;
  /** Last year's participants: many come back. */
  previous: Set<string>;
  /** Opportunities a day per pool, from the last year generated (for years entirely ahead). */
  rate: Map<Pool, number>;
};

export type YearPlan = { opportunities: PlannedOpportunity[]; signups: PlannedSignup[]; logs: PlannedLog[] };

type Item = Pool | 'log';

function poolOf(rng: Rng, p: DemoPerson): Pool {
  const global = { JP: 0.04, IN: 0.2, US: 0.05, TH: 0.2 }[p.country];
  return chance(rng, global) ? 'GLOBAL' : p.country;
}

function items(rng: Rng, p: DemoPerson): Item[] {
  const r = rng();
  const k = r < 0.55 ? 1 : r < 0.8 ? 2 : r < 0.92 ? 3 : between(rng, 4, 6);
  return Array.from({ length: k }, () => (chance(rng, 0.08) ? 'log' : poolOf(rng, p)));
}

/** The year's participants: exactly the planned number (scaled), registrants and last year's more likely. */
function participants(rng: Rng, year: number, target: number, eligible: DemoPerson[], state: YearState) {
  const forced = eligible.filter((p) => ACCOUNTS_TOOK_PART[p.email]?.includes(year));
  const scored = eligible
    .filter((p) => !forced.includes(p))
    .map((p) => {
      const joined = state.registeredOn.get(p.id);
      const bonus =
        (joined !== undefined && joined <= fyStart(year) ? 0.45 : 0) + (state.previous.has(p.id) ? 0.25 : 0);
      return { p, score: rng() - bonus };
    })
    .sort((a, b) => a.score - b.score);
  return [...forced, ...scored.slice(0, Math.max(0, target - forced.length)).map((s) => s.p)];
}

function generate(rng: Rng, world: DemoWorld, pool: Pool, year: number, demand: number, state: YearState) {
  const from = fyStart(year);
  const last = Math.min(fyEnd(year), world.today + HORIZON_DAYS);
  const days = last - from + 1;
  const hasPast = Math.min(fyEnd(year), world.today - RECENT_DAYS - 1) >= from;
  const minimum = hasPast
    ? Math.ceil((MIN_OPPORTUNITIES[pool] * days) / 365)
    : Math.round((state.rate.get(pool) ?? MIN_OPPORTUNITIES[pool] / 365) * days);
  const need = Math.ceil(demand * SEATS_PER_DEMAND);
  const templates = templatesOf(pool);
  const out: PlannedOpportunity[] = [];
  let seats = 0;
  for (let guard = 0; (seats < need || out.length < minimum) && guard < 50_000; guard++) {
    const t = weighted(rng, templates, (x) => x.weight ?? 1);
    const o = makeOpportunity(rng, world, t, between(rng, from, last), last);
    if (!o) continue;
    out.push(o);
    for (const s of o.shifts) if (s.phase === 'past') seats += s.capacity;
  }
  if (hasPast) state.rate.set(pool, out.length / days);
  return out;
}

/** Bags to draw shifts from: each past shift as often as its popularity. */
function bagOf(shifts: PlannedShift[]): PlannedShift[] {
  return shifts.flatMap((s) => Array.from({ length: s.popularity }, () => s));
}

/**
 * One fiscal year of activity: the opportunities (with their shifts), the participants' attended
 * sign-ups and approved hour logs, and the absent, cancelled and waitlisted sign-ups around them.
 * Participants are exactly those planned: each has at least one attended sign-up on a shift that
 * starts in the year, or an approved log dated in it; nobody else has either in that year.
 */
export function planYear(rng: Rng, world: DemoWorld, year: number, state: YearState): YearPlan {
  const from = fyStart(year);
  const end = fyEnd(year);
  const pastEnd = Math.min(end, world.today - RECENT_DAYS - 1);
  const fraction = Math.max(0, Math.min(1, (pastEnd - from + 1) / (end - from + 1)));
  const base = PARTICIPANT_PLAN[year] ?? LATER_PARTICIPANTS;
  const planned = fraction === 1 ? base : Math.round(base * fraction);
  const target = world.scale === 1 ? planned : Math.round(planned * world.scale);
  const until = Math.min(end, world.today);
  const eligible = world.people.filter((p) => p.hire <= from && (p.leave === null || p.leave > until));
  const chosen = fraction > 0 ? participants(rng, year, target, eligible, state) : [];
  const plans = chosen.map((p) => ({
    p,
    items: ACCOUNTS_TOOK_PART[p.email] ? ['JP' as Item] : items(rng, p),
  }));
  const opportunities: PlannedOpportunity[] = [];
  const past: Record<string, PlannedShift[]> = {};
  const bags: Record<string, PlannedShift[]> = {};
  for (const pool of POOLS) {
    const demand = plans.reduce((n, x) => n + x.items.filter((i) => i === pool).length, 0);
    const list = generate(rng, world, pool, year, demand, state);
    opportunities.push(...list);
    past[pool] = list.flatMap((o) => o.shifts.filter((s) => s.phase === 'past'));
    bags[pool] = bagOf(past[pool]);
  }
  const signups: PlannedSignup[] = [];
  const logs: PlannedLog[] = [];
  for (const { p, items: wanted } of plans) {
    const used = new Set<number>();
    const fits = (s: PlannedShift) =>
      s.confirmed < s.capacity &&
      !s.members.has(p.id) &&
      !used.has(s.day) &&
      (!s.opportunity.internal || s.opportunity.company.code === p.companyCode);
    for (const item of wanted) {
      let shift: PlannedShift | undefined;
      if (item !== 'log') {
        for (let tries = 0; tries < 30 && !shift && bags[item].length; tries++) {
          const s = pick(rng, bags[item]);
          if (fits(s)) shift = s;
        }
        const list = past[item];
        const offset = int(rng, list.length || 1);
        for (let i = 0; i < list.length && !shift; i++) {
          const s = list[(offset + i) % list.length];
          if (fits(s)) shift = s;
        }
      }
      if (shift) {
        signups.push(signup(rng, world, shift, p, 'confirmed', 'attended'));
        used.add(shift.day);
      } else {
        let day = between(rng, from, pastEnd);
        while (used.has(day) && day < pastEnd) day++;
        used.add(day);
        logs.push(makeLog(rng, world, p, day, 'approved'));
      }
    }
  }
  const byPool = new Map<Pool, DemoPerson[]>();
  const candidates: Candidates = (pool) => {
    if (!byPool.has(pool))
      byPool.set(
        pool,
        eligible.filter((p) => pool === 'GLOBAL' || p.country === pool),
      );
    return byPool.get(pool)!;
  };
  signups.push(...pastExtras(rng, world, Object.values(past).flat(), candidates));
  state.previous = new Set(chosen.map((p) => p.id));
  return { opportunities, signups, logs };
}
