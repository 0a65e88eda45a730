import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { addMonths } from '../../../shared/dates.js';
import { audit } from '../../lib/audit.js';
import { actorUserId, type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type FieldIssue } from '../../lib/errors.js';
import type { Page } from '../../lib/pagination.js';
import { toNumber } from '../../lib/sql.js';
import { users } from '../auth/auth.table.js';
import { storedFiles } from '../files/files.table.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { activeGuideline } from './guidelines.service.js';
import { partners } from './partners.table.js';
import type {
  AnswerInput,
  Decide,
  Screening,
  ScreeningItem,
  ScreeningStatus,
  ScreeningSummary,
} from './screening.schema.js';
import {
  partnerScreeningAnswers,
  partnerScreenings,
  screeningCriteria,
  screeningGuidelines,
} from './screening.table.js';

const starter = alias(users, 'starter');
const decider = alias(users, 'decider');

const answered = sql<number>`(select count(*) from ${partnerScreeningAnswers} a where a.screening_id = ${partnerScreenings.id})`;
const criteriaCount = sql<number>`(select count(*) from ${screeningCriteria} c where c.guideline_id = ${partnerScreenings.guidelineId})`;

function selectScreenings(ctx: Ctx) {
  return ctx.db
    .select({
      s: partnerScreenings,
      partnerCode: partners.code,
      partnerNameJa: partners.nameJa,
      partnerNameEn: partners.nameEn,
      guideline: screeningGuidelines,
      starterName: starter.displayName,
      deciderName: decider.displayName,
      answered,
      criteriaCount,
    })
    .from(partnerScreenings)
    .innerJoin(
      partners,
      and(eq(partners.orgId, partnerScreenings.orgId), eq(partners.id, partnerScreenings.partnerId)),
    )
    .innerJoin(screeningGuidelines, eq(screeningGuidelines.id, partnerScreenings.guidelineId))
    .leftJoin(starter, eq(starter.id, partnerScreenings.startedBy))
    .leftJoin(decider, eq(decider.id, partnerScreenings.decidedBy));
}
type Row = Awaited<ReturnType<ReturnType<typeof selectScreenings>['where']>>[number];

function summaryOf(r: Row): ScreeningSummary {
  const s = r.s;
  return {
    id: s.id,
    partnerId: s.partnerId,
    partnerCode: r.partnerCode,
    partnerNameJa: r.partnerNameJa,
    partnerNameEn: r.partnerNameEn,
    guidelineId: s.guidelineId,
    guidelineVersion: r.guideline.version,
    status: s.status as ScreeningStatus,
    notes: s.notes,
    startedBy: { id: s.startedBy, name: r.starterName ?? '' },
    decidedBy: s.decidedBy ? { id: s.decidedBy, name: r.deciderName ?? '' } : null,
    decidedAt: s.decidedAt?.toISOString() ?? null,
    nextDueOn: s.nextDueOn,
    createdAt: s.createdAt.toISOString(),
    answered: toNumber(r.answered),
    criteriaCount: toNumber(r.criteriaCount),
  };
}

async function partnerOf(ctx: Ctx, partnerId: string, lock = false) {
  const query = ctx.db
    .select()
    .from(partners)
    .where(and(eq(partners.orgId, ctx.orgId), eq(partners.id, partnerId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found', { params: { entity: 'partner' } });
  return row;
}

/** A partner's screenings, newest first. Throws not_found (partner). */
export async function listPartnerScreenings(
  ctx: Ctx,
  partnerId: string,
  q: { page: number; size: number },
): Promise<Page<ScreeningSummary>> {
  await partnerOf(ctx, partnerId);
  const where = and(eq(partnerScreenings.orgId, ctx.orgId), eq(partnerScreenings.partnerId, partnerId));
  const [{ total }] = await ctx.db.select({ total: count() }).from(partnerScreenings).where(where);
  const rows = await selectScreenings(ctx)
    .where(where)
    .orderBy(desc(partnerScreenings.createdAt))
    .limit(q.size)
    .offset((q.page - 1) * q.size);
  return { items: rows.map(summaryOf), total: toNumber(total), page: q.page, size: q.size };
}

/** Whether an answer meets its criterion: yes, with evidence text or a file. */
const meets = (a: { answer: string; evidence: string | null; fileId: string | null } | null) =>
  !!a && a.answer === 'yes' && (!!a.evidence?.trim() || !!a.fileId);

/** One screening with every criterion of its guideline and the answer given. Throws not_found. */
export async function getScreening(ctx: Ctx, id: string): Promise<Screening> {
  const [r] = await selectScreenings(ctx).where(
    and(eq(partnerScreenings.orgId, ctx.orgId), eq(partnerScreenings.id, id)),
  );
  if (!r) throw new AppError('not_found', { params: { entity: 'partner_screening' } });
  const rows = await ctx.db
    .select({ c: screeningCriteria, a: partnerScreeningAnswers, file: storedFiles })
    .from(screeningCriteria)
    .leftJoin(
      partnerScreeningAnswers,
      and(
        eq(partnerScreeningAnswers.criterionId, screeningCriteria.id),
        eq(partnerScreeningAnswers.screeningId, id),
      ),
    )
    .leftJoin(storedFiles, eq(storedFiles.id, partnerScreeningAnswers.fileId))
    .where(and(eq(screeningCriteria.orgId, ctx.orgId), eq(screeningCriteria.guidelineId, r.s.guidelineId)))
    .orderBy(asc(screeningCriteria.position));
  const items: ScreeningItem[] = rows.map(({ c, a, file }) => ({
    criterion: {
      id: c.id,
      code: c.code,
      position: c.position,
      textJa: c.textJa,
      textEn: c.textEn,
      evidenceJa: c.evidenceJa,
      evidenceEn: c.evidenceEn,
      required: c.required,
    },
    answer: a
      ? {
          answer: a.answer as 'yes' | 'no' | 'na',
          evidence: a.evidence,
          file: file ? { id: file.id, name: file.name, contentType: file.contentType } : null,
          comment: a.comment,
          updatedAt: a.updatedAt.toISOString(),
        }
      : null,
    met: meets(a),
  }));
  return {
    ...summaryOf(r),
    guidelineTitleJa: r.guideline.titleJa,
    guidelineTitleEn: r.guideline.titleEn,
    validityMonths: r.guideline.validityMonths,
    items,
    canPass: items.every((i) => !i.criterion.required || i.met),
  };
}

/**
 * Starts a screening of a partner against the active guideline. Throws not_found (partner),
 * no_active_guideline, screening_draft_exists (one in progress per partner).
 */
export async function startScreening(ctx: Ctx, partnerId: string): Promise<Screening> {
  return inTransaction(ctx, async (tx) => {
    await partnerOf(tx, partnerId, true);
    const guideline = await activeGuideline(tx);
    if (!guideline) throw new AppError('no_active_guideline');
    const [draft] = await tx.db
      .select({ id: partnerScreenings.id })
      .from(partnerScreenings)
      .where(
        and(
          eq(partnerScreenings.orgId, tx.orgId),
          eq(partnerScreenings.partnerId, partnerId),
          eq(partnerScreenings.status, 'draft'),
        ),
      );
    if (draft) throw new AppError('screening_draft_exists', { params: { id: draft.id } });
    const startedBy = actorUserId(tx);
    if (!startedBy) throw new AppError('forbidden');
    const [row] = await tx.db
      .insert(partnerScreenings)
      .values({ orgId: tx.orgId, partnerId, guidelineId: guideline.id, startedBy })
      .returning();
    const created = await getScreening(tx, row.id);
    await audit(tx, {
      action: 'screening.start',
      entityType: 'partner_screening',
      entityId: row.id,
      after: { partnerId, guidelineVersion: guideline.version },
    });
    return created;
  });
}

async function lockDraftScreening(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(partnerScreenings)
    .where(and(eq(partnerScreenings.orgId, ctx.orgId), eq(partnerScreenings.id, id)))
    .for('update');
  if (!row) throw new AppError('not_found', { params: { entity: 'partner_screening' } });
  if (row.status !== 'draft') throw new AppError('screening_decided');
  return row;
}

/**
 * Records (or replaces) the answer to one criterion with its evidence. Throws not_found (screening
 * or criterion of its guideline), screening_decided, validation_failed (fileId unknown or not
 * uploaded as screening evidence).
 */
export async function answerCriterion(
  ctx: Ctx,
  screeningId: string,
  criterionId: string,
  input: AnswerInput,
): Promise<Screening> {
  return inTransaction(ctx, async (tx) => {
    const s = await lockDraftScreening(tx, screeningId);
    const [criterion] = await tx.db
      .select({ id: screeningCriteria.id })
      .from(screeningCriteria)
      .where(
        and(
          eq(screeningCriteria.orgId, tx.orgId),
          eq(screeningCriteria.guidelineId, s.guidelineId),
          eq(screeningCriteria.id, criterionId),
        ),
      );
    if (!criterion) throw new AppError('not_found', { params: { entity: 'screening_criterion' } });
    if (input.fileId) {
      const [file] = await tx.db
        .select({ purpose: storedFiles.purpose })
        .from(storedFiles)
        .where(and(eq(storedFiles.orgId, tx.orgId), eq(storedFiles.id, input.fileId)));
      if (!file) throw new AppError('validation_failed', { fields: [{ path: 'fileId', code: 'not_found' }] });
      if (file.purpose !== 'screening_evidence')
        throw new AppError('validation_failed', { fields: [{ path: 'fileId', code: 'file_purpose' }] });
    }
    const values = {
      answer: input.answer,
      evidence: input.evidence ?? null,
      fileId: input.fileId ?? null,
      comment: input.comment ?? null,
      updatedAt: new Date(),
    };
    const [before] = await tx.db
      .select()
      .from(partnerScreeningAnswers)
      .where(
        and(
          eq(partnerScreeningAnswers.screeningId, screeningId),
          eq(partnerScreeningAnswers.criterionId, criterionId),
        ),
      );
    await tx.db
      .insert(partnerScreeningAnswers)
      .values({ orgId: tx.orgId, screeningId, guidelineId: s.guidelineId, criterionId, ...values })
      .onConflictDoUpdate({
        target: [partnerScreeningAnswers.screeningId, partnerScreeningAnswers.criterionId],
        set: values,
      });
    await audit(tx, {
      action: 'screening.answer',
      entityType: 'partner_screening',
      entityId: screeningId,
      before: before ?? null,
      after: { criterionId, ...values },
    });
    return getScreening(tx, screeningId);
  });
}

/**
 * Decides a screening. Passed needs every required criterion answered yes with evidence (else
 * screening_incomplete with a field per criterion) and makes the partner eligible until the
 * re-screening date (today + the guideline's validity); failed ends its eligibility. The partner row
 * is locked so that two decisions never cross. Throws not_found, screening_decided, screening_incomplete.
 */
export async function decideScreening(
  ctx: Ctx,
  id: string,
  input: Decide,
  today = ledgerToday(),
): Promise<Screening> {
  return inTransaction(ctx, async (tx) => {
    const draft = await lockDraftScreening(tx, id);
    const partner = await partnerOf(tx, draft.partnerId, true);
    const current = await getScreening(tx, id);
    if (input.result === 'passed' && !current.canPass) {
      const fields: FieldIssue[] = current.items
        .filter((i) => i.criterion.required && !i.met)
        .map((i) => ({
          path: `answers.${i.criterion.code}`,
          code: i.answer?.answer === 'yes' ? 'evidence_required' : 'criterion_not_met',
        }));
      throw new AppError('screening_incomplete', { fields });
    }
    const nextDueOn = input.result === 'passed' ? addMonths(today, current.validityMonths) : null;
    const decidedBy = actorUserId(tx);
    if (!decidedBy) throw new AppError('forbidden');
    await tx.db
      .update(partnerScreenings)
      .set({ status: input.result, notes: input.notes ?? null, decidedBy, decidedAt: new Date(), nextDueOn })
      .where(eq(partnerScreenings.id, id));
    await tx.db
      .update(partners)
      .set({ eligibleUntil: nextDueOn, updatedAt: new Date() })
      .where(and(eq(partners.orgId, tx.orgId), eq(partners.id, partner.id)));
    const after = await getScreening(tx, id);
    await audit(tx, {
      action: `screening.${input.result}`,
      entityType: 'partner_screening',
      entityId: id,
      before: { status: 'draft' },
      after: { status: after.status, notes: after.notes, nextDueOn, decidedOn: today },
    });
    await audit(tx, {
      action: 'partner.eligibility',
      entityType: 'partner',
      entityId: partner.id,
      before: { eligibleUntil: partner.eligibleUntil },
      after: { eligibleUntil: nextDueOn, screeningId: id },
    });
    return after;
  });
}

/** Discards a screening in progress with its answers. Throws not_found, screening_decided. */
export async function discardScreening(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await lockDraftScreening(tx, id);
    await tx.db.delete(partnerScreenings).where(eq(partnerScreenings.id, id));
    await audit(tx, { action: 'screening.discard', entityType: 'partner_screening', entityId: id, before });
  });
}
