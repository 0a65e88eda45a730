import { and, asc, count, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { fiscalYearRange } from '../../../shared/fiscal-year.js';
import { audit } from '../../lib/audit.js';
import { type Ctx, inTransaction, readConcurrently } from '../../lib/context.js';
import { AppError, type FieldIssue, notFound } from '../../lib/errors.js';
import type { Page } from '../../lib/pagination.js';
import { isUniqueViolation } from '../../lib/sql.js';
import { ledgerSettings } from '../ledger/ledger.values.js';
import type { GoalLine } from '../reports/report.schema.js';
import { assertManage, fail, metricRef } from './goals.checks.js';
import type { Target, TargetCreate, TargetUpdate } from './goals.schema.js';
import { goalProgress, metrics, targets } from './goals.table.js';

type TargetRow = typeof targets.$inferSelect;
type MetricRow = typeof metrics.$inferSelect;
type Values = Omit<TargetRow, 'id' | 'orgId' | 'createdAt' | 'updatedAt'>;

const duplicateCode = () =>
  new AppError('duplicate', { params: { entity: 'target' }, fields: [{ path: 'code', code: 'duplicate' }] });

/** How a metric reads in a target or goal: its names, unit and whether it is computed. */
export function metricSummary(m: MetricRow | null | undefined): GoalLine['metric'] {
  if (!m) return null;
  return {
    code: m.code,
    nameJa: m.nameJa,
    nameEn: m.nameEn,
    unitJa: m.unitJa,
    unitEn: m.unitEn,
    bound: m.kind === 'bound',
  };
}

/** The metrics of these ids, by id (one query). */
export async function metricsById(ctx: Ctx, ids: (string | null)[]): Promise<Map<string, MetricRow>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const rows = await ctx.db
    .select()
    .from(metrics)
    .where(and(eq(metrics.orgId, ctx.orgId), inArray(metrics.id, wanted)));
  return new Map(rows.map((m) => [m.id, m]));
}

const present = (t: TargetRow, m: Map<string, MetricRow>): Target => ({
  id: t.id,
  code: t.code,
  titleJa: t.titleJa,
  titleEn: t.titleEn,
  descriptionJa: t.descriptionJa,
  descriptionEn: t.descriptionEn,
  periodStart: t.periodStart,
  periodEnd: t.periodEnd,
  metricId: t.metricId,
  metric: metricSummary(t.metricId ? m.get(t.metricId) : null),
  targetValue: t.targetValue === null ? null : Number(t.targetValue),
  accumulation: t.accumulation as Target['accumulation'],
  materiality: t.materiality,
  position: t.position,
});

/** The organisation's targets in report order; with `fiscalYear`, those whose period overlaps it. */
export async function listTargets(
  ctx: Ctx,
  q: { fiscalYear?: number; page: number; size: number },
): Promise<Page<Target>> {
  let overlap: SQL | undefined;
  if (q.fiscalYear !== undefined) {
    const y = fiscalYearRange(q.fiscalYear, (await ledgerSettings(ctx)).fiscalYearStartMonth);
    overlap = and(lte(targets.periodStart, y.end), gte(targets.periodEnd, y.start));
  }
  const where = and(eq(targets.orgId, ctx.orgId), overlap);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(targets)
      .where(where)
      .orderBy(asc(targets.position), asc(targets.code))
      .limit(q.size)
      .offset((q.page - 1) * q.size),
    ctx.db.select({ n: count() }).from(targets).where(where),
  ]);
  const m = await metricsById(
    ctx,
    rows.map((t) => t.metricId),
  );
  return { items: rows.map((t) => present(t, m)), total: Number(total?.n ?? 0), page: q.page, size: q.size };
}

async function targetRow(ctx: Ctx, id: string, lock = false): Promise<TargetRow> {
  const query = ctx.db
    .select()
    .from(targets)
    .where(and(eq(targets.orgId, ctx.orgId), eq(targets.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('target');
  return row;
}

/** One target with its progress texts of every year, newest first. Throws not_found. */
export async function getTarget(ctx: Ctx, id: string) {
  const t = await targetRow(ctx, id);
  const [m, progress] = await readConcurrently(ctx, [
    () => metricsById(ctx, [t.metricId]),
    () =>
      ctx.db
        .select()
        .from(goalProgress)
        .where(and(eq(goalProgress.orgId, ctx.orgId), eq(goalProgress.targetId, id)))
        .orderBy(asc(goalProgress.fiscalYear)),
  ]);
  return {
    ...present(t, m),
    progress: progress.reverse().map((p) => ({
      fiscalYear: p.fiscalYear,
      progressJa: p.progressJa,
      progressEn: p.progressEn,
      achievementsJa: p.achievementsJa,
      achievementsEn: p.achievementsEn,
      issuesJa: p.issuesJa,
      issuesEn: p.issuesEn,
      updatedAt: p.updatedAt.toISOString(),
    })),
  };
}

/** A title in either language, the end after the start, a metric of the organisation with a value (both or neither). */
async function check(ctx: Ctx, v: Values): Promise<void> {
  const issues: FieldIssue[] = [];
  if (!v.titleJa && !v.titleEn) issues.push({ path: 'titleJa', code: 'required' });
  if (v.periodEnd <= v.periodStart) issues.push({ path: 'periodEnd', code: 'ends_before_start' });
  await metricRef(ctx, v.metricId, 'metricId', issues);
  if (v.metricId && v.targetValue === null) issues.push({ path: 'targetValue', code: 'required' });
  if (!v.metricId && v.targetValue !== null) issues.push({ path: 'metricId', code: 'required' });
  fail(issues);
}

const valuesOf = (input: Partial<TargetCreate>): Partial<Values> => {
  const out: Partial<Values> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    (out as Record<string, unknown>)[k] = k === 'targetValue' && v !== null ? String(v) : v;
  }
  return out;
};

/**
 * Sets a medium- to long-term target: a period, optionally a metric with the value to reach, and
 * whether it is a materiality target. Throws forbidden, validation_failed, duplicate (code).
 */
export async function createTarget(ctx: Ctx, input: TargetCreate) {
  assertManage(ctx);
  const values: Values = {
    titleJa: null,
    titleEn: null,
    descriptionJa: null,
    descriptionEn: null,
    metricId: null,
    targetValue: null,
    accumulation: 'sum',
    materiality: false,
    position: 0,
    ...(valuesOf(input) as Pick<Values, 'code' | 'periodStart' | 'periodEnd'>),
  };
  return inTransaction(ctx, async (tx) => {
    await check(tx, values);
    const [row] = await tx.db
      .insert(targets)
      .values({ ...values, orgId: tx.orgId })
      .onConflictDoNothing({ target: [targets.orgId, targets.code] })
      .returning();
    if (!row) throw duplicateCode();
    await audit(tx, { action: 'target.create', entityType: 'target', entityId: row.id, after: row });
    return getTarget(tx, row.id);
  });
}

/** Changes a target. Throws not_found, forbidden, validation_failed, duplicate. */
export async function updateTarget(ctx: Ctx, id: string, patch: TargetUpdate) {
  assertManage(ctx);
  return inTransaction(ctx, async (tx) => {
    const before = await targetRow(tx, id, true);
    const { id: _i, orgId: _o, createdAt: _c, updatedAt: _u, ...current } = before;
    const values = { ...current, ...valuesOf(patch) };
    if (patch.metricId === null && patch.targetValue === undefined) values.targetValue = null;
    await check(tx, values);
    const [after] = await tx.db
      .update(targets)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(targets.orgId, tx.orgId), eq(targets.id, id)))
      .returning()
      .catch((err) => {
        if (isUniqueViolation(err, 'targets_org_code')) throw duplicateCode();
        throw err;
      });
    await audit(tx, { action: 'target.update', entityType: 'target', entityId: id, before, after });
    return getTarget(tx, id);
  });
}

/** Deletes a target with its yearly goals and progress texts (audited). Throws not_found, forbidden. */
export async function deleteTarget(ctx: Ctx, id: string): Promise<void> {
  assertManage(ctx);
  await inTransaction(ctx, async (tx) => {
    const before = await getTarget(tx, id);
    await tx.db.delete(targets).where(and(eq(targets.orgId, tx.orgId), eq(targets.id, id)));
    await audit(tx, { action: 'target.delete', entityType: 'target', entityId: id, before });
  });
}
