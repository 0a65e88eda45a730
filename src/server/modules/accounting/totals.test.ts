import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { openTestDatabase } from '../../test/db.js';
import { createTestOrg, ctxAs, type TestOrg } from '../../test/factories.js';
import type { AmountLine, ExpenseFigures } from '../reports/report.schema.js';
import { expenseTotals } from './totals.js';
import { type GeneratedExpense, insertGeneratedExpenses } from './totals.test-support.js';

/**
 * The independent computation: the three methods' rules written again in plain JavaScript over the
 * generated rows (docs/accounting.md), compared with the SQL aggregates for every breakdown.
 */
const COMPANY: Record<string, string> = {
  cash_donation: 'cash',
  sponsorship: 'cash',
  product_donation: 'products',
  facility_opening: 'facilities',
};
const B4SI: Record<string, 'cash' | 'time' | 'inKind' | 'management'> = {
  cash_donation: 'cash',
  sponsorship: 'cash',
  employee_time: 'time',
  product_donation: 'inKind',
  facility_opening: 'inKind',
  management_costs: 'management',
};

function add(m: Map<string, number>, key: string, n: number) {
  m.set(key, (m.get(key) ?? 0) + n);
}
const nonZero = (m: Map<string, number>) => Object.fromEntries([...m].filter(([, v]) => v !== 0));
const asMap = (lines: AmountLine[]) => Object.fromEntries(lines.map((l) => [l.code, l.amountJpy]));

function oracle(rows: GeneratedExpense[], year: number) {
  const m = () => new Map<string, number>();
  const company = { total: 0, type: m(), field: m(), companyField: m() };
  const keidanren = { total: 0, gift: 0, own: 0, disaster: 0, field: m() };
  const b4si = { total: 0, input: m(), cause: m(), motivation: m(), region: m(), mvCount: 0, mvAmount: 0 };
  const byExpenseType = m();
  for (const r of rows.filter((x) => x.fiscalYear === year)) {
    add(byExpenseType, r.type, r.amountJpy);
    const group = COMPANY[r.type];
    if (group) {
      company.total += r.amountJpy;
      add(company.type, group, r.amountJpy);
      add(company.field, r.keidanrenField, r.amountJpy);
      add(company.companyField, r.companyField ?? 'none', r.amountJpy);
    }
    if (r.political) continue;
    keidanren.total += r.amountJpy;
    if (r.channel === 'gift') keidanren.gift += r.amountJpy;
    else keidanren.own += r.amountJpy;
    if (r.keidanrenField === 'disaster_relief') keidanren.disaster += r.amountJpy;
    add(keidanren.field, r.keidanrenField, r.amountJpy);
    const inKind = B4SI[r.type] === 'inKind';
    const value = inKind && r.costJpy !== null ? r.costJpy : r.amountJpy;
    const atMarket =
      r.valuationBasis === 'market_unit_price' || r.valuationBasis === 'equivalent_external_rate';
    if (atMarket && r.costJpy === null) {
      b4si.mvCount++;
      b4si.mvAmount += r.amountJpy;
    }
    b4si.total += value;
    add(b4si.input, B4SI[r.type], value);
    add(b4si.cause, r.b4siCause ?? 'none', value);
    add(b4si.motivation, r.b4siMotivation ?? 'none', value);
    add(b4si.region, r.b4siRegion ?? 'none', value);
  }
  return { company, keidanren, b4si, byExpenseType };
}

const YEARS = [2016, 2017, 2018, 2020, 2021, 2022, 2023];
let database: Database;
let org: TestOrg;
let ctx: Ctx;
let rows: GeneratedExpense[];

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'TOT');
  ctx = await ctxAs(database, org, 'finance');
  rows = await insertGeneratedExpenses(database, {
    orgId: org.orgId,
    companyIds: [org.companies.jp, org.companies.us],
    years: YEARS,
    count: 350,
    seed: 20240401,
  });
});

describe('expenseTotals against an independent computation', () => {
  it.each(YEARS)('agrees on every breakdown of %i', async (year) => {
    const f: ExpenseFigures = await expenseTotals(ctx, year);
    const o = oracle(rows, year);
    expect(f.totalJpy).toBe(o.company.total);
    expect(Object.fromEntries(f.byType.map((l) => [l.code, l.amountJpy]))).toEqual({
      cash: o.company.type.get('cash') ?? 0,
      products: o.company.type.get('products') ?? 0,
      facilities: o.company.type.get('facilities') ?? 0,
    });
    expect(asMap(f.byField)).toEqual(nonZero(o.company.field));
    expect(asMap(f.byCompanyField)).toEqual(nonZero(o.company.companyField));
    expect(f.keidanren.totalJpy).toBe(o.keidanren.total);
    expect(f.keidanren.giftsJpy).toBe(o.keidanren.gift);
    expect(f.keidanren.ownProgramsJpy).toBe(o.keidanren.own);
    expect(f.keidanren.giftsJpy + f.keidanren.ownProgramsJpy).toBe(f.keidanren.totalJpy);
    expect(f.keidanren.disasterReliefJpy).toBe(o.keidanren.disaster);
    expect(asMap(f.keidanren.byField)).toEqual(nonZero(o.keidanren.field));
    expect(f.b4si.totalJpy).toBe(o.b4si.total);
    expect({
      cash: f.b4si.cashJpy,
      time: f.b4si.timeJpy,
      inKind: f.b4si.inKindJpy,
      management: f.b4si.managementJpy,
    }).toEqual({
      cash: o.b4si.input.get('cash') ?? 0,
      time: o.b4si.input.get('time') ?? 0,
      inKind: o.b4si.input.get('inKind') ?? 0,
      management: o.b4si.input.get('management') ?? 0,
    });
    expect(asMap(f.b4si.byCause)).toEqual(nonZero(o.b4si.cause));
    expect(asMap(f.b4si.byMotivation)).toEqual(nonZero(o.b4si.motivation));
    expect(asMap(f.b4si.byRegion)).toEqual(nonZero(o.b4si.region));
    expect(f.b4si.marketValued).toEqual({ count: o.b4si.mvCount, amountJpy: o.b4si.mvAmount });
    expect(Object.fromEntries(f.byExpenseType.map((t) => [t.type, t.amountJpy]))).toEqual(
      Object.fromEntries(f.byExpenseType.map((t) => [t.type, o.byExpenseType.get(t.type) ?? 0])),
    );
  });

  it('lists breakdowns largest first, with labels in both languages and refs', async () => {
    const f = await expenseTotals(ctx, 2023);
    for (const list of [f.byField, f.keidanren.byField, f.b4si.byCause, f.b4si.byRegion]) {
      const amounts = list.map((l) => l.amountJpy);
      expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    }
    const education = f.byField.find((l) => l.code === 'education');
    expect(education).toMatchObject({ labelJa: '教育・社会教育', ref: 'expenses.field.education' });
    expect(f.byType.map((l) => l.ref)).toEqual([
      'expenses.type.cash',
      'expenses.type.products',
      'expenses.type.facilities',
    ]);
    expect(f.byCompanyField.find((l) => l.code === 'none')).toMatchObject({
      labelJa: '未分類',
      labelEn: 'Unclassified',
    });
  });

  it('shows a trend of up to five years ending with the year, gaps as zero, from the first year', async () => {
    const f = await expenseTotals(ctx, 2020);
    expect(f.trend.map((t) => t.fiscalYear)).toEqual([2016, 2017, 2018, 2019, 2020]);
    for (const t of f.trend) expect(t.totalJpy).toBe(oracle(rows, t.fiscalYear).company.total);
    expect(f.trend[3]).toMatchObject({
      totalJpy: 0,
      labelJa: '2019年度',
      labelEn: 'fiscal 2020',
      ref: 'expenses.trend.2019',
    });
    const early = await expenseTotals(ctx, 2017);
    expect(early.trend.map((t) => t.fiscalYear)).toEqual([2016, 2017]);
    expect((await expenseTotals(ctx, 2023)).trend.at(-1)?.totalJpy).toBe(oracle(rows, 2023).company.total);
  });

  it('answers zeros for a year without expenses, and nothing of another organisation', async () => {
    const other = await createTestOrg(database, 'TOT2');
    const f = await expenseTotals(await ctxAs(database, other, 'finance'), 2023);
    expect(f.totalJpy).toBe(0);
    expect(f.byField).toEqual([]);
    expect(f.trend.map((t) => t.fiscalYear)).toEqual([2023]);
    expect(f.b4si.leverage).toEqual({ employeeDonationsJpy: 0, pointDonationsJpy: 0, ownTimeHours: 0 });
  });
});
