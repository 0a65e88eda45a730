import { and, eq } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { assertHolds } from '../../lib/authz.js';
import { actorUserId, type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type FieldIssue } from '../../lib/errors.js';
import { yearLabel } from '../ledger/ledger.values.js';
import { reportFigures } from '../reports/report.figures.js';
import { expenses, fiscalYearCloses, restatements } from './accounting.table.js';
import {
  type ExpenseLookups,
  expenseLookups,
  insertValuedExpense,
  type ValuedExpense,
  valueExpense,
} from './expenses.service.js';
import { restatementById } from './restatements.list.js';
import type { Restatement, RestatementCreate, RestatementLineInput } from './restatements.schema.js';

export { listRestatements, restatementsForReport } from './restatements.list.js';

/** The close of a year, or undefined while it is open. */
export async function closeOf(ctx: Ctx, startYear: number) {
  const [row] = await ctx.db
    .select()
    .from(fiscalYearCloses)
    .where(and(eq(fiscalYearCloses.orgId, ctx.orgId), eq(fiscalYearCloses.fiscalYear, startYear)));
  return row;
}

/**
 * Opens a restatement of a closed year (its rows may then be inserted), in the caller's transaction.
 * Seal it with sealRestatement once its rows are in.
 */
export async function openRestatement(
  ctx: Ctx,
  startYear: number,
  reason: { reasonJa: string | null; reasonEn: string | null },
): Promise<string> {
  const [row] = await ctx.db
    .insert(restatements)
    .values({ orgId: ctx.orgId, fiscalYear: startYear, ...reason, createdBy: actorUserId(ctx) })
    .returning({ id: restatements.id });
  return row.id;
}

/**
 * Stores the year's figures after the restatement (its snapshot, written once: from then on the
 * database refuses more rows for it) and audits it.
 */
export async function sealRestatement(ctx: Ctx, id: string, startYear: number): Promise<void> {
  const snapshot = await reportFigures(ctx, startYear);
  const [row] = await ctx.db
    .update(restatements)
    .set({ snapshot })
    .where(and(eq(restatements.orgId, ctx.orgId), eq(restatements.id, id)))
    .returning();
  await audit(ctx, {
    action: 'restatement.create',
    entityType: 'restatement',
    entityId: id,
    after: {
      fiscalYear: row.fiscalYear,
      reasonJa: row.reasonJa,
      reasonEn: row.reasonEn,
      totalJpy: snapshot.expenses.totalJpy,
    },
  });
}

const negated = (n: number | null) => (n === null ? null : -n);

/** The exact negative of an expense, every column copied (a line `{adjustsExpenseId, reverse}`). */
function reversalOf(row: typeof expenses.$inferSelect): ValuedExpense {
  return {
    spentOn: row.spentOn,
    fiscalYear: row.fiscalYear,
    companyId: row.companyId,
    programId: row.programId,
    partnerId: row.partnerId,
    recipientText: row.recipientText,
    descriptionJa: row.descriptionJa,
    descriptionEn: row.descriptionEn,
    type: row.type as ValuedExpense['type'],
    valuationBasis: row.valuationBasis as ValuedExpense['valuationBasis'],
    channel: row.channel as ValuedExpense['channel'],
    political: row.political,
    quantity: row.quantity === null ? null : String(-Number(row.quantity)),
    unitPriceMinor: row.unitPriceMinor,
    currency: row.currency,
    amountMinor: -row.amountMinor,
    amountJpy: -row.amountJpy,
    costMinor: negated(row.costMinor),
    costJpy: negated(row.costJpy),
    keidanrenField: row.keidanrenField,
    companyField: row.companyField,
    b4siCause: row.b4siCause,
    b4siMotivation: row.b4siMotivation,
    b4siRegion: row.b4siRegion,
    adjustsExpenseId: row.id,
  };
}

/** Values every line (field issues under `lines.<i>.`), all of them before anything is written. */
async function valueLines(
  ctx: Ctx,
  startYear: number,
  lines: RestatementLineInput[],
  lookups: ExpenseLookups,
): Promise<ValuedExpense[]> {
  const issues: FieldIssue[] = [];
  const out: ValuedExpense[] = [];
  for (const [i, line] of lines.entries()) {
    const at = (path: string) => `lines.${i}.${path}`;
    let adjusted: typeof expenses.$inferSelect | undefined;
    if (line.adjustsExpenseId) {
      [adjusted] = await ctx.db
        .select()
        .from(expenses)
        .where(and(eq(expenses.orgId, ctx.orgId), eq(expenses.id, line.adjustsExpenseId)));
      if (!adjusted) issues.push({ path: at('adjustsExpenseId'), code: 'not_found' });
      else if (adjusted.fiscalYear !== startYear)
        issues.push({ path: at('adjustsExpenseId'), code: 'not_in_year' });
    }
    if ('reverse' in line) {
      if (adjusted?.fiscalYear === startYear) out.push(reversalOf(adjusted));
      continue;
    }
    try {
      const valued = valueExpense(line, lookups);
      if (valued.fiscalYear !== startYear) issues.push({ path: at('spentOn'), code: 'not_in_year' });
      else if (!line.adjustsExpenseId && valued.amountMinor < 0)
        issues.push({ path: at('amountMinor'), code: 'amount_not_positive' });
      out.push(valued);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation_failed') throw err;
      issues.push(...err.fields.map((f) => ({ ...f, path: at(f.path) })));
    }
  }
  if (issues.length) throw new AppError('validation_failed', { fields: issues });
  return out;
}

/**
 * Corrects a closed fiscal year: the reason (ja and/or en) and lines valued like any expense
 * (valueExpense), inserted as the restatement's rows; a line may adjust (or, with `reverse`, take
 * back) an expense of the year. Then the year's figures after it are stored as its snapshot, which
 * the report reads from then on. Needs years.close (organisation-wide) and the lines' companies'
 * expenses.manage. Throws forbidden, fiscal_year_not_closed, validation_failed (reasonJa required;
 * lines.<i>.<field>: not_found, not_in_year, and valueExpense's codes).
 */
export async function createRestatement(
  ctx: Ctx,
  startYear: number,
  input: RestatementCreate,
): Promise<Restatement> {
  assertHolds(ctx, 'years.close', {});
  const reasonJa = input.reasonJa?.trim() || null;
  const reasonEn = input.reasonEn?.trim() || null;
  return inTransaction(ctx, async (tx) => {
    if (!(await closeOf(tx, startYear)))
      throw new AppError('fiscal_year_not_closed', { params: { year: await yearLabel(tx, startYear) } });
    if (!reasonJa && !reasonEn)
      throw new AppError('validation_failed', { fields: [{ path: 'reasonJa', code: 'required' }] });
    const valued = await valueLines(tx, startYear, input.lines, await expenseLookups(tx));
    for (const v of valued) assertHolds(tx, 'expenses.manage', { companyId: v.companyId });
    const id = await openRestatement(tx, startYear, { reasonJa, reasonEn });
    for (const v of valued) await insertValuedExpense(tx, v, { source: 'app', restatementId: id });
    await sealRestatement(tx, id, startYear);
    return (await restatementById(tx, id)) as Restatement;
  });
}
