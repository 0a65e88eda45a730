import { randomUUID } from 'node:crypto';
import { convertMinor } from '../ledger/ledger.values.js';
import {
  COMPANY_TOTALS_JPY,
  COMPANY_WEIGHTS,
  FACILITIES,
  FIELD_TERMS,
  FIELD_WEIGHTS,
  HOURLY_COST_JPY,
  PRODUCTS,
  RECIPIENTS,
  TYPE_WEIGHTS,
} from './demo.accounting-data.js';
import { between, chance, pick, type Rng, weighted } from './demo.random.js';
import { fyStart, isoOf, zonedInstant } from './demo.time.js';

/** Rows of the company's method a full year has; plus employee time and management costs (B4SI only). */
const ROWS_PER_YEAR = 320;
const TIME_ROWS_PER_YEAR = 36;
const MANAGEMENT_ROWS_PER_YEAR = 8;

type Company = { id: string; code: string; country: string; currency: string };
type Program = {
  id: string;
  code: string;
  companyId: string;
  startYear: number;
  keidanrenField: string | null;
  companyField: string | null;
  b4siCause: string | null;
  b4siMotivation: string | null;
  nameJa: string;
  nameEn: string;
};
export type ExpenseWorld = {
  companies: Company[];
  programs: Program[];
  partners: string[];
  /** `${currency}:${fiscalYear}` → yen per unit. */
  rates: Map<string, string>;
  rng: Rng;
};
export type ExpenseRow = Record<string, string | number | boolean | Date | null>;

/** The year's company-method total: the demo figure, the year in progress its elapsed share. */
export function yearTarget(fy: number, share: number): number {
  const known = COMPANY_TOTALS_JPY[fy] ?? Math.round(COMPANY_TOTALS_JPY[2025] * (1 + 0.02 * (fy - 2025)));
  return Math.round((known * share) / 10_000) * 10_000;
}

type Money = { currency: string; rate: string | null };
const moneyOf = (w: ExpenseWorld, c: Company, fy: number): Money => {
  const rate = c.currency === 'JPY' ? null : (w.rates.get(`${c.currency}:${fy}`) ?? null);
  return rate ? { currency: c.currency, rate } : { currency: 'JPY', rate: null };
};
const yen = (m: Money, minor: number) => (m.rate ? convertMinor(minor, m.currency, m.rate) : minor);
/** A yen price in the currency's minor units, rounded to whole units. */
const minorOf = (m: Money, jpy: number) =>
  m.rate ? Math.max(1, Math.round(jpy / Number(m.rate))) * 100 : jpy;

/** One valued row: amount from quantity x unit price for the quantity bases, else a cash amount. */
function valued(m: Money, valueJpy: number, type: string, rng: Rng) {
  if (type === 'product_donation' || type === 'facility_opening' || type === 'employee_time') {
    const item =
      type === 'product_donation'
        ? pick(rng, PRODUCTS)
        : type === 'facility_opening'
          ? pick(rng, FACILITIES)
          : { ja: '', en: '', priceJpy: HOURLY_COST_JPY, costShare: 0 };
    const unitJpy = 'hourlyJpy' in item ? item.hourlyJpy : item.priceJpy;
    const unitPriceMinor = minorOf(m, unitJpy);
    const quantity = Math.max(1, Math.round(valueJpy / unitJpy));
    const amountMinor = quantity * unitPriceMinor;
    const costShare = 'costShare' in item ? item.costShare : 0.35;
    const withCost = type !== 'employee_time' && chance(rng, type === 'product_donation' ? 0.6 : 0.3);
    const costMinor = withCost ? Math.round(amountMinor * costShare) : null;
    return {
      item,
      quantity,
      unitPriceMinor,
      amountMinor,
      amountJpy: yen(m, amountMinor),
      costMinor,
      costJpy: costMinor === null ? null : yen(m, costMinor),
    };
  }
  const step = m.rate ? 100 * 100 : 10_000;
  const amountMinor = Math.max(step, Math.round(minorOf(m, valueJpy) / step) * step);
  return {
    item: null,
    quantity: null,
    unitPriceMinor: null,
    amountMinor,
    amountJpy: yen(m, amountMinor),
    costMinor: null,
    costJpy: null,
  };
}

const BASIS: Record<string, string> = {
  cash_donation: 'actual_cash',
  sponsorship: 'actual_cash',
  management_costs: 'actual_cash',
  product_donation: 'market_unit_price',
  facility_opening: 'equivalent_external_rate',
  employee_time: 'salary_cost_per_hour',
};

function describe(type: string, field: string, program: Program | null, v: ReturnType<typeof valued>) {
  const t = FIELD_TERMS[field];
  const q = v.quantity;
  const on = program ? `${program.nameJa}：` : '';
  const en = program ? `${program.nameEn}: ` : '';
  switch (type) {
    case 'product_donation':
      return [`${on}${v.item!.ja}の寄贈（${q}台）`, `${en}donation of ${q} ${v.item!.en}`];
    case 'facility_opening':
      return [`${on}${v.item!.ja}の開放（${q}時間）`, `${en}opening ${v.item!.en} (${q} hours)`];
    case 'employee_time':
      return [
        `${on}就業時間内の社員ボランティア（${q}時間）`,
        `${en}employee volunteering in paid hours (${q} hours)`,
      ];
    case 'management_costs':
      return ['社会貢献活動の運営費', 'Management costs of the community programmes'];
    case 'sponsorship':
      return [`${on}${t.ja}イベントへの協賛`, `${en}sponsorship of a ${t.en} event`];
    default:
      return program
        ? [`${on}活動資金`, `${en}programme funding`]
        : [`${t.ja}分野への寄付`, `Donation for ${t.en}`];
  }
}

/**
 * One fiscal year's rows: `amountJpy` company-method yen shared by field, type and company (lognormal
 * sizes), then employee time and management costs; the largest yen cash donation takes the rounding
 * remainder so the company-method rows add up to `amountJpy` exactly.
 */
export function generateYear(w: ExpenseWorld, fy: number, lastDay: number, amountJpy: number, share: number) {
  const { rng } = w;
  const first = fyStart(fy);
  const rows: ExpenseRow[] = [];
  const companies = w.companies;
  const byCode = new Map(companies.map((c) => [c.code, c]));
  let seq = 0;
  const push = (type: string, field: string, valueJpy: number, program: Program | null, company: Company) => {
    const m = moneyOf(w, company, fy);
    const v = valued(m, valueJpy, type, rng);
    const [descriptionJa, descriptionEn] = describe(type, field, program, v);
    const channel =
      program || type === 'employee_time' || type === 'management_costs' ? 'own_program' : 'gift';
    const day = between(rng, first, lastDay);
    const imported = chance(rng, 0.85);
    const gift = channel === 'gift';
    const partnerId = gift && w.partners.length > 0 && chance(rng, 0.55) ? pick(rng, w.partners) : null;
    const createdAt = zonedInstant(Math.min(day + 14, lastDay), 10 * 60, 'Asia/Tokyo');
    rows.push({
      id: randomUUID(),
      companyId: company.id,
      spentOn: isoOf(day),
      fiscalYear: fy,
      programId: program?.id ?? null,
      partnerId,
      recipientText: gift && !partnerId ? pick(rng, RECIPIENTS) : null,
      descriptionJa,
      descriptionEn,
      type,
      valuationBasis: BASIS[type],
      channel,
      quantity: v.quantity,
      unitPriceMinor: v.unitPriceMinor,
      currency: m.currency,
      amountMinor: v.amountMinor,
      amountJpy: v.amountJpy,
      costMinor: v.costMinor,
      costJpy: v.costJpy,
      keidanrenField: field,
      companyField: program?.companyField ?? FIELD_TERMS[field].company,
      b4siCause: program?.b4siCause ?? FIELD_TERMS[field].cause,
      b4siMotivation:
        type === 'sponsorship'
          ? 'commercial_initiative'
          : gift
            ? 'charitable_gift'
            : (program?.b4siMotivation ?? 'community_investment'),
      b4siRegion: company.country === 'US' ? 'north_america' : 'asia_pacific',
      source: imported ? 'import' : 'app',
      externalRef: imported ? `ACC-${fy}-${String(++seq).padStart(5, '0')}` : null,
      createdAt,
      updatedAt: createdAt,
    });
  };
  const companyPick = () => weighted(rng, companies, (c) => COMPANY_WEIGHTS[c.code] ?? 1);
  const types = Object.keys(TYPE_WEIGHTS) as (keyof typeof TYPE_WEIGHTS)[];
  const weights = Object.values(FIELD_WEIGHTS).reduce((a, b) => a + b, 0);
  // Each field gets its share of the year exactly (then rows of random sizes within it), so the
  // breakdown's order is the weights' order.
  for (const [field, weight] of Object.entries(FIELD_WEIGHTS)) {
    const n = Math.max(2, Math.round((ROWS_PER_YEAR * share * weight) / weights));
    const sizes = Array.from({ length: n }, () => Math.exp(rng() * 2.6));
    const scale = (amountJpy * weight) / weights / sizes.reduce((a, b) => a + b, 0);
    const running = w.programs.filter((p) => p.keidanrenField === field && p.startYear <= fy);
    for (const size of sizes) {
      const type = weighted(rng, types, (t) => TYPE_WEIGHTS[t]);
      const program = running.length > 0 && chance(rng, 0.45) ? pick(rng, running) : null;
      const company = program
        ? (companies.find((c) => c.id === program.companyId) ?? companyPick())
        : companyPick();
      push(type, field, size * scale, program, company);
    }
  }
  const main = [...rows]
    .filter((r) => r.type === 'cash_donation' && r.currency === 'JPY')
    .sort((a, b) => Number(b.amountJpy) - Number(a.amountJpy))[0];
  const rest = amountJpy - rows.reduce((s, r) => s + Number(r.amountJpy), 0);
  if (main) {
    main.amountMinor = Number(main.amountMinor) + rest;
    main.amountJpy = Number(main.amountJpy) + rest;
  }
  const head = byCode.get('DEC') ?? companies[0];
  for (let i = 0; i < Math.max(2, Math.round(TIME_ROWS_PER_YEAR * share)); i++) {
    const running = w.programs.filter((p) => p.startYear <= fy);
    const program = running.length > 0 ? pick(rng, running) : null;
    const company = program ? (companies.find((c) => c.id === program.companyId) ?? head) : head;
    push(
      'employee_time',
      program?.keidanrenField ?? 'education',
      HOURLY_COST_JPY * between(rng, 8, 320),
      program,
      company,
    );
  }
  for (let i = 0; i < Math.max(1, Math.round(MANAGEMENT_ROWS_PER_YEAR * share)); i++)
    push('management_costs', 'other', between(rng, 50, 400) * 10_000, null, head);
  return rows;
}
