import { FIELDS, type Field } from '../../../shared/fields.js';
import { AVAILABILITY } from '../../../shared/volunteering.js';
import { DEMO_DOMAIN } from './demo.generator.js';
import { DEMO_SKILLS } from './demo.places.js';
import { between, chance, int, pick, type Rng, sample, shuffled, weighted } from './demo.random.js';
import { dayOf, fyEnd, fyOfDay, fyStart } from './demo.time.js';
import { type DemoPerson, type DemoWorld, siteOf } from './demo.world.js';

export type PlannedRegistration = {
  person: DemoPerson;
  joined: number;
  left: number | null;
  interestFields: Field[];
  skills: string[];
  skillsNote: string | null;
  languages: string[];
  prefecture: string | null;
  region: string | null;
  availability: string[];
  onlineOk: boolean;
};

/**
 * New registrants of the full demo by joining period. The seeds' figures for fiscal 2024 (2023年度):
 * 1,338 new registrants, and 8,721 who joined from April 2021 (the plan's start) to March 2024
 * (4,173 + 3,210 + 1,338). The service existed before the plan; about 1,250 a year join after it.
 */
export const REGISTRANT_PLAN: ReadonlyArray<{ from: string; to: string; count: number }> = [
  { from: '2016-04-01', to: '2021-03-31', count: 1240 },
  { from: '2021-04-01', to: '2022-03-31', count: 4173 },
  { from: '2022-04-01', to: '2023-03-31', count: 3210 },
  { from: '2023-04-01', to: '2024-03-31', count: 1338 },
  { from: '2024-04-01', to: '2025-03-31', count: 1262 },
  { from: '2025-04-01', to: '2026-03-31', count: 1297 },
];
const LATER_PER_YEAR = 1250;

/** Demo accounts that are registered volunteers, with the day they joined. */
const ACCOUNTS_JOINED: Record<string, string> = {
  [`program@${DEMO_DOMAIN}`]: '2019-07-01',
  [`promoter@${DEMO_DOMAIN}`]: '2021-05-10',
  [`csr@${DEMO_DOMAIN}`]: '2021-04-12',
  [`employee@${DEMO_DOMAIN}`]: '2022-06-13',
};

const NOTES = {
  JP: [
    '英検準1級',
    '保育士の資格があります',
    '普通救命講習を修了',
    'TOEIC 900点',
    '手話検定3級',
    '中学校教員免許あり',
  ],
  abroad: [
    'Certified first aider',
    'Former school teacher',
    'Fluent in Tamil',
    'CPA',
    'Photography hobbyist',
  ],
};

function buckets(world: DemoWorld): Array<{ from: number; to: number; count: number }> {
  const size = (count: number) => (world.scale === 1 ? count : Math.round(count * world.scale));
  const out = REGISTRANT_PLAN.map((b) => ({ from: dayOf(b.from), to: dayOf(b.to), count: size(b.count) }));
  for (let y = 2026; y <= fyOfDay(world.today); y++) {
    const to = Math.min(fyEnd(y), world.today);
    out.push({
      from: fyStart(y),
      to,
      count: size(Math.round((LATER_PER_YEAR * (to - fyStart(y) + 1)) / 365)),
    });
  }
  return out.filter((b) => b.from <= world.today).map((b) => ({ ...b, to: Math.min(b.to, world.today) }));
}

/** The days on which a person could have joined within [from, to]: employed, and not yet gone. */
function window(p: DemoPerson, from: number, to: number): [number, number] | null {
  const lo = Math.max(from, p.hire);
  const hi = Math.min(to, p.leave === null ? to : p.leave - 1);
  return lo <= hi ? [lo, hi] : null;
}

function profile(rng: Rng, p: DemoPerson): Omit<PlannedRegistration, 'person' | 'joined' | 'left'> {
  const { site } = siteOf(p.siteCode);
  const fields = sample(
    rng,
    FIELDS,
    weighted(rng, [1, 2, 3], (n) => [5, 3, 1][n - 1]),
  );
  const skills = chance(rng, 0.3) ? [] : sample(rng, DEMO_SKILLS, between(rng, 1, 3)).map(([code]) => code);
  const languages = {
    JP: ['ja', ...(chance(rng, 0.25) ? ['en'] : []), ...(chance(rng, 0.03) ? [pick(rng, ['zh', 'ko'])] : [])],
    IN: ['en', 'hi'],
    US: ['en', ...(chance(rng, 0.2) ? ['es'] : [])],
    TH: ['th', ...(chance(rng, 0.6) ? ['en'] : [])],
  }[p.country];
  return {
    interestFields: fields,
    skills,
    skillsNote: chance(rng, 0.08) ? pick(rng, p.country === 'JP' ? NOTES.JP : NOTES.abroad) : null,
    languages,
    prefecture: site.prefecture ?? null,
    region: site.region ?? null,
    availability: sample(rng, AVAILABILITY, between(rng, 1, 2)),
    onlineOk: chance(rng, 0.75),
  };
}

/**
 * The volunteer database of the demo: who joined when (exactly the planned number per period at full
 * size, proportionally fewer in a smaller demo), each on a day they were employed. People who left the
 * company left the service that day; a few others left it of their own accord.
 */
export function planRegistrations(rng: Rng, world: DemoWorld): PlannedRegistration[] {
  const plan = buckets(world);
  const assigned = new Map<string, number>();
  for (const [email, joined] of Object.entries(ACCOUNTS_JOINED)) {
    const p = world.byEmail.get(email);
    if (p) assigned.set(p.id, Math.max(dayOf(joined), p.hire));
  }
  const order = shuffled(
    rng,
    world.people.filter((p) => !assigned.has(p.id)),
  );
  for (const b of plan) {
    let need = b.count - [...assigned.values()].filter((d) => d >= b.from && d <= b.to).length;
    for (const p of order) {
      if (need <= 0) break;
      if (assigned.has(p.id)) continue;
      const days = window(p, b.from, b.to);
      if (!days) continue;
      assigned.set(p.id, between(rng, days[0], days[1]));
      need--;
    }
  }
  return world.people.flatMap((person) => {
    const joined = assigned.get(person.id);
    if (joined === undefined) return [];
    let left = person.leave;
    if (left === null && chance(rng, 0.03)) {
      const day = joined + 180 + int(rng, 900);
      left = day < world.today ? day : null;
    }
    return [{ person, joined, left, ...profile(rng, person) }];
  });
}
