import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { actorUserId, type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type FieldIssue } from '../../lib/errors.js';
import type { Page } from '../../lib/pagination.js';
import { toNumber } from '../../lib/sql.js';
import { users } from '../auth/auth.table.js';
import type {
  CriterionInput,
  Guideline,
  GuidelineCreate,
  GuidelineListQuery,
  GuidelineStatus,
  GuidelineSummary,
  GuidelineUpdate,
} from './guidelines.schema.js';
import { partnerScreenings, screeningCriteria, screeningGuidelines } from './screening.table.js';

type GuidelineRow = typeof screeningGuidelines.$inferSelect;

const criteriaCount = sql<number>`(select count(*) from ${screeningCriteria} c where c.guideline_id = ${screeningGuidelines.id})`;
const screeningCount = sql<number>`(select count(*) from ${partnerScreenings} s where s.guideline_id = ${screeningGuidelines.id})`;

const summaryColumns = {
  row: screeningGuidelines,
  publishedByName: users.displayName,
  criteriaCount,
  screeningCount,
};

function summaryOf(r: {
  row: GuidelineRow;
  publishedByName: string | null;
  criteriaCount: number;
  screeningCount: number;
}): GuidelineSummary {
  const g = r.row;
  return {
    id: g.id,
    version: g.version,
    titleJa: g.titleJa,
    titleEn: g.titleEn,
    status: g.status as GuidelineStatus,
    validityMonths: g.validityMonths,
    publishedAt: g.publishedAt?.toISOString() ?? null,
    publishedByName: r.publishedByName,
    createdAt: g.createdAt.toISOString(),
    criteriaCount: toNumber(r.criteriaCount),
    screeningCount: toNumber(r.screeningCount),
  };
}

function selectSummaries(ctx: Ctx) {
  return ctx.db
    .select(summaryColumns)
    .from(screeningGuidelines)
    .leftJoin(
      users,
      and(eq(users.orgId, screeningGuidelines.orgId), eq(users.id, screeningGuidelines.publishedBy)),
    );
}

/** The guideline versions, newest first (filter by status). */
export async function listGuidelines(ctx: Ctx, q: GuidelineListQuery): Promise<Page<GuidelineSummary>> {
  const where = and(
    eq(screeningGuidelines.orgId, ctx.orgId),
    q.status ? eq(screeningGuidelines.status, q.status) : undefined,
  );
  const [{ total }] = await ctx.db.select({ total: count() }).from(screeningGuidelines).where(where);
  const rows = await selectSummaries(ctx)
    .where(where)
    .orderBy(desc(screeningGuidelines.version))
    .limit(q.size)
    .offset((q.page - 1) * q.size);
  return { items: rows.map(summaryOf), total: toNumber(total), page: q.page, size: q.size };
}

/** One guideline version with its criteria in order. Throws not_found. */
export async function getGuideline(ctx: Ctx, id: string): Promise<Guideline> {
  const [r] = await selectSummaries(ctx).where(
    and(eq(screeningGuidelines.orgId, ctx.orgId), eq(screeningGuidelines.id, id)),
  );
  if (!r) throw new AppError('not_found', { params: { entity: 'screening_guideline' } });
  const criteria = await ctx.db
    .select()
    .from(screeningCriteria)
    .where(and(eq(screeningCriteria.orgId, ctx.orgId), eq(screeningCriteria.guidelineId, id)))
    .orderBy(asc(screeningCriteria.position));
  return {
    ...summaryOf(r),
    policyJa: r.row.policyJa,
    policyEn: r.row.policyEn,
    criteria: criteria.map(({ orgId: _o, guidelineId: _g, ...c }) => c),
  };
}

/** The active version, or null when none was ever published. */
export async function activeGuideline(ctx: Ctx): Promise<GuidelineRow | null> {
  const [row] = await ctx.db
    .select()
    .from(screeningGuidelines)
    .where(and(eq(screeningGuidelines.orgId, ctx.orgId), eq(screeningGuidelines.status, 'active')));
  return row ?? null;
}

async function lockDraft(ctx: Ctx, id: string): Promise<GuidelineRow> {
  const [row] = await ctx.db
    .select()
    .from(screeningGuidelines)
    .where(and(eq(screeningGuidelines.orgId, ctx.orgId), eq(screeningGuidelines.id, id)))
    .for('update');
  if (!row) throw new AppError('not_found', { params: { entity: 'screening_guideline' } });
  if (row.status !== 'draft') throw new AppError('guideline_not_draft', { params: { version: row.version } });
  return row;
}

function titleIssues(v: { titleJa: string | null; titleEn: string | null }): FieldIssue[] {
  return v.titleJa || v.titleEn ? [] : [{ path: 'titleJa', code: 'required' }];
}

/**
 * Starts the next version as a draft, copying the active version's texts and criteria (fields given
 * override them). Throws guideline_draft_exists when a draft already exists (edit that one), validation_failed
 * (no title when there is nothing to copy).
 */
export async function createGuidelineDraft(ctx: Ctx, input: GuidelineCreate): Promise<Guideline> {
  return inTransaction(ctx, async (tx) => {
    // One writer at a time per organisation: versions are numbered in order.
    await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`kyosei.guidelines.${tx.orgId}`}))`);
    const all = await tx.db
      .select()
      .from(screeningGuidelines)
      .where(eq(screeningGuidelines.orgId, tx.orgId))
      .orderBy(desc(screeningGuidelines.version));
    const draft = all.find((g) => g.status === 'draft');
    if (draft) throw new AppError('guideline_draft_exists', { params: { version: draft.version } });
    const active = all.find((g) => g.status === 'active');
    const values = {
      titleJa: input.titleJa !== undefined ? input.titleJa : (active?.titleJa ?? null),
      titleEn: input.titleEn !== undefined ? input.titleEn : (active?.titleEn ?? null),
      policyJa: input.policyJa !== undefined ? input.policyJa : (active?.policyJa ?? null),
      policyEn: input.policyEn !== undefined ? input.policyEn : (active?.policyEn ?? null),
      validityMonths: input.validityMonths ?? active?.validityMonths ?? 24,
    };
    const issues = titleIssues(values);
    if (issues.length) throw new AppError('validation_failed', { fields: issues });
    const [row] = await tx.db
      .insert(screeningGuidelines)
      .values({ orgId: tx.orgId, version: (all[0]?.version ?? 0) + 1, status: 'draft', ...values })
      .returning();
    if (active) {
      const criteria = await tx.db
        .select()
        .from(screeningCriteria)
        .where(and(eq(screeningCriteria.orgId, tx.orgId), eq(screeningCriteria.guidelineId, active.id)));
      if (criteria.length)
        await tx.db
          .insert(screeningCriteria)
          .values(criteria.map(({ id: _id, ...c }) => ({ ...c, guidelineId: row.id })));
    }
    const created = await getGuideline(tx, row.id);
    await audit(tx, {
      action: 'guideline.create',
      entityType: 'screening_guideline',
      entityId: row.id,
      after: { ...created, copiedFrom: active?.version ?? null },
    });
    return created;
  });
}

/** Changes a draft's title, policy or validity. Throws not_found, guideline_not_draft, validation_failed. */
export async function updateGuideline(ctx: Ctx, id: string, input: GuidelineUpdate): Promise<Guideline> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockDraft(tx, id);
    const next = {
      titleJa: input.titleJa !== undefined ? input.titleJa : before.titleJa,
      titleEn: input.titleEn !== undefined ? input.titleEn : before.titleEn,
      policyJa: input.policyJa !== undefined ? input.policyJa : before.policyJa,
      policyEn: input.policyEn !== undefined ? input.policyEn : before.policyEn,
      validityMonths: input.validityMonths ?? before.validityMonths,
    };
    const issues = titleIssues(next);
    if (issues.length) throw new AppError('validation_failed', { fields: issues });
    await tx.db.update(screeningGuidelines).set(next).where(eq(screeningGuidelines.id, id));
    await audit(tx, {
      action: 'guideline.update',
      entityType: 'screening_guideline',
      entityId: id,
      before,
      after: next,
    });
    return getGuideline(tx, id);
  });
}

function criteriaIssues(items: CriterionInput[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  items.forEach((c, i) => {
    const key = c.code.toLowerCase();
    if (seen.has(key)) issues.push({ path: `items.${i}.code`, code: 'duplicate' });
    seen.add(key);
    if (!c.textJa && !c.textEn) issues.push({ path: `items.${i}.textJa`, code: 'required' });
  });
  return issues;
}

/**
 * Replaces a draft's checklist: criteria keep their id when their code stays, the rest are removed
 * or added, and the list order becomes their position. Throws not_found, guideline_not_draft,
 * validation_failed (duplicate code, a criterion without text).
 */
export async function replaceCriteria(ctx: Ctx, id: string, items: CriterionInput[]): Promise<Guideline> {
  const issues = criteriaIssues(items);
  if (issues.length) throw new AppError('validation_failed', { fields: issues });
  return inTransaction(ctx, async (tx) => {
    await lockDraft(tx, id);
    const before = await getGuideline(tx, id);
    const byCode = new Map(before.criteria.map((c) => [c.code.toLowerCase(), c]));
    const keep = new Set(items.map((c) => c.code.toLowerCase()));
    for (const c of before.criteria) {
      if (!keep.has(c.code.toLowerCase()))
        await tx.db.delete(screeningCriteria).where(eq(screeningCriteria.id, c.id));
    }
    for (const [position, c] of items.entries()) {
      const values = {
        code: c.code,
        position,
        textJa: c.textJa ?? null,
        textEn: c.textEn ?? null,
        evidenceJa: c.evidenceJa ?? null,
        evidenceEn: c.evidenceEn ?? null,
        required: c.required,
      };
      const existing = byCode.get(c.code.toLowerCase());
      if (existing)
        await tx.db.update(screeningCriteria).set(values).where(eq(screeningCriteria.id, existing.id));
      else await tx.db.insert(screeningCriteria).values({ orgId: tx.orgId, guidelineId: id, ...values });
    }
    const after = await getGuideline(tx, id);
    await audit(tx, {
      action: 'guideline.criteria',
      entityType: 'screening_guideline',
      entityId: id,
      before: before.criteria,
      after: after.criteria,
    });
    return after;
  });
}

/**
 * Publishes a draft: it becomes the one active version and the previous active one is retired.
 * Screenings already started keep the version they were made against. Throws not_found,
 * guideline_not_draft, validation_failed (no criteria).
 */
export async function publishGuideline(ctx: Ctx, id: string): Promise<Guideline> {
  return inTransaction(ctx, async (tx) => {
    await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`kyosei.guidelines.${tx.orgId}`}))`);
    await lockDraft(tx, id);
    const draft = await getGuideline(tx, id);
    if (draft.criteria.length === 0)
      throw new AppError('validation_failed', { fields: [{ path: 'criteria', code: 'required' }] });
    const retired = await tx.db
      .update(screeningGuidelines)
      .set({ status: 'retired' })
      .where(and(eq(screeningGuidelines.orgId, tx.orgId), eq(screeningGuidelines.status, 'active')))
      .returning({ id: screeningGuidelines.id, version: screeningGuidelines.version });
    await tx.db
      .update(screeningGuidelines)
      .set({ status: 'active', publishedAt: new Date(), publishedBy: actorUserId(tx) })
      .where(eq(screeningGuidelines.id, id));
    const after = await getGuideline(tx, id);
    await audit(tx, {
      action: 'guideline.publish',
      entityType: 'screening_guideline',
      entityId: id,
      before: { status: 'draft', retired: retired[0] ?? null },
      after,
    });
    return after;
  });
}

/** Discards a draft version. Throws not_found, guideline_not_draft. */
export async function deleteGuidelineDraft(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await lockDraft(tx, id);
    const before = await getGuideline(tx, id);
    await tx.db.delete(screeningGuidelines).where(eq(screeningGuidelines.id, id));
    await audit(tx, { action: 'guideline.delete', entityType: 'screening_guideline', entityId: id, before });
  });
}
