import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { FOREIGN_NAMES, JP_FAMILY, JP_GIVEN_FEMALE, JP_GIVEN_MALE, type Name } from './names.js';
import { BENCH_SEED, prng, type SyntheticOrg } from './synthetic.js';

/** The columns of the employee import (docs/import-formats.md), in the order the bench writes them. */
export const CSV_COLUMNS = [
  'employee_number',
  'name_ja',
  'name_en',
  'name_kana',
  'email',
  'company_code',
  'site_code',
  'department_code',
  'employment_status',
  'hire_date',
  'leave_date',
] as const;
export type EmployeeRow = Record<(typeof CSV_COLUMNS)[number], string>;

const toKatakana = (s: string) =>
  s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
const iso = (days: number) => new Date(days * 86_400_000).toISOString().slice(0, 10);
const DAY_1985 = Date.UTC(1985, 3, 1) / 86_400_000;
const DAY_2025 = Date.UTC(2025, 2, 31) / 86_400_000;

// Zipf-like weights 1 / (i + 10): the commonest name is about 4% of the list, as 佐藤 is of Japan's top 100.
const FAMILY_WEIGHTS = JP_FAMILY.map((_, i) => 1 / (i + 10));
const FAMILY_TOTAL = FAMILY_WEIGHTS.reduce((a, b) => a + b, 0);

function familyName(random: () => number): Name {
  let r = random() * FAMILY_TOTAL;
  for (let i = 0; i < JP_FAMILY.length; i++) {
    r -= FAMILY_WEIGHTS[i];
    if (r <= 0) return JP_FAMILY[i];
  }
  return JP_FAMILY[JP_FAMILY.length - 1];
}

const pick = <T>(random: () => number, list: T[]) => list[Math.floor(random() * list.length)];

/** The employees, one row at a time (nothing is kept but per-company counters and e-mail collisions). */
export function* syntheticEmployees(
  org: SyntheticOrg,
  count: number,
  seed = BENCH_SEED,
): Generator<EmployeeRow> {
  const random = prng(seed ^ 0x5eed);
  const total = org.companies.reduce((a, c) => a + c.weight, 0);
  const serial = new Map<string, number>();
  const emails = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    let r = random() * total;
    let company = org.companies[org.companies.length - 1];
    for (const c of org.companies) {
      r -= c.weight;
      if (r <= 0) {
        company = c;
        break;
      }
    }
    const n = (serial.get(company.code) ?? 0) + 1;
    serial.set(company.code, n);
    const companyNo = String(org.companies.indexOf(company) + 1).padStart(2, '0');
    let family: Name;
    let given: Name;
    let nameJa: string;
    let nameKana: string;
    let local: string;
    if (company.country === 'JP' || random() < 0.04) {
      family = familyName(random);
      given = pick(random, random() < 0.5 ? JP_GIVEN_MALE : JP_GIVEN_FEMALE);
      nameJa = `${family.ja}\u3000${given.ja}`;
      nameKana = toKatakana(`${family.kana}\u3000${given.kana}`);
      local = `${given.en[0]}-${family.en}`;
    } else {
      const names = FOREIGN_NAMES[company.country] ?? FOREIGN_NAMES.WEST;
      family = pick(random, names.family);
      given = pick(random, names.given);
      nameJa = `${given.ja}・${family.ja}`;
      nameKana = `${given.kana}\u3000${family.kana}`;
      local = `${given.en}.${family.en}`;
    }
    local = local.toLowerCase();
    const domain = `${company.code.toLowerCase()}.bench.example`;
    const seen = (emails.get(`${local}@${domain}`) ?? 0) + 1;
    emails.set(`${local}@${domain}`, seen);
    const hire =
      random() < 0.5 && company.country === 'JP'
        ? aprilFirst(random)
        : DAY_1985 + Math.floor(random() * (DAY_2025 - DAY_1985));
    const s = random();
    const status = s < 0.04 ? 'left' : s < 0.07 ? 'on_leave' : 'active';
    const leave = status === 'left' ? Math.min(DAY_2025, hire + 180 + Math.floor(random() * 7000)) : null;
    const site = random() < 0.02 ? null : random() < 0.4 ? company.sites[0] : pick(random, company.sites);
    const department = random() < 0.01 ? null : pick(random, company.departments);
    yield {
      employee_number: `${companyNo}${String(100_000 + n)}`,
      name_ja: nameJa,
      name_en: `${given.en} ${family.en}`,
      name_kana: nameKana,
      email: `${local}${seen > 1 ? seen : ''}@${domain}`,
      company_code: company.code,
      site_code: site?.code ?? '',
      department_code: department?.code ?? '',
      employment_status: status,
      hire_date: iso(hire),
      leave_date: leave === null ? '' : iso(leave),
    };
  }
}

function aprilFirst(random: () => number): number {
  return Date.UTC(1985 + Math.floor(random() * 40), 3, 1) / 86_400_000;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Streams the employees to a UTF-8 CSV file in the import format; memory stays flat whatever the count. */
export async function writeEmployeesCsv(
  path: string,
  org: SyntheticOrg,
  count: number,
  seed = BENCH_SEED,
): Promise<{ rows: number; bytes: number }> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  let chunk = `${CSV_COLUMNS.join(',')}\n`;
  let rows = 0;
  for (const row of syntheticEmployees(org, count, seed)) {
    chunk += `${CSV_COLUMNS.map((c) => csvField(row[c])).join(',')}\n`;
    rows++;
    if (chunk.length > 64_000) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return { rows, bytes: out.bytesWritten };
}
