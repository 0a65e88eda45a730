import { and, eq } from 'drizzle-orm';
import { fiscalYearLabel, reportYearNumber } from '../../../shared/fiscal-year.js';
import { audit } from '../../lib/audit.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { closedAtOf, fiscalSettings } from './report.figures.js';
import { reportContent } from './report.document.js';
import type { MissingTranslation, ReportState } from './reports.api.schema.js';
import { reports } from './reports.table.js';
import { assertReportAccess, ensureReport } from './reports.service.js';

type Pair = { ja: string | null | undefined; en: string | null | undefined };
const has = (s: string | null | undefined) => !!s && s.trim() !== '';

/** The language a pair lacks, when exactly one side is written (both empty: nothing is shown). */
export function missingOf(p: Pair): ('ja' | 'en')[] {
  if (has(p.ja) === has(p.en)) return [];
  return has(p.ja) ? ['en'] : ['ja'];
}

/**
 * Every text the report of a year shows in one language only, with where to write the other: its
 * blocks, goal texts, target titles, metric names and units, progress texts, restatement reasons,
 * program names, campaign and drive titles. Throws forbidden.
 */
export async function missingTranslations(ctx: Ctx, startYear: number): Promise<MissingTranslation[]> {
  assertReportAccess(ctx, 'reports.read');
  const { figures, blocks, restatements } = await reportContent(ctx, startYear);
  const fy = reportYearNumber(startYear, await fiscalSettings(ctx));
  const out: MissingTranslation[] = [];
  const add = (
    kind: MissingTranslation['kind'],
    id: string,
    field: string,
    pair: Pair,
    section: MissingTranslation['section'],
    fixPath: string | null,
  ) => {
    const missing = missingOf(pair);
    if (missing.length)
      out.push({
        kind,
        id,
        field,
        missing,
        textJa: pair.ja ?? null,
        textEn: pair.en ?? null,
        section,
        fixPath,
      });
  };
  for (const b of blocks) {
    const section = b.section as MissingTranslation['section'];
    add('block', b.id, 'title', { ja: b.titleJa, en: b.titleEn }, section, `/reports/${fy}`);
    add('block', b.id, 'body', { ja: b.bodyJa, en: b.bodyEn }, section, `/reports/${fy}`);
  }
  const metricsSeen = new Set<string>();
  for (const g of [...figures.goals, ...figures.nextYearGoals]) {
    add(
      g.kind === 'target' ? 'target' : 'yearly_goal',
      g.id,
      'text',
      { ja: g.textJa, en: g.textEn },
      'goals',
      '/goals',
    );
    if (g.metric && !metricsSeen.has(g.metric.code)) {
      metricsSeen.add(g.metric.code);
      add('metric', g.metric.code, 'name', { ja: g.metric.nameJa, en: g.metric.nameEn }, 'goals', '/goals');
      add('metric', g.metric.code, 'unit', { ja: g.metric.unitJa, en: g.metric.unitEn }, 'goals', '/goals');
    }
  }
  for (const p of figures.progress) {
    add('progress', p.targetId, 'progress', { ja: p.progressJa, en: p.progressEn }, 'goals', '/goals');
    add(
      'progress',
      p.targetId,
      'achievements',
      { ja: p.achievementsJa, en: p.achievementsEn },
      'goals',
      '/goals',
    );
    add('progress', p.targetId, 'issues', { ja: p.issuesJa, en: p.issuesEn }, 'goals', '/goals');
  }
  for (const r of restatements)
    add(
      'restatement',
      r.id,
      'reason',
      { ja: r.reasonJa, en: r.reasonEn },
      'expenses',
      `/accounting/years/${startYear}/restatements`,
    );
  for (const p of figures.programs)
    add('program', p.id, 'name', { ja: p.nameJa, en: p.nameEn }, 'programs', `/programs/${p.id}/edit`);
  for (const d of figures.disaster)
    add(
      'campaign',
      d.campaignId,
      'title',
      { ja: d.titleJa, en: d.titleEn },
      'disaster',
      `/giving/campaigns/${d.campaignId}`,
    );
  for (const d of figures.drives)
    add('drive', d.driveId, 'title', { ja: d.titleJa, en: d.titleEn }, 'regional', `/drives/${d.driveId}`);
  return out;
}

const stateOf = async (ctx: Ctx, row: typeof reports.$inferSelect): Promise<ReportState> => ({
  fiscalYear: reportYearNumber(row.fiscalYear, await fiscalSettings(ctx)),
  startYear: row.fiscalYear,
  status: row.status as ReportState['status'],
  amountUnitJa: row.amountUnitJa as ReportState['amountUnitJa'],
  publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
});

/** The problem for a list of missing translations (422, each as a field issue). */
export function translationMissing(items: MissingTranslation[]): AppError {
  return new AppError('translation_missing', {
    params: { count: items.length },
    fields: items.map((m) => ({
      path: `${m.kind}.${m.id}.${m.field}`,
      code: `missing_${m.missing.join('_')}`,
    })),
  });
}

/**
 * Publishes the report of a closed year: from then on it is public at /report/{lang}/{fy}. Refuses an
 * open year (report_year_open) and a report with a text in one language only
 * (translation_missing, with the list). Audited. Throws forbidden.
 */
export async function publishReport(ctx: Ctx, startYear: number): Promise<ReportState> {
  assertReportAccess(ctx, 'reports.manage');
  return inTransaction(ctx, async (tx) => {
    if (!(await closedAtOf(tx, startYear)))
      throw new AppError('report_year_open', {
        params: { year: fiscalYearLabel(startYear, tx.locale, await fiscalSettings(tx)) },
      });
    const missing = await missingTranslations(tx, startYear);
    if (missing.length) throw translationMissing(missing);
    const before = await ensureReport(tx, startYear);
    const [after] = await tx.db
      .update(reports)
      .set({
        status: 'published',
        publishedAt: new Date(),
        publishedBy: tx.actor.kind === 'user' ? tx.actor.userId : null,
        updatedAt: new Date(),
      })
      .where(and(eq(reports.orgId, tx.orgId), eq(reports.fiscalYear, startYear)))
      .returning();
    await audit(tx, {
      action: 'publish',
      entityType: 'report',
      entityId: String(startYear),
      before: { status: before.status, publishedAt: before.publishedAt },
      after: { status: after.status, publishedAt: after.publishedAt },
    });
    return stateOf(tx, after);
  });
}

/** Takes a published report back to draft (no longer public). Audited. Throws forbidden. */
export async function unpublishReport(ctx: Ctx, startYear: number): Promise<ReportState> {
  assertReportAccess(ctx, 'reports.manage');
  return inTransaction(ctx, async (tx) => {
    const before = await ensureReport(tx, startYear);
    const [after] = await tx.db
      .update(reports)
      .set({ status: 'draft', publishedAt: null, publishedBy: null, updatedAt: new Date() })
      .where(and(eq(reports.orgId, tx.orgId), eq(reports.fiscalYear, startYear)))
      .returning();
    if (before.status !== after.status)
      await audit(tx, {
        action: 'unpublish',
        entityType: 'report',
        entityId: String(startYear),
        before: { status: before.status, publishedAt: before.publishedAt },
        after: { status: after.status },
      });
    return stateOf(tx, after);
  });
}
