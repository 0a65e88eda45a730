import type { Readable } from 'node:stream';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import {
  type FileImportOptions,
  type Importer,
  type ImportOptions,
  type ImportReport,
  runFileImport,
  runImport,
} from '../../lib/csv-import.js';
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

/** Past registrations as a CSV import: upserts by employee, with the dates from the file. */
const registrationsImporter: Importer<RegistrationColumn, RegistrationLookups, RegistrationImportRow, Plan> =
  {
    permission: 'volunteers.manage',
    auditAs: { action: 'volunteer_registrations.import', entityType: 'volunteer_registration' },
    readHeader: readRegistrationHeader,
    loadLookups,
    validate: validateRegistration,
    key: { column: 'employee_number', of: (row) => row.employeeNumber },
    plan,
    write: (ctx, rows, p) => upsert(ctx.db, ctx.orgId, rows, p),
  };

/**
 * Imports past registrations from a CSV stream (docs/import-formats.md): upserts by employee number in
 * one transaction, with the joining and leaving dates from the file. All-or-nothing unless `partial`.
 * One audit record per import. Throws import_invalid (row and column of each bad value), forbidden
 * without organisation-wide volunteers.manage.
 */
export function importRegistrations(
  ctx: Ctx,
  input: Readable,
  options: ImportOptions,
): Promise<ImportReport> {
  return runImport(ctx, registrationsImporter, input, options);
}

/** importRegistrations on a file: streams it and reports progress against its size. */
export function importRegistrationsFile(
  ctx: Ctx,
  path: string,
  options: FileImportOptions,
): Promise<ImportReport> {
  return runFileImport(ctx, registrationsImporter, path, options);
}
