import { and, eq } from 'drizzle-orm';
import { fiscalYearRange } from '../../../shared/fiscal-year.js';
import type { Ctx } from '../../lib/context.js';
import { ledgerSettings, ledgerToday } from '../ledger/ledger.values.js';
import { BINDINGS, type Binding, type BindingRange } from './goals.bindings.js';
import { rangeOf } from './goals.measure.js';
import { metrics, targets, yearlyGoals } from './goals.table.js';

/** What a goal line's figure is computed from: the binding, its parameters, the range and the scope. */
export type GoalSource = {
  binding: string;
  definition: Binding;
  params: Record<string, unknown>;
  range: BindingRange;
  scopeCompanyId: string | null;
};

/**
 * Resolves a goal line's ref (`goals.target.<id>` / `goals.yearly.<id>`, as goalsForYear emits them
 * for the report of `startYear`) to the computed figure behind it, for the report's drill-down.
 * Null when the ref names no goal with a bound metric of the caller's organisation.
 */
export async function goalSource(ctx: Ctx, startYear: number, ref: string): Promise<GoalSource | null> {
  const [prefix, kind, id] = ref.split('.');
  if (prefix !== 'goals' || !id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const settings = await ledgerSettings(ctx);
  const month = settings.fiscalYearStartMonth;
  const today = ledgerToday();
  const year = fiscalYearRange(startYear, month);
  let metricId: string | null = null;
  let range: BindingRange;
  if (kind === 'target') {
    const [t] = await ctx.db
      .select()
      .from(targets)
      .where(and(eq(targets.orgId, ctx.orgId), eq(targets.id, id)));
    if (!t) return null;
    metricId = t.metricId;
    range = rangeOf(t.periodStart, t.periodEnd < year.end ? t.periodEnd : year.end, month, today);
  } else if (kind === 'yearly') {
    const [g] = await ctx.db
      .select()
      .from(yearlyGoals)
      .where(and(eq(yearlyGoals.orgId, ctx.orgId), eq(yearlyGoals.id, id)));
    if (!g) return null;
    metricId = g.metricId;
    const own = fiscalYearRange(g.fiscalYear, month);
    range = rangeOf(own.start, own.end, month, today);
  } else return null;
  if (!metricId) return null;
  const [m] = await ctx.db
    .select()
    .from(metrics)
    .where(and(eq(metrics.orgId, ctx.orgId), eq(metrics.id, metricId)));
  const definition = m?.binding ? BINDINGS[m.binding] : undefined;
  if (!m || !definition) return null;
  return {
    binding: m.binding as string,
    definition,
    params: m.params as Record<string, unknown>,
    range,
    scopeCompanyId: m.scopeCompanyId,
  };
}
