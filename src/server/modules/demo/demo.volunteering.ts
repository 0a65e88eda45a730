import type { Tx } from '../../db/client.js';
import {
  cancelledSignups,
  type Candidates,
  type PlannedSignup,
  signup,
  upcomingSignups,
} from './demo.fill.js';
import { DEMO_DOMAIN, DEMO_SEED, mulberry32 } from './demo.generator.js';
import { type PlannedLog, pendingAndRejectedLogs } from './demo.logs.js';
import { extraOpportunities } from './demo.extras.js';
import type { Pool } from './demo.opportunities.js';
import { planYear, type YearState } from './demo.participation.js';
import { type PlannedRegistration, planRegistrations } from './demo.registrations.js';
import type { PlannedOpportunity } from './demo.schedule.js';
import { fyOfDay } from './demo.time.js';
import { insertActivity, insertRegistrations } from './demo.volunteering-insert.js';
import { type DemoPerson, type DemoWorld, HORIZON_DAYS, loadWorld } from './demo.world.js';

/** The first fiscal year with opportunities and sign-ups (April 2022 to March 2023). */
export const FIRST_ACTIVITY_YEAR = 2022;

/** Opportunities (with their shifts), sign-ups for those shifts, and hour logs, to be written together. */
export type Activity = {
  opportunities: PlannedOpportunity[];
  signups: PlannedSignup[];
  logs: PlannedLog[];
};

export type VolunteeringSummary = {
  skills: number;
  registrations: number;
  opportunities: number;
  shifts: number;
  signups: number;
  hourLogs: number;
};

/** People who may sign up for what is still to come: employed today, registered volunteers three times as likely. */
function upcomingCandidates(world: DemoWorld, registrations: PlannedRegistration[]): Candidates {
  const registered = new Set(registrations.filter((r) => r.left === null).map((r) => r.person.id));
  const cache = new Map<Pool, DemoPerson[]>();
  return (pool) => {
    if (!cache.has(pool)) {
      const people = world.people.filter(
        (p) => p.leave === null && p.hire < world.today && (pool === 'GLOBAL' || p.country === pool),
      );
      const keen = people.filter((p) => registered.has(p.id));
      cache.set(pool, [...people, ...keen, ...keen, ...keen]);
    }
    return cache.get(pool)!;
  };
}

/** The demo employee account's next activity: a seat on the first upcoming shift in Japan (online if any). */
function employeeAccountSignup(
  rng: () => number,
  world: DemoWorld,
  opportunities: PlannedOpportunity[],
): PlannedSignup[] {
  const me = world.byEmail.get(`employee@${DEMO_DOMAIN}`);
  if (!me || me.leave !== null) return [];
  const open = opportunities
    .filter((o) => o.status === 'published' && o.pool === 'JP' && !o.internal)
    .flatMap((o) => o.shifts)
    .filter((s) => s.phase === 'future' && s.confirmed < s.capacity && !s.members.has(me.id))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const shift = open.find((s) => s.opportunity.template.mode === 'online') ?? open[0];
  return shift ? [signup(rng, world, shift, me, 'confirmed')] : [];
}

/** Opportunities whose shifts are all over (completed, and not cancelled later), with their sign-ups. */
function settled(part: Activity): { done: Activity; open: Activity } {
  const isDone = (o: PlannedOpportunity) => o.status === 'completed';
  const done = new Set(part.opportunities.filter(isDone));
  return {
    done: {
      opportunities: [...done],
      signups: part.signups.filter((s) => done.has(s.shift.opportunity)),
      logs: part.logs,
    },
    open: {
      opportunities: part.opportunities.filter((o) => !done.has(o)),
      signups: part.signups.filter((s) => !done.has(s.shift.opportunity)),
      logs: [],
    },
  };
}

/**
 * Loads the demo organisation's volunteering from the fixed seed (after its employees and accounts, in
 * the same transaction): the skills list and registrations, then each fiscal year's opportunities and
 * participation, then what is happening now (upcoming shifts, drafts, cancellations, hours waiting for
 * approval). Dates after the fixed history follow `today` (YYYY-MM-DD, default today in Tokyo). Each
 * finished year is written as soon as it is planned, so that memory holds one year at a time.
 */
export async function insertVolunteering(
  tx: Tx,
  orgId: string,
  options: { today?: string } = {},
): Promise<VolunteeringSummary> {
  const world = await loadWorld(tx, orgId, options);
  const summary: VolunteeringSummary = {
    skills: 0,
    registrations: 0,
    opportunities: 0,
    shifts: 0,
    signups: 0,
    hourLogs: 0,
  };
  const rng = mulberry32(DEMO_SEED ^ 0x766f6c75);
  const registrations = planRegistrations(rng, world);
  await insertRegistrations(tx, world, registrations, summary);
  const state: YearState = {
    registeredOn: new Map(registrations.map((r) => [r.person.id, r.joined])),
    previous: new Set(),
    rate: new Map(),
  };
  const candidates = upcomingCandidates(world, registrations);
  const live: Activity = { opportunities: [], signups: [], logs: [] };
  for (let year = FIRST_ACTIVITY_YEAR; year <= fyOfDay(world.today + HORIZON_DAYS); year++) {
    const { done, open } = settled(planYear(mulberry32(DEMO_SEED + year * 7919), world, year, state));
    await insertActivity(tx, world, done, summary);
    live.opportunities.push(...open.opportunities);
    live.signups.push(...open.signups);
  }
  const now = mulberry32(DEMO_SEED ^ 0x6e6f77);
  live.opportunities.push(...extraOpportunities(now, world));
  const published = live.opportunities.filter((o) => o.status === 'published');
  const coming = published.flatMap((o) => o.shifts.filter((s) => s.phase !== 'past'));
  live.signups.push(...upcomingSignups(now, world, coming, candidates));
  for (const o of live.opportunities.filter((x) => x.status === 'cancelled')) {
    live.signups.push(...cancelledSignups(now, world, o, candidates));
  }
  live.signups.push(...employeeAccountSignup(now, world, live.opportunities));
  live.logs.push(...pendingAndRejectedLogs(now, world, world.byEmail.get(`employee@${DEMO_DOMAIN}`)));
  await insertActivity(tx, world, live, summary);
  return summary;
}
