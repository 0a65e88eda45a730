import { DEMO_TEMPLATES, type DemoTemplate, POOLS } from './demo.opportunities.js';
import { between, pick, type Rng } from './demo.random.js';
import { makeOpportunity, type PlannedOpportunity, templatesOf } from './demo.schedule.js';
import { fyEnd, fyOfDay, fyStart, weekdayOf } from './demo.time.js';
import { type DemoWorld, HORIZON_DAYS } from './demo.world.js';

const DAY = 86_400_000;
const PROMOTER_SITE = 'DEC-TMG';
const byTitle = (en: string): DemoTemplate => DEMO_TEMPLATES.find((t) => t.en[0] === en)!;

/** The last day of the fiscal year of `day`, or the horizon when that comes first. */
const lastOf = (world: DemoWorld, day: number) => Math.min(fyEnd(fyOfDay(day)), world.today + HORIZON_DAYS);

/**
 * Activities at the demo promoter's site (DEC-TMG): upcoming ones with shifts to fill, a draft to
 * publish, and one that ended in the last days whose attendance is still to be taken.
 */
function promoterSite(rng: Rng, world: DemoWorld): PlannedOpportunity[] {
  const out: PlannedOpportunity[] = [];
  const upcoming: Array<[string, number]> = [
    ['Bellmark sorting session', 4],
    ['Tama River clean-up', 9],
    ['Para-sports tournament support', 16],
    ['Sorting food at a food bank', 30],
  ];
  for (const [title, offset] of upcoming) {
    const day = world.today + offset;
    const o = makeOpportunity(rng, world, byTitle(title), day, lastOf(world, day), {
      siteCode: PROMOTER_SITE,
    });
    if (o) out.push(o);
  }
  let recent = world.today - 1;
  while (weekdayOf(recent) === 0 || weekdayOf(recent) === 6) recent--;
  const flowers = byTitle('Flower beds and litter picking around the site');
  const done = makeOpportunity(rng, world, flowers, recent, recent, { siteCode: PROMOTER_SITE });
  if (done) out.push(done);
  const draftDay = world.today + 45;
  const draft = makeOpportunity(
    rng,
    world,
    byTitle("Cooking and serving at a children's cafeteria"),
    draftDay,
    lastOf(world, draftDay),
    {
      siteCode: PROMOTER_SITE,
    },
  );
  if (draft) out.push(Object.assign(draft, { status: 'draft' as const }));
  return out;
}

/**
 * Opportunities beside the year's programme: the promoter's site, a few drafts being prepared and a few
 * cancelled activities in every year (weather, a partner's request), with their sign-ups cancelled.
 */
export function extraOpportunities(rng: Rng, world: DemoWorld): PlannedOpportunity[] {
  const out = promoterSite(rng, world);
  for (const pool of POOLS) {
    const count = pool === 'JP' ? 3 : 1;
    for (let i = 0; i < count; i++) {
      const day = world.today + between(rng, 10, HORIZON_DAYS - 10);
      const o = makeOpportunity(rng, world, pick(rng, templatesOf(pool)), day, lastOf(world, day));
      if (o) out.push(Object.assign(o, { status: 'draft' as const }));
    }
  }
  for (let year = 2022; year <= fyOfDay(world.today); year++) {
    const last = Math.min(fyEnd(year), world.today + HORIZON_DAYS);
    for (const pool of ['JP', 'JP', 'JP', pick(rng, ['IN', 'US', 'TH'] as const)] as const) {
      const o = makeOpportunity(
        rng,
        world,
        pick(rng, templatesOf(pool)),
        between(rng, fyStart(year), last),
        last,
      );
      if (!o) continue;
      const first = o.shifts[0].startsAt.getTime();
      const at = Math.min(first - between(rng, 2, 10) * DAY, world.now.getTime() - 3_600_000);
      const cancelledAt = new Date(Math.max(at, o.createdAt.getTime() + 3_600_000));
      // Mutated, not copied: the shifts point at this object.
      out.push(Object.assign(o, { status: 'cancelled' as const, cancelledAt }));
    }
  }
  return out;
}
