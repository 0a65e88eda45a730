import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.js';
import { BASES_BY_TYPE, EXPENSE_TYPES, expenses, QUANTITY_BASES } from './accounting.table.js';

/** A small deterministic PRNG (mulberry32): the same seed gives the same expenses on both databases. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const maybe = <T>(p: number, x: () => T): T | null => (next() < p ? x() : null);
  return { next, int, pick, maybe };
}

export const KEIDANREN = [
  'social_welfare',
  'health_sports',
  'academic_research',
  'education',
  'culture_arts',
  'environment',
  'heritage',
  'local_community',
  'international',
  'disaster_relief',
  'other',
] as const;
export const COMPANY_FIELDS = ['education_culture_sports', 'welfare_diversity', 'environment', 'regional'];
export const CAUSES = [
  'education',
  'health',
  'economic_development',
  'environment',
  'arts_culture',
  'social_welfare',
  'emergency_relief',
  'other',
];
export const MOTIVATIONS = ['charitable_gift', 'community_investment', 'commercial_initiative'];
export const REGIONS = ['europe', 'middle_east_africa', 'asia_pacific', 'north_america', 'south_america'];

/** What the oracle reads of an expense: the stored columns, as plain values. */
export type GeneratedExpense = {
  id: string;
  fiscalYear: number;
  type: string;
  valuationBasis: string;
  channel: string;
  political: boolean;
  amountJpy: number;
  costJpy: number | null;
  keidanrenField: string;
  companyField: string | null;
  b4siCause: string | null;
  b4siMotivation: string | null;
  b4siRegion: string | null;
};

/**
 * Generates `count` expenses of every type across `years` (start years, April–March) and inserts
 * them with plain SQL inserts (no service), some of them negative adjustments of earlier rows.
 * Answers what was stored, for an independent computation of the totals.
 */
export async function insertGeneratedExpenses(
  database: Database,
  o: { orgId: string; companyIds: string[]; years: number[]; count: number; seed: number },
): Promise<GeneratedExpense[]> {
  const r = prng(o.seed);
  const out: GeneratedExpense[] = [];
  const rows: (typeof expenses.$inferInsert)[] = [];
  for (let i = 0; i < o.count; i++) {
    const adjusts = i > 10 && r.next() < 0.05 ? out[r.int(0, out.length - 1)] : null;
    const type = adjusts?.type ?? r.pick(EXPENSE_TYPES);
    const basis = adjusts?.valuationBasis ?? r.pick(BASES_BY_TYPE[type as keyof typeof BASES_BY_TYPE]);
    const quantityBased = (QUANTITY_BASES as readonly string[]).includes(basis);
    const quantity = quantityBased ? r.int(1, 400) / 4 : null;
    const unitPrice = quantityBased ? r.int(100, 50_000) : null;
    const sign = adjusts ? -1 : 1;
    const amountMinor =
      quantity !== null && unitPrice !== null ? Math.round(quantity * unitPrice) : r.int(1_000, 5_000_000);
    const usd = !quantityBased && r.next() < 0.1;
    const amountJpy = usd ? Math.round(amountMinor * 1.5) : amountMinor;
    const withCost =
      (basis === 'market_unit_price' || basis === 'equivalent_external_rate') && r.next() < 0.5;
    const costJpy = withCost ? Math.floor(amountJpy / r.int(2, 5)) : null;
    const fiscalYear = adjusts?.fiscalYear ?? r.pick(o.years);
    const late = r.next() < 0.25;
    const row = {
      id: randomUUID(),
      orgId: o.orgId,
      companyId: r.pick(o.companyIds),
      spentOn: late ? `${fiscalYear + 1}-03-15` : `${fiscalYear}-07-15`,
      fiscalYear,
      descriptionJa: `支出 ${i}`,
      descriptionEn: r.next() < 0.5 ? `Expense ${i}` : null,
      type,
      valuationBasis: basis,
      channel: r.pick(['gift', 'own_program']),
      political: type === 'cash_donation' && r.next() < 0.1,
      quantity: quantity === null ? null : String(sign * quantity),
      unitPriceMinor: unitPrice,
      currency: usd ? 'USD' : 'JPY',
      amountMinor: sign * amountMinor,
      amountJpy: sign * amountJpy,
      costMinor: costJpy === null ? null : sign * costJpy,
      costJpy: costJpy === null ? null : sign * costJpy,
      keidanrenField: r.pick(KEIDANREN),
      companyField: r.maybe(0.8, () => r.pick(COMPANY_FIELDS)),
      b4siCause: r.maybe(0.8, () => r.pick(CAUSES)),
      b4siMotivation: r.maybe(0.8, () => r.pick(MOTIVATIONS)),
      b4siRegion: r.maybe(0.9, () => r.pick(REGIONS)),
      adjustsExpenseId: adjusts?.id ?? null,
    };
    rows.push(row);
    out.push({ ...row, type, valuationBasis: basis });
  }
  // One multi-row insert (adjustments name rows earlier in the same statement: the foreign key
  // is checked at the statement's end).
  for (let i = 0; i < rows.length; i += 500)
    await database.db.insert(expenses).values(rows.slice(i, i + 500));
  return out;
}
