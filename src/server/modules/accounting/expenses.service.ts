import { and, eq, inArray } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { assertHolds, holdsOn } from '../../lib/authz.js';
import { actorUserId, type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { isCheckViolation } from '../../lib/sql.js';
import { storedFiles } from '../files/files.table.js';
import { yearLabel } from '../ledger/ledger.values.js';
import {
  BASES_BY_TYPE,
  type ExpenseSource,
  expenseFiles,
  expenses,
  QUANTITY_BASES,
} from './accounting.table.js';
import type {
  Expense,
  ExpenseInput,
  ExpenseListQuery,
  ExpensePage,
  ExpenseUpdate,
} from './expenses.schema.js';
import { expenseLookups, type ValuedExpense, valueExpense } from './expenses.valuation.js';
import { expenseView, listExpenseViews } from './expenses.view.js';

export {
  type ExpenseLookups,
  expenseLookups,
  type ValuedExpense,
  valueExpense,
} from './expenses.valuation.js';

type Row = typeof expenses.$inferSelect;

const notFound = () => new AppError('not_found', { params: { entity: 'expense' } });

/** fiscal_year_closed for a year, with its label in the caller's language. */
export async function yearClosed(ctx: Ctx, fiscalYear: number): Promise<AppError> {
  return new AppError('fiscal_year_closed', { params: { year: await yearLabel(ctx, fiscalYear) } });
}

/** Runs a write; the closed-year trigger (migration 0016) becomes fiscal_year_closed. */
async function guarded<T>(ctx: Ctx, fiscalYear: number, fn: () => Promise<T>): Promise<T> {
  // Made first: once the database refuses, the transaction reads nothing more.
  const closed = await yearClosed(ctx, fiscalYear);
  try {
    return await fn();
  } catch (err) {
    if (isCheckViolation(err, 'fiscal_year_closed')) throw closed;
    throw err;
  }
}

/** Where an inserted expense comes from, beyond its valued columns. */
export type ExpenseOrigin = {
  source?: ExpenseSource;
  externalRef?: string | null;
  ledgerPostingId?: string | null;
  restatementId?: string | null;
};

/**
 * Inserts a valued expense and audits it, in the caller's transaction, with no permission check
 * (callers check: createExpense, the import, restatements, the ledger sync). Returns the row.
 * @throws AppError fiscal_year_closed (the database refuses a closed year's rows outside a restatement)
 */
export async function insertValuedExpense(ctx: Ctx, v: ValuedExpense, origin: ExpenseOrigin = {}) {
  return inTransaction(ctx, (tx) =>
    guarded(tx, v.fiscalYear, async () => {
      const [row] = await tx.db
        .insert(expenses)
        .values({
          ...v,
          orgId: tx.orgId,
          source: origin.source ?? 'app',
          externalRef: origin.externalRef ?? null,
          ledgerPostingId: origin.ledgerPostingId ?? null,
          restatementId: origin.restatementId ?? null,
          createdBy: actorUserId(tx),
        })
        .returning();
      await audit(tx, { action: 'expense.create', entityType: 'expense', entityId: row.id, after: row });
      return row;
    }),
  );
}

/**
 * Records an expense entered in the app, valued by valueExpense. Throws forbidden (expenses.manage
 * on the company), validation_failed (see valueExpense), fiscal_year_closed.
 */
export async function createExpense(ctx: Ctx, input: ExpenseInput): Promise<Expense> {
  assertHolds(ctx, 'expenses.manage', { companyId: input.companyId });
  return inTransaction(ctx, async (tx) => {
    const lookups = await expenseLookups(tx);
    const valued = valueExpense(input, lookups);
    if (lookups.closedYears.has(valued.fiscalYear)) throw await yearClosed(tx, valued.fiscalYear);
    const row = await insertValuedExpense(tx, valued);
    return (await expenseView(tx, row.id)) as Expense;
  });
}

/** One expense, for a reader of the expense's company. Throws not_found (also outside the reader's scope). */
export async function getExpense(ctx: Ctx, id: string): Promise<Expense> {
  const view = await expenseView(ctx, id);
  if (!view || !holdsOn(ctx.actor, 'expenses.read', { companyId: view.companyId })) throw notFound();
  return view;
}

/** Expenses matching a filter, a page at a time, with `sumJpy` over the whole filter. */
export function listExpenses(ctx: Ctx, query: ExpenseListQuery): Promise<ExpensePage> {
  return listExpenseViews(ctx, query);
}

async function lockedRow(ctx: Ctx, id: string): Promise<Row> {
  const [row] = await ctx.db
    .select()
    .from(expenses)
    .where(and(eq(expenses.orgId, ctx.orgId), eq(expenses.id, id)))
    .for('update');
  if (!row || !holdsOn(ctx.actor, 'expenses.read', { companyId: row.companyId })) throw notFound();
  assertHolds(ctx, 'expenses.manage', { companyId: row.companyId });
  return row;
}

const MONEY_FIELDS = [
  'spentOn',
  'companyId',
  'type',
  'valuationBasis',
  'quantity',
  'unitPriceMinor',
  'currency',
  'amountMinor',
  'costMinor',
] as const;

/** The stored row merged with a change, as valueExpense's input (values it recomputes left out). */
function merged(row: Row, patch: ExpenseUpdate): ExpenseInput & { adjustsExpenseId: string | null } {
  const pick = <K extends keyof ExpenseUpdate>(k: K, stored: unknown) =>
    (patch[k] !== undefined ? patch[k] : stored) as never;
  const type = pick('type', row.type);
  const basis =
    patch.valuationBasis ??
    (patch.type && patch.type !== row.type ? BASES_BY_TYPE[patch.type][0] : row.valuationBasis);
  const byQuantity = (QUANTITY_BASES as readonly string[]).includes(basis);
  const sameBasis = basis === row.valuationBasis;
  return {
    spentOn: pick('spentOn', row.spentOn),
    companyId: pick('companyId', row.companyId),
    programId: pick('programId', row.programId),
    partnerId: pick('partnerId', row.partnerId),
    recipientText: pick('recipientText', row.recipientText),
    descriptionJa: pick('descriptionJa', row.descriptionJa),
    descriptionEn: pick('descriptionEn', row.descriptionEn),
    type,
    valuationBasis: basis as never,
    quantity: sameBasis ? pick('quantity', row.quantity) : patch.quantity,
    unitPriceMinor: sameBasis ? pick('unitPriceMinor', row.unitPriceMinor) : patch.unitPriceMinor,
    currency: pick('currency', row.currency),
    amountMinor: byQuantity ? patch.amountMinor : pick('amountMinor', row.amountMinor),
    costMinor: sameBasis ? pick('costMinor', row.costMinor) : patch.costMinor,
    keidanrenField: pick('keidanrenField', row.keidanrenField),
    companyField: pick('companyField', row.companyField),
    b4siCause: pick('b4siCause', row.b4siCause),
    b4siMotivation: pick('b4siMotivation', row.b4siMotivation),
    b4siRegion: pick('b4siRegion', row.b4siRegion),
    channel: pick('channel', row.channel),
    political: pick('political', row.political),
    adjustsExpenseId: row.adjustsExpenseId,
  };
}

/**
 * Changes an expense of an open year; the result is valued again (amount, yen value). An expense
 * posted from the ledger keeps its money fields (they follow its posting). Throws not_found,
 * forbidden (expenses.manage on its company, and on the new one when it moves), validation_failed
 * (see valueExpense; from_ledger), fiscal_year_closed (its year or the new one).
 */
export async function updateExpense(ctx: Ctx, id: string, patch: ExpenseUpdate): Promise<Expense> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockedRow(tx, id);
    if (patch.companyId && patch.companyId !== before.companyId)
      assertHolds(tx, 'expenses.manage', { companyId: patch.companyId });
    if (before.source === 'ledger') {
      const touched = MONEY_FIELDS.filter((f) => patch[f] !== undefined);
      if (touched.length)
        throw new AppError('validation_failed', {
          fields: touched.map((path) => ({ path, code: 'from_ledger' })),
        });
    }
    const lookups = await expenseLookups(tx);
    if (lookups.closedYears.has(before.fiscalYear)) throw await yearClosed(tx, before.fiscalYear);
    const valued = valueExpense(merged(before, patch), lookups);
    if (lookups.closedYears.has(valued.fiscalYear)) throw await yearClosed(tx, valued.fiscalYear);
    const after = await guarded(tx, valued.fiscalYear, async () => {
      const [row] = await tx.db
        .update(expenses)
        .set({ ...valued, updatedAt: new Date() })
        .where(and(eq(expenses.orgId, tx.orgId), eq(expenses.id, id)))
        .returning();
      return row;
    });
    await audit(tx, { action: 'expense.update', entityType: 'expense', entityId: id, before, after });
    return (await expenseView(tx, id)) as Expense;
  });
}

/**
 * Deletes an expense of an open year (its attachments' links go with it). Throws not_found,
 * forbidden, fiscal_year_closed, validation_failed (from_ledger: a ledger posting's expense goes
 * only with a reversal of the posting; adjusted: another expense adjusts it).
 */
export async function deleteExpense(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await lockedRow(tx, id);
    if (before.source === 'ledger')
      throw new AppError('validation_failed', { fields: [{ path: 'source', code: 'from_ledger' }] });
    const [adjusting] = await tx.db
      .select({ id: expenses.id })
      .from(expenses)
      .where(and(eq(expenses.orgId, tx.orgId), eq(expenses.adjustsExpenseId, id)))
      .limit(1);
    if (adjusting) throw new AppError('validation_failed', { fields: [{ path: 'id', code: 'adjusted' }] });
    await guarded(tx, before.fiscalYear, () =>
      tx.db.delete(expenses).where(and(eq(expenses.orgId, tx.orgId), eq(expenses.id, id))),
    );
    await audit(tx, { action: 'expense.delete', entityType: 'expense', entityId: id, before });
  });
}

/**
 * Replaces an expense's attachments with files uploaded for expenses (purpose expense_attachment).
 * Allowed in a closed year too: an invoice changes no figure. Throws not_found, forbidden,
 * validation_failed (fileIds.N: not_found, file_purpose).
 */
export async function setExpenseFiles(ctx: Ctx, id: string, fileIds: string[]): Promise<Expense> {
  const ids = [...new Set(fileIds)];
  return inTransaction(ctx, async (tx) => {
    await lockedRow(tx, id);
    const found = ids.length
      ? await tx.db
          .select({ id: storedFiles.id, purpose: storedFiles.purpose })
          .from(storedFiles)
          .where(and(eq(storedFiles.orgId, tx.orgId), inArray(storedFiles.id, ids)))
      : [];
    const issues = ids.flatMap((fileId, i) => {
      const f = found.find((x) => x.id === fileId);
      if (!f) return [{ path: `fileIds.${i}`, code: 'not_found' }];
      return f.purpose === 'expense_attachment' ? [] : [{ path: `fileIds.${i}`, code: 'file_purpose' }];
    });
    if (issues.length) throw new AppError('validation_failed', { fields: issues });
    const key = and(eq(expenseFiles.orgId, tx.orgId), eq(expenseFiles.expenseId, id));
    const before = (await tx.db.select({ fileId: expenseFiles.fileId }).from(expenseFiles).where(key)).map(
      (f) => f.fileId,
    );
    await tx.db.delete(expenseFiles).where(key);
    if (ids.length)
      await tx.db
        .insert(expenseFiles)
        .values(ids.map((fileId) => ({ orgId: tx.orgId, expenseId: id, fileId })));
    await audit(tx, {
      action: 'expense.files',
      entityType: 'expense',
      entityId: id,
      before: { fileIds: before },
      after: { fileIds: ids },
    });
    return (await expenseView(tx, id)) as Expense;
  });
}
