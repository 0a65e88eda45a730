import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { assertHolds } from '../../lib/authz.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type FieldIssue } from '../../lib/errors.js';
import type { Page } from '../../lib/pagination.js';
import { isUniqueViolation, toNumber } from '../../lib/sql.js';
import { partners } from '../partners/partners.table.js';
import { employees } from '../people/people.table.js';
import { itemView } from './projects.items.js';
import type {
  Project,
  ProjectCreate,
  ProjectDetail,
  ProjectMembersPut,
  ProjectRole,
  ProjectStatus,
  ProjectUpdate,
} from './projects.schema.js';
import { programs } from './programs.table.js';
import { fieldError, fiscalYearFor, localized, programFor, yearLabeller } from './records.access.js';
import { programProjectItems, programProjectMembers, programProjects } from './records.table.js';

type ProjectRow = typeof programProjects.$inferSelect;

/** A project with its program's company, the scope checked for the permission. Throws not_found, forbidden. */
export async function projectFor(ctx: Ctx, id: string, permission: 'programs.read' | 'programs.manage') {
  const [row] = await ctx.db
    .select({ project: programProjects, companyId: programs.companyId })
    .from(programProjects)
    .innerJoin(
      programs,
      and(eq(programs.orgId, programProjects.orgId), eq(programs.id, programProjects.programId)),
    )
    .where(and(eq(programProjects.orgId, ctx.orgId), eq(programProjects.id, id)));
  if (!row) throw new AppError('not_found', { params: { entity: 'program_project' } });
  assertHolds(ctx, permission, { companyId: row.companyId });
  return row;
}

async function views(ctx: Ctx, rows: ProjectRow[]): Promise<Project[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const label = await yearLabeller(ctx);
  const partnerIds = [...new Set(rows.flatMap((r) => (r.partnerId ? [r.partnerId] : [])))];
  const partnerRows = partnerIds.length
    ? await ctx.db
        .select({ id: partners.id, code: partners.code, nameJa: partners.nameJa, nameEn: partners.nameEn })
        .from(partners)
        .where(and(eq(partners.orgId, ctx.orgId), inArray(partners.id, partnerIds)))
    : [];
  const memberCounts = await ctx.db
    .select({ projectId: programProjectMembers.projectId, n: count() })
    .from(programProjectMembers)
    .where(and(eq(programProjectMembers.orgId, ctx.orgId), inArray(programProjectMembers.projectId, ids)))
    .groupBy(programProjectMembers.projectId);
  const outcomes = await ctx.db
    .select({
      projectId: programProjectItems.projectId,
      q: sql<number>`coalesce(sum(${programProjectItems.quantity}), 0)`,
    })
    .from(programProjectItems)
    .where(
      and(
        eq(programProjectItems.orgId, ctx.orgId),
        inArray(programProjectItems.projectId, ids),
        eq(programProjectItems.kind, 'outcome'),
      ),
    )
    .groupBy(programProjectItems.projectId);
  return rows.map((r) => {
    const p = partnerRows.find((x) => x.id === r.partnerId);
    return {
      id: r.id,
      programId: r.programId,
      code: r.code,
      titleJa: r.titleJa,
      titleEn: r.titleEn,
      title: localized(ctx, r.titleJa, r.titleEn),
      summaryJa: r.summaryJa,
      summaryEn: r.summaryEn,
      partner: p ? { id: p.id, code: p.code, name: localized(ctx, p.nameJa, p.nameEn) } : null,
      fiscalYear: r.fiscalYear,
      fiscalYearLabel: label(r.fiscalYear),
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      status: r.status as ProjectStatus,
      members: toNumber(memberCounts.find((m) => m.projectId === r.id)?.n),
      outcomesQuantity: toNumber(outcomes.find((o) => o.projectId === r.id)?.q),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

/** The projects of a program, newest year first; filters by year and status. Throws not_found, forbidden. */
export async function listProjects(
  ctx: Ctx,
  programId: string,
  q: { fiscalYear?: number; status?: ProjectStatus; page: number; size: number },
): Promise<Page<Project>> {
  await programFor(ctx, programId, 'programs.read');
  const where = and(
    eq(programProjects.orgId, ctx.orgId),
    eq(programProjects.programId, programId),
    q.fiscalYear !== undefined ? eq(programProjects.fiscalYear, q.fiscalYear) : undefined,
    q.status ? eq(programProjects.status, q.status) : undefined,
  );
  const [{ total }] = await ctx.db.select({ total: count() }).from(programProjects).where(where);
  const rows = await ctx.db
    .select()
    .from(programProjects)
    .where(where)
    .orderBy(desc(programProjects.fiscalYear), asc(programProjects.code))
    .limit(q.size)
    .offset((q.page - 1) * q.size);
  return { items: await views(ctx, rows), total: toNumber(total), page: q.page, size: q.size };
}

/** A project with its team and its milestones, deliverables and outcomes. Throws not_found, forbidden. */
export async function getProject(ctx: Ctx, id: string): Promise<ProjectDetail> {
  const { project } = await projectFor(ctx, id, 'programs.read');
  const [view] = await views(ctx, [project]);
  const team = await ctx.db
    .select({
      employeeId: employees.id,
      employeeNumber: employees.employeeNumber,
      nameJa: employees.nameJa,
      nameEn: employees.nameEn,
      role: programProjectMembers.role,
    })
    .from(programProjectMembers)
    .innerJoin(
      employees,
      and(
        eq(employees.orgId, programProjectMembers.orgId),
        eq(employees.id, programProjectMembers.employeeId),
      ),
    )
    .where(and(eq(programProjectMembers.orgId, ctx.orgId), eq(programProjectMembers.projectId, id)))
    .orderBy(
      sql`case ${programProjectMembers.role} when 'leader' then 0 when 'member' then 1 else 2 end`,
      asc(employees.employeeNumber),
    );
  const items = await ctx.db
    .select()
    .from(programProjectItems)
    .where(and(eq(programProjectItems.orgId, ctx.orgId), eq(programProjectItems.projectId, id)))
    .orderBy(
      sql`case ${programProjectItems.kind} when 'milestone' then 0 when 'deliverable' then 1 else 2 end`,
      asc(programProjectItems.position),
      asc(programProjectItems.dueOn),
    );
  return {
    ...view,
    team: team.map((m) => ({
      employeeId: m.employeeId,
      employeeNumber: m.employeeNumber,
      name: ctx.locale === 'ja' ? m.nameJa : m.nameEn,
      role: m.role as ProjectRole,
    })),
    items: items.map((i) => itemView(ctx, i)),
  };
}

async function checkPartner(ctx: Ctx, partnerId: string | null | undefined) {
  if (!partnerId) return;
  const [p] = await ctx.db
    .select({ id: partners.id })
    .from(partners)
    .where(and(eq(partners.orgId, ctx.orgId), eq(partners.id, partnerId)));
  if (!p) throw fieldError('partnerId', 'not_found');
}

/** The rules of a project beyond its schema, as field issues (also used by the projects import). */
export function projectIssues(
  p: Pick<ProjectRow, 'titleJa' | 'titleEn' | 'startsOn' | 'endsOn'>,
): FieldIssue[] {
  const fields: FieldIssue[] = [];
  if (!p.titleJa && !p.titleEn) fields.push({ path: 'titleJa', code: 'title_required' });
  if (p.startsOn && p.endsOn && p.endsOn < p.startsOn)
    fields.push({ path: 'endsOn', code: 'ends_before_start' });
  return fields;
}

function checkProject(p: Pick<ProjectRow, 'titleJa' | 'titleEn' | 'startsOn' | 'endsOn'>) {
  const fields = projectIssues(p);
  if (fields.length) throw new AppError('validation_failed', { fields });
}

function duplicateCode(err: unknown): never {
  if (isUniqueViolation(err, 'program_projects_program_code'))
    throw new AppError('duplicate', {
      params: { entity: 'program_project' },
      fields: [{ path: 'code', code: 'duplicate' }],
    });
  throw err;
}

/**
 * Adds a project to a program; its fiscal year defaults to that of startsOn. Throws not_found,
 * forbidden, validation_failed (title_required, ends_before_start, fiscal_year_required, partnerId
 * not_found), duplicate (code).
 */
export async function createProject(
  ctx: Ctx,
  programId: string,
  input: ProjectCreate,
): Promise<ProjectDetail> {
  const id = await inTransaction(ctx, async (tx) => {
    await programFor(tx, programId, 'programs.manage');
    const fiscalYear = input.fiscalYear ?? (input.startsOn ? await fiscalYearFor(tx, input.startsOn) : null);
    if (fiscalYear === null) throw fieldError('fiscalYear', 'fiscal_year_required');
    const values = {
      orgId: tx.orgId,
      programId,
      code: input.code,
      titleJa: input.titleJa ?? null,
      titleEn: input.titleEn ?? null,
      summaryJa: input.summaryJa ?? null,
      summaryEn: input.summaryEn ?? null,
      partnerId: input.partnerId ?? null,
      fiscalYear,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
      status: input.status,
    };
    checkProject(values);
    await checkPartner(tx, values.partnerId);
    const [row] = await tx.db.insert(programProjects).values(values).returning().catch(duplicateCode);
    await audit(tx, {
      action: 'program_project.create',
      entityType: 'program_project',
      entityId: row.id,
      after: row,
    });
    return row.id;
  });
  return getProject(ctx, id);
}

/** Changes a project. Throws not_found, forbidden, validation_failed, duplicate (code). */
export async function updateProject(ctx: Ctx, id: string, input: ProjectUpdate): Promise<ProjectDetail> {
  await inTransaction(ctx, async (tx) => {
    const { project } = await projectFor(tx, id, 'programs.manage');
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    checkProject({ ...project, ...changes });
    if (input.partnerId) await checkPartner(tx, input.partnerId);
    const [row] = await tx.db
      .update(programProjects)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(programProjects.id, id))
      .returning()
      .catch(duplicateCode);
    await audit(tx, {
      action: 'program_project.update',
      entityType: 'program_project',
      entityId: id,
      before: project,
      after: row,
    });
  });
  return getProject(ctx, id);
}

/**
 * Replaces a project's team. Throws not_found, forbidden, validation_failed (an employee named twice:
 * duplicate; not of the organisation: not_found, at items.N.employeeId).
 */
export async function setProjectMembers(
  ctx: Ctx,
  id: string,
  input: ProjectMembersPut,
): Promise<ProjectDetail> {
  await inTransaction(ctx, async (tx) => {
    const { project } = await projectFor(tx, id, 'programs.manage');
    await tx.db
      .select({ id: programProjects.id })
      .from(programProjects)
      .where(eq(programProjects.id, id))
      .for('update');
    const ids = input.items.map((m) => m.employeeId);
    const known = ids.length
      ? await tx.db
          .select({ id: employees.id })
          .from(employees)
          .where(and(eq(employees.orgId, tx.orgId), inArray(employees.id, ids)))
      : [];
    const fields = input.items.flatMap((m, i) => {
      if (ids.indexOf(m.employeeId) !== i) return [{ path: `items.${i}.employeeId`, code: 'duplicate' }];
      if (!known.some((k) => k.id === m.employeeId))
        return [{ path: `items.${i}.employeeId`, code: 'not_found' }];
      return [];
    });
    if (fields.length) throw new AppError('validation_failed', { fields });
    const before = await tx.db
      .select({ employeeId: programProjectMembers.employeeId, role: programProjectMembers.role })
      .from(programProjectMembers)
      .where(and(eq(programProjectMembers.orgId, tx.orgId), eq(programProjectMembers.projectId, id)));
    await tx.db
      .delete(programProjectMembers)
      .where(and(eq(programProjectMembers.orgId, tx.orgId), eq(programProjectMembers.projectId, id)));
    if (input.items.length)
      await tx.db.insert(programProjectMembers).values(
        input.items.map((m) => ({
          orgId: tx.orgId,
          projectId: id,
          employeeId: m.employeeId,
          role: m.role,
        })),
      );
    await tx.db
      .update(programProjects)
      .set({ updatedAt: new Date() })
      .where(eq(programProjects.id, project.id));
    await audit(tx, {
      action: 'program_project.team',
      entityType: 'program_project',
      entityId: id,
      before,
      after: input.items,
    });
  });
  return getProject(ctx, id);
}
