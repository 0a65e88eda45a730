import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { assertHolds, companiesFor } from '../../lib/authz.js';
import { audit } from '../../lib/audit.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type FieldIssue } from '../../lib/errors.js';
import { offsetOf, type Page, sortSpec } from '../../lib/pagination.js';
import { isUniqueViolation, likeEscape } from '../../lib/sql.js';
import { groupCompanies } from '../organisations/organisations.table.js';
import { classificationTerms } from '../reference/reference.service.js';
import {
  CLASSIFICATION_FIELDS,
  type ClassificationField,
  type Program,
  type ProgramCreate,
  type ProgramListQuery,
  type ProgramSummary,
  type ProgramUpdate,
} from './programs.schema.js';
import { programPartners, programs } from './programs.table.js';
import { type ProgramRow, programView } from './programs.view.js';

const SORTS = ['code', 'nameJa', 'nameEn', 'startYear', 'status'] as const;

export const programNotFound = () => new AppError('not_found', { params: { entity: 'program' } });

/** The programs the caller may read: every one with an organisation-wide grant, else its companies'. */
export function readableBy(ctx: Ctx): SQL | undefined {
  const scope = companiesFor(ctx.actor, 'programs.read');
  if (scope === 'all') return undefined;
  return scope.companyIds.length ? inArray(programs.companyId, scope.companyIds) : sql`false`;
}

/** The program row of the caller's organisation (locked for update when asked), or undefined. */
export async function programRow(ctx: Ctx, id: string, lock = false): Promise<ProgramRow | undefined> {
  const q = ctx.db
    .select()
    .from(programs)
    .where(and(eq(programs.orgId, ctx.orgId), eq(programs.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** The programs: filter by text, status, framework, company, partner; paged and sorted. */
export async function listPrograms(ctx: Ctx, query: ProgramListQuery): Promise<Page<ProgramSummary>> {
  const conditions: (SQL | undefined)[] = [eq(programs.orgId, ctx.orgId), readableBy(ctx)];
  if (query.q) {
    const like = `%${likeEscape(query.q)}%`;
    conditions.push(
      or(ilike(programs.code, like), ilike(programs.nameJa, like), ilike(programs.nameEn, like)),
    );
  }
  if (query.status) conditions.push(eq(programs.status, query.status));
  if (query.framework) conditions.push(eq(programs.framework, query.framework));
  if (query.companyId) conditions.push(eq(programs.companyId, query.companyId));
  if (query.partnerId)
    conditions.push(
      sql`exists (select 1 from ${programPartners} pp where pp.program_id = ${programs.id} and pp.partner_id = ${query.partnerId})`,
    );
  const where = and(...conditions);
  const sort = sortSpec(query.sort, SORTS, 'code');
  const column = programs[sort.field];
  const partnerCount =
    sql<number>`(select count(*) from ${programPartners} pp where pp.program_id = ${programs.id})`.mapWith(
      Number,
    );
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select({
        id: programs.id,
        code: programs.code,
        nameJa: programs.nameJa,
        nameEn: programs.nameEn,
        framework: programs.framework,
        companyId: programs.companyId,
        companyNameJa: groupCompanies.nameJa,
        companyNameEn: groupCompanies.nameEn,
        sdgs: programs.sdgs,
        startYear: programs.startYear,
        endYear: programs.endYear,
        status: programs.status,
        partnerCount,
      })
      .from(programs)
      .innerJoin(
        groupCompanies,
        and(eq(groupCompanies.orgId, programs.orgId), eq(groupCompanies.id, programs.companyId)),
      )
      .where(where)
      .orderBy(sort.desc ? desc(column) : asc(column), asc(programs.id))
      .limit(query.size)
      .offset(offsetOf(query)),
    ctx.db.select({ total: count() }).from(programs).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      framework: r.framework as ProgramSummary['framework'],
      status: r.status as ProgramSummary['status'],
    })),
    total: Number(total),
    page: query.page,
    size: query.size,
  };
}

/** One program with its classifications and partners. Throws not_found, forbidden (company scope). */
export async function getProgram(ctx: Ctx, id: string): Promise<Program> {
  const row = await programRow(ctx, id);
  if (!row) throw programNotFound();
  assertHolds(ctx, 'programs.read', { companyId: row.companyId });
  return programView(ctx, row);
}

type Checked = Pick<ProgramRow, 'nameJa' | 'nameEn' | 'companyId' | ClassificationField>;

/**
 * A name in one language at least, a company of the organisation, and classification codes that
 * exist in their scheme (`classification_unknown`) and, when newly chosen, are not retired
 * (`classification_retired`). `previous` is the row before an update: unchanged codes stay valid.
 */
async function checkValues(ctx: Ctx, v: Checked, previous?: ProgramRow) {
  const issues: FieldIssue[] = [];
  if (!v.nameJa && !v.nameEn) issues.push({ path: 'nameJa', code: 'required' });
  const [company] = await ctx.db
    .select({ id: groupCompanies.id })
    .from(groupCompanies)
    .where(and(eq(groupCompanies.orgId, ctx.orgId), eq(groupCompanies.id, v.companyId)));
  if (!company) issues.push({ path: 'companyId', code: 'not_found' });
  const chosen = (Object.keys(CLASSIFICATION_FIELDS) as ClassificationField[]).filter(
    (f) => v[f] && v[f] !== previous?.[f],
  );
  const terms = await classificationTerms(
    ctx,
    chosen.map((f) => ({ scheme: CLASSIFICATION_FIELDS[f], code: v[f] as string })),
  );
  for (const f of chosen) {
    const term = terms.find((t) => t.scheme === CLASSIFICATION_FIELDS[f] && t.code === v[f]);
    if (!term) issues.push({ path: f, code: 'classification_unknown' });
    else if (term.retiredOn) issues.push({ path: f, code: 'classification_retired' });
  }
  if (issues.length) throw new AppError('validation_failed', { fields: issues });
}

const duplicateCode = () =>
  new AppError('duplicate', { params: { entity: 'program' }, fields: [{ path: 'code', code: 'duplicate' }] });

/**
 * Registers a program of a group company the caller manages programs for. Throws forbidden,
 * validation_failed (required, not_found, classification_unknown, classification_retired), duplicate (code).
 */
export async function createProgram(ctx: Ctx, input: ProgramCreate): Promise<Program> {
  assertHolds(ctx, 'programs.manage', { companyId: input.companyId });
  const values = {
    code: input.code,
    nameJa: input.nameJa ?? null,
    nameEn: input.nameEn ?? null,
    descriptionJa: input.descriptionJa ?? null,
    descriptionEn: input.descriptionEn ?? null,
    framework: input.framework,
    companyId: input.companyId,
    companyField: input.companyField ?? null,
    visionLayer: input.visionLayer ?? null,
    keidanrenField: input.keidanrenField ?? null,
    b4siCause: input.b4siCause ?? null,
    b4siMotivation: input.b4siMotivation ?? null,
    sdgs: [...new Set(input.sdgs)].sort((a, b) => a - b),
    startYear: input.startYear,
    endYear: input.endYear ?? null,
    status: input.status,
    reviewCycleMonths: input.reviewCycleMonths,
  };
  if (values.endYear !== null && values.endYear < values.startYear)
    throw new AppError('validation_failed', { fields: [{ path: 'endYear', code: 'ends_before_start' }] });
  await checkValues(ctx, values);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(programs)
      .values({ ...values, orgId: tx.orgId })
      .onConflictDoNothing({ target: [programs.orgId, programs.code] })
      .returning();
    if (!row) throw duplicateCode();
    await audit(tx, { action: 'program.create', entityType: 'program', entityId: row.id, after: row });
    return programView(tx, row);
  });
}

/**
 * Changes a program. Moving it to another company needs programs.manage on both. Throws not_found,
 * forbidden, validation_failed (as createProgram, ends_before_start), duplicate (code).
 */
export async function updateProgram(ctx: Ctx, id: string, input: ProgramUpdate): Promise<Program> {
  return inTransaction(ctx, async (tx) => {
    const before = await programRow(tx, id, true);
    if (!before) throw programNotFound();
    assertHolds(tx, 'programs.manage', { companyId: before.companyId });
    if (input.companyId && input.companyId !== before.companyId)
      assertHolds(tx, 'programs.manage', { companyId: input.companyId });
    const patch = Object.fromEntries(
      Object.entries(input)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, v === '' ? null : v]),
    ) as Partial<ProgramRow>;
    if (patch.sdgs) patch.sdgs = [...new Set(patch.sdgs)].sort((a, b) => a - b);
    const next = { ...before, ...patch };
    if (next.endYear !== null && next.endYear < next.startYear)
      throw new AppError('validation_failed', { fields: [{ path: 'endYear', code: 'ends_before_start' }] });
    await checkValues(tx, next, before);
    let after: ProgramRow;
    try {
      [after] = await tx.db
        .update(programs)
        .set({ ...patch, updatedAt: new Date() })
        .where(and(eq(programs.orgId, tx.orgId), eq(programs.id, id)))
        .returning();
    } catch (err) {
      if (isUniqueViolation(err, 'programs_org_code')) throw duplicateCode();
      throw err;
    }
    await audit(tx, { action: 'program.update', entityType: 'program', entityId: id, before, after });
    return programView(tx, after);
  });
}
