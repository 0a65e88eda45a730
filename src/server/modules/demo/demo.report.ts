import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { rowsOf } from '../../lib/sql.js';
import { closeYear } from '../accounting/closing.js';
import { publishReport } from '../reports/publish.service.js';
import { reportBlocks, reports } from '../reports/reports.table.js';
import { BLOCKS_2018, type DemoBlock } from './demo.report-blocks.js';
import { BLOCKS_2023 } from './demo.report-blocks-2023.js';

/**
 * The demo's reports by start year: 2018年度 (the Japanese seed, amounts in 億円) and 2023年度 =
 * "fiscal 2024" (the English seed; Japanese amounts in 百万円, "828百万円").
 */
export const DEMO_REPORTS: Array<{
  startYear: number;
  amountUnitJa: 'oku' | 'hyakuman';
  blocks: DemoBlock[];
}> = [
  { startYear: 2018, amountUnitJa: 'oku', blocks: BLOCKS_2018 },
  { startYear: 2023, amountUnitJa: 'hyakuman', blocks: BLOCKS_2023 },
];
export const DEMO_REPORT_YEARS = DEMO_REPORTS.map((r) => r.startYear);

/**
 * The demo's report texts (issue #6): for start years 2018 and 2023, the report (a draft) and its
 * blocks in Japanese and English following the seeds — policy, framework, disaster support, each
 * program's highlight (linked to the program, whose figures the report pulls from its records),
 * volunteering, the regional initiatives and the note on expenses. Programs missing from the
 * organisation are skipped. The texts carry no figure: every number on the report is computed.
 * Closing the years and publishing is `closeAndPublishDemoReports` (after every other demo part).
 */
export async function insertReportDemo(tx: Tx, orgId: string): Promise<{ reports: number; blocks: number }> {
  const programs = new Map(
    (
      await rowsOf<{ id: string; code: string }>(
        tx,
        sql`select id, code from programs where org_id = ${orgId}`,
      )
    ).map((p) => [p.code, p.id]),
  );
  await tx
    .insert(reports)
    .values(DEMO_REPORTS.map((r) => ({ orgId, fiscalYear: r.startYear, amountUnitJa: r.amountUnitJa })));
  const rows = DEMO_REPORTS.flatMap((r) =>
    r.blocks
      .filter((b) => !b.program || programs.has(b.program))
      .map((b, position) => ({
        orgId,
        fiscalYear: r.startYear,
        section: b.section,
        position,
        programId: b.program ? programs.get(b.program)! : null,
        titleJa: b.titleJa ?? null,
        titleEn: b.titleEn ?? null,
        bodyJa: b.bodyJa,
        bodyEn: b.bodyEn,
      })),
  );
  await tx.insert(reportBlocks).values(rows);
  return { reports: DEMO_REPORTS.length, blocks: rows.length };
}

/**
 * Closes the demo's report years and publishes their reports through the services (accounting/
 * closing.ts: the ledger's company donations are posted as expenses first and each close stores its
 * snapshot; reports/publish.service.ts: refuses a text in one language only). Run last, when every
 * other part of the demo (giving, programs, goals, expenses, the texts) is in place. `ctx` acts as the
 * system (or a user holding years.close and reports.manage).
 */
export async function closeAndPublishDemoReports(
  ctx: Ctx,
): Promise<Array<{ startYear: number; totalJpy: number }>> {
  const out: Array<{ startYear: number; totalJpy: number }> = [];
  for (const startYear of DEMO_REPORT_YEARS) {
    const closed = await closeYear(ctx, startYear);
    await publishReport(ctx, startYear);
    out.push({ startYear, totalJpy: closed.totalJpy });
  }
  return out;
}
