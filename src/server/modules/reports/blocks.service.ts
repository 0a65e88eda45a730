import { and, asc, eq } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { programs } from '../programs/programs.table.js';
import type { ReportBlock } from './report.schema.js';
import type { BlockCreate, BlockMove, BlockUpdate } from './reports.api.schema.js';
import { REPORT_SECTIONS, reportBlocks } from './reports.table.js';
import { missingOf, translationMissing } from './publish.service.js';
import { assertReportAccess, ensureReport, reportRow } from './reports.service.js';

type Row = typeof reportBlocks.$inferSelect;

const toBlock = (b: Row): ReportBlock => ({
  id: b.id,
  section: b.section as ReportBlock['section'],
  position: b.position,
  programId: b.programId,
  titleJa: b.titleJa,
  titleEn: b.titleEn,
  bodyJa: b.bodyJa,
  bodyEn: b.bodyEn,
});

const blank = (s: string | null | undefined) => (s && s.trim() !== '' ? s.trim() : null);

/** A block's texts as stored: trimmed, empty as null; at least one text or a program. */
function normalise(b: Omit<BlockCreate, 'position'>) {
  const out = {
    section: b.section,
    programId: b.programId ?? null,
    titleJa: blank(b.titleJa),
    titleEn: blank(b.titleEn),
    bodyJa: blank(b.bodyJa),
    bodyEn: blank(b.bodyEn),
  };
  const issues: { path: string; code: string }[] = [];
  if (!out.titleJa && !out.titleEn && !out.bodyJa && !out.bodyEn && !out.programId)
    issues.push({ path: 'bodyJa', code: 'required' });
  if (out.programId && out.section !== 'programs')
    issues.push({ path: 'programId', code: 'programs_section_only' });
  if (issues.length) throw new AppError('validation_failed', { fields: issues });
  return out;
}

/** While a report is published, a text edit keeps both languages (else translation_missing). */
async function checkPublished(ctx: Ctx, startYear: number, b: ReturnType<typeof normalise>, id: string) {
  if ((await reportRow(ctx, startYear)).status !== 'published') return;
  const missing = (['title', 'body'] as const).flatMap((field) => {
    const pair = field === 'title' ? { ja: b.titleJa, en: b.titleEn } : { ja: b.bodyJa, en: b.bodyEn };
    const langs = missingOf(pair);
    return langs.length
      ? [
          {
            kind: 'block' as const,
            id,
            field,
            missing: langs,
            textJa: pair.ja,
            textEn: pair.en,
            section: b.section,
            fixPath: null,
          },
        ]
      : [];
  });
  if (missing.length) throw translationMissing(missing);
}

async function checkProgram(ctx: Ctx, programId: string | null) {
  if (!programId) return;
  const [p] = await ctx.db
    .select({ id: programs.id })
    .from(programs)
    .where(and(eq(programs.orgId, ctx.orgId), eq(programs.id, programId)));
  if (!p) throw new AppError('validation_failed', { fields: [{ path: 'programId', code: 'not_found' }] });
}

/** The blocks of a year's report, by section then position. Throws forbidden. */
export async function listBlocks(ctx: Ctx, startYear: number): Promise<ReportBlock[]> {
  assertReportAccess(ctx, 'reports.read');
  const rows = await ctx.db
    .select()
    .from(reportBlocks)
    .where(and(eq(reportBlocks.orgId, ctx.orgId), eq(reportBlocks.fiscalYear, startYear)))
    .orderBy(asc(reportBlocks.position), asc(reportBlocks.createdAt));
  return rows
    .sort((a, b) => REPORT_SECTIONS.indexOf(a.section as never) - REPORT_SECTIONS.indexOf(b.section as never))
    .map(toBlock);
}

async function blockRow(ctx: Ctx, startYear: number, id: string): Promise<Row> {
  const [row] = await ctx.db
    .select()
    .from(reportBlocks)
    .where(
      and(eq(reportBlocks.orgId, ctx.orgId), eq(reportBlocks.fiscalYear, startYear), eq(reportBlocks.id, id)),
    );
  if (!row) throw new AppError('not_found', { params: { entity: 'report_block' } });
  return row;
}

/**
 * Adds a block (at the end of its section unless a position is given). Audited.
 * Throws forbidden, validation_failed, translation_missing (a published report).
 */
export async function createBlock(ctx: Ctx, startYear: number, input: BlockCreate): Promise<ReportBlock> {
  assertReportAccess(ctx, 'reports.manage');
  const b = normalise(input);
  return inTransaction(ctx, async (tx) => {
    await ensureReport(tx, startYear);
    await checkProgram(tx, b.programId);
    await checkPublished(tx, startYear, b, 'new');
    const siblings = await listBlocks(tx, startYear);
    const position =
      input.position ??
      Math.max(-1, ...siblings.filter((s) => s.section === b.section).map((s) => s.position)) + 1;
    const [row] = await tx.db
      .insert(reportBlocks)
      .values({ orgId: tx.orgId, fiscalYear: startYear, position, ...b })
      .returning();
    await audit(tx, { action: 'create', entityType: 'report_block', entityId: row.id, after: toBlock(row) });
    return toBlock(row);
  });
}

/** Changes a block. Audited. Throws forbidden, not_found, validation_failed, translation_missing. */
export async function updateBlock(
  ctx: Ctx,
  startYear: number,
  id: string,
  patch: BlockUpdate,
): Promise<ReportBlock> {
  assertReportAccess(ctx, 'reports.manage');
  return inTransaction(ctx, async (tx) => {
    const before = await blockRow(tx, startYear, id);
    const merged = { ...toBlock(before), ...patch } as BlockCreate;
    const b = normalise(merged);
    await checkProgram(tx, b.programId);
    await checkPublished(tx, startYear, b, id);
    const [row] = await tx.db
      .update(reportBlocks)
      .set({ ...b, position: merged.position ?? before.position, updatedAt: new Date() })
      .where(and(eq(reportBlocks.orgId, tx.orgId), eq(reportBlocks.id, id)))
      .returning();
    await audit(tx, {
      action: 'update',
      entityType: 'report_block',
      entityId: id,
      before: toBlock(before),
      after: toBlock(row),
    });
    return toBlock(row);
  });
}

/**
 * Moves a block one place up or down in its section, swapping it with its neighbour. The section's
 * blocks are locked and numbered 0, 1, 2... in their current order first (blocks added with the same
 * position then get distinct ones). A block already first (up) or last (down) stays. Audited when
 * anything moved. Answers the section's blocks in their new order. Throws forbidden, not_found.
 */
export async function moveBlock(
  ctx: Ctx,
  startYear: number,
  id: string,
  { direction }: BlockMove,
): Promise<ReportBlock[]> {
  assertReportAccess(ctx, 'reports.manage');
  return inTransaction(ctx, async (tx) => {
    const block = await blockRow(tx, startYear, id);
    const order = await tx.db
      .select()
      .from(reportBlocks)
      .where(
        and(
          eq(reportBlocks.orgId, tx.orgId),
          eq(reportBlocks.fiscalYear, startYear),
          eq(reportBlocks.section, block.section),
        ),
      )
      .orderBy(asc(reportBlocks.position), asc(reportBlocks.createdAt), asc(reportBlocks.id))
      .for('update');
    const at = order.findIndex((b) => b.id === id);
    const to = direction === 'up' ? at - 1 : at + 1;
    if (to < 0 || to >= order.length) return order.map(toBlock);
    [order[at], order[to]] = [order[to], order[at]];
    const moved: Row[] = [];
    for (const [position, b] of order.entries()) {
      if (b.position === position) {
        moved.push(b);
        continue;
      }
      const [row] = await tx.db
        .update(reportBlocks)
        .set({ position, updatedAt: new Date() })
        .where(and(eq(reportBlocks.orgId, tx.orgId), eq(reportBlocks.id, b.id)))
        .returning();
      moved.push(row);
    }
    await audit(tx, {
      action: 'move',
      entityType: 'report_block',
      entityId: id,
      before: { position: at, direction },
      after: { position: to },
    });
    return moved.map(toBlock);
  });
}

/** Removes a block. Audited. Throws forbidden, not_found. */
export async function deleteBlock(ctx: Ctx, startYear: number, id: string): Promise<void> {
  assertReportAccess(ctx, 'reports.manage');
  await inTransaction(ctx, async (tx) => {
    const before = await blockRow(tx, startYear, id);
    await tx.db.delete(reportBlocks).where(and(eq(reportBlocks.orgId, tx.orgId), eq(reportBlocks.id, id)));
    await audit(tx, { action: 'delete', entityType: 'report_block', entityId: id, before: toBlock(before) });
  });
}

/**
 * Copies every block of another year's report after this year's blocks (a starting point to edit).
 * Audited (one record per block). Throws forbidden, validation_failed (the same year).
 */
export async function copyBlocks(
  ctx: Ctx,
  startYear: number,
  fromStartYear: number,
): Promise<{ copied: number; items: ReportBlock[] }> {
  assertReportAccess(ctx, 'reports.manage');
  if (fromStartYear === startYear)
    throw new AppError('validation_failed', { fields: [{ path: 'fromFiscalYear', code: 'same_year' }] });
  return inTransaction(ctx, async (tx) => {
    const source = await listBlocks(tx, fromStartYear);
    await ensureReport(tx, startYear);
    const existing = await listBlocks(tx, startYear);
    const next = new Map<string, number>();
    for (const e of existing) next.set(e.section, Math.max(next.get(e.section) ?? 0, e.position + 1));
    for (const s of source) {
      const { id: _, position, ...texts } = s;
      const [row] = await tx.db
        .insert(reportBlocks)
        .values({
          orgId: tx.orgId,
          fiscalYear: startYear,
          ...texts,
          position: (next.get(s.section) ?? 0) + position,
        })
        .returning();
      await audit(tx, {
        action: 'copy',
        entityType: 'report_block',
        entityId: row.id,
        after: { ...toBlock(row), fromFiscalYear: fromStartYear },
      });
    }
    return { copied: source.length, items: await listBlocks(tx, startYear) };
  });
}
