import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../src/server/db/client.js';
import type { BulkRow } from '../src/server/modules/demo/demo.bulk.js';
import {
  DEMO_TEMPLATES,
  type DemoTemplate,
  type Pool,
} from '../src/server/modules/demo/demo.opportunities.js';
import { addMinutes, dayOf, zonedInstant } from '../src/server/modules/demo/demo.time.js';
import { groupCompanies, sites } from '../src/server/modules/organisations/organisations.table.js';
import { opportunitySearchDocument } from '../src/server/modules/volunteering/opportunities.rules.js';
import { BENCH_SEED, prng, type SyntheticOrg } from './synthetic.js';

const DAY = 86_400_000;
const OPPORTUNITY_COLUMNS = `id uuid, orgId uuid, companyId uuid, siteId uuid, titleJa text, titleEn text,
  descriptionJa text, descriptionEn text, organiser text, partnerName text, field text, sdgs smallint[], mode text,
  address text, prefecture text, region text, onlineUrl text, timeZone text, signupDeadline timestamptz,
  requiredSkills text[], familyAllowed boolean, transportByPoints boolean, visibility text, visibleCompanyIds uuid[],
  status text, firstStartsAt timestamptz, lastEndsAt timestamptz, searchText text, searchGrams text[],
  publishedAt timestamptz, cancelledAt timestamptz, createdAt timestamptz`;
const SHIFT_COLUMNS =
  'id uuid, orgId uuid, opportunityId uuid, startsAt timestamptz, endsAt timestamptz, capacity int, checkinCode text';

/** The demo's activities that suit a company of this country (the rest of the world takes the group's own). */
function templatesFor(country: string): DemoTemplate[] {
  const pool: Pool[] =
    country === 'JP' ? ['JP'] : ['IN', 'US', 'TH'].includes(country) ? [country as Pool] : [];
  return DEMO_TEMPLATES.filter((t) => pool.includes(t.pool) || t.pool === 'GLOBAL');
}

/**
 * The bench's opportunities: the demo's bilingual activities repeated over the synthetic group's companies
 * and sites, 70% in the last four years (completed), 25% in the next 120 days (published), 3% drafts and
 * 2% cancelled; one to three weekly shifts of 15 to 90 seats each, in the site's time zone. Rows for
 * bulkInsert; the search text is what the opportunity service stores.
 */
export async function syntheticOpportunities(
  database: Database,
  orgId: string,
  org: SyntheticOrg,
  count: number,
) {
  const random = prng(BENCH_SEED ^ 0x0bb0);
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const companyIds = new Map((await database.db.select().from(groupCompanies)).map((c) => [c.code, c.id]));
  const siteIds = new Map((await database.db.select().from(sites)).map((s) => [s.code, s.id]));
  const total = org.companies.reduce((a, c) => a + c.weight, 0);
  const today = dayOf(new Date().toISOString().slice(0, 10));
  const now = Date.now();
  const opportunities: BulkRow[] = [];
  const shifts: BulkRow[] = [];
  for (let i = 0; i < count; i++) {
    let r = random() * total;
    const company =
      org.companies.find((c) => {
        r -= c.weight;
        return r < 0;
      }) ?? org.companies[0];
    const t = pick(templatesFor(company.country));
    const site = t.mode === 'online' ? null : pick(company.sites);
    const timeZone = site?.timeZone ?? company.timeZone;
    const kind = i % 100;
    const status = kind < 70 ? 'completed' : kind < 95 ? 'published' : kind < 98 ? 'draft' : 'cancelled';
    const first = status === 'completed' ? today - between(5, 1460) : today + between(2, 120);
    const [h, m] = t.start.split(':').map(Number);
    const capacity = between(15, 90);
    const id = randomUUID();
    const times = Array.from({ length: between(1, 3) }, (_, k) => {
      const startsAt = zonedInstant(first + k * (t.every ?? 7), h * 60 + m, timeZone);
      return { startsAt, endsAt: addMinutes(startsAt, t.minutes) };
    });
    for (const s of times) {
      shifts.push({
        id: randomUUID(),
        orgId,
        opportunityId: id,
        ...s,
        capacity,
        checkinCode: randomBytes(12).toString('base64url'),
      });
    }
    const text = {
      titleJa: site ? `${t.ja[0]}(${site.nameJa})` : t.ja[0],
      titleEn: site ? `${t.en[0]} (${site.nameEn})` : t.en[0],
      descriptionJa: t.ja[1],
      descriptionEn: t.en[1],
      organiser: company.country === 'JP' ? `${company.nameJa} 社会貢献推進室` : `${company.nameEn} CSR team`,
      partnerName: t.partner ?? null,
    };
    const search = opportunitySearchDocument(text);
    const createdAt = new Date(Math.min(times[0].startsAt.getTime() - 30 * DAY, now - DAY));
    const internal = random() < 0.05;
    opportunities.push({
      ...text,
      id,
      orgId,
      companyId: companyIds.get(company.code)!,
      siteId: site ? siteIds.get(site.code)! : null,
      field: t.field,
      sdgs: t.sdgs,
      mode: t.mode,
      address: site ? site.nameJa : null,
      prefecture: t.mode === 'online' ? null : (t.place?.prefecture ?? site?.prefecture ?? null),
      region: t.mode === 'online' ? null : (t.place?.region ?? site?.region ?? null),
      onlineUrl: t.mode === 'on_site' ? null : `https://meet.bench.example/${id.slice(0, 8)}`,
      timeZone,
      signupDeadline: times.length === 1 ? new Date(times[0].startsAt.getTime() - DAY) : null,
      requiredSkills: t.skills ?? [],
      familyAllowed: !!t.family,
      transportByPoints: !!t.transport,
      visibility: internal ? 'companies' : 'group',
      visibleCompanyIds: internal ? [companyIds.get(company.code)!] : [],
      status,
      firstStartsAt: times[0].startsAt,
      lastEndsAt: times[times.length - 1].endsAt,
      searchText: search.text,
      searchGrams: search.grams,
      publishedAt: status === 'draft' ? null : new Date(createdAt.getTime() + DAY),
      cancelledAt: status === 'cancelled' ? new Date(createdAt.getTime() + 2 * DAY) : null,
      createdAt,
    });
  }
  return {
    opportunities: { columns: OPPORTUNITY_COLUMNS, rows: opportunities },
    shifts: { columns: SHIFT_COLUMNS, rows: shifts },
  };
}
