import { and, asc, eq, inArray } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { assertHolds } from '../../lib/authz.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import type { Skill, SkillCreate, SkillUpdate } from './registrations.schema.js';
import { volunteerSkills } from './volunteering.table.js';

const columns = {
  id: volunteerSkills.id,
  code: volunteerSkills.code,
  nameJa: volunteerSkills.nameJa,
  nameEn: volunteerSkills.nameEn,
  active: volunteerSkills.active,
};

/** The organisation's skills list, by code; deactivated skills only when asked for. */
export async function listSkills(ctx: Ctx, query: { includeInactive?: boolean } = {}): Promise<Skill[]> {
  return ctx.db
    .select(columns)
    .from(volunteerSkills)
    .where(
      and(
        eq(volunteerSkills.orgId, ctx.orgId),
        query.includeInactive ? undefined : eq(volunteerSkills.active, true),
      ),
    )
    .orderBy(asc(volunteerSkills.code));
}

/** The skills of the organisation with these codes (active or not), keyed by code. */
export async function skillsByCode(ctx: Ctx, codes: string[]): Promise<Map<string, Skill>> {
  if (!codes.length) return new Map();
  const rows = await ctx.db
    .select(columns)
    .from(volunteerSkills)
    .where(and(eq(volunteerSkills.orgId, ctx.orgId), inArray(volunteerSkills.code, codes)));
  return new Map(rows.map((r) => [r.code, r]));
}

const duplicateCode = () =>
  new AppError('duplicate', {
    params: { entity: 'volunteer_skill' },
    fields: [{ path: 'code', code: 'duplicate' }],
  });

/**
 * Adds a skill to the list. The list is shared by the whole group: organisation-wide volunteers.manage.
 * Throws forbidden, duplicate (code).
 */
export async function createSkill(ctx: Ctx, input: SkillCreate): Promise<Skill> {
  assertHolds(ctx, 'volunteers.manage', {});
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(volunteerSkills)
      .values({ ...input, orgId: tx.orgId })
      .onConflictDoNothing()
      .returning(columns);
    if (!row) throw duplicateCode();
    await audit(tx, {
      action: 'volunteer_skill.create',
      entityType: 'volunteer_skill',
      entityId: row.id,
      after: row,
    });
    return row;
  });
}

/**
 * Renames a skill or (de)activates it; the code never changes (registrations and opportunities hold
 * it). A deactivated skill stays on the records that have it but is no longer offered.
 * Throws forbidden, not_found.
 */
export async function updateSkill(ctx: Ctx, id: string, input: SkillUpdate): Promise<Skill> {
  assertHolds(ctx, 'volunteers.manage', {});
  return inTransaction(ctx, async (tx) => {
    const where = and(eq(volunteerSkills.orgId, tx.orgId), eq(volunteerSkills.id, id));
    const [before] = await tx.db.select(columns).from(volunteerSkills).where(where).for('update');
    if (!before) throw new AppError('not_found', { params: { entity: 'volunteer_skill' } });
    const patch = Object.fromEntries(
      Object.entries(input).filter(([k, v]) => v !== undefined && v !== before[k as keyof Skill]),
    );
    if (!Object.keys(patch).length) return before;
    const [after] = await tx.db.update(volunteerSkills).set(patch).where(where).returning(columns);
    await audit(tx, {
      action: 'volunteer_skill.update',
      entityType: 'volunteer_skill',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
