import { and, desc, eq } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type FieldIssue } from '../../lib/errors.js';
import { isCheckViolation } from '../../lib/sql.js';
import { yearLabel } from '../ledger/ledger.values.js';
import { programFor } from '../programs/records.access.js';
import type { Impact, ImpactBody } from './evaluation.schema.js';
import { programImpacts } from './evaluation.table.js';

type Row = typeof programImpacts.$inferSelect;

async function view(ctx: Ctx, r: Row): Promise<Impact> {
  return {
    id: r.id,
    programId: r.programId,
    fiscalYear: r.fiscalYear,
    fiscalYearLabel: await yearLabel(ctx, r.fiscalYear),
    assessed: r.assessed,
    connect: r.connect,
    improve: r.improve,
    transform: r.transform,
    behaviourChange: r.behaviourChange,
    skillsChange: r.skillsChange,
    qualityOfLifeChange: r.qualityOfLifeChange,
    method: r.method,
    updatedAt: r.updatedAt.toISOString(),
  };
}

const DEPTHS = ['connect', 'improve', 'transform'] as const;
const TYPES = ['behaviourChange', 'skillsChange', 'qualityOfLifeChange'] as const;

/** Field errors for counts beyond those assessed (the same rules as the table's checks). */
export function impactProblems(b: ImpactBody): FieldIssue[] {
  const fields: FieldIssue[] = [];
  if (b.connect + b.improve + b.transform > b.assessed) {
    for (const k of DEPTHS) if (b[k] > 0) fields.push({ path: k, code: 'impact_depth_exceeds_assessed' });
  }
  for (const k of TYPES)
    if (b[k] > b.assessed) fields.push({ path: k, code: 'impact_type_exceeds_assessed' });
  return fields;
}

/** B4SI impact of a program, one row per fiscal year, newest first. Throws not_found. */
export async function listImpacts(ctx: Ctx, programId: string): Promise<{ items: Impact[] }> {
  await programFor(ctx, programId, 'programs.read');
  const rows = await ctx.db
    .select()
    .from(programImpacts)
    .where(and(eq(programImpacts.orgId, ctx.orgId), eq(programImpacts.programId, programId)))
    .orderBy(desc(programImpacts.fiscalYear));
  const items: Impact[] = [];
  for (const r of rows) items.push(await view(ctx, r));
  return { items };
}

/**
 * Records (or replaces) a program's B4SI impact for a fiscal year. Depth counts are exclusive, so
 * connect + improve + transform never exceeds those assessed; each type of change is at most those
 * assessed. Throws validation_failed (impact_depth_exceeds_assessed, impact_type_exceeds_assessed), forbidden.
 */
export async function putImpact(
  ctx: Ctx,
  programId: string,
  fiscalYear: number,
  body: ImpactBody,
): Promise<Impact> {
  const fields = impactProblems(body);
  if (fields.length) throw new AppError('validation_failed', { fields });
  return inTransaction(ctx, async (tx) => {
    await programFor(tx, programId, 'programs.review');
    const [before] = await tx.db
      .select()
      .from(programImpacts)
      .where(and(eq(programImpacts.programId, programId), eq(programImpacts.fiscalYear, fiscalYear)))
      .for('update');
    const values = { ...body, method: body.method ?? null, updatedAt: new Date() };
    try {
      const [row] = before
        ? await tx.db.update(programImpacts).set(values).where(eq(programImpacts.id, before.id)).returning()
        : await tx.db
            .insert(programImpacts)
            .values({ orgId: tx.orgId, programId, fiscalYear, ...values })
            .returning();
      await audit(tx, {
        action: before ? 'program_impact.update' : 'program_impact.create',
        entityType: 'program_impact',
        entityId: row.id,
        before: before ?? null,
        after: row,
      });
      return view(tx, row);
    } catch (err) {
      throw impactViolation(err) ?? err;
    }
  });
}

/** The table's checks, as field errors (a request that slipped past the service's own check). */
export function impactViolation(err: unknown): AppError | null {
  if (isCheckViolation(err, 'program_impacts_depth')) {
    return new AppError('validation_failed', {
      fields: DEPTHS.map((path) => ({ path, code: 'impact_depth_exceeds_assessed' })),
    });
  }
  if (isCheckViolation(err, 'program_impacts_types')) {
    return new AppError('validation_failed', {
      fields: TYPES.map((path) => ({ path, code: 'impact_type_exceeds_assessed' })),
    });
  }
  return null;
}
