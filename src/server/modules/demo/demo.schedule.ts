import { randomUUID } from 'node:crypto';
import type { OpportunityStatus } from '../../../shared/volunteering.js';
import { DEMO_TEMPLATES, type DemoTemplate, type Pool } from './demo.opportunities.js';
import { SITE_PLACES } from './demo.places.js';
import { between, int, pick, type Rng, weighted } from './demo.random.js';
import { DEMO_COMPANIES, type DemoCompany } from './demo.structure.js';
import { addMinutes, dayOf, isoOf, weekdayOf, zonedInstant } from './demo.time.js';
import { type DemoWorld, siteOf, timeZoneOfSite } from './demo.world.js';

export type ShiftPhase = 'past' | 'recent' | 'future';

export type PlannedShift = {
  id: string;
  opportunity: PlannedOpportunity;
  day: number;
  startsAt: Date;
  endsAt: Date;
  minutes: number;
  capacity: number;
  /** Confirmed sign-ups planned so far (the inserted count is recomputed from the sign-ups). */
  confirmed: number;
  /** Employees with a sign-up of any status on this shift. */
  members: Set<string>;
  /** past: ended more than three days ago (attendance taken); recent: ended since; future: not started. */
  phase: ShiftPhase;
  /** How many people want this one, relative to the others (1 to 4). */
  popularity: number;
};

export type PlannedOpportunity = {
  id: string;
  template: DemoTemplate;
  pool: Pool;
  company: DemoCompany;
  siteCode: string | null;
  titleJa: string;
  titleEn: string;
  organiser: string;
  address: string | null;
  prefecture: string | null;
  region: string | null;
  onlineUrl: string | null;
  timeZone: string;
  /** Set for activities open to the organising company only. */
  internal: boolean;
  status: OpportunityStatus;
  createdBy: 'csr' | 'program' | 'promoter';
  createdAt: Date;
  cancelledAt: Date | null;
  shifts: PlannedShift[];
};

const POOL_COMPANIES: Record<Pool, DemoCompany[]> = {
  JP: DEMO_COMPANIES.filter((c) => c.country === 'JP'),
  IN: DEMO_COMPANIES.filter((c) => c.country === 'IN'),
  US: DEMO_COMPANIES.filter((c) => c.country === 'US'),
  TH: DEMO_COMPANIES.filter((c) => c.country === 'TH'),
  GLOBAL: DEMO_COMPANIES.filter((c) => c.code === 'DEC'),
};
const RECENT_DAYS = 3;
const DAY_MS = 86_400_000;

export const templatesOf = (pool: Pool) => DEMO_TEMPLATES.filter((t) => t.pool === pool);

function organiserSite(rng: Rng, t: DemoTemplate): { company: DemoCompany; siteCode: string | null } {
  if (t.sites) {
    const code = pick(rng, t.sites);
    return { company: siteOf(code).company, siteCode: code };
  }
  const company = weighted(rng, POOL_COMPANIES[t.pool], (c) => c.weight);
  if (t.mode === 'online') return { company, siteCode: null };
  return { company, siteCode: weighted(rng, company.sites, (s) => s.weight).code };
}

/** The first day on or after `day` that suits the activity (weekends, or weekdays). */
function suitableDay(t: DemoTemplate, day: number, shiftCount: number): number {
  let d = day;
  const ok = (x: number) => {
    const w = weekdayOf(x);
    if (t.weekend) return shiftCount > 1 && (t.every ?? 1) === 1 ? w === 6 : w === 0 || w === 6;
    return w >= 1 && w <= 5;
  };
  while (!ok(d)) d++;
  return d;
}

function inSeason(t: DemoTemplate, day: number): boolean {
  if (t.since && day < dayOf(t.since)) return false;
  return !t.months || t.months.includes(Number(isoOf(day).slice(5, 7)));
}

function phaseOf(world: DemoWorld, startsAt: Date, endsAt: Date): ShiftPhase {
  if (startsAt >= world.now) return 'future';
  return endsAt.getTime() < world.now.getTime() - RECENT_DAYS * DAY_MS ? 'past' : 'recent';
}

function slug(rng: Rng): string {
  const letters = 'abcdefghijkmnopqrstuvwxyz23456789';
  return Array.from({ length: 10 }, () => letters[int(rng, letters.length)]).join('');
}

/**
 * One occurrence of an activity, starting on or after `day` with every shift on or before `last`
 * (shifts never cross into another fiscal year). Returns null when none fits.
 */
export function makeOpportunity(
  rng: Rng,
  world: DemoWorld,
  t: DemoTemplate,
  day: number,
  last: number,
  fixed: { siteCode?: string } = {},
): PlannedOpportunity | null {
  const placed = fixed.siteCode
    ? { company: siteOf(fixed.siteCode).company, siteCode: fixed.siteCode }
    : organiserSite(rng, t);
  const { company, siteCode } = placed;
  const count = t.shifts ? between(rng, t.shifts[0], t.shifts[1]) : 1;
  const first = suitableDay(t, day, count);
  const days = Array.from({ length: count }, (_, i) => first + i * (t.every ?? 1)).filter((d) => d <= last);
  if (!days.length || !inSeason(t, first)) return null;
  const timeZone = siteCode ? timeZoneOfSite(siteCode) : company.timeZone;
  const [h, m] = t.start.split(':').map(Number);
  const capacity = between(rng, t.capacity[0], t.capacity[1]);
  const site = siteCode ? siteOf(siteCode).site : null;
  const area = siteCode ? SITE_PLACES[siteCode] : null;
  const japanese = company.country === 'JP';
  const opportunity: PlannedOpportunity = {
    id: randomUUID(),
    template: t,
    pool: t.pool,
    company,
    siteCode,
    titleJa: t.local && area ? `${t.ja[0]}(${area.areaJa})` : t.ja[0],
    titleEn: t.local && area ? `${t.en[0]} (${area.areaEn})` : t.en[0],
    organiser: site
      ? japanese
        ? `${site.nameJa} 社会貢献推進チーム`
        : `${site.nameEn} volunteer committee`
      : japanese
        ? `${company.nameJa} サステナビリティ推進部`
        : `${company.nameEn} CSR team`,
    address: t.mode === 'online' ? null : (t.place?.address ?? (area ? area.address : null)),
    prefecture:
      t.mode === 'online' ? null : t.place ? (t.place.prefecture ?? null) : (site?.prefecture ?? null),
    region: t.mode === 'online' ? null : t.place ? (t.place.region ?? null) : (site?.region ?? null),
    onlineUrl: t.mode === 'on_site' ? null : `https://meet.demo.example/${slug(rng)}`,
    timeZone,
    internal: !!t.internal,
    status: 'published',
    createdBy:
      siteCode === 'DEC-TMG' ? 'promoter' : t.skills?.length && t.field === 'regional' ? 'program' : 'csr',
    createdAt: new Date(0),
    cancelledAt: null,
    shifts: [],
  };
  const popularity = between(rng, 1, 4);
  opportunity.shifts = days.map((d) => {
    const startsAt = zonedInstant(d, h * 60 + m, timeZone);
    const endsAt = addMinutes(startsAt, t.minutes);
    return {
      id: randomUUID(),
      opportunity,
      day: d,
      startsAt,
      endsAt,
      minutes: t.minutes,
      capacity,
      confirmed: 0,
      members: new Set<string>(),
      phase: phaseOf(world, startsAt, endsAt),
      popularity,
    };
  });
  const firstStart = opportunity.shifts[0].startsAt.getTime();
  const created = firstStart - between(rng, 14, 60) * DAY_MS;
  opportunity.createdAt = new Date(Math.min(created, world.now.getTime() - between(rng, 1, 5) * DAY_MS));
  opportunity.status = opportunity.shifts.every((s) => s.phase === 'past') ? 'completed' : 'published';
  return opportunity;
}
