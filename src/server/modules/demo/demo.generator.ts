import type { Role } from '../../../shared/roles.js';
import { FOREIGN_NAMES, JA_FAMILY, JA_GIVEN_FEMALE, JA_GIVEN_MALE, type NamePart } from './demo.names.js';
import { DEMO_COMPANIES, type DemoCompany } from './demo.structure.js';

/** The fixed seed: every load of the demo produces the same people. */
export const DEMO_SEED = 0x4b796f73; // "Kyos"
/** Dates are generated up to this day, so the data does not depend on when it is loaded. */
export const DEMO_REFERENCE_DATE = '2025-03-31';
export const DEMO_DOMAIN = 'demo.example';

/** A small, fast seeded PRNG (mulberry32): the same seed gives the same sequence on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type DemoEmployee = {
  employeeNumber: string;
  nameJa: string;
  nameEn: string;
  nameKana: string;
  email: string;
  companyCode: string;
  siteCode: string;
  departmentCode: string;
  employmentStatus: 'active' | 'on_leave' | 'left';
  hireDate: string;
  leaveDate: string | null;
};

/** The demo accounts, one per role, each linked to its own employee record (the first seven). */
export const DEMO_ACCOUNTS: Array<{
  email: string;
  role: Role;
  /** A site code when the role is granted on one site; the organisation otherwise. */
  siteScope?: string;
  person: {
    family: string;
    given: string;
    female: boolean;
    company: string;
    site: string;
    department: string;
  };
}> = [
  {
    email: `admin@${DEMO_DOMAIN}`,
    role: 'org_admin',
    person: {
      family: 'Sato',
      given: 'Kenichi',
      female: false,
      company: 'DEC',
      site: 'DEC-HQ',
      department: 'HR',
    },
  },
  {
    email: `csr@${DEMO_DOMAIN}`,
    role: 'csr_manager',
    person: {
      family: 'Suzuki',
      given: 'Misaki',
      female: true,
      company: 'DEC',
      site: 'DEC-HQ',
      department: 'CSR',
    },
  },
  {
    email: `program@${DEMO_DOMAIN}`,
    role: 'program_manager',
    person: {
      family: 'Takahashi',
      given: 'Naoki',
      female: false,
      company: 'DEC',
      site: 'DEC-HQ',
      department: 'CSR',
    },
  },
  {
    email: `promoter@${DEMO_DOMAIN}`,
    role: 'promoter',
    siteScope: 'DEC-TMG',
    person: {
      family: 'Tanaka',
      given: 'Sakura',
      female: true,
      company: 'DEC',
      site: 'DEC-TMG',
      department: 'ENG',
    },
  },
  {
    email: `finance@${DEMO_DOMAIN}`,
    role: 'finance',
    person: {
      family: 'Ito',
      given: 'Makoto',
      female: false,
      company: 'DEC',
      site: 'DEC-HQ',
      department: 'FIN',
    },
  },
  {
    email: `auditor@${DEMO_DOMAIN}`,
    role: 'auditor',
    person: {
      family: 'Watanabe',
      given: 'Keiko',
      female: true,
      company: 'DEC',
      site: 'DEC-HQ',
      department: 'AUD',
    },
  },
  {
    email: `employee@${DEMO_DOMAIN}`,
    role: 'employee',
    person: {
      family: 'Yamamoto',
      given: 'Shota',
      female: false,
      company: 'DSOL',
      site: 'DSOL-HQ',
      department: 'ENG',
    },
  },
];

type Rng = () => number;
const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, list: readonly T[]): T => list[int(rng, list.length)];
function weighted<T>(rng: Rng, items: readonly T[], weight: (t: T) => number): T {
  const total = items.reduce((s, t) => s + weight(t), 0);
  let r = rng() * total;
  for (const t of items) {
    r -= weight(t);
    if (r < 0) return t;
  }
  return items[items.length - 1];
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const REFERENCE = Date.parse(`${DEMO_REFERENCE_DATE}T00:00:00Z`);

function hireDate(rng: Rng, country: DemoCompany['country']): string {
  // Japanese companies hire graduates on 1 April; others hire all year round.
  const first = country === 'JP' ? 1985 : 1998;
  const year = first + int(rng, 2024 - first + 1);
  if (country === 'JP' && rng() < 0.7) return `${year}-04-01`;
  return iso(Date.UTC(year, 0, 1) + int(rng, 365) * DAY);
}

function status(rng: Rng, hired: string): Pick<DemoEmployee, 'employmentStatus' | 'leaveDate'> {
  const r = rng();
  const from = Date.parse(`${hired}T00:00:00Z`) + 365 * DAY;
  if (r < 0.05 && from < REFERENCE) {
    return { employmentStatus: 'left', leaveDate: iso(from + int(rng, (REFERENCE - from) / DAY) * DAY) };
  }
  return { employmentStatus: r < 0.07 ? 'on_leave' : 'active', leaveDate: null };
}

function person(
  rng: Rng,
  country: DemoCompany['country'],
  fixed?: { family: string; given: string; female: boolean },
) {
  if (country === 'JP') {
    const female = fixed ? fixed.female : rng() < 0.4;
    const givenList = female ? JA_GIVEN_FEMALE : JA_GIVEN_MALE;
    const family = fixed ? JA_FAMILY.find((n) => n.en === fixed.family)! : pick(rng, JA_FAMILY);
    const given = fixed ? givenList.find((n) => n.en === fixed.given)! : pick(rng, givenList);
    return {
      nameJa: `${family.ja} ${given.ja}`,
      nameKana: `${family.kana} ${given.kana}`,
      nameEn: `${given.en} ${family.en}`,
      local: `${given.en}.${family.en}`,
    };
  }
  const names = FOREIGN_NAMES[country];
  const given: NamePart = pick(rng, names.given);
  const family: NamePart = pick(rng, names.family);
  return {
    nameJa: `${given.ja}・${family.ja}`,
    nameKana: `${given.kana}・${family.kana}`,
    nameEn: `${given.en} ${family.en}`,
    local: `${given.en}.${family.en}`,
  };
}

/**
 * The demo's employees, generated one at a time from the fixed seed (the same list on every run).
 * The first seven hold the demo accounts; their e-mail is the account's.
 */
export function* generateEmployees(count: number, seed = DEMO_SEED): Generator<DemoEmployee> {
  const rng = mulberry32(seed);
  const emails = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const account = DEMO_ACCOUNTS[i];
    const company = account
      ? DEMO_COMPANIES.find((c) => c.code === account.person.company)!
      : weighted(rng, DEMO_COMPANIES, (c) => c.weight);
    const site = account ? account.person.site : weighted(rng, company.sites, (s) => s.weight).code;
    const department = account
      ? account.person.department
      : weighted(rng, company.departments, ([, w]) => w)[0];
    const who = person(rng, company.country, account?.person);
    const base = who.local.toLowerCase();
    const n = account ? 0 : (emails.get(base) ?? 0) + 1;
    if (!account) emails.set(base, n);
    const hired = hireDate(rng, company.country);
    const state = status(rng, hired);
    yield {
      employeeNumber: String(10_000_001 + i),
      nameJa: who.nameJa,
      nameEn: who.nameEn,
      nameKana: who.nameKana,
      email: account ? account.email : `${base}${n > 1 ? n : ''}@${DEMO_DOMAIN}`,
      companyCode: company.code,
      siteCode: site,
      departmentCode: department,
      hireDate: hired,
      ...(account ? { employmentStatus: 'active', leaveDate: null } : state),
    };
  }
}
