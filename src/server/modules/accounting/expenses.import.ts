import type { Readable } from 'node:stream';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { companiesFor, holdsOn } from '../../lib/authz.js';
import type { Ctx } from '../../lib/context.js';
import {
  type FileImportOptions,
  type Importer,
  type ImportIssue,
  type ImportOptions,
  type ImportReport,
  looseKey,
  runFileImport,
  runImport,
} from '../../lib/csv-import.js';
import { AppError } from '../../lib/errors.js';
import { isCheckViolation } from '../../lib/sql.js';
import { minorDigits } from '../ledger/ledger.values.js';
import { expenses } from './accounting.table.js';
import {
  BASIS_WORDS,
  BOOLEAN_WORDS,
  CHANNEL_WORDS,
  COLUMN_OF_FIELD,
  type ExpenseColumn,
  type ExpenseHeader,
  parseMoney,
  readExpenseHeader,
  TYPE_WORDS,
} from './expenses.import-columns.js';
import type { ExpenseInput } from './expenses.schema.js';
import {
  type ExpenseLookups,
  expenseLookups,
  normaliseQuantity,
  type ValuedExpense,
  valueExpense,
} from './expenses.valuation.js';

export type { ImportOptions, ImportReport };

type Stored = typeof expenses.$inferSelect;
type Lookups = ExpenseLookups & { byRef: Map<string, Stored>; manages: (companyId: string) => boolean };
type ImportRow = { ref: string; valued: ValuedExpense; existing: Stored | null; changed: boolean };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The row's cells as valueExpense's input, or the issues of the cells that cannot be read. */
function readRow(
  get: (c: ExpenseColumn) => string,
  lookups: Lookups,
  add: (c: ExpenseColumn, code: string, extra?: object) => void,
) {
  const spentOn = get('spent_on').normalize('NFKC').replaceAll('/', '-');
  if (!spentOn) add('spent_on', 'required');
  else if (!DATE.test(spentOn) || Number.isNaN(Date.parse(spentOn))) add('spent_on', 'invalid_date');
  const companyId = lookups.companyByCode.get(get('company_code'));
  if (!get('company_code')) add('company_code', 'required');
  else if (!companyId) add('company_code', 'unknown_company');
  else if (!lookups.manages(companyId)) add('company_code', 'company_not_in_scope');
  const code = (column: ExpenseColumn, map: Map<string, string>, unknown: string) => {
    const v = get(column);
    if (!v) return null;
    const id = map.get(v);
    if (!id) add(column, unknown);
    return id ?? null;
  };
  const programId = code('program_code', lookups.programByCode, 'unknown_program');
  const partnerId = code('partner_code', lookups.partnerByCode, 'unknown_partner');
  const word = <T>(column: ExpenseColumn, map: Map<string, T>, unknown: string) => {
    const v = get(column);
    if (!v) return undefined;
    const found = map.get(looseKey(v));
    if (found === undefined) add(column, unknown);
    return found;
  };
  const type = word('type', TYPE_WORDS, 'unknown_type');
  if (!get('type')) add('type', 'required');
  const currency =
    get('currency').toUpperCase() ||
    (companyId ? lookups.companies.get(companyId)?.currency : undefined) ||
    'JPY';
  let digits = 0;
  try {
    digits = minorDigits(currency);
  } catch {
    add('currency', 'unknown_currency');
  }
  const money = (column: ExpenseColumn) => {
    const v = get(column);
    if (!v) return null;
    const minor = parseMoney(v, digits);
    if (minor === null) add(column, 'invalid_amount', { digits });
    return minor;
  };
  const classified = (column: ExpenseColumn) => get(column) || null;
  const input: ExpenseInput = {
    spentOn,
    companyId: companyId ?? '',
    programId,
    partnerId,
    recipientText: get('recipient') || null,
    descriptionJa: get('description_ja') || null,
    descriptionEn: get('description_en') || null,
    type: type ?? 'cash_donation',
    valuationBasis: word('valuation_basis', BASIS_WORDS, 'unknown_basis'),
    quantity: get('quantity').normalize('NFKC').replace(/,/g, '') || null,
    unitPriceMinor: money('unit_price'),
    currency,
    amountMinor: money('amount'),
    costMinor: money('cost'),
    keidanrenField: classified('keidanren_field'),
    companyField: classified('company_field'),
    b4siCause: classified('b4si_cause'),
    b4siMotivation: classified('b4si_motivation'),
    b4siRegion: classified('b4si_region'),
    channel: word('channel', CHANNEL_WORDS, 'unknown_channel'),
    political: word('political', BOOLEAN_WORDS, 'invalid_boolean'),
  };
  return input;
}

/** True when the stored row holds exactly what the file's row values to. */
function same(stored: Stored, v: ValuedExpense): boolean {
  return (Object.keys(v) as (keyof ValuedExpense)[]).every((k) => {
    const a = stored[k];
    const b = v[k];
    if (k === 'quantity') return (a === null ? null : normaliseQuantity(a as string)) === b;
    return a === b;
  });
}

function validate(record: string[], row: number, header: ExpenseHeader, lookups: Lookups) {
  const issues: ImportIssue[] = [];
  const get = (c: ExpenseColumn) => {
    const i = header.index[c];
    return i === undefined ? '' : (record[i] ?? '').trim();
  };
  const add = (c: ExpenseColumn, code: string, extra: object = {}) => {
    const i = header.index[c];
    issues.push({
      path: `rows.${row}.${c}`,
      row,
      column: i === undefined ? c : header.names[i],
      code,
      value: get(c),
      ...extra,
    });
  };
  if (record.length !== header.names.length) {
    const counts = { found: record.length, expected: header.names.length };
    issues.push({ path: `rows.${row}`, row, column: '', code: 'column_count', ...(counts as object) });
  }
  const ref = get('external_ref');
  if (!ref) add('external_ref', 'required');
  else if (ref.length > 100) add('external_ref', 'too_big');
  const input = readRow(get, lookups, add);
  if (issues.length) return { value: null, issues };
  let valued: ValuedExpense;
  try {
    valued = valueExpense(input, lookups);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    for (const f of err.fields) {
      const { path, code, ...extra } = f;
      add(COLUMN_OF_FIELD[path] ?? 'external_ref', code, extra);
    }
    return { value: null, issues };
  }
  const existing = lookups.byRef.get(ref) ?? null;
  const changed = !existing || !same(existing, valued);
  if (
    changed &&
    existing &&
    (lookups.closedYears.has(existing.fiscalYear) || !lookups.manages(existing.companyId))
  )
    add(
      'external_ref',
      lookups.closedYears.has(existing.fiscalYear) ? 'ref_in_closed_year' : 'company_not_in_scope',
    );
  else if (changed && lookups.closedYears.has(valued.fiscalYear)) add('spent_on', 'fiscal_year_closed');
  if (issues.length) return { value: null, issues };
  return { value: { ref, valued, existing, changed }, issues };
}

const CHUNK = 500;

/** Inserts the new rows of a batch (in chunks), updates the changed ones; the others are unchanged. */
async function write(ctx: Ctx, rows: ImportRow[], lookups: Lookups) {
  try {
    return await writeRows(ctx, rows, lookups);
  } catch (err) {
    // A year closed while the file was read: the database refuses its rows.
    if (isCheckViolation(err, 'fiscal_year_closed'))
      throw new AppError('fiscal_year_closed', { params: { year: '' } });
    throw err;
  }
}

async function writeRows(ctx: Ctx, rows: ImportRow[], lookups: Lookups) {
  const fresh = rows.filter((r) => !r.existing);
  for (let i = 0; i < fresh.length; i += CHUNK) {
    const chunk = fresh.slice(i, i + CHUNK);
    const inserted = await ctx.db
      .insert(expenses)
      .values(chunk.map((r) => ({ ...r.valued, orgId: ctx.orgId, source: 'import', externalRef: r.ref })))
      .returning();
    for (const s of inserted) lookups.byRef.set(s.externalRef as string, s);
  }
  const changed = rows.filter((r) => r.existing && r.changed);
  for (const r of changed) {
    await ctx.db
      .update(expenses)
      .set({ ...r.valued, source: 'import', updatedAt: sql`now()` })
      .where(and(eq(expenses.orgId, ctx.orgId), eq(expenses.id, (r.existing as Stored).id)));
  }
  return { created: fresh.length, updated: changed.length };
}

function importer(ctx: Ctx): Importer<ExpenseColumn, Lookups, ImportRow, null> {
  let lookups: Lookups | undefined;
  // A company-scoped finance user may import: each row is then checked against the user's companies.
  const scope = companiesFor(ctx.actor, 'expenses.manage');
  return {
    permission: 'expenses.manage',
    scope: scope === 'all' ? undefined : { companyId: scope.companyIds[0] ?? null },
    auditAs: { action: 'expense.import', entityType: 'expense' },
    readHeader: readExpenseHeader,
    loadLookups: async (ctx) => {
      const [base, stored] = await Promise.all([
        expenseLookups(ctx),
        ctx.db
          .select()
          .from(expenses)
          .where(and(eq(expenses.orgId, ctx.orgId), isNotNull(expenses.externalRef))),
      ]);
      lookups = {
        ...base,
        byRef: new Map(stored.map((s) => [s.externalRef as string, s])),
        manages: (companyId) => holdsOn(ctx.actor, 'expenses.manage', { companyId }),
      };
      return lookups;
    },
    validate,
    key: { column: 'external_ref', of: (row) => row.ref },
    plan: () => null,
    write: (ctx, rows) => write(ctx, rows, lookups as Lookups),
  };
}

/**
 * Imports expenses from accounting as CSV (docs/import-formats.md, "Expenses"; UTF-8 or Shift_JIS),
 * each row valued like an expense entered in the app, idempotent by external_ref: the same reference
 * with the same content is unchanged, with other content in an open year it is updated, in a closed
 * year it is a row error (ref_in_closed_year, fiscal_year_closed). All-or-nothing; one audit record.
 * Throws forbidden (expenses.manage; a row of a company outside the caller's scope is a row error),
 * import_invalid (row and column of each bad value).
 */
export function importExpenses(ctx: Ctx, input: Readable, options: ImportOptions): Promise<ImportReport> {
  return runImport(ctx, importer(ctx), input, options);
}

/** importExpenses on a file: streams it and reports progress against its size. */
export function importExpensesFile(
  ctx: Ctx,
  path: string,
  options: FileImportOptions,
): Promise<ImportReport> {
  return runFileImport(ctx, importer(ctx), path, options);
}
