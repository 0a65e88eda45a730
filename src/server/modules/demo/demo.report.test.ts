import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { systemCtx } from '../../lib/context.js';
import { openTestDatabase } from '../../test/db.js';
import { createTestOrg, ctxAs, type TestOrg } from '../../test/factories.js';
import { goalsForYear } from '../goals/goals.report.js';
import { figureRecords, figureRefs } from '../reports/drilldown.js';
import { reportFiguresFor } from '../reports/reports.service.js';
import { reportBlocks, reports } from '../reports/reports.table.js';
import { insertAccountingDemo } from './demo.accounting.js';
import { COMPANY_TOTALS_JPY } from './demo.accounting-data.js';
import { insertGoalsDemo } from './demo.goals.js';
import { insertDemoPrograms } from './demo.programs.js';
import { closeAndPublishDemoReports, DEMO_REPORT_YEARS, insertReportDemo } from './demo.report.js';

let database: Database;
let org: TestOrg;

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'DEMOREP');
  await database.db.transaction(async (tx) => {
    await insertDemoPrograms(tx, org.orgId, '2025-06-30');
    await insertGoalsDemo(tx, org.orgId);
    await insertReportDemo(tx, org.orgId);
    await insertAccountingDemo(tx, org.orgId, '2025-06-30');
  });
});

describe('the demo goals', () => {
  it('hold the seeds’ plan: 10,000 new registrants by FY2026 (M) and the yearly goals of 2023 and 2024', async () => {
    const ctx = await ctxAs(database, org, 'csr_manager', 'en');
    const year = await goalsForYear(ctx, 2023);
    const targets = year.goals.filter((g) => g.kind === 'target');
    expect(targets.map((t) => [t.textEn, t.materiality, t.target, t.periodStart, t.periodEnd])).toEqual([
      ['Expand range of corporate citizenship', true, 10000, '2021-04-01', '2026-03-31'],
      [
        'Utilize corporate citizenship as a launching point for social value creation',
        false,
        null,
        '2021-04-01',
        '2026-03-31',
      ],
    ]);
    expect(targets[0].metric).toMatchObject({ code: 'REGISTRANTS-SINCE-2021', bound: true });
    const yearly = year.goals.filter((g) => g.kind === 'yearly');
    expect(yearly.map((g) => [g.metric?.code, g.comparison, g.target])).toEqual([
      ['NEW-REGISTRANTS', 'at_least', 1200],
      ['PARTICIPANTS', 'increase', null],
      ['AGREEMENTS', 'at_least', 1],
    ]);
    expect(year.nextYearGoals).toHaveLength(3);
    const texts = year.progress.flatMap((p) => [
      p.progressJa,
      p.progressEn,
      p.achievementsJa,
      p.achievementsEn,
    ]);
    expect(texts.filter(Boolean).length).toBeGreaterThanOrEqual(4);
    for (const p of year.progress) {
      expect(!!p.progressJa).toBe(!!p.progressEn);
      expect(!!p.achievementsJa).toBe(!!p.achievementsEn);
      expect(!!p.issuesJa).toBe(!!p.issuesEn);
    }
  });
});

describe('the demo report texts', () => {
  it('write every block of 2018 and 2023 in both languages, with the seeds’ sections and programs', async () => {
    for (const fy of DEMO_REPORT_YEARS) {
      const [report] = await database.db
        .select()
        .from(reports)
        .where(and(eq(reports.orgId, org.orgId), eq(reports.fiscalYear, fy)));
      expect(report.status).toBe('draft');
      const blocks = await database.db
        .select()
        .from(reportBlocks)
        .where(and(eq(reportBlocks.orgId, org.orgId), eq(reportBlocks.fiscalYear, fy)));
      for (const b of blocks) {
        expect(b.bodyJa && b.bodyEn).toBeTruthy();
        expect(!!b.titleJa).toBe(!!b.titleEn);
        // No figure is typed: the report computes them (years and dates aside).
        expect(b.bodyEn).not.toMatch(/\d{1,3},\d{3}|million|\d+ (people|students|employees|groups)/);
      }
      const sections = new Set(blocks.map((b) => b.section));
      expect([...sections]).toEqual(
        expect.arrayContaining(['policy', 'framework', 'programs', 'volunteering', 'regional', 'expenses']),
      );
      expect(blocks.filter((b) => b.section === 'programs').every((b) => b.programId)).toBe(true);
    }
    const programs2023 = await database.db
      .select({ id: reportBlocks.programId })
      .from(reportBlocks)
      .where(
        and(
          eq(reportBlocks.orgId, org.orgId),
          eq(reportBlocks.fiscalYear, 2023),
          eq(reportBlocks.section, 'programs'),
        ),
      );
    expect(programs2023).toHaveLength(7);
  });
});

describe('closing and publishing the demo reports', () => {
  it('closes 2018 and 2023 through the close service and publishes both', async () => {
    const closed = await database.db.transaction((tx) =>
      closeAndPublishDemoReports(systemCtx(tx as unknown as Database['db'], org.orgId, 'demo')),
    );
    expect(closed).toEqual([
      { startYear: 2018, totalJpy: COMPANY_TOTALS_JPY[2018] },
      { startYear: 2023, totalJpy: COMPANY_TOTALS_JPY[2023] },
    ]);
    const rows = await database.db.select().from(reports).where(eq(reports.orgId, org.orgId));
    expect(rows.map((r) => [r.fiscalYear, r.status]).sort()).toEqual([
      [2018, 'published'],
      [2023, 'published'],
    ]);
    const ctx = await ctxAs(database, org, 'auditor', 'en');
    const figures = await reportFiguresFor(ctx, 2023);
    expect(figures.closedAt).not.toBeNull();
    expect(figures.expenses.trend.map((t) => t.totalJpy)).toEqual(
      [2019, 2020, 2021, 2022, 2023].map((y) => COMPANY_TOTALS_JPY[y]),
    );
  });

  it('drills every figure of the published 2023 report down to records that add up to it', async () => {
    const ctx = await ctxAs(database, org, 'auditor', 'en');
    const figures = await reportFiguresFor(ctx, 2023);
    const refs = figureRefs(figures);
    expect(refs.some((r) => r.startsWith('goals.'))).toBe(true);
    const differ: string[] = [];
    for (const ref of refs) {
      const records = await figureRecords(ctx, 2023, { figure: ref, page: 1, size: 1 });
      if (records.value !== records.publishedValue)
        differ.push(`${ref}: ${records.value} vs ${records.publishedValue}`);
    }
    expect(differ).toEqual([]);
  });
});
