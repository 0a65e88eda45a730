import type { Readable } from 'node:stream';
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import {
  type FileImportOptions,
  type Importer,
  type ImportOptions,
  type ImportReport,
  runFileImport,
  runImport,
} from '../../lib/csv-import.js';
import { ledgerSettings } from '../ledger/ledger.values.js';
import { partners } from '../partners/partners.table.js';
import { employees } from '../people/people.table.js';
import {
  type ProjectColumn,
  type ProjectImportRow,
  type ProjectLookups,
  readProjectHeader,
  validateProject,
} from './projects.import-columns.js';
import { programProjectItems, programProjectMembers, programProjects } from './records.table.js';
import { type ProgramTarget, programTarget } from './records.access.js';

type ItemRow = typeof programProjectItems.$inferSelect;
type Lookups = ProjectLookups & {
  programId: string;
  /** Team by project id: employee id → role. */
  teams: Map<string, Map<string, string>>;
  /** Outcome items by project id. */
  outcomes: Map<string, ItemRow[]>;
};

async function loadLookups(ctx: Ctx, programId: string): Promise<Lookups> {
  const inProgram = and(eq(programProjects.orgId, ctx.orgId), eq(programProjects.programId, programId));
  const [settings, partnerRows, people, projectRows] = await Promise.all([
    ledgerSettings(ctx),
    ctx.db
      .select({ id: partners.id, code: partners.code })
      .from(partners)
      .where(eq(partners.orgId, ctx.orgId)),
    ctx.db
      .select({ id: employees.id, number: employees.employeeNumber })
      .from(employees)
      .where(eq(employees.orgId, ctx.orgId)),
    ctx.db.select().from(programProjects).where(inProgram),
  ]);
  const ids = projectRows.map((p) => p.id);
  const [members, items] = ids.length
    ? await Promise.all([
        ctx.db
          .select()
          .from(programProjectMembers)
          .where(
            and(eq(programProjectMembers.orgId, ctx.orgId), inArray(programProjectMembers.projectId, ids)),
          ),
        ctx.db
          .select()
          .from(programProjectItems)
          .where(
            and(
              eq(programProjectItems.orgId, ctx.orgId),
              inArray(programProjectItems.projectId, ids),
              eq(programProjectItems.kind, 'outcome'),
            ),
          ),
      ])
    : [[], []];
  const teams = new Map<string, Map<string, string>>();
  for (const m of members) {
    if (!teams.has(m.projectId)) teams.set(m.projectId, new Map());
    teams.get(m.projectId)?.set(m.employeeId, m.role);
  }
  const outcomes = new Map<string, ItemRow[]>();
  for (const i of items) outcomes.set(i.projectId, [...(outcomes.get(i.projectId) ?? []), i]);
  return {
    programId,
    startMonth: settings.fiscalYearStartMonth,
    partners: new Map(partnerRows.map((p) => [p.code, p.id])),
    employees: new Map(people.map((e) => [e.number, e.id])),
    projects: new Map(projectRows.map((p) => [p.code, p])),
    teams,
    outcomes,
  };
}

/** Replaces the team with the row's employees (those kept keep their role); true when it changed. */
async function writeTeam(ctx: Ctx, projectId: string, team: string[], lookups: Lookups) {
  const before = lookups.teams.get(projectId) ?? new Map<string, string>();
  const gone = [...before.keys()].filter((id) => !team.includes(id));
  const added = team.filter((id) => !before.has(id));
  if (gone.length)
    await ctx.db
      .delete(programProjectMembers)
      .where(
        and(
          eq(programProjectMembers.orgId, ctx.orgId),
          eq(programProjectMembers.projectId, projectId),
          inArray(programProjectMembers.employeeId, gone),
        ),
      );
  if (added.length)
    await ctx.db
      .insert(programProjectMembers)
      .values(added.map((employeeId) => ({ orgId: ctx.orgId, projectId, employeeId, role: 'member' })));
  lookups.teams.set(projectId, new Map(team.map((id) => [id, before.get(id) ?? 'member'])));
  return gone.length + added.length > 0;
}

/** Upserts the one outcome of a row, matched by its Japanese or English title; true when it changed. */
async function writeOutcome(
  ctx: Ctx,
  projectId: string,
  outcome: NonNullable<ProjectImportRow['outcome']>,
  lookups: Lookups,
) {
  const items = lookups.outcomes.get(projectId) ?? [];
  const same = items.find(
    (i) =>
      (outcome.titleJa !== null && i.titleJa === outcome.titleJa) ||
      (outcome.titleEn !== null && i.titleEn === outcome.titleEn),
  );
  const values = {
    titleJa: outcome.titleJa ?? same?.titleJa ?? null,
    titleEn: outcome.titleEn ?? same?.titleEn ?? null,
    quantity: outcome.quantity,
  };
  if (same) {
    if (
      same.titleJa === values.titleJa &&
      same.titleEn === values.titleEn &&
      same.quantity === values.quantity
    )
      return false;
    const [row] = await ctx.db
      .update(programProjectItems)
      .set(values)
      .where(eq(programProjectItems.id, same.id))
      .returning();
    lookups.outcomes.set(
      projectId,
      items.map((i) => (i.id === row.id ? row : i)),
    );
    return true;
  }
  const position = items.reduce((max, i) => Math.max(max, i.position + 1), 0);
  const [row] = await ctx.db
    .insert(programProjectItems)
    .values({ orgId: ctx.orgId, projectId, kind: 'outcome', position, ...values })
    .returning();
  lookups.outcomes.set(projectId, [...items, row]);
  return true;
}

/** Inserts the new projects and updates the changed ones of a batch; the others are unchanged. */
async function write(ctx: Ctx, rows: ProjectImportRow[], lookups: Lookups) {
  let created = 0;
  let updated = 0;
  for (const r of rows) {
    const existing = lookups.projects.get(r.code);
    let project = existing;
    let changed = false;
    if (!existing) {
      [project] = await ctx.db
        .insert(programProjects)
        .values({
          orgId: ctx.orgId,
          programId: lookups.programId,
          code: r.code,
          ...r.values,
          fiscalYear: r.values.fiscalYear as number,
          status: r.values.status ?? 'active',
        })
        .returning();
    } else {
      const changes = Object.fromEntries(
        Object.entries(r.values).filter(([k, v]) => existing[k as keyof typeof existing] !== v),
      );
      if (Object.keys(changes).length) {
        [project] = await ctx.db
          .update(programProjects)
          .set({ ...changes, updatedAt: new Date() })
          .where(eq(programProjects.id, existing.id))
          .returning();
        changed = true;
      }
    }
    const id = (project as { id: string }).id;
    if (r.team && (await writeTeam(ctx, id, r.team, lookups))) changed = true;
    if (r.outcome && (await writeOutcome(ctx, id, r.outcome, lookups))) changed = true;
    if (existing && changed && project === existing)
      await ctx.db.update(programProjects).set({ updatedAt: new Date() }).where(eq(programProjects.id, id));
    lookups.projects.set(r.code, project as NonNullable<typeof project>);
    if (!existing) created++;
    else if (changed) updated++;
  }
  return { created, updated };
}

function importer(program: {
  id: string;
  companyId: string;
}): Importer<ProjectColumn, Lookups, ProjectImportRow, null> {
  let lookups: Lookups | undefined;
  return {
    permission: 'programs.manage',
    scope: { companyId: program.companyId },
    auditAs: { action: 'program_project.import', entityType: 'program_project' },
    readHeader: readProjectHeader,
    loadLookups: async (ctx) => {
      lookups = await loadLookups(ctx, program.id);
      return lookups;
    },
    validate: validateProject,
    key: { column: 'project_code', of: (row) => row.code },
    plan: () => null,
    write: (ctx, rows) => write(ctx, rows, lookups as Lookups),
  };
}

/**
 * Imports a program's projects from a CSV stream (docs/import-formats.md, "projects"): upserts by
 * project_code, leaving alone the columns the file lacks; a `team` cell replaces the project's team,
 * the outcome columns upsert one outcome per project by its title. A rerun of the same file changes
 * nothing. All-or-nothing unless `partial`; one audit record. Throws not_found, forbidden
 * (programs.manage on the program's company), import_invalid (row and column of each bad value).
 */
export async function importProjects(
  ctx: Ctx,
  input: Readable,
  options: ImportOptions & ProgramTarget,
): Promise<ImportReport> {
  return runImport(ctx, importer(await programTarget(ctx, options)), input, options);
}

/** importProjects on a file: streams it and reports progress against its size. */
export async function importProjectsFile(
  ctx: Ctx,
  path: string,
  options: FileImportOptions & ProgramTarget,
): Promise<ImportReport> {
  return runFileImport(ctx, importer(await programTarget(ctx, options)), path, options);
}
