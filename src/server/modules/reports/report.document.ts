import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { fiscalYearLabel } from '../../../shared/fiscal-year.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { fiscalYearCloses, restatements } from '../accounting/accounting.table.js';
import { collectionDrives } from '../drives/drives.table.js';
import { campaigns } from '../giving/giving.table.js';
import { goalProgress, metrics, targets, yearlyGoals } from '../goals/goals.table.js';
import { organisations } from '../organisations/organisations.table.js';
import { programs } from '../programs/programs.table.js';
import { fiscalSettings } from './report.figures.js';
import {
  type ReportDocument,
  ReportDocumentSchema,
  type ReportFigures,
  ReportFiguresSchema,
} from './report.schema.js';
import { REPORT_SECTIONS, reportBlocks } from './reports.table.js';
import { reportFiguresFor, reportRow } from './reports.service.js';

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

/**
 * A closed year's figures stay as snapshotted, but the words around them (goal texts, target titles,
 * metric names, progress texts, program names, campaign and drive titles) are read as they stand, so
 * a translation written after the close reaches the report.
 */
async function withCurrentTexts(ctx: Ctx, f: ReportFigures, startYear: number): Promise<ReportFigures> {
  const goalIds = [...f.goals, ...f.nextYearGoals];
  const ids = (kind: 'target' | 'yearly') => goalIds.filter((g) => g.kind === kind).map((g) => g.id);
  const none = ['00000000-0000-0000-0000-000000000000'];
  const orNone = (xs: string[]) => (xs.length ? xs : none);
  const [ts, ys, ms, ps, pr, cs, ds] = [
    await ctx.db
      .select()
      .from(targets)
      .where(and(eq(targets.orgId, ctx.orgId), inArray(targets.id, orNone(ids('target'))))),
    await ctx.db
      .select()
      .from(yearlyGoals)
      .where(and(eq(yearlyGoals.orgId, ctx.orgId), inArray(yearlyGoals.id, orNone(ids('yearly'))))),
    await ctx.db.select().from(metrics).where(eq(metrics.orgId, ctx.orgId)),
    await ctx.db
      .select()
      .from(goalProgress)
      .where(and(eq(goalProgress.orgId, ctx.orgId), eq(goalProgress.fiscalYear, startYear))),
    await ctx.db.select().from(programs).where(eq(programs.orgId, ctx.orgId)),
    await ctx.db.select().from(campaigns).where(eq(campaigns.orgId, ctx.orgId)),
    await ctx.db.select().from(collectionDrives).where(eq(collectionDrives.orgId, ctx.orgId)),
  ];
  const [t, y, p, c, d] = [byId(ts), byId(ys), byId(pr), byId(cs), byId(ds)];
  const metricByCode = new Map(ms.map((m) => [m.code, m]));
  const goal = (g: ReportFigures['goals'][number]) => {
    const src = g.kind === 'target' ? t.get(g.id) : undefined;
    const yg = g.kind === 'yearly' ? y.get(g.id) : undefined;
    const m = g.metric ? metricByCode.get(g.metric.code) : undefined;
    return {
      ...g,
      textJa: src ? src.titleJa : yg ? yg.textJa : g.textJa,
      textEn: src ? src.titleEn : yg ? yg.textEn : g.textEn,
      metric:
        g.metric && m
          ? { ...g.metric, nameJa: m.nameJa, nameEn: m.nameEn, unitJa: m.unitJa, unitEn: m.unitEn }
          : g.metric,
    };
  };
  const shown = new Set(f.goals.filter((g) => g.kind === 'target').map((g) => g.id));
  return {
    ...f,
    goals: f.goals.map(goal),
    nextYearGoals: f.nextYearGoals.map(goal),
    progress: ps
      .filter((x) => shown.has(x.targetId))
      .map((x) => ({
        targetId: x.targetId,
        progressJa: x.progressJa,
        progressEn: x.progressEn,
        achievementsJa: x.achievementsJa,
        achievementsEn: x.achievementsEn,
        issuesJa: x.issuesJa,
        issuesEn: x.issuesEn,
      })),
    programs: f.programs.map((x) => ({
      ...x,
      nameJa: p.get(x.id)?.nameJa ?? x.nameJa,
      nameEn: p.get(x.id)?.nameEn ?? x.nameEn,
    })),
    disaster: f.disaster.map((x) => ({
      ...x,
      titleJa: c.get(x.campaignId)?.titleJa ?? x.titleJa,
      titleEn: c.get(x.campaignId)?.titleEn ?? x.titleEn,
    })),
    drives: f.drives.map((x) => ({
      ...x,
      titleJa: d.get(x.driveId)?.titleJa ?? x.titleJa,
      titleEn: d.get(x.driveId)?.titleEn ?? x.titleEn,
    })),
  };
}

/**
 * Everything the report of a year shows, in both languages: its figures (the snapshot's numbers with
 * today's texts for a closed year, live for an open one), its blocks and its restatements (each with
 * the company-method total before and after it).
 */
export async function reportContent(ctx: Ctx, startYear: number) {
  const [close] = await ctx.db
    .select({ snapshot: fiscalYearCloses.snapshot })
    .from(fiscalYearCloses)
    .where(and(eq(fiscalYearCloses.orgId, ctx.orgId), eq(fiscalYearCloses.fiscalYear, startYear)));
  const raw = await reportFiguresFor(ctx, startYear);
  const figures = close ? await withCurrentTexts(ctx, raw, startYear) : raw;
  const blocks = await ctx.db
    .select()
    .from(reportBlocks)
    .where(and(eq(reportBlocks.orgId, ctx.orgId), eq(reportBlocks.fiscalYear, startYear)))
    .orderBy(asc(reportBlocks.position), asc(reportBlocks.createdAt));
  blocks.sort(
    (a, b) => REPORT_SECTIONS.indexOf(a.section as never) - REPORT_SECTIONS.indexOf(b.section as never),
  );
  const restated = close
    ? await ctx.db
        .select()
        .from(restatements)
        .where(
          and(
            eq(restatements.orgId, ctx.orgId),
            eq(restatements.fiscalYear, startYear),
            isNotNull(restatements.snapshot),
          ),
        )
        .orderBy(asc(restatements.createdAt))
    : [];
  let before = close ? ReportFiguresSchema.parse(close.snapshot).expenses.totalJpy : 0;
  const restatementLines = restated.map((r) => {
    const after = ReportFiguresSchema.parse(r.snapshot).expenses.totalJpy;
    const line = {
      id: r.id,
      createdAt: r.createdAt.toISOString(),
      reasonJa: r.reasonJa,
      reasonEn: r.reasonEn,
      totalJpyBefore: before,
      totalJpyAfter: after,
    };
    before = after;
    return line;
  });
  return { figures, blocks, restatements: restatementLines };
}

/**
 * The report of a fiscal year (start year) in one language: what `GET /api/reports/{fy}?lang=` and
 * `kyosei report --format json` return. Throws not_found (no organisation).
 */
export async function reportDocument(
  ctx: Ctx,
  startYear: number,
  lang: 'ja' | 'en',
): Promise<ReportDocument> {
  const settings = await fiscalSettings(ctx);
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, ctx.orgId));
  if (!org) throw new AppError('not_found', { params: { entity: 'organisation' } });
  const row = await reportRow(ctx, startYear);
  const { figures, blocks, restatements: lines } = await reportContent(ctx, startYear);
  const pick = (ja: string | null, en: string | null) => (lang === 'ja' ? ja : en);
  return ReportDocumentSchema.parse({
    ...figures,
    period: {
      start: figures.period.start,
      end: figures.period.end,
      label: fiscalYearLabel(startYear, lang, settings),
    },
    lang,
    status: row.status,
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
    amountUnitJa: row.amountUnitJa,
    organisation: { code: org.code, name: lang === 'ja' ? org.nameJa : org.nameEn },
    blocks: blocks.map((b) => ({
      id: b.id,
      section: b.section,
      programId: b.programId,
      title: pick(b.titleJa, b.titleEn),
      body: pick(b.bodyJa, b.bodyEn),
    })),
    restatements: lines,
  });
}
