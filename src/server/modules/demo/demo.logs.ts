import { FIELDS, type Field } from '../../../shared/fields.js';
import type { HourLogStatus } from '../../../shared/volunteering.js';
import { LOG_DESCRIPTIONS, LOG_ORGANISATIONS } from './demo.places.js';
import { between, pick, type Rng } from './demo.random.js';
import { fyStart, zonedInstant } from './demo.time.js';
import type { DemoPerson, DemoWorld } from './demo.world.js';

/** Volunteering an employee logged for approval (hours done outside the system). */
export type PlannedLog = {
  person: DemoPerson;
  day: number;
  organisationName: string;
  field: Field;
  minutes: number;
  description: string;
  status: HourLogStatus;
  reviewedBy: 'csr' | 'promoter' | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
  createdAt: Date;
};

const REJECTED = {
  JP: '業務の一環として行った活動のため、ボランティアの対象外です。',
  abroad: 'This was part of regular duties, so it does not count as volunteering.',
};

/** A log of one activity on `day`: approved or rejected a few days later (never after today), or pending. */
export function makeLog(
  rng: Rng,
  world: DemoWorld,
  person: DemoPerson,
  day: number,
  status: HourLogStatus,
): PlannedLog {
  const japanese = person.country === 'JP';
  const created = zonedInstant(day + between(rng, 0, 2), between(rng, 18 * 60, 22 * 60), 'Asia/Tokyo');
  const createdAt = created > world.now ? new Date(world.now.getTime() - 3_600_000) : created;
  let reviewedAt: Date | null = null;
  if (status !== 'pending') {
    const reviewed = zonedInstant(day + between(rng, 3, 14), between(rng, 9 * 60, 18 * 60), 'Asia/Tokyo');
    reviewedAt = new Date(
      Math.max(createdAt.getTime() + 3_600_000, Math.min(reviewed.getTime(), world.now.getTime() - 60_000)),
    );
  }
  return {
    person,
    day,
    organisationName: pick(rng, LOG_ORGANISATIONS[person.country]),
    field: pick(rng, FIELDS),
    minutes: between(rng, 2, 12) * 30,
    description: pick(rng, japanese ? LOG_DESCRIPTIONS.JP : LOG_DESCRIPTIONS.abroad),
    status,
    reviewedBy: status === 'pending' ? null : person.siteCode === 'DEC-TMG' ? 'promoter' : 'csr',
    reviewedAt,
    reviewNote: status === 'rejected' ? (japanese ? REJECTED.JP : REJECTED.abroad) : null,
    createdAt,
  };
}

/**
 * Logs that count nowhere: some waiting for approval (the last weeks, for the approvals queue) and
 * a few rejected over the years. `employee` (the demo's employee account) has one waiting.
 */
export function pendingAndRejectedLogs(
  rng: Rng,
  world: DemoWorld,
  employee: DemoPerson | undefined,
): PlannedLog[] {
  const active = world.people.filter((p) => p.leave === null && p.hire < world.today - 60);
  const out: PlannedLog[] = [];
  const pending = Math.max(4, Math.round(60 * world.scale));
  for (let i = 0; i < pending; i++) {
    const person = i === 0 && employee ? employee : pick(rng, active);
    out.push(makeLog(rng, world, person, world.today - between(rng, 2, 40), 'pending'));
  }
  const rejected = Math.max(2, Math.round(40 * world.scale));
  const first = fyStart(2022);
  for (let i = 0; i < rejected; i++) {
    const day = between(rng, first, world.today - 20);
    for (let tries = 0; tries < 50; tries++) {
      const person = pick(rng, world.people);
      if (person.hire > day || (person.leave !== null && person.leave <= day)) continue;
      out.push(makeLog(rng, world, person, day, 'rejected'));
      break;
    }
  }
  return out;
}
