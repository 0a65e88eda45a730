import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { driveResults } from '../drives/drives.results.js';
import { collectionDrives } from '../drives/drives.table.js';
import { campaignTotalsBatch } from '../giving/campaigns.totals.js';
import { campaigns } from '../giving/giving.table.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { certifiedCount } from '../programs/certifications.counts.js';
import type { YearFigures } from '../programs/figures.schema.js';
import { programFigures } from '../programs/figures.js';
import { programs } from '../programs/programs.table.js';
import { reportBlocks } from './reports.table.js';
import type { ReportFigures } from './report.schema.js';

type Range = { start: string; end: string };
type YearAndCertified = YearFigures & { certified: number };

/**
 * The named figures a program line may carry, in the report's order, with their labels. A figure
 * shows when it is not zero; its ref is `programs.<code>.<key>` (drilldown.programs.ts).
 */
export const PROGRAM_FIGURES: {
  key: string;
  labelJa: string;
  labelEn: string;
  value: (y: YearAndCertified) => number;
  /** Counts as a record of the year (a program with none of them is left out). */
  ofYear: boolean;
}[] = [
  { key: 'sessions', labelJa: '実施回数', labelEn: 'Sessions', value: (y) => y.sessions, ofYear: true },
  {
    key: 'participants',
    labelJa: '参加者数',
    labelEn: 'Participants',
    value: (y) => y.participantsTotal,
    ofYear: true,
  },
  {
    key: 'employees',
    labelJa: '参加社員数',
    labelEn: 'Employees taking part',
    value: (y) => y.employees,
    ofYear: true,
  },
  {
    key: 'employeeHours',
    labelJa: '社員の活動時間',
    labelEn: 'Employee hours',
    value: (y) => y.employeeHours,
    ofYear: true,
  },
  { key: 'graduates', labelJa: '修了者数', labelEn: 'Graduates', value: (y) => y.graduates, ofYear: true },
  {
    key: 'graduatesTotal',
    labelJa: '累計修了者数',
    labelEn: 'Graduates to date',
    value: (y) => y.graduatesCumulative,
    ofYear: false,
  },
  {
    key: 'supportedVentures',
    labelJa: '支援した事業数',
    labelEn: 'Ventures supported',
    value: (y) => y.supportedVentures,
    ofYear: true,
  },
  { key: 'projects', labelJa: 'プロジェクト数', labelEn: 'Projects', value: (y) => y.projects, ofYear: true },
  { key: 'outcomes', labelJa: '成果数', labelEn: 'Outcomes', value: (y) => y.outcomesQuantity, ofYear: true },
  {
    key: 'classRequests',
    labelJa: '出前授業の実施数',
    labelEn: 'Classes delivered on request',
    value: (y) => y.classRequestsCompleted,
    ofYear: true,
  },
  {
    key: 'testimonials',
    labelJa: '参加者の声',
    labelEn: 'Testimonials',
    value: (y) => y.testimonials,
    ofYear: true,
  },
  {
    key: 'certified',
    labelJa: '認定者数',
    labelEn: 'Certified employees',
    value: (y) => y.certified,
    ofYear: false,
  },
];

/**
 * Every program with records in the year (or a highlight block of the year's report), each with its
 * figures of the year from `programFigures` (the program module's one source); certified employees as
 * of the year's last day (today while the year runs).
 */
export async function programLines(
  ctx: Ctx,
  startYear: number,
  range: Range,
): Promise<ReportFigures['programs']> {
  const rows = await ctx.db
    .select({ id: programs.id, code: programs.code, nameJa: programs.nameJa, nameEn: programs.nameEn })
    .from(programs)
    .where(eq(programs.orgId, ctx.orgId))
    .orderBy(asc(programs.code));
  const highlighted = new Set(
    (
      await ctx.db
        .selectDistinct({ programId: reportBlocks.programId })
        .from(reportBlocks)
        .where(and(eq(reportBlocks.orgId, ctx.orgId), eq(reportBlocks.fiscalYear, startYear)))
    ).map((r) => r.programId),
  );
  const today = ledgerToday();
  const onDate = range.end < today ? range.end : today;
  const out: ReportFigures['programs'] = [];
  for (const p of rows) {
    const figures = await programFigures(ctx, p.id, { from: startYear, to: startYear });
    const year = figures.years[0];
    const certified = onDate === today ? figures.certifiedNow : await certifiedCount(ctx, p.id, onDate);
    const y: YearAndCertified = { ...year, certified };
    const active = PROGRAM_FIGURES.some((f) => f.ofYear && f.value(y) !== 0);
    if (!active && !highlighted.has(p.id)) continue;
    out.push({
      ...p,
      figures: PROGRAM_FIGURES.filter((f) => f.value(y) !== 0).map((f) => ({
        key: f.key,
        labelJa: f.labelJa,
        labelEn: f.labelEn,
        value: f.value(y),
        ref: `programs.${p.code}.${f.key}`,
      })),
    });
  }
  return out;
}

/**
 * Disaster campaigns active in the year (their dates overlap it), with their totals from the ledger
 * (campaignTotalsBatch): the company's donations and matching, employees' money and point donations.
 */
export async function disasterFigures(ctx: Ctx, range: Range): Promise<ReportFigures['disaster']> {
  const rows = await ctx.db
    .select()
    .from(campaigns)
    .where(
      and(
        eq(campaigns.orgId, ctx.orgId),
        eq(campaigns.kind, 'disaster'),
        lte(campaigns.startsOn, range.end),
        gte(campaigns.endsOn, range.start),
      ),
    )
    .orderBy(asc(campaigns.startsOn), asc(campaigns.code));
  const totals = await campaignTotalsBatch(ctx, rows);
  return rows.map((c) => {
    const t = totals.get(c.id)!;
    return {
      campaignId: c.id,
      code: c.code,
      titleJa: c.titleJa,
      titleEn: c.titleEn,
      companyDonationsJpy: t.companyJpy,
      matchingJpy: t.matchJpy,
      employeeDonationsJpy: t.moneyJpy,
      pointDonationsJpy: t.pointsJpy,
      donors: t.donors,
      ref: `disaster.${c.code}`,
    };
  });
}

/** The year's collection drives, each with its results (drives.results.ts). */
export async function driveFigures(ctx: Ctx, startYear: number): Promise<ReportFigures['drives']> {
  const rows = await ctx.db
    .select({ id: collectionDrives.id })
    .from(collectionDrives)
    .where(and(eq(collectionDrives.orgId, ctx.orgId), eq(collectionDrives.fiscalYear, startYear)))
    .orderBy(asc(collectionDrives.startsOn), asc(collectionDrives.code));
  const out: ReportFigures['drives'] = [];
  for (const { id } of rows) {
    const r = await driveResults(ctx, id);
    out.push({
      driveId: r.driveId,
      code: r.code,
      titleJa: r.titleJa,
      titleEn: r.titleEn,
      totalJpy: r.totals.valueJpy,
      items: r.items
        .filter((i) => i.quantity !== 0)
        .map((i) => ({
          code: i.code,
          labelJa: i.nameJa ?? i.nameEn ?? i.code,
          labelEn: i.nameEn ?? i.nameJa ?? i.code,
          quantity: i.quantity,
        })),
      ref: `drives.${r.code}`,
    });
  }
  return out;
}
