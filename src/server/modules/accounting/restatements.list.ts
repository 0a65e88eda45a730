import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { offsetOf, type PageQuery } from '../../lib/pagination.js';
import { toNumber } from '../../lib/sql.js';
import { users } from '../auth/auth.table.js';
import { groupCompanies } from '../organisations/organisations.table.js';
import type { ExpenseSource, ExpenseType } from './accounting.table.js';
import { expenses, fiscalYearCloses, restatements } from './accounting.table.js';
import type { Restatement, RestatementPage } from './restatements.schema.js';

const totalOf = (snapshot: unknown) =>
  toNumber((snapshot as { expenses?: { totalJpy?: number } } | null)?.expenses?.totalJpy ?? 0);

/** A year's restatements, oldest first, each with the total before it and after it. */
async function yearRestatements(ctx: Ctx, startYear: number) {
  const [close] = await ctx.db
    .select({ snapshot: fiscalYearCloses.snapshot })
    .from(fiscalYearCloses)
    .where(and(eq(fiscalYearCloses.orgId, ctx.orgId), eq(fiscalYearCloses.fiscalYear, startYear)));
  const rows = await ctx.db
    .select({ r: restatements, author: users.displayName })
    .from(restatements)
    .leftJoin(users, and(eq(users.orgId, restatements.orgId), eq(users.id, restatements.createdBy)))
    .where(and(eq(restatements.orgId, ctx.orgId), eq(restatements.fiscalYear, startYear)))
    .orderBy(asc(restatements.createdAt), asc(restatements.id));
  let before = totalOf(close?.snapshot ?? null);
  return rows.map(({ r, author }) => {
    const after = r.snapshot === null ? before : totalOf(r.snapshot);
    const item = { row: r, author, totalJpyBefore: before, totalJpyAfter: after };
    before = after;
    return item;
  });
}

type Item = Awaited<ReturnType<typeof yearRestatements>>[number];

async function withLines(ctx: Ctx, items: Item[]): Promise<Restatement[]> {
  const ids = items.map((i) => i.row.id);
  const lines = ids.length
    ? await ctx.db
        .select({ e: expenses, companyCode: groupCompanies.code })
        .from(expenses)
        .innerJoin(
          groupCompanies,
          and(eq(groupCompanies.orgId, expenses.orgId), eq(groupCompanies.id, expenses.companyId)),
        )
        .where(and(eq(expenses.orgId, ctx.orgId), inArray(expenses.restatementId, ids)))
        .orderBy(asc(expenses.createdAt), asc(expenses.id))
    : [];
  return items.map(({ row, author, totalJpyBefore, totalJpyAfter }) => {
    const own = lines.filter((l) => l.e.restatementId === row.id);
    return {
      id: row.id,
      fiscalYear: row.fiscalYear,
      reasonJa: row.reasonJa,
      reasonEn: row.reasonEn,
      automatic: own.length > 0 && own.every((l) => l.e.source === 'ledger'),
      createdAt: row.createdAt.toISOString(),
      createdBy: author,
      totalJpyBefore,
      totalJpyAfter,
      lines: own.map(({ e, companyCode }) => ({
        id: e.id,
        spentOn: e.spentOn,
        companyCode,
        type: e.type as ExpenseType,
        descriptionJa: e.descriptionJa,
        descriptionEn: e.descriptionEn,
        currency: e.currency,
        amountMinor: e.amountMinor,
        amountJpy: e.amountJpy,
        adjustsExpenseId: e.adjustsExpenseId,
        source: e.source as ExpenseSource,
      })),
    };
  });
}

/** A closed year's restatements, oldest first, with their lines and the totals before and after. */
export async function listRestatements(
  ctx: Ctx,
  startYear: number,
  query: PageQuery,
): Promise<RestatementPage> {
  const all = await yearRestatements(ctx, startYear);
  const items = await withLines(ctx, all.slice(offsetOf(query), offsetOf(query) + query.size));
  return { items, total: all.length, page: query.page, size: query.size };
}

/** One restatement. @throws AppError not_found */
export async function restatementById(ctx: Ctx, id: string): Promise<Restatement> {
  const [r] = await ctx.db
    .select({ fiscalYear: restatements.fiscalYear })
    .from(restatements)
    .where(and(eq(restatements.orgId, ctx.orgId), eq(restatements.id, id)));
  if (!r) throw new AppError('not_found', { params: { entity: 'restatement' } });
  const item = (await yearRestatements(ctx, r.fiscalYear)).find((i) => i.row.id === id) as Item;
  return (await withLines(ctx, [item]))[0];
}

/** The report's restatement notes (report.schema RestatementLine): reason, date, totals before/after. */
export async function restatementsForReport(ctx: Ctx, startYear: number) {
  return (await yearRestatements(ctx, startYear))
    .filter((i) => i.row.snapshot !== null)
    .map(({ row, totalJpyBefore, totalJpyAfter }) => ({
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      reasonJa: row.reasonJa,
      reasonEn: row.reasonEn,
      totalJpyBefore,
      totalJpyAfter,
    }));
}

/** How many restatements each closed year has (for the years list). */
export async function restatementCounts(ctx: Ctx): Promise<Map<number, number>> {
  const rows = await ctx.db
    .select({ fiscalYear: restatements.fiscalYear, n: sql<unknown>`count(*)` })
    .from(restatements)
    .where(eq(restatements.orgId, ctx.orgId))
    .groupBy(restatements.fiscalYear);
  return new Map(rows.map((r) => [r.fiscalYear, toNumber(r.n)]));
}
