import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { companiesFor } from '../../lib/authz.js';
import type { Ctx } from '../../lib/context.js';
import { likeEscape, toNumber } from '../../lib/sql.js';
import { sortSpec } from '../../lib/pagination.js';
import { storedFiles } from '../files/files.table.js';
import { groupCompanies } from '../organisations/organisations.table.js';
import { partners } from '../partners/partners.table.js';
import { programs } from '../programs/programs.table.js';
import { expenseFiles, expenses, fiscalYearCloses } from './accounting.table.js';
import type { Expense, ExpenseListQuery, ExpensePage } from './expenses.schema.js';

type Row = typeof expenses.$inferSelect;
type Joined = {
  e: Row;
  companyCode: string;
  programCode: string | null;
  partnerJa: string | null;
  partnerEn: string | null;
  closed: boolean;
};

const closedSql = sql<boolean>`exists (select 1 from ${fiscalYearCloses} c where c.org_id = ${expenses.orgId} and c.fiscal_year = ${expenses.fiscalYear})`;

function joined(ctx: Ctx) {
  return ctx.db
    .select({
      e: expenses,
      companyCode: groupCompanies.code,
      programCode: programs.code,
      partnerJa: partners.nameJa,
      partnerEn: partners.nameEn,
      closed: closedSql,
    })
    .from(expenses)
    .innerJoin(
      groupCompanies,
      and(eq(groupCompanies.orgId, expenses.orgId), eq(groupCompanies.id, expenses.companyId)),
    )
    .leftJoin(programs, and(eq(programs.orgId, expenses.orgId), eq(programs.id, expenses.programId)))
    .leftJoin(partners, and(eq(partners.orgId, expenses.orgId), eq(partners.id, expenses.partnerId)));
}

async function attachmentsOf(ctx: Ctx, ids: string[]) {
  const out = new Map<string, Expense['attachments']>();
  if (!ids.length) return out;
  const rows = await ctx.db
    .select({
      expenseId: expenseFiles.expenseId,
      id: storedFiles.id,
      name: storedFiles.name,
      contentType: storedFiles.contentType,
      size: storedFiles.size,
    })
    .from(expenseFiles)
    .innerJoin(
      storedFiles,
      and(eq(storedFiles.orgId, expenseFiles.orgId), eq(storedFiles.id, expenseFiles.fileId)),
    )
    .where(and(eq(expenseFiles.orgId, ctx.orgId), inArray(expenseFiles.expenseId, ids)))
    .orderBy(asc(storedFiles.createdAt), asc(storedFiles.name));
  for (const { expenseId, ...file } of rows) out.set(expenseId, [...(out.get(expenseId) ?? []), file]);
  return out;
}

function toView(ctx: Ctx, r: Joined, attachments: Expense['attachments']): Expense {
  const { e } = r;
  return {
    id: e.id,
    spentOn: e.spentOn,
    fiscalYear: e.fiscalYear,
    companyId: e.companyId,
    companyCode: r.companyCode,
    programId: e.programId,
    programCode: r.programCode,
    partnerId: e.partnerId,
    partnerName: (ctx.locale === 'en' ? (r.partnerEn ?? r.partnerJa) : (r.partnerJa ?? r.partnerEn)) ?? null,
    recipientText: e.recipientText,
    descriptionJa: e.descriptionJa,
    descriptionEn: e.descriptionEn,
    type: e.type as Expense['type'],
    valuationBasis: e.valuationBasis as Expense['valuationBasis'],
    channel: e.channel as Expense['channel'],
    political: e.political,
    quantity: e.quantity === null ? null : normalise(e.quantity),
    unitPriceMinor: e.unitPriceMinor,
    currency: e.currency,
    amountMinor: e.amountMinor,
    amountJpy: e.amountJpy,
    costMinor: e.costMinor,
    costJpy: e.costJpy,
    keidanrenField: e.keidanrenField,
    companyField: e.companyField,
    b4siCause: e.b4siCause,
    b4siMotivation: e.b4siMotivation,
    b4siRegion: e.b4siRegion,
    source: e.source as Expense['source'],
    externalRef: e.externalRef,
    ledgerPostingId: e.ledgerPostingId,
    restatementId: e.restatementId,
    adjustsExpenseId: e.adjustsExpenseId,
    closed: Boolean(r.closed),
    attachments,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

const normalise = (q: string) => q.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

/** One expense of the organisation as the API shows it, or null. No access check: callers check. */
export async function expenseView(ctx: Ctx, id: string): Promise<Expense | null> {
  const [row] = await joined(ctx).where(and(eq(expenses.orgId, ctx.orgId), eq(expenses.id, id)));
  if (!row) return null;
  return toView(ctx, row, (await attachmentsOf(ctx, [id])).get(id) ?? []);
}

/** The conditions of a list filter, inside the companies the caller reads expenses of. */
function conditions(ctx: Ctx, q: ExpenseListQuery): SQL[] {
  const c: SQL[] = [eq(expenses.orgId, ctx.orgId)];
  const scope = companiesFor(ctx.actor, 'expenses.read');
  if (scope !== 'all')
    c.push(scope.companyIds.length ? inArray(expenses.companyId, scope.companyIds) : sql`false`);
  if (q.fiscalYear) c.push(eq(expenses.fiscalYear, q.fiscalYear));
  if (q.companyId) c.push(eq(expenses.companyId, q.companyId));
  if (q.type) c.push(eq(expenses.type, q.type));
  if (q.keidanrenField) c.push(eq(expenses.keidanrenField, q.keidanrenField));
  if (q.companyField) c.push(eq(expenses.companyField, q.companyField));
  if (q.programId) c.push(eq(expenses.programId, q.programId));
  if (q.source) c.push(eq(expenses.source, q.source));
  if (q.q) {
    const like = `%${likeEscape(q.q)}%`;
    c.push(
      or(
        ilike(expenses.descriptionJa, like),
        ilike(expenses.descriptionEn, like),
        ilike(expenses.recipientText, like),
        ilike(expenses.externalRef, like),
      ) as SQL,
    );
  }
  return c;
}

const SORTS = ['spentOn', 'amountJpy', 'createdAt'] as const;

/** A page of expenses with their total in yen over the whole filter (company-scoped readers see theirs). */
export async function listExpenseViews(ctx: Ctx, q: ExpenseListQuery): Promise<ExpensePage> {
  const where = and(...conditions(ctx, q));
  const { field, desc: descending } = sortSpec(q.sort, SORTS, 'spentOn');
  const column = expenses[field];
  const order = descending || (!q.sort && field === 'spentOn') ? desc(column) : asc(column);
  const [rows, [agg]] = await Promise.all([
    joined(ctx)
      .where(where)
      .orderBy(order, desc(expenses.createdAt), asc(expenses.id))
      .limit(q.size)
      .offset((q.page - 1) * q.size),
    ctx.db
      .select({
        total: sql<unknown>`count(*)`,
        sumJpy: sql<unknown>`coalesce(sum(${expenses.amountJpy}), 0)`,
      })
      .from(expenses)
      .where(where),
  ]);
  const files = await attachmentsOf(
    ctx,
    rows.map((r) => r.e.id),
  );
  return {
    items: rows.map((r) => toView(ctx, r, files.get(r.e.id) ?? [])),
    total: toNumber(agg.total),
    page: q.page,
    size: q.size,
    sumJpy: toNumber(agg.sumJpy),
  };
}
