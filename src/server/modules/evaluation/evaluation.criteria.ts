import { and, asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { inTransaction } from '../../lib/context.js';
import { audit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { isUniqueViolation } from '../../lib/sql.js';
import type { Criterion, CriterionCreate, CriterionUpdate } from './evaluation.schema.js';
import { evaluationCriteria } from './evaluation.table.js';

type Row = typeof evaluationCriteria.$inferSelect;

export function criterionView(r: Row): Criterion {
  return {
    id: r.id,
    code: r.code,
    nameJa: r.nameJa,
    nameEn: r.nameEn,
    descriptionJa: r.descriptionJa,
    descriptionEn: r.descriptionEn,
    position: r.position,
    active: r.active,
  };
}

/** The organisation's criteria in review order; `active` filters active or retired ones. */
export async function listCriteria(
  ctx: Ctx,
  q: { active?: 'true' | 'false' | 'all' } = {},
): Promise<Criterion[]> {
  const where = [eq(evaluationCriteria.orgId, ctx.orgId)];
  if (q.active === 'true') where.push(eq(evaluationCriteria.active, true));
  if (q.active === 'false') where.push(eq(evaluationCriteria.active, false));
  const rows = await ctx.db
    .select()
    .from(evaluationCriteria)
    .where(and(...where))
    .orderBy(asc(evaluationCriteria.position), asc(evaluationCriteria.code));
  return rows.map(criterionView);
}

function checkName(nameJa: string | null | undefined, nameEn: string | null | undefined): void {
  if (!nameJa && !nameEn) {
    throw new AppError('validation_failed', { fields: [{ path: 'nameJa', code: 'required' }] });
  }
}

/** Adds a criterion (last in order unless a position is given). Throws duplicate (code), validation_failed. */
export async function createCriterion(ctx: Ctx, input: CriterionCreate): Promise<Criterion> {
  checkName(input.nameJa, input.nameEn);
  return inTransaction(ctx, async (tx) => {
    const [{ next }] = await tx.db
      .select({ next: sql<number>`coalesce(max(${evaluationCriteria.position}) + 1, 0)::int` })
      .from(evaluationCriteria)
      .where(eq(evaluationCriteria.orgId, tx.orgId));
    try {
      const [row] = await tx.db
        .insert(evaluationCriteria)
        .values({
          orgId: tx.orgId,
          code: input.code,
          nameJa: input.nameJa ?? null,
          nameEn: input.nameEn ?? null,
          descriptionJa: input.descriptionJa ?? null,
          descriptionEn: input.descriptionEn ?? null,
          position: input.position ?? Math.min(Number(next), 999),
          active: input.active ?? true,
        })
        .returning();
      await audit(tx, {
        action: 'evaluation_criterion.create',
        entityType: 'evaluation_criterion',
        entityId: row.id,
        after: row,
      });
      return criterionView(row);
    } catch (err) {
      if (isUniqueViolation(err, 'evaluation_criteria_org_code')) {
        throw new AppError('duplicate', {
          params: { entity: 'evaluation_criterion' },
          fields: [{ path: 'code', code: 'duplicate' }],
        });
      }
      throw err;
    }
  });
}

/** Renames, reorders, retires or restores a criterion (its code stays). Throws not_found, validation_failed. */
export async function updateCriterion(ctx: Ctx, id: string, input: CriterionUpdate): Promise<Criterion> {
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select()
      .from(evaluationCriteria)
      .where(and(eq(evaluationCriteria.orgId, tx.orgId), eq(evaluationCriteria.id, id)))
      .for('update');
    if (!before) throw new AppError('not_found', { params: { entity: 'evaluation_criterion' } });
    const nameJa = input.nameJa === undefined ? before.nameJa : input.nameJa;
    const nameEn = input.nameEn === undefined ? before.nameEn : input.nameEn;
    checkName(nameJa, nameEn);
    const [row] = await tx.db
      .update(evaluationCriteria)
      .set({
        nameJa,
        nameEn,
        descriptionJa: input.descriptionJa === undefined ? before.descriptionJa : input.descriptionJa,
        descriptionEn: input.descriptionEn === undefined ? before.descriptionEn : input.descriptionEn,
        position: input.position ?? before.position,
        active: input.active ?? before.active,
      })
      .where(eq(evaluationCriteria.id, id))
      .returning();
    await audit(tx, {
      action: 'evaluation_criterion.update',
      entityType: 'evaluation_criterion',
      entityId: id,
      before,
      after: row,
    });
    return criterionView(row);
  });
}
