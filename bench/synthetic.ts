import type { Database } from '../src/server/db/client.js';
import {
  departments,
  groupCompanies,
  organisations,
  sites,
} from '../src/server/modules/organisations/organisations.table.js';
import { BUSINESS_LINES, DEPARTMENTS, FOREIGN_PLACES, JP_PLACES } from './names.js';

/**
 * The synthetic organisation of the benchmarks: a corporate group of 60 companies (Japan, India, the
 * US, Thailand, Europe, Singapore) with sites and departments, and as many employees as asked for.
 * Everything comes from a fixed seed, so two runs produce byte-identical CSV files. The employees
 * themselves, and the CSV writer, are in synthetic-employees.ts.
 */
export const BENCH_SEED = 20_240_401;
export const BENCH_ORG_CODE = 'BENCH';

export type SyntheticSite = {
  code: string;
  nameJa: string;
  nameEn: string;
  kind: 'head_office' | 'office' | 'factory' | 'lab';
  prefecture?: string;
  region?: string;
  timeZone: string;
};
export type SyntheticDepartment = { code: string; nameJa: string; nameEn: string };
export type SyntheticCompany = {
  code: string;
  nameJa: string;
  nameEn: string;
  country: string;
  currency: string;
  timeZone: string;
  /** Relative head count: the parent company is the largest, the rest follow a long tail. */
  weight: number;
  sites: SyntheticSite[];
  departments: SyntheticDepartment[];
};
export type SyntheticOrg = { code: string; nameJa: string; nameEn: string; companies: SyntheticCompany[] };

/** mulberry32: a small, fast, deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const COUNTRIES: Record<string, { currency: string; timeZone: string; ja: string; en: string }> = {
  JP: { currency: 'JPY', timeZone: 'Asia/Tokyo', ja: '', en: 'Japan' },
  IN: { currency: 'INR', timeZone: 'Asia/Kolkata', ja: 'インド', en: 'India' },
  US: { currency: 'USD', timeZone: 'America/Chicago', ja: 'アメリカ', en: 'America' },
  TH: { currency: 'THB', timeZone: 'Asia/Bangkok', ja: 'タイ', en: 'Thailand' },
  GB: { currency: 'GBP', timeZone: 'Europe/London', ja: 'ヨーロッパ', en: 'Europe' },
  SG: { currency: 'SGD', timeZone: 'Asia/Singapore', ja: 'シンガポール', en: 'Singapore' },
  DE: { currency: 'EUR', timeZone: 'Europe/Berlin', ja: 'ドイツ', en: 'Germany' },
};
// 40 companies in Japan and 20 abroad, interleaved so that a smaller group keeps the mix.
const COUNTRY_ORDER = 'JP JP IN JP US JP TH JP JP IN JP US JP GB JP TH JP SG JP IN JP US JP JP DE'.split(' ');

function countryOf(index: number): string {
  if (index < COUNTRY_ORDER.length) return COUNTRY_ORDER[index];
  const tail = ['JP', 'JP', 'IN', 'JP', 'US', 'JP', 'TH', 'JP', 'GB', 'JP', 'IN', 'US', 'JP'];
  return tail[(index - COUNTRY_ORDER.length) % tail.length];
}

/** The group's structure: companies with their sites and departments. */
export function syntheticOrg(options: { companies?: number; seed?: number } = {}): SyntheticOrg {
  const random = prng(options.seed ?? BENCH_SEED);
  const perCountry = new Map<string, number>();
  const companies: SyntheticCompany[] = [];
  for (let i = 0; i < (options.companies ?? 60); i++) {
    const country = countryOf(i);
    const n = (perCountry.get(country) ?? 0) + 1;
    perCountry.set(country, n);
    const code = `${country}${String(n).padStart(2, '0')}`;
    const [lineJa, lineEn] = BUSINESS_LINES[i % BUSINESS_LINES.length];
    const c = COUNTRIES[country];
    const parent = i === 0;
    const nameJa = parent ? '共生ベンチ株式会社' : `共生ベンチ${c.ja}${lineJa}${country === 'JP' ? n : ''}`;
    const nameEn = parent
      ? 'Kyosei Bench Corporation'
      : `Kyosei Bench ${c.en} ${lineEn}${country === 'JP' ? ` ${n}` : ''}`;
    const weight = parent ? 1.2 : 1 / (i + 3);
    const places = country === 'JP' ? JP_PLACES : FOREIGN_PLACES[country];
    const siteCount = Math.min(
      places.length,
      parent ? 12 : 1 + Math.floor(random() * (country === 'JP' ? 4 : 2)),
    );
    const offset = Math.floor(random() * places.length);
    const companySites: SyntheticSite[] = [];
    for (let s = 0; s < siteCount; s++) {
      const place = places[(offset + s) % places.length];
      const kind =
        s === 0 ? 'head_office' : (['office', 'factory', 'lab'] as const)[Math.floor(random() * 3)];
      const kindJa = { head_office: '本社', office: '事業所', factory: '工場', lab: '研究所' }[kind];
      const kindEn = { head_office: 'Head Office', office: 'Office', factory: 'Plant', lab: 'Laboratory' }[
        kind
      ];
      companySites.push({
        code: `${code}-${String(s + 1).padStart(2, '0')}`,
        nameJa: `${place.ja}${kindJa}`,
        nameEn: `${place.en} ${kindEn}`,
        kind,
        prefecture: place.prefecture,
        region: place.region,
        timeZone: place.timeZone,
      });
    }
    // The parent has three divisions of each function; small companies a subset of functions.
    const divisions = parent ? 3 : 1;
    const functions = parent ? DEPARTMENTS.length : 6 + Math.floor(random() * (DEPARTMENTS.length - 6));
    const companyDepartments: SyntheticDepartment[] = [];
    for (const d of DEPARTMENTS.slice(0, functions)) {
      for (let k = 1; k <= divisions; k++) {
        companyDepartments.push({
          code: divisions > 1 ? `${d.code}${k}` : d.code,
          nameJa: divisions > 1 ? `${d.ja.replace(/部$/, '')}第${'一二三'[k - 1]}部` : d.ja,
          nameEn: divisions > 1 ? `${d.en} ${k}` : d.en,
        });
      }
    }
    companies.push({
      code,
      nameJa,
      nameEn,
      country,
      currency: c.currency,
      timeZone: companySites[0].timeZone,
      weight,
      sites: companySites,
      departments: companyDepartments,
    });
  }
  return { code: BENCH_ORG_CODE, nameJa: '共生ベンチグループ', nameEn: 'Kyosei Bench Group', companies };
}

/** Inserts the organisation, its companies, sites and departments with Drizzle; returns the org id. */
export async function createOrgStructure(database: Database, org: SyntheticOrg): Promise<string> {
  return database.db.transaction(async (tx) => {
    const [o] = await tx
      .insert(organisations)
      .values({ code: org.code, nameJa: org.nameJa, nameEn: org.nameEn })
      .returning({ id: organisations.id });
    for (const c of org.companies) {
      const [company] = await tx
        .insert(groupCompanies)
        .values({
          orgId: o.id,
          code: c.code,
          nameJa: c.nameJa,
          nameEn: c.nameEn,
          country: c.country,
          currency: c.currency,
          timeZone: c.timeZone,
        })
        .returning({ id: groupCompanies.id });
      await tx.insert(sites).values(c.sites.map((s) => ({ ...s, orgId: o.id, companyId: company.id })));
      await tx
        .insert(departments)
        .values(c.departments.map((d) => ({ ...d, orgId: o.id, companyId: company.id })));
    }
    return o.id;
  });
}
