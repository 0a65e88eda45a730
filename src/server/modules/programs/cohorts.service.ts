import { and, asc, count, eq, sql } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { assertHolds } from '../../lib/authz.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { message } from '../../lib/http.js';
import type { Page } from '../../lib/pagination.js';
import { isUniqueViolation, toNumber } from '../../lib/sql.js';
import type { Cohort, CohortCreate, CohortUpdate } from './cohorts.schema.js';
import { programs } from './programs.table.js';
import { fieldError, localized, programFor, type ProgramRef, yearLabeller } from './records.access.js';
import { programCohorts, programGraduates } from './records.table.js';

type CohortRow = typeof programCohorts.$inferSelect;

/** A cohort with its program's company (for the scope check), locked when asked. Throws not_found. */
export async function cohortFor(ctx: Ctx, cohortId: string, permission: 'programs.read' | 'programs.manage') {
  const [row] = await ctx.db
    .select({ cohort: programCohorts, companyId: programs.companyId, startYear: programs.startYear })
    .from(programCohorts)
    .innerJoin(
      programs,
      and(eq(programs.orgId, programCohorts.orgId), eq(programs.id, programCohorts.programId)),
    )
    .where(and(eq(programCohorts.orgId, ctx.orgId), eq(programCohorts.id, cohortId)));
  if (!row) throw new AppError('not_found', { params: { entity: 'program_cohort' } });
  assertHolds(ctx, permission, { companyId: row.companyId });
  return row;
}

async function counts(ctx: Ctx, programId: string, cohortId?: string) {
  return ctx.db
    .select({
      cohortId: programGraduates.cohortId,
      graduates: count(),
      supported: sql<number>`count(${programGraduates.supportedFiscalYear})`,
    })
    .from(programGraduates)
    .where(
      and(
        eq(programGraduates.orgId, ctx.orgId),
        eq(programGraduates.programId, programId),
        cohortId ? eq(programGraduates.cohortId, cohortId) : undefined,
      ),
    )
    .groupBy(programGraduates.cohortId);
}

async function views(ctx: Ctx, rows: CohortRow[], programId: string): Promise<Cohort[]> {
  const label = await yearLabeller(ctx);
  const byCohort = new Map((await counts(ctx, programId)).map((c) => [c.cohortId, c]));
  return rows.map((r) => ({
    id: r.id,
    programId: r.programId,
    code: r.code,
    nameJa: r.nameJa,
    nameEn: r.nameEn,
    name: localized(ctx, r.nameJa, r.nameEn) || r.code,
    fiscalYear: r.fiscalYear,
    fiscalYearLabel: label(r.fiscalYear),
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    graduates: toNumber(byCohort.get(r.id)?.graduates),
    supportedVentures: toNumber(byCohort.get(r.id)?.supported),
  }));
}

/** The cohorts of a program, oldest first, with their graduate counts. Throws not_found, forbidden. */
export async function listCohorts(
  ctx: Ctx,
  programId: string,
  q: { page: number; size: number },
): Promise<Page<Cohort> & { graduatesTotal: number }> {
  await programFor(ctx, programId, 'programs.read');
  const where = and(eq(programCohorts.orgId, ctx.orgId), eq(programCohorts.programId, programId));
  const [{ total }] = await ctx.db.select({ total: count() }).from(programCohorts).where(where);
  const rows = await ctx.db
    .select()
    .from(programCohorts)
    .where(where)
    .orderBy(asc(programCohorts.fiscalYear), asc(programCohorts.code))
    .limit(q.size)
    .offset((q.page - 1) * q.size);
  const [{ graduates }] = await ctx.db
    .select({ graduates: count() })
    .from(programGraduates)
    .where(and(eq(programGraduates.orgId, ctx.orgId), eq(programGraduates.programId, programId)));
  return {
    items: await views(ctx, rows, programId),
    total: toNumber(total),
    page: q.page,
    size: q.size,
    graduatesTotal: toNumber(graduates),
  };
}

/** One cohort. Throws not_found, forbidden. */
export async function getCohort(ctx: Ctx, cohortId: string): Promise<Cohort> {
  const { cohort } = await cohortFor(ctx, cohortId, 'programs.read');
  return (await views(ctx, [cohort], cohort.programId))[0];
}

function checkCohort(program: Pick<ProgramRef, 'startYear'>, c: Partial<CohortRow>) {
  if (c.fiscalYear !== undefined && c.fiscalYear < program.startYear)
    throw fieldError('fiscalYear', 'before_program_start', { startYear: program.startYear });
  if (c.startsOn && c.endsOn && c.endsOn < c.startsOn) throw fieldError('endsOn', 'ends_before_start');
}

function duplicateCode(err: unknown): never {
  if (isUniqueViolation(err, 'program_cohorts_program_code'))
    throw new AppError('duplicate', {
      params: { entity: 'program_cohort' },
      fields: [{ path: 'code', code: 'duplicate' }],
    });
  throw err;
}

/**
 * Adds a cohort to a program. Throws not_found, forbidden (programs.manage on the program's
 * company), validation_failed (before_program_start, ends_before_start), duplicate (code).
 */
export async function createCohort(ctx: Ctx, programId: string, input: CohortCreate): Promise<Cohort> {
  return inTransaction(ctx, async (tx) => {
    const program = await programFor(tx, programId, 'programs.manage');
    const values = {
      orgId: tx.orgId,
      programId,
      code: input.code,
      nameJa: input.nameJa ?? null,
      nameEn: input.nameEn ?? null,
      fiscalYear: input.fiscalYear,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
    };
    checkCohort(program, values);
    const [row] = await tx.db.insert(programCohorts).values(values).returning().catch(duplicateCode);
    await audit(tx, {
      action: 'program_cohort.create',
      entityType: 'program_cohort',
      entityId: row.id,
      after: row,
    });
    return (await views(tx, [row], programId))[0];
  });
}

/** Changes a cohort. Throws not_found, forbidden, validation_failed, duplicate (code). */
export async function updateCohort(ctx: Ctx, cohortId: string, input: CohortUpdate): Promise<Cohort> {
  return inTransaction(ctx, async (tx) => {
    const { cohort, startYear } = await cohortFor(tx, cohortId, 'programs.manage');
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const next = { ...cohort, ...changes } as CohortRow;
    checkCohort({ startYear }, next);
    if (changes.fiscalYear !== undefined) {
      const [early] = await tx.db
        .select({ id: programGraduates.id })
        .from(programGraduates)
        .where(
          and(
            eq(programGraduates.orgId, tx.orgId),
            eq(programGraduates.cohortId, cohortId),
            sql`${programGraduates.supportedFiscalYear} < ${next.fiscalYear}`,
          ),
        )
        .limit(1);
      if (early) throw fieldError('fiscalYear', 'graduate_supported_before');
    }
    const [row] = await tx.db
      .update(programCohorts)
      .set(changes)
      .where(eq(programCohorts.id, cohortId))
      .returning()
      .catch(duplicateCode);
    await audit(tx, {
      action: 'program_cohort.update',
      entityType: 'program_cohort',
      entityId: cohortId,
      before: cohort,
      after: row,
    });
    return (await views(tx, [row], row.programId))[0];
  });
}

/** Deletes a cohort that has no graduates. Throws not_found, forbidden, conflict (cohort_has_graduates). */
export async function deleteCohort(ctx: Ctx, cohortId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { cohort } = await cohortFor(tx, cohortId, 'programs.manage');
    const [c] = await counts(tx, cohort.programId, cohortId);
    if (c && toNumber(c.graduates) > 0)
      throw new AppError('conflict', {
        params: { detail: message('conflict_reason.cohort_has_graduates', tx.locale) },
      });
    await tx.db.delete(programCohorts).where(eq(programCohorts.id, cohortId));
    await audit(tx, {
      action: 'program_cohort.delete',
      entityType: 'program_cohort',
      entityId: cohortId,
      before: cohort,
    });
  });
}
