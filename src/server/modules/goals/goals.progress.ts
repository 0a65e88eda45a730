import { and, eq } from 'drizzle-orm';
import { fiscalYearRange } from '../../../shared/fiscal-year.js';
import { audit } from '../../lib/audit.js';
import { actorUserId, type Ctx, inTransaction } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { ledgerSettings } from '../ledger/ledger.values.js';
import { assertManage, fail } from './goals.checks.js';
import type { ProgressPut } from './goals.schema.js';
import { goalProgress, targets } from './goals.table.js';
import { getTarget } from './goals.targets.js';

/**
 * Writes a target's progress, achievements and issues for a fiscal year (each in ja and en); all
 * empty removes them. The year must overlap the target's period. Throws not_found, forbidden,
 * validation_failed (fiscalYear: invalid_fiscal_year).
 */
export async function putProgress(ctx: Ctx, targetId: string, fiscalYear: number, input: ProgressPut) {
  assertManage(ctx);
  return inTransaction(ctx, async (tx) => {
    const [target] = await tx.db
      .select()
      .from(targets)
      .where(and(eq(targets.orgId, tx.orgId), eq(targets.id, targetId)));
    if (!target) throw notFound('target');
    const year = fiscalYearRange(fiscalYear, (await ledgerSettings(tx)).fiscalYearStartMonth);
    if (year.end < target.periodStart || year.start > target.periodEnd)
      fail([{ path: 'fiscalYear', code: 'invalid_fiscal_year' }]);
    const texts = {
      progressJa: input.progressJa ?? null,
      progressEn: input.progressEn ?? null,
      achievementsJa: input.achievementsJa ?? null,
      achievementsEn: input.achievementsEn ?? null,
      issuesJa: input.issuesJa ?? null,
      issuesEn: input.issuesEn ?? null,
    };
    const key = and(
      eq(goalProgress.orgId, tx.orgId),
      eq(goalProgress.targetId, targetId),
      eq(goalProgress.fiscalYear, fiscalYear),
    );
    const [before] = await tx.db.select().from(goalProgress).where(key).for('update');
    const empty = Object.values(texts).every((t) => t === null);
    let after = null;
    if (empty) {
      if (before) await tx.db.delete(goalProgress).where(key);
    } else if (before) {
      [after] = await tx.db
        .update(goalProgress)
        .set({ ...texts, updatedBy: actorUserId(tx), updatedAt: new Date() })
        .where(key)
        .returning();
    } else {
      [after] = await tx.db
        .insert(goalProgress)
        .values({ ...texts, orgId: tx.orgId, targetId, fiscalYear, updatedBy: actorUserId(tx) })
        .returning();
    }
    if (before || after)
      await audit(tx, {
        action: after ? 'goal_progress.put' : 'goal_progress.delete',
        entityType: 'goal_progress',
        entityId: targetId,
        before: before ?? null,
        after,
      });
    return getTarget(tx, targetId);
  });
}
