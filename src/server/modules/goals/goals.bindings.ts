import { and, between, count, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../lib/context.js';
import { expenseTotals } from '../accounting/totals.js';
import { driveTotalsByYear } from '../drives/drives.results.js';
import { partnerAgreements } from '../partners/agreements.table.js';
import { programFigures } from '../programs/figures.js';
import type { YearFigures } from '../programs/figures.schema.js';
import { participationFigures, registrationFigures } from '../volunteering/kpi.queries.js';
import { certifiedOn, programIdOf, sumYears } from './goals.binding-sources.js';

/**
 * The period a bound metric is computed over: inclusive ISO dates, `startYear` the fiscal year `end`
 * falls in (the year reported), `fromYear` the one `start` falls in. A yearly goal's range is its fiscal
 * year; a target's runs from its period start to the end of the year reported (at most its period end).
 */
export type BindingRange = { start: string; end: string; startYear: number; fromYear: number; today: string };

/**
 * A computed figure a metric may be bound to. `measure` says how a range of several years reads:
 * 'flow' figures (registrants, hours, yen, graduates) count everything in the range, 'state' ones
 * (participants of a year, their change, certified employees) are the value at the range's end.
 * `scoped`: the figure can be limited to one group company (the metric's scopeCompanyId).
 */
export type Binding<P extends z.ZodType = z.ZodType> = {
  labelJa: string;
  labelEn: string;
  unitJa: string;
  unitEn: string;
  measure: 'flow' | 'state';
  scoped: boolean;
  params: P;
  /** The drill-down figure of the module this binding reads (reports/drilldown resolves it). */
  ref: string;
  compute: (
    ctx: Ctx,
    range: BindingRange,
    params: z.infer<P>,
    scopeCompanyId: string | null,
  ) => Promise<number>;
};

const NoParams = z.strictObject({});
const ProgramParams = z.strictObject({
  programCode: z.string().trim().min(1).max(40).describe('The program whose records count'),
});
const define = <P extends z.ZodType>(b: Binding<P>) => b as unknown as Binding;
const employees = (companyId: string | null) => (companyId ? { companyId } : {});

/** Registrations joined in the range (or, with `since`, from that day to the range's end). */
async function registrants(ctx: Ctx, range: BindingRange, since: string, companyId: string | null) {
  const period = { start: range.start, end: range.end };
  const figures = await registrationFigures(ctx, {
    current: period,
    previous: period,
    since,
    scope: employees(companyId),
  });
  let total = 0;
  for (const c of figures.byCompany.values())
    total += since === range.start ? c.current.newRegistrants : c.current.registrantsSince;
  return total;
}

/** Participants (distinct employees) and minutes of a fiscal year and the year before. */
async function participation(ctx: Ctx, fiscalYear: number, companyId: string | null) {
  const byCompany = await participationFigures(ctx, {
    current: { fiscalYear },
    previous: { fiscalYear: fiscalYear - 1 },
    scope: employees(companyId),
  });
  const out = { participants: 0, previous: 0, minutes: 0 };
  for (const c of byCompany.values()) {
    out.participants += c.current.participants;
    out.previous += c.previous.participants;
    out.minutes += c.current.minutes;
  }
  return out;
}

/** A program's figure summed over the fiscal years of the range (programFigures, the program page's own). */
const programSum =
  (pick: (y: YearFigures) => number) => async (ctx: Ctx, range: BindingRange, p: { programCode: string }) => {
    const programId = await programIdOf(ctx, p.programCode);
    const figures = await programFigures(ctx, programId, { from: range.fromYear, to: range.startYear });
    return figures.years.reduce((sum, y) => sum + pick(y), 0);
  };

/** THE registry of computed figures (docs/goals.md lists them). Keys are stored in metrics.binding. */
export const BINDINGS: Record<string, Binding> = {
  'volunteering.new_registrants': define({
    labelJa: 'ボランティア新規登録者数',
    labelEn: 'New volunteer registrants',
    unitJa: '人',
    unitEn: 'people',
    measure: 'flow',
    scoped: true,
    params: NoParams,
    ref: 'volunteering.newRegistrants',
    compute: (ctx, range, _p, company) => registrants(ctx, range, range.start, company),
  }),
  'volunteering.registrants': define({
    labelJa: '登録者数（起算日から）',
    labelEn: 'Volunteer registrants since a date',
    unitJa: '人',
    unitEn: 'people',
    measure: 'state',
    scoped: true,
    params: z.strictObject({
      since: z.iso.date().describe('Count joining dates from this day (YYYY-MM-DD)'),
    }),
    ref: 'volunteering.registrantsSincePlanStart',
    compute: (ctx, range, p: { since: string }, company) => registrants(ctx, range, p.since, company),
  }),
  'volunteering.participants': define({
    labelJa: 'ボランティア参加者数',
    labelEn: 'Volunteer participants',
    unitJa: '人',
    unitEn: 'people',
    measure: 'state',
    scoped: true,
    params: NoParams,
    ref: 'volunteering.participants',
    compute: async (ctx, range, _p, company) =>
      (await participation(ctx, range.startYear, company)).participants,
  }),
  'volunteering.participants_change': define({
    labelJa: 'ボランティア参加者数の前年度比増減',
    labelEn: 'Change in volunteer participants from the year before',
    unitJa: '人',
    unitEn: 'people',
    measure: 'state',
    scoped: true,
    params: NoParams,
    ref: 'volunteering.participantsChange',
    compute: async (ctx, range, _p, company) => {
      const p = await participation(ctx, range.startYear, company);
      return p.participants - p.previous;
    },
  }),
  'volunteering.hours': define({
    labelJa: 'ボランティア活動時間',
    labelEn: 'Volunteering hours',
    unitJa: '時間',
    unitEn: 'hours',
    measure: 'flow',
    scoped: true,
    params: NoParams,
    ref: 'volunteering.hours',
    compute: async (ctx, range, _p, company) => {
      const minutes = await sumYears(range, async (fy) => (await participation(ctx, fy, company)).minutes);
      return Math.round((minutes / 60) * 100) / 100;
    },
  }),
  'expenses.total': define({
    labelJa: '社会貢献活動支出額',
    labelEn: 'Community investment expenses',
    unitJa: '円',
    unitEn: 'yen',
    measure: 'flow',
    scoped: false,
    params: NoParams,
    ref: 'expenses.total',
    compute: (ctx, range) => sumYears(range, async (fy) => (await expenseTotals(ctx, fy)).totalJpy),
  }),
  'certifications.certified': define({
    labelJa: '認定者数',
    labelEn: 'Certified employees',
    unitJa: '人',
    unitEn: 'people',
    measure: 'state',
    scoped: false,
    params: z.strictObject({
      certificationCode: z
        .string()
        .trim()
        .min(1)
        .max(40)
        .describe('The certification (e.g. certified instructors)'),
    }),
    ref: 'programs.certified',
    compute: (ctx, range, p: { certificationCode: string }) => certifiedOn(ctx, p.certificationCode, range),
  }),
  'programs.graduates': define({
    labelJa: 'プログラム修了者数',
    labelEn: 'Program graduates',
    unitJa: '人',
    unitEn: 'people',
    measure: 'flow',
    scoped: false,
    params: ProgramParams,
    ref: 'programs.graduates',
    compute: programSum((y) => y.graduates),
  }),
  'programs.participants': define({
    labelJa: 'プログラム参加者数',
    labelEn: 'Program participants',
    unitJa: '人',
    unitEn: 'people',
    measure: 'flow',
    scoped: false,
    params: ProgramParams,
    ref: 'programs.participants',
    compute: programSum((y) => y.participantsTotal),
  }),
  'programs.sessions': define({
    labelJa: 'プログラム実施回数',
    labelEn: 'Program sessions',
    unitJa: '回',
    unitEn: 'sessions',
    measure: 'flow',
    scoped: false,
    params: ProgramParams,
    ref: 'programs.sessions',
    compute: programSum((y) => y.sessions),
  }),
  'drives.total_jpy': define({
    labelJa: '収集活動の成果（円換算）',
    labelEn: 'Collection drive results (yen value)',
    unitJa: '円',
    unitEn: 'yen',
    measure: 'flow',
    scoped: true,
    params: NoParams,
    ref: 'drives.total',
    compute: (ctx, range, _p, company) =>
      sumYears(range, async (fy) => {
        const totals = await driveTotalsByYear(ctx, fy);
        if (!company) return totals.valueJpy;
        return totals.companies.find((c) => c.companyId === company)?.valueJpy ?? 0;
      }),
  }),
  'partners.comprehensive_agreements': define({
    labelJa: '包括連携協定の締結数',
    labelEn: 'Comprehensive partnership agreements signed',
    unitJa: '件',
    unitEn: 'agreements',
    measure: 'flow',
    scoped: true,
    params: NoParams,
    ref: 'partners.comprehensiveAgreements',
    compute: async (ctx, range, _p, company) => {
      const a = partnerAgreements;
      const [row] = await ctx.db
        .select({ n: count() })
        .from(a)
        .where(
          and(
            eq(a.orgId, ctx.orgId),
            eq(a.kind, 'comprehensive_partnership'),
            ne(a.status, 'draft'),
            between(a.signedOn, range.start, range.end),
            company ? eq(a.companyId, company) : undefined,
          ),
        );
      return Number(row?.n ?? 0);
    },
  }),
};

export const BINDING_KEYS = Object.keys(BINDINGS);
