import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../../lib/audit.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type FieldIssue, notFound } from '../../lib/errors.js';
import type { Page } from '../../lib/pagination.js';
import { isUniqueViolation } from '../../lib/sql.js';
import { storedFiles } from '../files/files.table.js';
import { BINDINGS } from './goals.bindings.js';
import { assertManage, checkBinding, fail } from './goals.checks.js';
import type { BindingInfo, Metric, MetricCreate, MetricUpdate } from './goals.schema.js';
import { metrics, metricValues } from './goals.table.js';

type MetricRow = typeof metrics.$inferSelect;

const duplicateCode = () =>
  new AppError('duplicate', { params: { entity: 'metric' }, fields: [{ path: 'code', code: 'duplicate' }] });

/** Every computed figure a metric may be bound to (the registry in goals.bindings.ts). */
export function listBindings(): BindingInfo[] {
  return Object.entries(BINDINGS).map(([key, b]) => {
    const schema = z.toJSONSchema(b.params) as { properties?: Record<string, { format?: string }> };
    return {
      key,
      labelJa: b.labelJa,
      labelEn: b.labelEn,
      unitJa: b.unitJa,
      unitEn: b.unitEn,
      measure: b.measure,
      scoped: b.scoped,
      params: Object.entries(schema.properties ?? {}).map(([name, p]) => ({
        name,
        format: p.format === 'date' ? ('date' as const) : ('code' as const),
      })),
    };
  });
}

async function present(ctx: Ctx, rows: MetricRow[]): Promise<Metric[]> {
  const ids = rows.filter((m) => m.kind === 'manual').map((m) => m.id);
  const values = ids.length
    ? await ctx.db
        .select({ v: metricValues, fileName: storedFiles.name })
        .from(metricValues)
        .leftJoin(
          storedFiles,
          and(eq(storedFiles.orgId, metricValues.orgId), eq(storedFiles.id, metricValues.fileId)),
        )
        .where(and(eq(metricValues.orgId, ctx.orgId), inArray(metricValues.metricId, ids)))
        .orderBy(desc(metricValues.fiscalYear))
    : [];
  return rows.map((m) => ({
    id: m.id,
    code: m.code,
    nameJa: m.nameJa,
    nameEn: m.nameEn,
    unitJa: m.unitJa,
    unitEn: m.unitEn,
    kind: m.kind as Metric['kind'],
    binding: m.binding,
    params: m.params as Record<string, unknown>,
    scopeCompanyId: m.scopeCompanyId,
    updatedAt: m.updatedAt.toISOString(),
    values: values
      .filter(({ v }) => v.metricId === m.id)
      .map(({ v, fileName }) => ({
        fiscalYear: v.fiscalYear,
        value: Number(v.value),
        evidenceJa: v.evidenceJa,
        evidenceEn: v.evidenceEn,
        file: v.fileId ? { id: v.fileId, name: fileName ?? '' } : null,
        enteredAt: v.enteredAt.toISOString(),
      })),
  }));
}

/** The organisation's metrics by code, with the values of the manual ones. */
export async function listMetrics(
  ctx: Ctx,
  q: { kind?: 'bound' | 'manual'; page: number; size: number },
): Promise<Page<Metric>> {
  const where = and(eq(metrics.orgId, ctx.orgId), q.kind ? eq(metrics.kind, q.kind) : undefined);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(metrics)
      .where(where)
      .orderBy(asc(metrics.code))
      .limit(q.size)
      .offset((q.page - 1) * q.size),
    ctx.db.select({ n: count() }).from(metrics).where(where),
  ]);
  return { items: await present(ctx, rows), total: Number(total?.n ?? 0), page: q.page, size: q.size };
}

/** One metric. Throws not_found. */
export async function getMetric(ctx: Ctx, id: string): Promise<Metric> {
  const [row] = await ctx.db
    .select()
    .from(metrics)
    .where(and(eq(metrics.orgId, ctx.orgId), eq(metrics.id, id)));
  if (!row) throw notFound('metric');
  return (await present(ctx, [row]))[0];
}

/** Names and units default to the binding's; a metric needs a name in at least one language. */
async function normalise(ctx: Ctx, v: Omit<MetricRow, 'id' | 'orgId' | 'createdAt' | 'updatedAt'>) {
  const issues: FieldIssue[] = [];
  v.params = await checkBinding(ctx, v, issues);
  const b = v.kind === 'bound' && v.binding ? BINDINGS[v.binding] : undefined;
  if (b && !v.nameJa && !v.nameEn) Object.assign(v, { nameJa: b.labelJa, nameEn: b.labelEn });
  if (b && !v.unitJa && !v.unitEn) Object.assign(v, { unitJa: b.unitJa, unitEn: b.unitEn });
  if (!v.nameJa && !v.nameEn && (v.kind === 'manual' || b)) issues.push({ path: 'nameJa', code: 'required' });
  fail(issues);
  return v;
}

/**
 * Defines a metric: bound to a computed figure (binding + params) or manual (values entered per year).
 * Throws forbidden, validation_failed (binding, params.*, scopeCompanyId, nameJa), duplicate (code).
 */
export async function createMetric(ctx: Ctx, input: MetricCreate): Promise<Metric> {
  assertManage(ctx);
  const values = await normalise(ctx, {
    code: input.code,
    kind: input.kind,
    nameJa: input.nameJa ?? null,
    nameEn: input.nameEn ?? null,
    unitJa: input.unitJa ?? null,
    unitEn: input.unitEn ?? null,
    binding: input.binding ?? null,
    params: input.params ?? {},
    scopeCompanyId: input.scopeCompanyId ?? null,
  });
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(metrics)
      .values({ ...values, orgId: tx.orgId })
      .onConflictDoNothing({ target: [metrics.orgId, metrics.code] })
      .returning();
    if (!row) throw duplicateCode();
    await audit(tx, { action: 'metric.create', entityType: 'metric', entityId: row.id, after: row });
    return getMetric(tx, row.id);
  });
}

/**
 * Changes a metric's code, names, units, binding, parameters or company (its kind stays). Throws
 * not_found, forbidden, validation_failed, duplicate.
 */
export async function updateMetric(ctx: Ctx, id: string, patch: MetricUpdate): Promise<Metric> {
  assertManage(ctx);
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select()
      .from(metrics)
      .where(and(eq(metrics.orgId, tx.orgId), eq(metrics.id, id)))
      .for('update');
    if (!before) throw notFound('metric');
    const { id: _i, orgId: _o, createdAt: _c, updatedAt: _u, ...current } = before;
    const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const values = await normalise(tx, { ...current, ...given });
    const [after] = await tx.db
      .update(metrics)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(metrics.orgId, tx.orgId), eq(metrics.id, id)))
      .returning()
      .catch((err) => {
        if (isUniqueViolation(err, 'metrics_org_code')) throw duplicateCode();
        throw err;
      });
    await audit(tx, { action: 'metric.update', entityType: 'metric', entityId: id, before, after });
    return getMetric(tx, id);
  });
}
