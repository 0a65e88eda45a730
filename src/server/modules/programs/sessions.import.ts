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
import { type ProgramTarget, programTarget } from './records.access.js';
import {
  programProjects,
  programSessionAttendees,
  programSessionCounts,
  programSessions,
} from './records.table.js';
import {
  readSessionHeader,
  type SessionColumn,
  type SessionImportRow,
  type SessionLookups,
  validateSession,
} from './sessions.import-columns.js';
import { PARTICIPANT_KINDS } from './sessions.schema.js';

type Existing = {
  id: string;
  row: Record<string, unknown>;
  counts: Map<string, number>;
  attendees: Set<string>;
};
type Lookups = SessionLookups & { existing: Map<string, Existing> };

async function loadLookups(ctx: Ctx, programId: string): Promise<Lookups> {
  const org = eq(partners.orgId, ctx.orgId);
  const [settings, partnerRows, projectRows, people, sessionRows] = await Promise.all([
    ledgerSettings(ctx),
    ctx.db.select({ id: partners.id, code: partners.code }).from(partners).where(org),
    ctx.db
      .select({ id: programProjects.id, code: programProjects.code })
      .from(programProjects)
      .where(and(eq(programProjects.orgId, ctx.orgId), eq(programProjects.programId, programId))),
    ctx.db
      .select({ id: employees.id, number: employees.employeeNumber })
      .from(employees)
      .where(eq(employees.orgId, ctx.orgId)),
    ctx.db
      .select()
      .from(programSessions)
      .where(and(eq(programSessions.orgId, ctx.orgId), eq(programSessions.programId, programId))),
  ]);
  const existing = new Map<string, Existing>();
  for (const s of sessionRows)
    existing.set(s.id, { id: s.id, row: s, counts: new Map(), attendees: new Set() });
  if (sessionRows.length) {
    const ids = sessionRows.map((s) => s.id);
    const counts = await ctx.db
      .select()
      .from(programSessionCounts)
      .where(and(eq(programSessionCounts.orgId, ctx.orgId), inArray(programSessionCounts.sessionId, ids)));
    for (const c of counts) existing.get(c.sessionId)?.counts.set(c.participantKind, c.count);
    const attendees = await ctx.db
      .select()
      .from(programSessionAttendees)
      .where(
        and(eq(programSessionAttendees.orgId, ctx.orgId), inArray(programSessionAttendees.sessionId, ids)),
      );
    for (const a of attendees) existing.get(a.sessionId)?.attendees.add(a.employeeId);
  }
  return {
    programId,
    startMonth: settings.fiscalYearStartMonth,
    partners: new Map(partnerRows.map((p) => [p.code, p.id])),
    projects: new Map(projectRows.map((p) => [p.code, p.id])),
    employees: new Map(people.map((e) => [e.number, e.id])),
    existing: new Map(sessionRows.map((s) => [s.externalRef, existing.get(s.id) as Existing])),
  };
}

const FIELDS: Array<[keyof SessionImportRow, string]> = [
  ['kind', 'kind'],
  ['titleJa', 'titleJa'],
  ['titleEn', 'titleEn'],
  ['startsOn', 'startsOn'],
  ['endsOn', 'endsOn'],
  ['fiscalYear', 'fiscalYear'],
  ['placeJa', 'placeJa'],
  ['placeEn', 'placeEn'],
  ['partnerId', 'partnerId'],
  ['projectId', 'projectId'],
  ['employeeMinutes', 'employeeMinutes'],
];

/** The columns the row sets (those the file carries) and whether any differs from what is stored. */
function changes(r: SessionImportRow, had: Existing | undefined) {
  const set = Object.fromEntries(FIELDS.flatMap(([k, col]) => (r[k] === undefined ? [] : [[col, r[k]]])));
  if (!had) return { set, changed: true };
  const differs =
    Object.entries(set).some(([k, v]) => had.row[k] !== v) ||
    Object.entries(r.counts).some(([k, v]) => (had.counts.get(k) ?? null) !== v) ||
    (r.attendees !== undefined &&
      (r.attendees.length !== had.attendees.size || r.attendees.some((a) => !had.attendees.has(a))));
  return { set, changed: differs };
}

async function writeRows(ctx: Ctx, rows: SessionImportRow[], lookups: Lookups) {
  let created = 0;
  let updated = 0;
  for (const r of rows) {
    const had = lookups.existing.get(r.ref);
    const { set, changed } = changes(r, had);
    if (!changed) continue;
    const [row] = await ctx.db
      .insert(programSessions)
      .values({
        orgId: ctx.orgId,
        programId: lookups.programId,
        externalRef: r.ref,
        ...(set as { kind: string; startsOn: string; endsOn: string; fiscalYear: number }),
      })
      .onConflictDoUpdate({
        target: [programSessions.programId, programSessions.externalRef],
        set: { ...set, updatedAt: new Date() },
      })
      .returning({ id: programSessions.id });
    const kinds = PARTICIPANT_KINDS.filter((k) => k in r.counts);
    if (kinds.length) {
      await ctx.db
        .delete(programSessionCounts)
        .where(
          and(
            eq(programSessionCounts.orgId, ctx.orgId),
            eq(programSessionCounts.sessionId, row.id),
            inArray(programSessionCounts.participantKind, kinds),
          ),
        );
      const values = kinds.flatMap((k) =>
        r.counts[k] == null
          ? []
          : [{ orgId: ctx.orgId, sessionId: row.id, participantKind: k, count: r.counts[k] as number }],
      );
      if (values.length) await ctx.db.insert(programSessionCounts).values(values);
    }
    if (r.attendees) {
      const before = had?.attendees ?? new Set<string>();
      const gone = [...before].filter((id) => !r.attendees?.includes(id));
      const added = r.attendees.filter((id) => !before.has(id));
      if (gone.length)
        await ctx.db
          .delete(programSessionAttendees)
          .where(
            and(
              eq(programSessionAttendees.orgId, ctx.orgId),
              eq(programSessionAttendees.sessionId, row.id),
              inArray(programSessionAttendees.employeeId, gone),
            ),
          );
      if (added.length)
        await ctx.db
          .insert(programSessionAttendees)
          .values(added.map((employeeId) => ({ orgId: ctx.orgId, sessionId: row.id, employeeId })));
    }
    if (had) updated++;
    else created++;
  }
  return { created, updated };
}

function importer(program: {
  id: string;
  companyId: string;
}): Importer<SessionColumn, Lookups, SessionImportRow, null> {
  return {
    permission: 'programs.manage',
    scope: { companyId: program.companyId },
    auditAs: { action: 'program_session.import', entityType: 'program_session' },
    readHeader: readSessionHeader,
    loadLookups: (ctx) => loadLookups(ctx, program.id),
    validate: validateSession,
    key: { column: 'session_ref', of: (row) => row.ref },
    plan: () => null,
    write: async (ctx, rows) => writeRows(ctx, rows, await loadLookups(ctx, program.id)),
  };
}

/**
 * Imports a program's sessions from a CSV stream (docs/import-formats.md, "sessions"): upserts by
 * session_ref, replacing the counts of the kinds the file has columns for and, with an `attendees`
 * column, the named employees. All-or-nothing unless `partial`; one audit record. Throws not_found,
 * forbidden (programs.manage on the program's company), import_invalid (row and column of each bad value).
 */
export async function importSessions(
  ctx: Ctx,
  input: Readable,
  options: ImportOptions & ProgramTarget,
): Promise<ImportReport> {
  return runImport(ctx, importer(await programTarget(ctx, options)), input, options);
}

/** importSessions on a file: streams it and reports progress against its size. */
export async function importSessionsFile(
  ctx: Ctx,
  path: string,
  options: FileImportOptions & ProgramTarget,
): Promise<ImportReport> {
  return runFileImport(ctx, importer(await programTarget(ctx, options)), path, options);
}
