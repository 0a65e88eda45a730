import { and, asc, count, eq } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { type FieldIssue, notFound } from '../../lib/errors.js';
import type { Page } from '../../lib/pagination.js';
import { assertManage, fail, metricRef } from './goals.checks.js';
import type { YearlyGoal, YearlyGoalCreate, YearlyGoalUpdate } from './goals.schema.js';
import { targets, yearlyGoals } from './goals.table.js';
import { metricsById, metricSummary } from './goals.targets.js';

type GoalRow = typeof yearlyGoals.$inferSelect;
type Values = Omit<GoalRow, 'id' | 'orgId' | 'createdAt' | 'updatedAt'>;

const present = (g: GoalRow, m: Awaited<ReturnType<typeof metricsById>>): YearlyGoal => ({
  id: g.id,
  fiscalYear: g.fiscalYear,
  targetId: g.targetId,
  textJa: g.textJa,
  textEn: g.textEn,
  metricId: g.metricId,
  metric: metricSummary(g.metricId ? m.get(g.metricId) : null),
  comparison: g.comparison as YearlyGoal['comparison'],
  goalValue: g.goalValue === null ? null : Number(g.goalValue),
  position: g.position,
});

/** The goals of a fiscal year in report order. */
export async function listYearlyGoals(
  ctx: Ctx,
  q: { fiscalYear: number; page?: number; size?: number },
): Promise<Page<YearlyGoal>> {
  const page = q.page ?? 1;
  const size = q.size ?? 200;
  const where = and(eq(yearlyGoals.orgId, ctx.orgId), eq(yearlyGoals.fiscalYear, q.fiscalYear));
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(yearlyGoals)
      .where(where)
      .orderBy(asc(yearlyGoals.position), asc(yearlyGoals.createdAt))
      .limit(size)
      .offset((page - 1) * size),
    ctx.db.select({ n: count() }).from(yearlyGoals).where(where),
  ]);
  const m = await metricsById(
    ctx,
    rows.map((g) => g.metricId),
  );
  return { items: rows.map((g) => present(g, m)), total: Number(total?.n ?? 0), page, size };
}

async function goalRow(ctx: Ctx, id: string): Promise<GoalRow> {
  const [row] = await ctx.db
    .select()
    .from(yearlyGoals)
    .where(and(eq(yearlyGoals.orgId, ctx.orgId), eq(yearlyGoals.id, id)))
    .for('update');
  if (!row) throw notFound('yearly_goal');
  return row;
}

async function getYearlyGoal(ctx: Ctx, id: string): Promise<YearlyGoal> {
  const g = await goalRow(ctx, id);
  return present(g, await metricsById(ctx, [g.metricId]));
}

/**
 * A goal's rules: text in either language; 'none' is in words (no metric); 'at_least' / 'at_most'
 * need a metric and a value; 'increase' a metric and no value; a target of the organisation.
 * Without a comparison, one is chosen from what is given.
 */
async function check(ctx: Ctx, v: Values, comparisonGiven: boolean): Promise<Values> {
  const issues: FieldIssue[] = [];
  if (!comparisonGiven) v.comparison = !v.metricId ? 'none' : v.goalValue === null ? 'increase' : 'at_least';
  if (!v.textJa && !v.textEn) issues.push({ path: 'textJa', code: 'required' });
  if (v.comparison === 'none' && v.metricId) issues.push({ path: 'metricId', code: 'invalid_value' });
  if (v.comparison !== 'none' && !v.metricId) issues.push({ path: 'metricId', code: 'required' });
  const valued = v.comparison === 'at_least' || v.comparison === 'at_most';
  if (valued && v.goalValue === null) issues.push({ path: 'goalValue', code: 'required' });
  if (!valued && v.goalValue !== null) issues.push({ path: 'goalValue', code: 'invalid_value' });
  await metricRef(ctx, v.metricId, 'metricId', issues);
  if (v.targetId) {
    const [t] = await ctx.db
      .select({ id: targets.id })
      .from(targets)
      .where(and(eq(targets.orgId, ctx.orgId), eq(targets.id, v.targetId)));
    if (!t) issues.push({ path: 'targetId', code: 'not_found' });
  }
  fail(issues);
  return v;
}

const valuesOf = (input: Partial<YearlyGoalCreate>): Partial<Values> => {
  const out: Partial<Values> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    (out as Record<string, unknown>)[k] = k === 'goalValue' && v !== null ? String(v) : v;
  }
  return out;
};

/** Sets a goal for a fiscal year. Throws forbidden, validation_failed. */
export async function createYearlyGoal(ctx: Ctx, input: YearlyGoalCreate): Promise<YearlyGoal> {
  assertManage(ctx);
  return inTransaction(ctx, async (tx) => {
    const values = await check(
      tx,
      {
        targetId: null,
        textJa: null,
        textEn: null,
        metricId: null,
        comparison: 'none',
        goalValue: null,
        position: 0,
        ...(valuesOf(input) as Pick<Values, 'fiscalYear'>),
      },
      input.comparison !== undefined,
    );
    const [row] = await tx.db
      .insert(yearlyGoals)
      .values({ ...values, orgId: tx.orgId })
      .returning();
    await audit(tx, {
      action: 'yearly_goal.create',
      entityType: 'yearly_goal',
      entityId: row.id,
      after: row,
    });
    return getYearlyGoal(tx, row.id);
  });
}

/** Changes a yearly goal. Throws not_found, forbidden, validation_failed. */
export async function updateYearlyGoal(ctx: Ctx, id: string, patch: YearlyGoalUpdate): Promise<YearlyGoal> {
  assertManage(ctx);
  return inTransaction(ctx, async (tx) => {
    const before = await goalRow(tx, id);
    const { id: _i, orgId: _o, createdAt: _c, updatedAt: _u, ...current } = before;
    const values = await check(tx, { ...current, ...valuesOf(patch) }, true);
    const [after] = await tx.db
      .update(yearlyGoals)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(yearlyGoals.orgId, tx.orgId), eq(yearlyGoals.id, id)))
      .returning();
    await audit(tx, { action: 'yearly_goal.update', entityType: 'yearly_goal', entityId: id, before, after });
    return getYearlyGoal(tx, id);
  });
}

/** Deletes a yearly goal. Throws not_found, forbidden. */
export async function deleteYearlyGoal(ctx: Ctx, id: string): Promise<void> {
  assertManage(ctx);
  await inTransaction(ctx, async (tx) => {
    const before = await goalRow(tx, id);
    await tx.db.delete(yearlyGoals).where(and(eq(yearlyGoals.orgId, tx.orgId), eq(yearlyGoals.id, id)));
    await audit(tx, { action: 'yearly_goal.delete', entityType: 'yearly_goal', entityId: id, before });
  });
}
