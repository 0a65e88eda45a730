import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { assertHolds } from '../../lib/authz.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { type CsvEncoding, readCsv } from '../../lib/csv-source.js';
import { AppError } from '../../lib/errors.js';
import { departments, groupCompanies, sites } from '../organisations/organisations.table.js';
import {
  COLUMN_NAMES,
  type EmployeeImportRow,
  type ImportColumn,
  type ImportIssue,
  type Lookups,
  readHeader,
  validateRecord,
} from './employees.import-columns.js';
import { upsertEmployees, upsertPlan } from './employees.upsert.js';

export type ImportOptions = {
  /** Shown in the report and the audit record. */
  fileName: string;
  /** Leave out to detect: valid UTF-8 (with or without BOM), else Shift_JIS. */
  encoding?: CsvEncoding;
  /** Validate and count what would change, then roll everything back. */
  dryRun?: boolean;
  /** Write the valid rows and report the others, instead of all-or-nothing. */
  partial?: boolean;
  totalBytes?: number;
  batchSize?: number;
  onProgress?: (rowsDone: number, bytesRead: number, totalBytes: number) => void;
};

export type ImportReport = {
  fileName: string;
  encoding: CsvEncoding;
  /** Data rows read (blank rows are not counted). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  invalidRows: number;
  /** The first MAX_ISSUES issues; issueCount counts them all. */
  issues: ImportIssue[];
  issueCount: number;
  dryRun: boolean;
  partial: boolean;
  committed: boolean;
};

export const MAX_ISSUES = 1000;
const DEFAULT_BATCH = 2000;

class Rollback extends Error {
  constructor(readonly report: ImportReport) {
    super('rollback');
  }
}

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

function invalid(issues: ImportIssue[], count = issues.length, rows = 0): AppError {
  return new AppError('import_invalid', { params: { count, rows }, fields: issues });
}

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
  const batchSize = o.batchSize ?? DEFAULT_BATCH;
  let header: ReturnType<typeof readHeader>['header'] | undefined;
  let plan: ReturnType<typeof upsertPlan> | undefined;
  let batch: EmployeeImportRow[] = [];
  // One batch is written while the next is read and validated (at most two in memory): the database
  // and the parsing overlap instead of taking turns.
  let writing: Promise<void> = Promise.resolve();
  const write = async (rows: EmployeeImportRow[]) => {
    const { created, updated } = await upsertEmployees(ctx.db, ctx.orgId, rows, plan!);
    report.created += created;
    report.updated += updated;
    report.unchanged += rows.length - created - updated;
  };
  const flush = async () => {
    const rows = batch;
    batch = [];
    await writing;
    // All-or-nothing: after the first bad row nothing more is written; the rest is only validated.
    if (rows.length && (o.partial || report.issueCount === 0)) {
      writing = write(rows);
      writing.catch(() => undefined); // surfaces at the next await
    }
    progress();
  };

  for await (const { row, record } of csv.records) {
    if (!header) {
      const read = readHeader(record, row);
      if (read.issues.length) throw invalid(read.issues);
      header = read.header;
      const present = COLUMN_NAMES.filter((c) => read.header.index[c] !== undefined);
      plan = upsertPlan(new Set<ImportColumn>(present));
      continue;
    }
    report.rows++;
    const { value, issues } = validateRecord(record, row, header, lookups);
    if (value) {
      const first = seen.get(value.employeeNumber);
      if (first !== undefined) {
        const column = header.names[header.index.employee_number!];
        issues.push({
          path: `rows.${row}.employee_number`,
          row,
          column,
          code: 'duplicate_in_file',
          value: value.employeeNumber,
          ...({ first } as object),
        });
      } else seen.set(value.employeeNumber, row);
    }
    if (issues.length) {
      report.invalidRows++;
      report.issueCount += issues.length;
      for (const issue of issues) if (report.issues.length < MAX_ISSUES) report.issues.push(issue);
      continue;
    }
    batch.push(value!);
    if (batch.length >= batchSize) await flush();
    else if (report.rows % 500 === 0) progress();
  }
  if (!header) throw invalid(readHeader([]).issues);
  await flush();
  await writing;
  report.encoding = csv.encoding() ?? report.encoding;
  return report;
}

/**
 * Imports employees from a CSV stream (docs/import-formats.md): upserts by employee number, in one
 * transaction. All-or-nothing unless `partial`: any bad value and nothing is written. Writes one
 * audit record per import. Throws import_invalid (fields name each bad value's row and column),
 * forbidden without organisation-wide people.manage.
 */
export async function importEmployees(
  ctx: Ctx,
  input: Readable,
  options: ImportOptions,
): Promise<ImportReport> {
  assertHolds(ctx, 'people.manage', {});
  try {
    return await inTransaction(ctx, async (tx) => {
      const report = await run(tx, input, options);
      if (options.dryRun || (report.issueCount > 0 && !options.partial)) throw new Rollback(report);
      await audit(tx, {
        action: 'employees.import',
        entityType: 'employee',
        after: {
          fileName: report.fileName,
          encoding: report.encoding,
          rows: report.rows,
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
          invalidRows: report.invalidRows,
          partial: report.partial,
        },
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

/** importEmployees on a file: streams it and reports progress against its size. */
export async function importEmployeesFile(
  ctx: Ctx,
  path: string,
  options: Omit<ImportOptions, 'fileName' | 'totalBytes'> & { fileName?: string },
): Promise<ImportReport> {
  const totalBytes = statSync(path).size;
  const input = createReadStream(path, { highWaterMark: 256 * 1024 });
  return importEmployees(ctx, input, {
    ...options,
    fileName: options.fileName ?? basename(path),
    totalBytes,
  });
}
