import { and, eq, sql } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { assertHolds } from '../../lib/authz.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { projectFor } from './projects.service.js';
import type {
  ProjectItem,
  ProjectItemCreate,
  ProjectItemKind,
  ProjectItemUpdate,
} from './projects.schema.js';
import { programs } from './programs.table.js';
import { localized } from './records.access.js';
import { programProjectItems, programProjects } from './records.table.js';

type ItemRow = typeof programProjectItems.$inferSelect;

export const itemView = (ctx: Ctx, r: ItemRow): ProjectItem => ({
  id: r.id,
  projectId: r.projectId,
  kind: r.kind as ProjectItemKind,
  position: r.position,
  titleJa: r.titleJa,
  titleEn: r.titleEn,
  title: localized(ctx, r.titleJa, r.titleEn),
  quantity: r.quantity,
  dueOn: r.dueOn,
  doneOn: r.doneOn,
});

/** The rules of an item, as field errors: a title; a quantity only on an outcome. */
function check(i: Pick<ItemRow, 'kind' | 'titleJa' | 'titleEn' | 'quantity'>) {
  const fields = [];
  if (!i.titleJa && !i.titleEn) fields.push({ path: 'titleJa', code: 'title_required' });
  if (i.quantity !== null && i.kind !== 'outcome')
    fields.push({ path: 'quantity', code: 'quantity_outcome_only' });
  if (fields.length) throw new AppError('validation_failed', { fields });
}

const touch = (ctx: Ctx, projectId: string) =>
  ctx.db.update(programProjects).set({ updatedAt: new Date() }).where(eq(programProjects.id, projectId));

/**
 * Adds a milestone, deliverable or outcome to a project (at the end of its kind unless a position is
 * given). Throws not_found, forbidden, validation_failed (title_required, quantity_outcome_only).
 */
export async function addProjectItem(
  ctx: Ctx,
  projectId: string,
  input: ProjectItemCreate,
): Promise<ProjectItem> {
  return inTransaction(ctx, async (tx) => {
    await projectFor(tx, projectId, 'programs.manage');
    const values = {
      orgId: tx.orgId,
      projectId,
      kind: input.kind,
      titleJa: input.titleJa ?? null,
      titleEn: input.titleEn ?? null,
      quantity: input.quantity ?? null,
      dueOn: input.dueOn ?? null,
      doneOn: input.doneOn ?? null,
      position: input.position ?? 0,
    };
    check(values);
    if (input.position === undefined) {
      const [{ next }] = await tx.db
        .select({ next: sql<number>`coalesce(max(${programProjectItems.position}) + 1, 0)` })
        .from(programProjectItems)
        .where(
          and(
            eq(programProjectItems.orgId, tx.orgId),
            eq(programProjectItems.projectId, projectId),
            eq(programProjectItems.kind, input.kind),
          ),
        );
      values.position = Number(next);
    }
    const [row] = await tx.db.insert(programProjectItems).values(values).returning();
    await touch(tx, projectId);
    await audit(tx, {
      action: 'program_project.item_add',
      entityType: 'program_project',
      entityId: projectId,
      after: row,
    });
    return itemView(tx, row);
  });
}

async function itemFor(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({ item: programProjectItems, companyId: programs.companyId })
    .from(programProjectItems)
    .innerJoin(
      programProjects,
      and(
        eq(programProjects.orgId, programProjectItems.orgId),
        eq(programProjects.id, programProjectItems.projectId),
      ),
    )
    .innerJoin(
      programs,
      and(eq(programs.orgId, programProjects.orgId), eq(programs.id, programProjects.programId)),
    )
    .where(and(eq(programProjectItems.orgId, ctx.orgId), eq(programProjectItems.id, id)));
  if (!row) throw new AppError('not_found', { params: { entity: 'program_project' } });
  assertHolds(ctx, 'programs.manage', { companyId: row.companyId });
  return row.item;
}

/** Changes an item (its title, quantity, dates, position or kind). Throws not_found, forbidden, validation_failed. */
export async function updateProjectItem(
  ctx: Ctx,
  id: string,
  input: ProjectItemUpdate,
): Promise<ProjectItem> {
  return inTransaction(ctx, async (tx) => {
    const item = await itemFor(tx, id);
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    check({ ...item, ...changes });
    const [row] = await tx.db
      .update(programProjectItems)
      .set(changes)
      .where(eq(programProjectItems.id, id))
      .returning();
    await touch(tx, item.projectId);
    await audit(tx, {
      action: 'program_project.item_update',
      entityType: 'program_project',
      entityId: item.projectId,
      before: item,
      after: row,
    });
    return itemView(tx, row);
  });
}

/** Removes an item. Throws not_found, forbidden. */
export async function deleteProjectItem(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const item = await itemFor(tx, id);
    await tx.db.delete(programProjectItems).where(eq(programProjectItems.id, id));
    await touch(tx, item.projectId);
    await audit(tx, {
      action: 'program_project.item_delete',
      entityType: 'program_project',
      entityId: item.projectId,
      before: item,
    });
  });
}
