import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import {
  type FileImportOptions,
  type Importer,
  type ImportOptions,
  type ImportReport,
  runFileImport,
  runImport,
} from '../../lib/csv-import.js';
import { departments, groupCompanies, sites } from '../organisations/organisations.table.js';
import {
  COLUMN_NAMES,
  type EmployeeImportRow,
  type ImportColumn,
  type Lookups,
  readHeader,
  validateRecord,
} from './employees.import-columns.js';
import { upsertEmployees, upsertPlan } from './employees.upsert.js';

export type { ImportOptions, ImportReport };

async function loadLookups(ctx: Ctx): Promise<Lookups> {
  const org = ctx.orgId;
  // One after the other: inside a transaction they share one connection.
  const companyRows = await ctx.db.select().from(groupCompanies).where(eq(groupCompanies.orgId, org));
  const siteRows = await ctx.db.select().from(sites).where(eq(sites.orgId, org));
  const departmentRows = await ctx.db.select().from(departments).where(eq(departments.orgId, org));
  return {
    companies: new Map(companyRows.map((c) => [c.code, c.id])),
    sites: new Map(siteRows.map((s) => [s.code, { id: s.id, companyId: s.companyId }])),
    departments: new Map(departmentRows.map((d) => [`${d.companyId}/${d.code}`, d.id])),
  };
}

/** The employee master as a CSV import: upserts by employee number (docs/import-formats.md). */
const employeesImporter: Importer<ImportColumn, Lookups, EmployeeImportRow, ReturnType<typeof upsertPlan>> = {
  permission: 'people.manage',
  auditAs: { action: 'employees.import', entityType: 'employee' },
  readHeader,
  loadLookups,
  validate: validateRecord,
  key: { column: 'employee_number', of: (row) => row.employeeNumber },
  plan: (header) => upsertPlan(new Set(COLUMN_NAMES.filter((c) => header.index[c] !== undefined))),
  write: (ctx, rows, plan) => upsertEmployees(ctx.db, ctx.orgId, rows, plan),
};

/**
 * Imports employees from a CSV stream (docs/import-formats.md): upserts by employee number, in one
 * transaction. All-or-nothing unless `partial`: any bad value and nothing is written. Writes one
 * audit record per import. Throws import_invalid (fields name each bad value's row and column),
 * forbidden without organisation-wide people.manage.
 */
export function importEmployees(ctx: Ctx, input: Readable, options: ImportOptions): Promise<ImportReport> {
  return runImport(ctx, employeesImporter, input, options);
}

/** importEmployees on a file: streams it and reports progress against its size. */
export function importEmployeesFile(
  ctx: Ctx,
  path: string,
  options: FileImportOptions,
): Promise<ImportReport> {
  return runFileImport(ctx, employeesImporter, path, options);
}
