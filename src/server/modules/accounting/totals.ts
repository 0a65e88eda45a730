import { sql } from 'drizzle-orm';
import { createI18n } from '../../../shared/i18n/index.js';
import type { Ctx } from '../../lib/context.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import { listClassifications } from '../reference/reference.service.js';
import type { AmountLine, ExpenseFigures } from '../reports/report.schema.js';
import { EXPENSE_TYPES, type ExpenseType } from './accounting.table.js';
import { expenseTrend } from './totals.trend.js';
import { leverageOf } from './totals.leverage.js';
import {
  B4SI_INPUTS,
  b4siCondition,
  b4siValue,
  COMPANY_GROUPS,
  type CompanyGroup,
  companyCondition,
  keidanrenCondition,
  marketValuedCondition,
  UNCLASSIFIED,
} from './totals.rules.js';

const tJa = createI18n('ja').getFixedT('ja', 'accounting');
const tEn = createI18n('en').getFixedT('en', 'accounting');
/** A label of the `accounting` catalogue in both languages. */
export const bothLabels = (key: string, params?: Record<string, unknown>) => ({
  labelJa: tJa(key, params),
  labelEn: tEn(key, params),
});

const DIMENSIONS = [
  'type',
  'keidanren_field',
  'company_field',
  'b4si_cause',
  'b4si_motivation',
  'b4si_region',
  'channel',
] as const;
type Dimension = (typeof DIMENSIONS)[number];
type Sums = {
  total: number;
  company: number;
  keidanren: number;
  b4si: number;
  mvCount: number;
  mvAmount: number;
};
type Row = Record<Dimension, string | null> & Record<`g_${Dimension}`, unknown> & Record<string, unknown>;

/**
 * Every sum of one fiscal year in one statement: GROUPING SETS over the breakdowns, each set with
 * the three methods' sums side by side (filtered aggregates), so no method reads the rows twice.
 */
async function yearSums(ctx: Ctx, startYear: number) {
  const dims = sql.raw(DIMENSIONS.map((d) => `expenses.${d}`).join(', '));
  const groupings = sql.raw(DIMENSIONS.map((d) => `grouping(expenses.${d}) as g_${d}`).join(', '));
  const sets = sql.raw(DIMENSIONS.map((d) => `(expenses.${d})`).join(', '));
  const rows = await rowsOf<Row>(
    ctx.db,
    sql`select ${dims}, ${groupings},
        sum(expenses.amount_jpy) as total,
        sum(expenses.amount_jpy) filter (where ${companyCondition}) as company,
        sum(expenses.amount_jpy) filter (where ${keidanrenCondition}) as keidanren,
        sum(${b4siValue}) filter (where ${b4siCondition}) as b4si,
        count(*) filter (where ${b4siCondition} and ${marketValuedCondition}) as mv_count,
        sum(expenses.amount_jpy) filter (where ${b4siCondition} and ${marketValuedCondition}) as mv_amount
      from expenses
      where expenses.org_id = ${ctx.orgId} and expenses.fiscal_year = ${startYear}
      group by grouping sets (${sets}, ())`,
  );
  const sumsOf = (r: Row | undefined): Sums => ({
    total: toNumber(r?.total),
    company: toNumber(r?.company),
    keidanren: toNumber(r?.keidanren),
    b4si: toNumber(r?.b4si),
    mvCount: toNumber(r?.mv_count),
    mvAmount: toNumber(r?.mv_amount),
  });
  const isSet = (r: Row, d: Dimension | null) =>
    DIMENSIONS.every((x) => toNumber(r[`g_${x}`]) === (x === d ? 0 : 1));
  const by = (d: Dimension) =>
    new Map(rows.filter((r) => isSet(r, d)).map((r) => [r[d] ?? UNCLASSIFIED, sumsOf(r)]));
  return {
    all: sumsOf(rows.find((r) => isSet(r, null))),
    by: Object.fromEntries(DIMENSIONS.map((d) => [d, by(d)])) as Record<Dimension, Map<string, Sums>>,
  };
}

type Terms = Map<string, { labelJa: string; labelEn: string; position: number }>;

async function termsByScheme(ctx: Ctx): Promise<Map<string, Terms>> {
  const out = new Map<string, Terms>();
  for (const t of await listClassifications(ctx)) {
    const terms = out.get(t.scheme) ?? new Map();
    terms.set(t.code, { labelJa: t.labelJa, labelEn: t.labelEn, position: t.position });
    out.set(t.scheme, terms);
  }
  return out;
}

/** A breakdown's lines: non-zero amounts, largest first (ties in the classification's order). */
function lines(sums: Map<string, Sums>, pick: keyof Sums, terms: Terms | undefined, refPrefix: string) {
  const out: (AmountLine & { position: number })[] = [];
  for (const [code, s] of sums) {
    if (s[pick] === 0) continue;
    const term = terms?.get(code);
    out.push({
      code,
      ...(term ? { labelJa: term.labelJa, labelEn: term.labelEn } : bothLabels('unclassified')),
      amountJpy: s[pick],
      ref: `${refPrefix}.${code}`,
      position: term?.position ?? Number.MAX_SAFE_INTEGER,
    });
  }
  out.sort((a, b) => b.amountJpy - a.amountJpy || a.position - b.position || a.code.localeCompare(b.code));
  return out.map(({ position: _, ...line }) => line);
}

const sumTypes = (byType: Map<string, Sums>, types: readonly string[], pick: keyof Sums) =>
  types.reduce((n, t) => n + (byType.get(t)?.[pick] ?? 0), 0);

/**
 * The expenses block of a fiscal year's report (start year), computed from the records: the company's
 * method with its breakdowns and trend, Keidanren's and B4SI's, and B4SI's leverage beside it
 * (docs/accounting.md). Reads only; no permission of its own (the callers' routes check theirs).
 */
export async function expenseTotals(ctx: Ctx, startYear: number): Promise<ExpenseFigures> {
  // One after the other: inside a transaction they share one connection.
  const sums = await yearSums(ctx, startYear);
  const terms = await termsByScheme(ctx);
  const trend = await expenseTrend(ctx, startYear);
  const leverage = await leverageOf(ctx, startYear);
  const byType = sums.by.type;
  const byChannel = sums.by.channel;
  return {
    totalJpy: sums.all.company,
    totalRef: 'expenses.total',
    byType: (Object.keys(COMPANY_GROUPS) as CompanyGroup[]).map((g) => ({
      code: g,
      ...bothLabels(`companyType.${g}`),
      amountJpy: sumTypes(byType, COMPANY_GROUPS[g], 'company'),
      ref: `expenses.type.${g}`,
    })),
    byField: lines(sums.by.keidanren_field, 'company', terms.get('keidanren_field'), 'expenses.field'),
    byCompanyField: lines(
      sums.by.company_field,
      'company',
      terms.get('company_field'),
      'expenses.companyField',
    ),
    trend,
    keidanren: {
      totalJpy: sums.all.keidanren,
      giftsJpy: byChannel.get('gift')?.keidanren ?? 0,
      ownProgramsJpy: byChannel.get('own_program')?.keidanren ?? 0,
      disasterReliefJpy: sums.by.keidanren_field.get('disaster_relief')?.keidanren ?? 0,
      byField: lines(
        sums.by.keidanren_field,
        'keidanren',
        terms.get('keidanren_field'),
        'expenses.keidanren.field',
      ),
    },
    b4si: {
      totalJpy: sums.all.b4si,
      cashJpy: sumTypes(byType, B4SI_INPUTS.cash, 'b4si'),
      timeJpy: sumTypes(byType, B4SI_INPUTS.time, 'b4si'),
      inKindJpy: sumTypes(byType, B4SI_INPUTS.inKind, 'b4si'),
      managementJpy: sumTypes(byType, B4SI_INPUTS.management, 'b4si'),
      byCause: lines(sums.by.b4si_cause, 'b4si', terms.get('b4si_cause'), 'expenses.b4si.cause'),
      byMotivation: lines(
        sums.by.b4si_motivation,
        'b4si',
        terms.get('b4si_motivation'),
        'expenses.b4si.motivation',
      ),
      byRegion: lines(sums.by.b4si_region, 'b4si', terms.get('b4si_region'), 'expenses.b4si.region'),
      marketValued: { count: sums.all.mvCount, amountJpy: sums.all.mvAmount },
      leverage,
    },
    byExpenseType: EXPENSE_TYPES.map((type: ExpenseType) => ({
      type,
      amountJpy: byType.get(type)?.total ?? 0,
    })),
  };
}
