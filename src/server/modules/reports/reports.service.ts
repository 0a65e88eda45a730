import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import {
  fiscalYearLabel,
  fiscalYearOf,
  reportYearNumber,
  startYearOfReportNumber,
} from '../../../shared/fiscal-year.js';
import { audit } from '../../lib/audit.js';
import { assertHolds } from '../../lib/authz.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import { fiscalYearCloses, restatements } from '../accounting/accounting.table.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { fiscalSettings, reportFigures } from './report.figures.js';
import { type ReportFigures, ReportFiguresSchema } from './report.schema.js';
import type { ReportYear, ReportUpdate } from './reports.api.schema.js';
import { reports } from './reports.table.js';

/**
 * The report is the whole group's: reading it needs reports.read (manage: reports.manage) granted
 * organisation-wide. Throws forbidden.
 */
export function assertReportAccess(ctx: Ctx, permission: 'reports.read' | 'reports.manage'): void {
  assertHolds(ctx, permission, {});
}

/** The start year of the fiscal year a report number names (NEC: 2024 → 2023). */
export async function startYearOf(ctx: Ctx, reportNumber: number): Promise<number> {
  return startYearOfReportNumber(reportNumber, await fiscalSettings(ctx));
}

/**
 * A year's figures as its report shows them: for a closed year the latest restatement's snapshot,
 * else the close's snapshot (never the live tables); for an open year, computed now.
 */
export async function reportFiguresFor(ctx: Ctx, startYear: number): Promise<ReportFigures> {
  const [close] = await ctx.db
    .select()
    .from(fiscalYearCloses)
    .where(and(eq(fiscalYearCloses.orgId, ctx.orgId), eq(fiscalYearCloses.fiscalYear, startYear)));
  if (!close) return reportFigures(ctx, startYear);
  const [latest] = await ctx.db
    .select({ snapshot: restatements.snapshot })
    .from(restatements)
    .where(
      and(
        eq(restatements.orgId, ctx.orgId),
        eq(restatements.fiscalYear, startYear),
        isNotNull(restatements.snapshot),
      ),
    )
    .orderBy(desc(restatements.createdAt))
    .limit(1);
  const figures = ReportFiguresSchema.parse(latest?.snapshot ?? close.snapshot);
  return { ...figures, closedAt: close.closedAt.toISOString() };
}

/** The report's row of a year (draft, 億円) , created on first use. */
export async function ensureReport(ctx: Ctx, startYear: number) {
  await ctx.db.insert(reports).values({ orgId: ctx.orgId, fiscalYear: startYear }).onConflictDoNothing();
  const [row] = await ctx.db
    .select()
    .from(reports)
    .where(and(eq(reports.orgId, ctx.orgId), eq(reports.fiscalYear, startYear)));
  return row;
}

/** The report's row of a year as it stands, or the defaults of a report never touched. */
export async function reportRow(ctx: Ctx, startYear: number) {
  const [row] = await ctx.db
    .select()
    .from(reports)
    .where(and(eq(reports.orgId, ctx.orgId), eq(reports.fiscalYear, startYear)));
  return (
    row ?? {
      orgId: ctx.orgId,
      fiscalYear: startYear,
      status: 'draft' as const,
      amountUnitJa: 'oku' as const,
      publishedAt: null,
      publishedBy: null,
    }
  );
}

/**
 * The fiscal years that have a report to show: every year with a report row, a close or expenses,
 * and the current one; newest first, each with its status, close, blocks and missing translations.
 * Throws forbidden.
 */
export async function listReportYears(
  ctx: Ctx,
  missingCount: (ctx: Ctx, startYear: number) => Promise<number>,
): Promise<{ items: ReportYear[] }> {
  assertReportAccess(ctx, 'reports.read');
  const settings = await fiscalSettings(ctx);
  const current = fiscalYearOf(ledgerToday(), settings.startMonth);
  const rows = await rowsOf<Record<string, unknown>>(
    ctx.db,
    sql`with years as (
        select fiscal_year from reports where org_id = ${ctx.orgId}
        union select fiscal_year from fiscal_year_closes where org_id = ${ctx.orgId}
        union select distinct fiscal_year from expenses where org_id = ${ctx.orgId}
        union select ${current}::smallint)
      select y.fiscal_year, r.status, r.published_at, c.closed_at,
        (select count(*) from report_blocks b where b.org_id = ${ctx.orgId} and b.fiscal_year = y.fiscal_year) as blocks,
        (select count(*) from expenses x where x.org_id = ${ctx.orgId} and x.fiscal_year = y.fiscal_year) as expenses,
        coalesce(
          (select s.snapshot from restatements s where s.org_id = ${ctx.orgId} and s.fiscal_year = y.fiscal_year
            and s.snapshot is not null order by s.created_at desc limit 1),
          c.snapshot) -> 'expenses' ->> 'totalJpy' as total_jpy
      from years y
        left join reports r on r.org_id = ${ctx.orgId} and r.fiscal_year = y.fiscal_year
        left join fiscal_year_closes c on c.org_id = ${ctx.orgId} and c.fiscal_year = y.fiscal_year
      order by y.fiscal_year desc`,
  );
  const items: ReportYear[] = [];
  for (const r of rows) {
    const startYear = toNumber(r.fiscal_year);
    const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
    items.push({
      fiscalYear: reportYearNumber(startYear, settings),
      startYear,
      labelJa: fiscalYearLabel(startYear, 'ja', settings),
      labelEn: fiscalYearLabel(startYear, 'en', settings),
      status: r.status === 'published' ? 'published' : 'draft',
      closed: !!r.closed_at,
      closedAt: iso(r.closed_at),
      publishedAt: iso(r.published_at),
      missingTranslations: await missingCount(ctx, startYear),
      blocks: toNumber(r.blocks),
      expenses: toNumber(r.expenses),
      totalJpy: r.total_jpy === null || r.total_jpy === undefined ? null : toNumber(r.total_jpy),
    });
  }
  return { items };
}

/** Sets how Japanese amounts read (億円 or 百万円). Audited. Throws forbidden. */
export async function updateReport(ctx: Ctx, startYear: number, input: ReportUpdate) {
  assertReportAccess(ctx, 'reports.manage');
  return inTransaction(ctx, async (tx) => {
    const before = await ensureReport(tx, startYear);
    const [after] = await tx.db
      .update(reports)
      .set({ amountUnitJa: input.amountUnitJa, updatedAt: new Date() })
      .where(and(eq(reports.orgId, tx.orgId), eq(reports.fiscalYear, startYear)))
      .returning();
    await audit(tx, {
      action: 'update',
      entityType: 'report',
      entityId: String(startYear),
      before: { amountUnitJa: before.amountUnitJa },
      after: { amountUnitJa: after.amountUnitJa },
    });
    return after;
  });
}

/** Throws not_found when a report number is outside the years a report can have. */
export function checkYear(startYear: number): void {
  if (startYear < 1900 || startYear > 2200) throw new AppError('not_found', { params: { entity: 'report' } });
}
