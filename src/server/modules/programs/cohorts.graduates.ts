import { and, asc, count, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { assertHolds } from '../../lib/authz.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import type { Page } from '../../lib/pagination.js';
import { isUniqueViolation, likeEscape, toNumber } from '../../lib/sql.js';
import type { Graduate, GraduateCreate, GraduateKind, GraduateUpdate } from './cohorts.schema.js';
import { cohortFor } from './cohorts.service.js';
import { programs } from './programs.table.js';
import { fieldError, yearLabeller } from './records.access.js';
import { programCohorts, programGraduates } from './records.table.js';

type GraduateRow = typeof programGraduates.$inferSelect;

const view = (r: GraduateRow, label: (fy: number) => string): Graduate => ({
  id: r.id,
  cohortId: r.cohortId,
  programId: r.programId,
  ref: r.externalRef,
  kind: r.kind as GraduateKind,
  nameJa: r.nameJa,
  nameEn: r.nameEn,
  ventureJa: r.ventureJa,
  ventureEn: r.ventureEn,
  supportedFiscalYear: r.supportedFiscalYear,
  supportedFiscalYearLabel: r.supportedFiscalYear === null ? null : label(r.supportedFiscalYear),
});

/** The rules a graduate's values keep, as field errors: a name, support not before the cohort's year. */
export function graduateIssues(
  g: { nameJa: string | null; nameEn: string | null; supportedFiscalYear: number | null },
  cohortFiscalYear: number,
): { path: string; code: string }[] {
  const issues = [];
  if (!g.nameJa && !g.nameEn) issues.push({ path: 'nameJa', code: 'name_required' });
  if (g.supportedFiscalYear !== null && g.supportedFiscalYear < cohortFiscalYear)
    issues.push({ path: 'supportedFiscalYear', code: 'supported_before_cohort' });
  return issues;
}

function check(g: Parameters<typeof graduateIssues>[0], cohortFiscalYear: number) {
  const fields = graduateIssues(g, cohortFiscalYear);
  if (fields.length) throw new AppError('validation_failed', { fields });
}

function duplicateRef(err: unknown): never {
  if (isUniqueViolation(err, 'program_graduates_program_ref'))
    throw new AppError('duplicate', {
      params: { entity: 'program_graduate' },
      fields: [{ path: 'ref', code: 'duplicate' }],
    });
  throw err;
}

/** The graduates of a cohort, by reference; filters by text and by supported. Throws not_found, forbidden. */
export async function listGraduates(
  ctx: Ctx,
  cohortId: string,
  q: { q?: string; supported?: boolean; page: number; size: number },
): Promise<Page<Graduate>> {
  await cohortFor(ctx, cohortId, 'programs.read');
  const pattern = q.q ? `%${likeEscape(q.q.toLowerCase())}%` : null;
  const where = and(
    eq(programGraduates.orgId, ctx.orgId),
    eq(programGraduates.cohortId, cohortId),
    q.supported === undefined
      ? undefined
      : q.supported
        ? isNotNull(programGraduates.supportedFiscalYear)
        : isNull(programGraduates.supportedFiscalYear),
    pattern
      ? or(
          sql`lower(coalesce(${programGraduates.nameJa}, '') || ' ' || coalesce(${programGraduates.nameEn}, '')) like ${pattern}`,
          sql`lower(coalesce(${programGraduates.ventureJa}, '') || ' ' || coalesce(${programGraduates.ventureEn}, '')) like ${pattern}`,
          sql`lower(${programGraduates.externalRef}) like ${pattern}`,
        )
      : undefined,
  );
  const [{ total }] = await ctx.db.select({ total: count() }).from(programGraduates).where(where);
  const label = await yearLabeller(ctx);
  const rows = await ctx.db
    .select()
    .from(programGraduates)
    .where(where)
    .orderBy(asc(programGraduates.externalRef))
    .limit(q.size)
    .offset((q.page - 1) * q.size);
  return { items: rows.map((r) => view(r, label)), total: toNumber(total), page: q.page, size: q.size };
}

/** A reference not yet used in the program: the cohort's code and the next number ("2023-4"). */
async function nextRef(ctx: Ctx, programId: string, cohortCode: string): Promise<string> {
  const base = cohortCode.slice(0, 50);
  const [{ n }] = await ctx.db
    .select({ n: count() })
    .from(programGraduates)
    .where(and(eq(programGraduates.orgId, ctx.orgId), eq(programGraduates.programId, programId)));
  for (let i = toNumber(n) + 1; ; i++) {
    const ref = `${base}-${i}`;
    const [used] = await ctx.db
      .select({ id: programGraduates.id })
      .from(programGraduates)
      .where(and(eq(programGraduates.programId, programId), eq(programGraduates.externalRef, ref)));
    if (!used) return ref;
  }
}

/**
 * Adds a graduate (a person or a group) to a cohort. Throws not_found, forbidden, validation_failed
 * (name_required, supported_before_cohort), duplicate (ref).
 */
export async function createGraduate(ctx: Ctx, cohortId: string, input: GraduateCreate): Promise<Graduate> {
  return inTransaction(ctx, async (tx) => {
    const { cohort } = await cohortFor(tx, cohortId, 'programs.manage');
    const values = {
      orgId: tx.orgId,
      programId: cohort.programId,
      cohortId,
      externalRef: input.ref ?? (await nextRef(tx, cohort.programId, cohort.code)),
      kind: input.kind,
      nameJa: input.nameJa ?? null,
      nameEn: input.nameEn ?? null,
      ventureJa: input.ventureJa ?? null,
      ventureEn: input.ventureEn ?? null,
      supportedFiscalYear: input.supportedFiscalYear ?? null,
    };
    check(values, cohort.fiscalYear);
    const [row] = await tx.db.insert(programGraduates).values(values).returning().catch(duplicateRef);
    await audit(tx, {
      action: 'program_graduate.create',
      entityType: 'program_graduate',
      entityId: row.id,
      after: row,
    });
    return view(row, await yearLabeller(tx));
  });
}

async function graduateFor(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({
      graduate: programGraduates,
      companyId: programs.companyId,
      cohortYear: programCohorts.fiscalYear,
    })
    .from(programGraduates)
    .innerJoin(
      programs,
      and(eq(programs.orgId, programGraduates.orgId), eq(programs.id, programGraduates.programId)),
    )
    .innerJoin(
      programCohorts,
      and(eq(programCohorts.orgId, programGraduates.orgId), eq(programCohorts.id, programGraduates.cohortId)),
    )
    .where(and(eq(programGraduates.orgId, ctx.orgId), eq(programGraduates.id, id)))
    .for('update', { of: programGraduates });
  if (!row) throw new AppError('not_found', { params: { entity: 'program_graduate' } });
  assertHolds(ctx, 'programs.manage', { companyId: row.companyId });
  return row;
}

/**
 * Changes a graduate, or moves it to another cohort of the same program. Throws not_found, forbidden,
 * validation_failed (name_required, supported_before_cohort, cohortId not_found).
 */
export async function updateGraduate(ctx: Ctx, id: string, input: GraduateUpdate): Promise<Graduate> {
  return inTransaction(ctx, async (tx) => {
    const { graduate, cohortYear } = await graduateFor(tx, id);
    let year = cohortYear;
    if (input.cohortId && input.cohortId !== graduate.cohortId) {
      const [target] = await tx.db
        .select({ fiscalYear: programCohorts.fiscalYear })
        .from(programCohorts)
        .where(
          and(
            eq(programCohorts.orgId, tx.orgId),
            eq(programCohorts.programId, graduate.programId),
            eq(programCohorts.id, input.cohortId),
          ),
        );
      if (!target) throw fieldError('cohortId', 'not_found');
      year = target.fiscalYear;
    }
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    check({ ...graduate, ...changes } as GraduateRow, year);
    const [row] = await tx.db
      .update(programGraduates)
      .set(changes)
      .where(eq(programGraduates.id, id))
      .returning();
    await audit(tx, {
      action: 'program_graduate.update',
      entityType: 'program_graduate',
      entityId: id,
      before: graduate,
      after: row,
    });
    return view(row, await yearLabeller(tx));
  });
}

/** Removes a graduate recorded by mistake. Throws not_found, forbidden. */
export async function deleteGraduate(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { graduate } = await graduateFor(tx, id);
    await tx.db.delete(programGraduates).where(eq(programGraduates.id, id));
    await audit(tx, {
      action: 'program_graduate.delete',
      entityType: 'program_graduate',
      entityId: id,
      before: graduate,
    });
  });
}
