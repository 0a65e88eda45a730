import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import {
  type FileImportOptions,
  type ImportOptions,
  type ImportReport,
  type Importer,
  runFileImport,
  runImport,
} from '../../lib/csv-import.js';
import { AppError } from '../../lib/errors.js';
import {
  type GraduateColumn,
  type GraduateHeader,
  type GraduateImportRow,
  type GraduateLookups,
  readGraduateHeader,
  validateGraduate,
} from './cohorts.import-columns.js';
import { programs } from './programs.table.js';
import { programOfTarget } from './records.access.js';
import { programCohorts, programGraduates } from './records.table.js';

/** Which program the rows go to when the file has no program_code column (the CLI's --program, the screen's program). */
export type GraduateTarget = { programId?: string; programCode?: string };

type GraduateRow = typeof programGraduates.$inferSelect;
type Lookups = GraduateLookups & { graduates: Map<string, GraduateRow> };
const FIELDS = ['kind', 'nameJa', 'nameEn', 'ventureJa', 'ventureEn', 'supportedFiscalYear'] as const;

async function loadLookups(ctx: Ctx, target: GraduateTarget): Promise<Lookups> {
  const programRows = await ctx.db
    .select({ id: programs.id, code: programs.code, startYear: programs.startYear })
    .from(programs)
    .where(eq(programs.orgId, ctx.orgId));
  const named = programRows.find((p) =>
    target.programId ? p.id === target.programId : target.programCode ? p.code === target.programCode : false,
  );
  if ((target.programId || target.programCode) && !named)
    throw new AppError('not_found', { params: { entity: 'program' } });
  const cohortRows = await ctx.db
    .select({
      id: programCohorts.id,
      programId: programCohorts.programId,
      code: programCohorts.code,
      fy: programCohorts.fiscalYear,
    })
    .from(programCohorts)
    .where(eq(programCohorts.orgId, ctx.orgId));
  const graduateRows = await ctx.db
    .select()
    .from(programGraduates)
    .where(eq(programGraduates.orgId, ctx.orgId));
  return {
    target: named ?? null,
    programs: new Map(programRows.map((p) => [p.code, p])),
    cohorts: new Map(cohortRows.map((c) => [`${c.programId}|${c.code}`, { id: c.id, fiscalYear: c.fy }])),
    graduates: new Map(graduateRows.map((g) => [`${g.programId}|${g.externalRef}`, g])),
  };
}

/** The cohorts a batch names, created when new; their ids filled in the lookups. */
async function ensureCohorts(ctx: Ctx, rows: GraduateImportRow[], lookups: Lookups) {
  const missing = new Map<string, GraduateImportRow>();
  for (const r of rows) {
    const key = `${r.programId}|${r.cohortCode}`;
    if (!lookups.cohorts.get(key)?.id && !missing.has(key)) missing.set(key, r);
  }
  if (!missing.size) return;
  const created = await ctx.db
    .insert(programCohorts)
    .values(
      [...missing.values()].map((r) => ({
        orgId: ctx.orgId,
        programId: r.programId,
        code: r.cohortCode,
        fiscalYear: r.cohortFiscalYear,
      })),
    )
    .returning({
      id: programCohorts.id,
      programId: programCohorts.programId,
      code: programCohorts.code,
      fy: programCohorts.fiscalYear,
    });
  for (const c of created) lookups.cohorts.set(`${c.programId}|${c.code}`, { id: c.id, fiscalYear: c.fy });
}

/** Inserts the new graduates and updates the changed ones of a batch; the others are unchanged. */
async function write(ctx: Ctx, rows: GraduateImportRow[], lookups: Lookups) {
  await ensureCohorts(ctx, rows, lookups);
  let created = 0;
  let updated = 0;
  const inserts = [];
  for (const r of rows) {
    const key = `${r.programId}|${r.ref}`;
    const cohortId = lookups.cohorts.get(`${r.programId}|${r.cohortCode}`)!.id as string;
    const existing = lookups.graduates.get(key);
    const given = Object.fromEntries(FIELDS.flatMap((f) => (r[f] === undefined ? [] : [[f, r[f]]])));
    if (!existing) {
      inserts.push({
        orgId: ctx.orgId,
        programId: r.programId,
        cohortId,
        externalRef: r.ref,
        kind: r.kind ?? 'group',
        ...given,
      });
      continue;
    }
    const changes: Record<string, unknown> = Object.fromEntries(
      Object.entries(given).filter(([f, v]) => existing[f as keyof GraduateRow] !== v),
    );
    if (existing.cohortId !== cohortId) changes.cohortId = cohortId;
    if (!Object.keys(changes).length) continue;
    const [row] = await ctx.db
      .update(programGraduates)
      .set(changes)
      .where(eq(programGraduates.id, existing.id))
      .returning();
    lookups.graduates.set(key, row);
    updated++;
  }
  if (inserts.length) {
    const rowsIn = await ctx.db.insert(programGraduates).values(inserts).returning();
    for (const g of rowsIn) lookups.graduates.set(`${g.programId}|${g.externalRef}`, g);
    created += rowsIn.length;
  }
  return { created, updated };
}

/** The graduates importer for a target; its lookups are read inside the import's transaction. */
function graduatesImporter(
  target: GraduateTarget,
  companyId: string | null,
): Importer<GraduateColumn, Lookups, GraduateImportRow, GraduateHeader> {
  let lookups: Lookups | undefined;
  return {
    permission: 'programs.manage',
    scope: companyId ? { companyId } : undefined,
    auditAs: { action: 'program_graduate.import', entityType: 'program_graduate' },
    readHeader: readGraduateHeader,
    loadLookups: async (ctx) => {
      lookups = await loadLookups(ctx, target);
      return lookups;
    },
    validate: validateGraduate,
    key: { column: 'graduate_ref', of: (r) => `${r.programId}|${r.ref}` },
    plan: (header) => header,
    write: (ctx, rows) => write(ctx, rows, lookups as Lookups),
  };
}

/**
 * Imports graduates from a CSV stream (docs/import-formats.md, "graduates") in one transaction:
 * creates the cohorts a row names that do not exist yet, upserts graduates by (program, graduate_ref),
 * leaving alone the columns the file lacks; a rerun of the same file changes nothing. The program is
 * the file's program_code or the target. All-or-nothing unless `partial`; one audit record. Throws
 * not_found (the target program), forbidden (programs.manage on the target program's company, or
 * organisation-wide without a target), import_invalid.
 */
export async function importGraduates(
  ctx: Ctx,
  input: Readable,
  options: ImportOptions & GraduateTarget,
): Promise<ImportReport> {
  return runImport(
    ctx,
    graduatesImporter(options, (await programOfTarget(ctx, options))?.companyId ?? null),
    input,
    options,
  );
}

/** importGraduates on a file: streams it and reports progress against its size. */
export async function importGraduatesFile(
  ctx: Ctx,
  path: string,
  options: FileImportOptions & GraduateTarget,
): Promise<ImportReport> {
  return runFileImport(
    ctx,
    graduatesImporter(options, (await programOfTarget(ctx, options))?.companyId ?? null),
    path,
    options,
  );
}
