import { and, eq } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { actorUserId, type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type FieldIssue, notFound } from '../../lib/errors.js';
import { storedFiles } from '../files/files.table.js';
import { assertManage, fail } from './goals.checks.js';
import { getMetric } from './goals.metrics.js';
import type { Metric, MetricValuePut } from './goals.schema.js';
import { metrics, metricValues } from './goals.table.js';

async function manualMetric(ctx: Ctx, id: string) {
  const [m] = await ctx.db
    .select()
    .from(metrics)
    .where(and(eq(metrics.orgId, ctx.orgId), eq(metrics.id, id)));
  if (!m) throw notFound('metric');
  if (m.kind === 'bound') throw new AppError('metric_bound');
  return m;
}

/**
 * Enters (or replaces) a manual metric's value for a fiscal year, with its evidence: a text in either
 * language or an uploaded file (purpose metric_evidence). A bound metric's values are computed, never
 * typed. Throws not_found, forbidden, metric_bound, validation_failed (evidenceJa required,
 * fileId not_found / file_purpose).
 */
export async function putMetricValue(
  ctx: Ctx,
  metricId: string,
  fiscalYear: number,
  input: MetricValuePut,
): Promise<Metric> {
  assertManage(ctx);
  return inTransaction(ctx, async (tx) => {
    await manualMetric(tx, metricId);
    const issues: FieldIssue[] = [];
    if (input.fileId) {
      const [file] = await tx.db
        .select({ purpose: storedFiles.purpose })
        .from(storedFiles)
        .where(and(eq(storedFiles.orgId, tx.orgId), eq(storedFiles.id, input.fileId)));
      if (!file) issues.push({ path: 'fileId', code: 'not_found' });
      else if (file.purpose !== 'metric_evidence') issues.push({ path: 'fileId', code: 'file_purpose' });
    }
    if (!input.evidenceJa && !input.evidenceEn && !input.fileId)
      issues.push({ path: 'evidenceJa', code: 'evidence_required' });
    fail(issues);
    const key = and(
      eq(metricValues.orgId, tx.orgId),
      eq(metricValues.metricId, metricId),
      eq(metricValues.fiscalYear, fiscalYear),
    );
    const [before] = await tx.db.select().from(metricValues).where(key).for('update');
    const values = {
      value: String(input.value),
      evidenceJa: input.evidenceJa ?? null,
      evidenceEn: input.evidenceEn ?? null,
      fileId: input.fileId ?? null,
      enteredBy: actorUserId(tx),
      enteredAt: new Date(),
    };
    const [after] = before
      ? await tx.db.update(metricValues).set(values).where(key).returning()
      : await tx.db
          .insert(metricValues)
          .values({ ...values, orgId: tx.orgId, metricId, fiscalYear })
          .returning();
    await audit(tx, {
      action: before ? 'metric_value.update' : 'metric_value.create',
      entityType: 'metric_value',
      entityId: metricId,
      before: before ?? null,
      after,
    });
    return getMetric(tx, metricId);
  });
}

/** Removes a manual metric's value for a fiscal year. Throws not_found, forbidden, metric_bound. */
export async function deleteMetricValue(ctx: Ctx, metricId: string, fiscalYear: number): Promise<Metric> {
  assertManage(ctx);
  return inTransaction(ctx, async (tx) => {
    await manualMetric(tx, metricId);
    const [before] = await tx.db
      .delete(metricValues)
      .where(
        and(
          eq(metricValues.orgId, tx.orgId),
          eq(metricValues.metricId, metricId),
          eq(metricValues.fiscalYear, fiscalYear),
        ),
      )
      .returning();
    if (!before) throw notFound('metric_value');
    await audit(tx, {
      action: 'metric_value.delete',
      entityType: 'metric_value',
      entityId: metricId,
      before,
    });
    return getMetric(tx, metricId);
  });
}
