import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { fiscalYearRange } from '../../../shared/fiscal-year.js';
import type { Ctx } from '../../lib/context.js';
import { ledgerSettings, ledgerToday } from '../ledger/ledger.values.js';
import type { GoalLine, ProgressSchema } from '../reports/report.schema.js';
import { createMeasurer, rangeOf } from './goals.measure.js';
import { targetStatus, yearlyStatus } from './goals.status.js';
import { goalProgress, metrics, targets, yearlyGoals } from './goals.table.js';
import { metricSummary } from './goals.targets.js';

export type Progress = z.infer<typeof ProgressSchema>;
export type GoalsOfYear = { goals: GoalLine[]; nextYearGoals: GoalLine[]; progress: Progress[] };

const num = (v: string | null) => (v === null ? null : Number(v));
const minDate = (a: string, b: string) => (a < b ? a : b);
const dayBefore = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The drill-down key of a goal line with a bound metric: `goals.target.<id>` or `goals.yearly.<id>`. */
export const goalRef = (kind: GoalLine['kind'], id: string) => `goals.${kind}.${id}`;

/**
 * The goals of a fiscal year (start year) as the report shows them: the medium- to long-term targets
 * whose period overlaps the year, then the year's goals, each with its actual (computed for bound
 * metrics, entered for manual ones), the year before and its status (goals.status.ts); the next
 * year's goals (measured once that year has started); and the year's progress texts of those targets.
 */
export async function goalsForYear(ctx: Ctx, startYear: number): Promise<GoalsOfYear> {
  const settings = await ledgerSettings(ctx);
  const month = settings.fiscalYearStartMonth;
  const today = ledgerToday();
  const year = fiscalYearRange(startYear, month);
  // One query at a time: inside a transaction (a year's close) the queries share one connection.
  const targetRows = await ctx.db
    .select()
    .from(targets)
    .where(
      and(
        eq(targets.orgId, ctx.orgId),
        lte(targets.periodStart, year.end),
        gte(targets.periodEnd, year.start),
      ),
    )
    .orderBy(asc(targets.position), asc(targets.code));
  const yearlyRows = await ctx.db
    .select()
    .from(yearlyGoals)
    .where(and(eq(yearlyGoals.orgId, ctx.orgId), inArray(yearlyGoals.fiscalYear, [startYear, startYear + 1])))
    .orderBy(asc(yearlyGoals.position), asc(yearlyGoals.createdAt));
  const metricRows = await ctx.db.select().from(metrics).where(eq(metrics.orgId, ctx.orgId));
  const metricById = new Map(metricRows.map((m) => [m.id, m]));
  const measure = createMeasurer(ctx, metricRows);
  const targetById = new Map(targetRows.map((t) => [t.id, t]));
  const asOf = minDate(year.end, today);

  const targetLine = async (t: (typeof targetRows)[number]): Promise<GoalLine> => {
    const metric = t.metricId ? metricById.get(t.metricId) : undefined;
    const end = minDate(t.periodEnd, year.end);
    const prevEnd = dayBefore(year.start);
    const actual = metric
      ? await measure(metric, rangeOf(t.periodStart, end, month, today), t.accumulation)
      : null;
    const previous =
      metric && prevEnd >= t.periodStart
        ? await measure(metric, rangeOf(t.periodStart, prevEnd, month, today), t.accumulation)
        : null;
    const target = num(t.targetValue);
    return {
      id: t.id,
      kind: 'target',
      targetId: null,
      fiscalYear: null,
      textJa: t.titleJa,
      textEn: t.titleEn,
      materiality: t.materiality,
      periodStart: t.periodStart,
      periodEnd: t.periodEnd,
      metric: metricSummary(metric),
      comparison: metric ? 'at_least' : 'none',
      target,
      actual,
      previous,
      status: targetStatus({ target, actual, periodStart: t.periodStart, periodEnd: t.periodEnd, asOf }),
      ref: metric?.kind === 'bound' ? goalRef('target', t.id) : null,
    };
  };

  const yearlyLine = async (g: (typeof yearlyRows)[number]): Promise<GoalLine> => {
    const metric = g.metricId ? metricById.get(g.metricId) : undefined;
    const own = fiscalYearRange(g.fiscalYear, month);
    const before = fiscalYearRange(g.fiscalYear - 1, month);
    const started = own.start <= today;
    const actual =
      metric && started ? await measure(metric, rangeOf(own.start, own.end, month, today)) : null;
    const previous = metric ? await measure(metric, rangeOf(before.start, before.end, month, today)) : null;
    const goal = num(g.goalValue);
    const comparison = g.comparison as GoalLine['comparison'];
    return {
      id: g.id,
      kind: 'yearly',
      targetId: g.targetId,
      fiscalYear: g.fiscalYear,
      textJa: g.textJa,
      textEn: g.textEn,
      materiality: g.targetId ? (targetById.get(g.targetId)?.materiality ?? false) : false,
      periodStart: own.start,
      periodEnd: own.end,
      metric: metricSummary(metric),
      comparison,
      target: goal,
      actual,
      previous,
      status: yearlyStatus({ comparison, goal, actual, previous, ended: own.end < today }),
      ref: metric?.kind === 'bound' ? goalRef('yearly', g.id) : null,
    };
  };

  const goalsNow: GoalLine[] = [];
  for (const t of targetRows) goalsNow.push(await targetLine(t));
  for (const g of yearlyRows.filter((y) => y.fiscalYear === startYear)) goalsNow.push(await yearlyLine(g));
  const goalsNext: GoalLine[] = [];
  for (const g of yearlyRows.filter((y) => y.fiscalYear === startYear + 1))
    goalsNext.push(await yearlyLine(g));
  const progressRows = targetRows.length
    ? await ctx.db
        .select()
        .from(goalProgress)
        .where(
          and(
            eq(goalProgress.orgId, ctx.orgId),
            eq(goalProgress.fiscalYear, startYear),
            inArray(
              goalProgress.targetId,
              targetRows.map((t) => t.id),
            ),
          ),
        )
    : [];
  const order = new Map(targetRows.map((t, i) => [t.id, i]));
  const progress = progressRows
    .sort((a, b) => (order.get(a.targetId) ?? 0) - (order.get(b.targetId) ?? 0))
    .map((p) => ({
      targetId: p.targetId,
      progressJa: p.progressJa,
      progressEn: p.progressEn,
      achievementsJa: p.achievementsJa,
      achievementsEn: p.achievementsEn,
      issuesJa: p.issuesJa,
      issuesEn: p.issuesEn,
    }));
  return { goals: goalsNow, nextYearGoals: goalsNext, progress };
}
