import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { audit } from '../../lib/audit.js';
import { assertHolds } from '../../lib/authz.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { readCsv } from '../../lib/csv-source.js';
import { AppError } from '../../lib/errors.js';
import type { ImportIssue } from '../people/employees.import-columns.js';
import { type ImportOptions, type ImportReport, MAX_ISSUES } from '../people/employees.import.js';
import { employees } from '../people/people.table.js';
import {
  type Header,
  type RegistrationColumn,
  type RegistrationImportRow,
  type RegistrationLookups,
  readRegistrationHeader,
  validateRegistration,
} from './registrations.import-columns.js';
import { todayIn } from './registrations.service.js';
import { volunteerSkills } from './volunteering.table.js';

export type { ImportOptions, ImportReport };

const DEFAULT_BATCH = 2000;

// Table columns an import may change, and the CSV column that must be present for an update to touch them.
const UPDATABLE: Array<[column: string, needs: RegistrationColumn]> = [
  ['joined_on', 'joined_on'],
  ['left_on', 'left_on'],
  ['interest_fields', 'interest_fields'],
  ['skills', 'skills'],
  ['skills_note', 'skills_note'],
  ['languages', 'languages'],
  ['prefecture', 'prefecture'],
  ['region', 'region'],
  ['availability', 'availability'],
  ['online_ok', 'online_ok'],
];

type Plan = { set: SQL; changed: SQL };

/** An update rewrites only the columns the file carries, and leaves an unchanged row untouched. */
function plan(header: Header): Plan {
  const cols = UPDATABLE.filter(([, needs]) => header.index[needs] !== undefined).map(([c]) => c);
  return {
    set: sql.raw(`${cols.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = now()`),
    changed: sql.raw(
      `(${cols.map((c) => `r.${c}`).join(', ')}) is distinct from (${cols.map((c) => `excluded.${c}`).join(', ')})`,
    ),
  };
}

const param = (values: Array<string | null>) => sql`${sql.param(values)}::text[]`;
const joined = (values: string[]) => values.join(';');

/** Inserts new registrations and updates changed ones, one statement per batch (unnest of column arrays). */
async function upsert(db: Tx, orgId: string, rows: RegistrationImportRow[], p: Plan) {
  const col = (f: (r: RegistrationImportRow) => string | null) => param(rows.map(f));
  const result = await db.execute(sql`
    insert into volunteer_registrations as r (org_id, employee_id, joined_on, left_on, interest_fields, skills,
      skills_note, languages, prefecture, region, availability, online_ok)
    select ${orgId}::uuid, t.emp::uuid, t.joined::date, t.left_on::date, string_to_array(t.fields, ';'),
      string_to_array(t.skills, ';'), t.note, string_to_array(t.langs, ';'), t.pref, t.region,
      string_to_array(t.avail, ';'), t.online::boolean
    from unnest(${col((r) => r.employeeId)}, ${col((r) => r.joinedOn)}, ${col((r) => r.leftOn)},
      ${col((r) => joined(r.interestFields))}, ${col((r) => joined(r.skills))}, ${col((r) => r.skillsNote)},
      ${col((r) => joined(r.languages))}, ${col((r) => r.prefecture)}, ${col((r) => r.region)},
      ${col((r) => joined(r.availability))}, ${col((r) => String(r.onlineOk))})
      as t(emp, joined, left_on, fields, skills, note, langs, pref, region, avail, online)
    on conflict (org_id, employee_id) do update set ${p.set}
    where ${p.changed}
    returning (r.xmax = 0) as inserted`);
  const returned = (result as unknown as { rows: Array<{ inserted: boolean }> }).rows;
  const created = returned.filter((r) => r.inserted).length;
  return { created, updated: returned.length - created };
}

async function loadLookups(ctx: Ctx): Promise<RegistrationLookups> {
  const people = await ctx.db
    .select({ id: employees.id, number: employees.employeeNumber })
    .from(employees)
    .where(eq(employees.orgId, ctx.orgId));
  const skills = await ctx.db
    .select({ code: volunteerSkills.code })
    .from(volunteerSkills)
    .where(eq(volunteerSkills.orgId, ctx.orgId));
  return {
    employees: new Map(people.map((e) => [e.number, e.id])),
    skills: new Set(skills.map((s) => s.code)),
    // The zone whose date is the latest on Earth (UTC+14): no date it accepts is in the future anywhere.
    today: todayIn('Pacific/Kiritimati'),
  };
}

const invalid = (issues: ImportIssue[], count = issues.length, rows = 0) =>
  new AppError('import_invalid', { params: { count, rows }, fields: issues });

async function run(ctx: Ctx, input: Readable, o: ImportOptions): Promise<ImportReport> {
  const csv = readCsv(input, { encoding: o.encoding });
  const report: ImportReport = {
    fileName: o.fileName,
    encoding: o.encoding ?? 'utf-8',
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    invalidRows: 0,
    issues: [],
    issueCount: 0,
    dryRun: !!o.dryRun,
    partial: !!o.partial,
    committed: false,
  };
  const progress = () => o.onProgress?.(report.rows, csv.bytesRead(), o.totalBytes ?? 0);
  const lookups = await loadLookups(ctx);
  const seen = new Map<string, number>();
  let header: Header | undefined;
  let upsertPlan: Plan | undefined;
  let batch: RegistrationImportRow[] = [];
  const flush = async () => {
    // All-or-nothing: after the first bad row nothing more is written; the rest is only validated.
    if (batch.length && (o.partial || report.issueCount === 0)) {
      const { created, updated } = await upsert(ctx.db, ctx.orgId, batch, upsertPlan!);
      report.created += created;
      report.updated += updated;
      report.unchanged += batch.length - created - updated;
    }
    batch = [];
    progress();
  };
  for await (const { row, record } of csv.records) {
    if (!header) {
      const read = readRegistrationHeader(record, row);
      if (read.issues.length) throw invalid(read.issues);
      header = read.header;
      upsertPlan = plan(header);
      continue;
    }
    report.rows++;
    const { value, issues } = validateRegistration(record, row, header, lookups);
    if (value) {
      const first = seen.get(value.employeeNumber);
      if (first === undefined) seen.set(value.employeeNumber, row);
      else {
        const column = header.names[header.index.employee_number!];
        const where = { path: `rows.${row}.employee_number`, row, column, value: value.employeeNumber };
        issues.push({ ...where, code: 'duplicate_in_file', ...({ first } as object) });
      }
    }
    if (issues.length) {
      report.invalidRows++;
      report.issueCount += issues.length;
      for (const issue of issues) if (report.issues.length < MAX_ISSUES) report.issues.push(issue);
      continue;
    }
    batch.push(value!);
    if (batch.length >= (o.batchSize ?? DEFAULT_BATCH)) await flush();
    else if (report.rows % 500 === 0) progress();
  }
  if (!header) throw invalid(readRegistrationHeader([]).issues);
  await flush();
  report.encoding = csv.encoding() ?? report.encoding;
  return report;
}

class Rollback extends Error {
  constructor(readonly report: ImportReport) {
    super('rollback');
  }
}

/**
 * Imports past registrations from a CSV stream (docs/import-formats.md): upserts by employee number in
 * one transaction, with the joining and leaving dates from the file. All-or-nothing unless `partial`.
 * One audit record per import. Throws import_invalid (row and column of each bad value), forbidden
 * without organisation-wide volunteers.manage.
 */
export async function importRegistrations(
  ctx: Ctx,
  input: Readable,
  options: ImportOptions,
): Promise<ImportReport> {
  assertHolds(ctx, 'volunteers.manage', {});
  try {
    return await inTransaction(ctx, async (tx) => {
      const report = await run(tx, input, options);
      if (options.dryRun || (report.issueCount > 0 && !options.partial)) throw new Rollback(report);
      const { fileName, encoding, rows, created, updated, unchanged, invalidRows, partial } = report;
      await audit(tx, {
        action: 'volunteer_registrations.import',
        entityType: 'volunteer_registration',
        after: { fileName, encoding, rows, created, updated, unchanged, invalidRows, partial },
      });
      return { ...report, committed: true };
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
    const { report } = err;
    if (report.issueCount > 0 && !options.partial)
      throw invalid(report.issues, report.issueCount, report.invalidRows);
    return report;
  }
}

/** importRegistrations on a file: streams it and reports progress against its size. */
export async function importRegistrationsFile(
  ctx: Ctx,
  path: string,
  options: Omit<ImportOptions, 'fileName' | 'totalBytes'> & { fileName?: string },
): Promise<ImportReport> {
  const input = createReadStream(path, { highWaterMark: 256 * 1024 });
  return importRegistrations(ctx, input, {
    ...options,
    fileName: options.fileName ?? basename(path),
    totalBytes: statSync(path).size,
  });
}
