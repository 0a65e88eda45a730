import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import type { Permission } from '../../shared/roles.js';
import { audit } from './audit.js';
import { assertHolds, type Scope } from './authz.js';
import { type Ctx, inTransaction } from './context.js';
import { type CsvEncoding, readCsv } from './csv-source.js';
import { AppError, type FieldIssue } from './errors.js';

/** A bad value in a CSV file: where it is (row and column as written) and what is wrong with it. */
export type ImportIssue = FieldIssue & { row: number; column: string; value?: string };

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

/** A header read from the first record: where each known column sits, and the names as written. */
export type ImportHeader<C extends string> = { index: Partial<Record<C, number>>; names: string[] };

/** How header cells and listed words in cells are compared: full-width folded, case and spaces ignored. */
export const looseKey = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');

/**
 * The header reader of an import's columns (each with its aliases, e.g. the Japanese heading, and
 * whether it is required): maps a header record to the known columns and reports unknown, repeated
 * and missing columns, with the row and the column as written.
 */
export function headerReader<C extends string>(
  columns: Record<C, { aliases: readonly string[]; required?: boolean }>,
): (record: string[], row?: number) => { header: ImportHeader<C>; issues: ImportIssue[] } {
  const names = Object.keys(columns) as C[];
  const aliases = new Map<string, C>();
  for (const name of names) {
    aliases.set(looseKey(name), name);
    for (const alias of columns[name].aliases) aliases.set(looseKey(alias), name);
  }
  return (record, row = 1) => {
    const header: ImportHeader<C> = { index: {}, names: record.map((h) => h.trim()) };
    const issues: ImportIssue[] = [];
    record.forEach((raw, i) => {
      const column = aliases.get(looseKey(raw));
      const name = raw.trim();
      const issue = (code: string) => issues.push({ path: `rows.${row}.${name}`, row, column: name, code });
      if (!column) issue('unknown_column');
      else if (header.index[column] !== undefined) issue('duplicate_column');
      else header.index[column] = i;
    });
    for (const column of names) {
      if (columns[column].required && header.index[column] === undefined)
        issues.push({ path: `rows.${row}.${column}`, row, column, code: 'missing_column' });
    }
    return { header, issues };
  };
}

/**
 * What one kind of import knows; `runImport` does the rest (streaming, batching, the key given twice,
 * all-or-nothing, dry runs, progress, the audit record). Rows are keyed by `key` (unique in a file).
 */
export type Importer<C extends string, L, R, P> = {
  /** Permission the import needs, organisation-wide unless `scope` names where it applies. */
  permission: Permission;
  /** The company (or site) the rows belong to, e.g. a program's owning company. */
  scope?: Scope;
  /** Audit action and record type of the one audit record per import. */
  auditAs: { action: string; entityType: string };
  readHeader: (record: string[], row?: number) => { header: ImportHeader<C>; issues: ImportIssue[] };
  loadLookups: (ctx: Ctx) => Promise<L>;
  validate: (
    record: string[],
    row: number,
    header: ImportHeader<C>,
    lookups: L,
  ) => { value: R | null; issues: ImportIssue[] };
  /** The column that identifies a row, and its value in a valid row. */
  key: { column: C; of: (row: R) => string };
  /** What a batch write needs to know about the header (e.g. which columns an update may touch). */
  plan: (header: ImportHeader<C>) => P;
  write: (ctx: Ctx, rows: R[], plan: P) => Promise<{ created: number; updated: number }>;
};

export const MAX_ISSUES = 1000;
const DEFAULT_BATCH = 2000;

export function invalid(issues: ImportIssue[], count = issues.length, rows = 0): AppError {
  return new AppError('import_invalid', { params: { count, rows }, fields: issues });
}

class Rollback extends Error {
  constructor(readonly report: ImportReport) {
    super('rollback');
  }
}

async function run<C extends string, L, R, P>(
  ctx: Ctx,
  importer: Importer<C, L, R, P>,
  input: Readable,
  o: ImportOptions,
): Promise<ImportReport> {
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
  const lookups = await importer.loadLookups(ctx);
  const seen = new Map<string, number>();
  const batchSize = o.batchSize ?? DEFAULT_BATCH;
  let header: ImportHeader<C> | undefined;
  let plan: P | undefined;
  let batch: R[] = [];
  // One batch is written while the next is read and validated (at most two in memory): the database
  // and the parsing overlap instead of taking turns.
  let writing: Promise<void> = Promise.resolve();
  const write = async (rows: R[]) => {
    const { created, updated } = await importer.write(ctx, rows, plan as P);
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
      const read = importer.readHeader(record, row);
      if (read.issues.length) throw invalid(read.issues);
      header = read.header;
      plan = importer.plan(header);
      continue;
    }
    report.rows++;
    const { value, issues } = importer.validate(record, row, header, lookups);
    if (value) {
      const key = importer.key.of(value);
      const first = seen.get(key);
      if (first !== undefined) {
        const column = header.names[header.index[importer.key.column] as number];
        const path = `rows.${row}.${importer.key.column}`;
        issues.push({ path, row, column, code: 'duplicate_in_file', value: key, ...({ first } as object) });
      } else seen.set(key, row);
    }
    if (issues.length) {
      report.invalidRows++;
      report.issueCount += issues.length;
      for (const issue of issues) if (report.issues.length < MAX_ISSUES) report.issues.push(issue);
      continue;
    }
    batch.push(value as R);
    if (batch.length >= batchSize) await flush();
    else if (report.rows % 500 === 0) progress();
  }
  if (!header) throw invalid(importer.readHeader([]).issues);
  await flush();
  await writing;
  report.encoding = csv.encoding() ?? report.encoding;
  return report;
}

/**
 * Imports a CSV stream with an importer, in one transaction: all or nothing unless `partial` (any bad
 * value and nothing is written), one audit record per import. Throws import_invalid (fields name each
 * bad value's row and column), forbidden without the importer's permission (organisation-wide, or on its
 * `scope`).
 */
export async function runImport<C extends string, L, R, P>(
  ctx: Ctx,
  importer: Importer<C, L, R, P>,
  input: Readable,
  options: ImportOptions,
): Promise<ImportReport> {
  assertHolds(ctx, importer.permission, importer.scope ?? {});
  try {
    return await inTransaction(ctx, async (tx) => {
      const report = await run(tx, importer, input, options);
      if (options.dryRun || (report.issueCount > 0 && !options.partial)) throw new Rollback(report);
      const { fileName, encoding, rows, created, updated, unchanged, invalidRows, partial } = report;
      await audit(tx, {
        ...importer.auditAs,
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

export type FileImportOptions = Omit<ImportOptions, 'fileName' | 'totalBytes'> & { fileName?: string };

/** runImport on a file: streams it and reports progress against its size. */
export function runFileImport<C extends string, L, R, P>(
  ctx: Ctx,
  importer: Importer<C, L, R, P>,
  path: string,
  options: FileImportOptions,
): Promise<ImportReport> {
  const input = createReadStream(path, { highWaterMark: 256 * 1024 });
  return runImport(ctx, importer, input, {
    ...options,
    fileName: options.fileName ?? basename(path),
    totalBytes: statSync(path).size,
  });
}
