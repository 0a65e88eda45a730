import type { Attendance, SignupStatus } from '../../../shared/volunteering.js';
import type { Pool } from './demo.opportunities.js';
import { between, chance, int, pick, type Rng } from './demo.random.js';
import type { PlannedOpportunity, PlannedShift } from './demo.schedule.js';
import type { DemoPerson, DemoWorld } from './demo.world.js';

export type PlannedSignup = {
  shift: PlannedShift;
  person: DemoPerson;
  status: SignupStatus;
  attendance: Attendance | null;
  minutes: number | null;
  checkedInAt: Date | null;
  attendanceBy: 'csr' | 'promoter' | null;
  createdAt: Date;
  cancelledAt: Date | null;
};

/** Who may take a seat on a shift: people of its pool, and of its company when it is internal. */
export type Candidates = (pool: Pool) => readonly DemoPerson[];

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** A sign-up for the shift (recorded on the shift: its members and its confirmed count). */
export function signup(
  rng: Rng,
  world: DemoWorld,
  shift: PlannedShift,
  person: DemoPerson,
  status: SignupStatus,
  attendance: Attendance | null = null,
): PlannedSignup {
  const opportunity = shift.opportunity;
  // Not before the opportunity was posted, nor before the person joined the company.
  const lo = Math.max(opportunity.createdAt.getTime() + HOUR, person.hire * DAY);
  const hi = Math.min(shift.startsAt.getTime() - HOUR, world.now.getTime() - HOUR);
  const created = hi <= lo ? lo : lo + Math.floor(rng() * (hi - lo));
  const cancelEnd =
    opportunity.cancelledAt?.getTime() ?? Math.min(shift.startsAt.getTime(), world.now.getTime());
  shift.members.add(person.id);
  if (status === 'confirmed') shift.confirmed++;
  const attended = attendance === 'attended';
  const checkedIn = attended && chance(rng, 0.4);
  return {
    shift,
    person,
    status,
    attendance,
    minutes: attended ? (chance(rng, 0.1) ? Math.max(30, shift.minutes - 30) : shift.minutes) : null,
    checkedInAt: checkedIn ? new Date(shift.startsAt.getTime() - between(rng, 0, 20) * 60_000) : null,
    attendanceBy: attendance && !checkedIn ? (opportunity.siteCode === 'DEC-TMG' ? 'promoter' : 'csr') : null,
    createdAt: new Date(Math.min(created, cancelEnd - 60_000)),
    cancelledAt:
      status === 'cancelled' ? new Date(Math.max(created, cancelEnd - Math.floor(rng() * 2 * DAY))) : null,
  };
}

/** Someone from `people` who may join the shift and has no sign-up on it yet, or null. */
function someone(rng: Rng, shift: PlannedShift, people: readonly DemoPerson[]): DemoPerson | null {
  const company = shift.opportunity.internal ? shift.opportunity.company.code : null;
  for (let tries = 0; tries < 40 && people.length; tries++) {
    const p = pick(rng, people);
    if (!shift.members.has(p.id) && (!company || p.companyCode === company)) return p;
  }
  return null;
}

function add(
  rng: Rng,
  world: DemoWorld,
  shift: PlannedShift,
  people: readonly DemoPerson[],
  status: SignupStatus,
  attendance: Attendance | null,
  out: PlannedSignup[],
): void {
  const p = someone(rng, shift, people);
  if (p) out.push(signup(rng, world, shift, p, status, attendance));
}

/** Past shifts, after attendance: a few absent, a few who cancelled, and on some full ones a waitlist left over. */
export function pastExtras(rng: Rng, world: DemoWorld, shifts: PlannedShift[], candidates: Candidates) {
  const out: PlannedSignup[] = [];
  for (const shift of shifts) {
    const people = candidates(shift.opportunity.pool);
    const absent = Math.min(shift.capacity - shift.confirmed, Math.round(shift.confirmed * rng() * 0.12));
    for (let i = 0; i < absent; i++) add(rng, world, shift, people, 'confirmed', 'absent', out);
    for (let i = int(rng, 3); i > 0; i--) add(rng, world, shift, people, 'cancelled', null, out);
    if (shift.confirmed === shift.capacity && chance(rng, 0.3)) {
      for (let i = between(rng, 1, 3); i > 0; i--) add(rng, world, shift, people, 'waitlisted', null, out);
    }
  }
  return out;
}

/**
 * Shifts whose attendance is still to be taken (ended in the last three days) and upcoming ones:
 * confirmed sign-ups, some nearly full, some full with a waitlist in order, a few cancellations.
 */
export function upcomingSignups(rng: Rng, world: DemoWorld, shifts: PlannedShift[], candidates: Candidates) {
  const out: PlannedSignup[] = [];
  for (const shift of shifts) {
    const people = candidates(shift.opportunity.pool);
    const { capacity } = shift;
    let wanted: number;
    const r = rng();
    if (shift.phase === 'recent') wanted = Math.round(capacity * (0.5 + 0.45 * rng()));
    else if (capacity <= 30 && r < 0.15) wanted = capacity - between(rng, 1, 2);
    else if (capacity <= 30 && r < 0.27) wanted = capacity + between(rng, 1, 5);
    else wanted = Math.round(capacity * (0.05 + 0.65 * rng()));
    const fresh: PlannedSignup[] = [];
    for (let i = 0; i < wanted; i++) add(rng, world, shift, people, 'waitlisted', null, fresh);
    // Seats go to the earliest sign-ups; the rest wait in the order they signed up.
    fresh.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    for (const s of fresh) {
      if (shift.confirmed >= capacity) break;
      s.status = 'confirmed';
      shift.confirmed++;
    }
    out.push(...fresh);
    for (let i = int(rng, 3); i > 0; i--) add(rng, world, shift, people, 'cancelled', null, out);
  }
  return out;
}

/** A cancelled opportunity: every sign-up it had (by people employed by then) was cancelled with it. */
export function cancelledSignups(rng: Rng, world: DemoWorld, o: PlannedOpportunity, candidates: Candidates) {
  const out: PlannedSignup[] = [];
  const people = candidates(o.pool).filter((p) => p.hire < o.shifts[0].day - 30);
  for (const shift of o.shifts) {
    for (let i = int(rng, 8); i > 0; i--) add(rng, world, shift, people, 'cancelled', null, out);
  }
  return out;
}
