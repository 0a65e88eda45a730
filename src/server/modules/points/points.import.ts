import type { Readable } from 'node:stream';
import { and, eq, like } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import {
  type FileImportOptions,
  type Importer,
  type ImportOptions,
  type ImportReport,
  runFileImport,
  runImport,
} from '../../lib/csv-import.js';
import { ledgerPostings } from '../ledger/ledger.table.js';
import { ledgerSettings, ledgerToday } from '../ledger/ledger.values.js';
import { employees } from '../people/people.table.js';
import {
  type PointColumn,
  type PointImportRow,
  type PointLookups,
  readPointHeader,
  validatePointRow,
} from './points.import-columns.js';
import { GRANT_KEY_PREFIX, postGrant, yearInfo } from './points.service.js';

export type { ImportOptions, ImportReport };

async function loadLookups(ctx: Ctx): Promise<PointLookups> {
  const people = await ctx.db
    .select({ id: employees.id, number: employees.employeeNumber })
    .from(employees)
    .where(eq(employees.orgId, ctx.orgId));
  const grants = await ctx.db
    .select({ key: ledgerPostings.idempotencyKey, hash: ledgerPostings.requestHash })
    .from(ledgerPostings)
    .where(
      and(
        eq(ledgerPostings.orgId, ctx.orgId),
        eq(ledgerPostings.kind, 'grant'),
        like(ledgerPostings.idempotencyKey, `${GRANT_KEY_PREFIX}%`),
      ),
    );
  const s = await ledgerSettings(ctx);
  const today = ledgerToday();
  return {
    employees: new Map(people.map((e) => [e.number, e.id])),
    grants: new Map(grants.map((g) => [g.key, g.hash])),
    ended: (fy) => yearInfo(s, fy, ctx.locale, today).ended,
  };
}

/** Posts each grant of a batch through the ledger; a reference posted before with the same content is unchanged. */
async function write(ctx: Ctx, rows: PointImportRow[]) {
  let created = 0;
  for (const row of rows) {
    const { replayed } = await postGrant(ctx, row);
    if (!replayed) created++;
  }
  return { created, updated: 0 };
}

/** Grants from the benefit system as a CSV import: one posting per grant reference. */
const pointsImporter: Importer<PointColumn, PointLookups, PointImportRow, null> = {
  permission: 'points.manage',
  auditAs: { action: 'points.import', entityType: 'ledger_posting' },
  readHeader: readPointHeader,
  loadLookups,
  validate: validatePointRow,
  key: { column: 'grant_reference', of: (row) => row.reference },
  plan: () => null,
  write: (ctx, rows) => write(ctx, rows),
};

/**
 * Imports point grants from a CSV stream (docs/import-formats.md) in one transaction, idempotent by
 * grant reference: a reference already posted with the same content is left unchanged, with other
 * content it is a row error. All-or-nothing unless `partial`; one audit record per import.
 * Throws import_invalid (row and column of each bad value), forbidden without organisation-wide
 * points.manage.
 */
export function importPoints(ctx: Ctx, input: Readable, options: ImportOptions): Promise<ImportReport> {
  return runImport(ctx, pointsImporter, input, options);
}

/** importPoints on a file: streams it and reports progress against its size. */
export function importPointsFile(ctx: Ctx, path: string, options: FileImportOptions): Promise<ImportReport> {
  return runFileImport(ctx, pointsImporter, path, options);
}
