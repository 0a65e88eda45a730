import { and, eq, inArray } from 'drizzle-orm';
import { fiscalYearOf } from '../../../shared/fiscal-year.js';
import type { Ctx } from '../../lib/context.js';
import { yearsOf } from './goals.binding-sources.js';
import { BINDINGS, type BindingRange } from './goals.bindings.js';
import { metricValues, type metrics } from './goals.table.js';

export type MetricRow = typeof metrics.$inferSelect;

/**
 * The context bound figures are computed in: goals.read is enough to see a target's progress, so
 * the modules' own checks (programs.read on a program's company, ...) do not apply to these
 * group figures; the caller stays the same for everything else.
 */
export const figuresCtx = (ctx: Ctx): Ctx => ({ ...ctx, actor: { kind: 'system', label: ctx.actor.label } });

/** A range from `start` to `end` (inclusive ISO dates) under the organisation's start month. */
export function rangeOf(start: string, end: string, startMonth: number, today: string): BindingRange {
  return {
    start,
    end,
    fromYear: fiscalYearOf(start, startMonth),
    startYear: fiscalYearOf(end, startMonth),
    today,
  };
}

/**
 * Measures metrics over ranges, computing each (metric, range) once and reading manual values in
 * one query. `accumulation` ('sum' | 'latest') says how a manual metric's yearly values read over a
 * range of several years; a bound one follows its binding.
 */
export function createMeasurer(ctx: Ctx, all: MetricRow[]) {
  const fctx = figuresCtx(ctx);
  const cache = new Map<string, Promise<number | null>>();
  const manualIds = all.filter((m) => m.kind === 'manual').map((m) => m.id);
  const manualValues = manualIds.length
    ? ctx.db
        .select({
          metricId: metricValues.metricId,
          fiscalYear: metricValues.fiscalYear,
          value: metricValues.value,
        })
        .from(metricValues)
        .where(and(eq(metricValues.orgId, ctx.orgId), inArray(metricValues.metricId, manualIds)))
    : Promise.resolve([]);

  async function manual(
    metric: MetricRow,
    range: BindingRange,
    accumulation: string,
  ): Promise<number | null> {
    const values = new Map(
      (await manualValues)
        .filter((v) => v.metricId === metric.id)
        .map((v) => [v.fiscalYear, Number(v.value)]),
    );
    const present = yearsOf(range).filter((y) => values.has(y));
    if (present.length === 0) return null;
    if (accumulation === 'latest') return values.get(present[present.length - 1]) ?? null;
    return present.reduce((sum, y) => sum + (values.get(y) ?? 0), 0);
  }

  return function measure(
    metric: MetricRow,
    range: BindingRange,
    accumulation = 'sum',
  ): Promise<number | null> {
    const key = `${metric.id}|${range.start}|${range.end}|${accumulation}`;
    let value = cache.get(key);
    if (!value) {
      const binding = metric.binding ? BINDINGS[metric.binding] : undefined;
      value =
        metric.kind === 'manual' || !binding
          ? manual(metric, range, accumulation)
          : binding.compute(fctx, range, binding.params.parse(metric.params), metric.scopeCompanyId);
      cache.set(key, value);
    }
    return value;
  };
}
