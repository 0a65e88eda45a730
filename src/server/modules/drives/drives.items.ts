import { and, asc, eq, sql } from 'drizzle-orm';
import { assertHolds } from '../../lib/authz.js';
import { audit } from '../../lib/audit.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { isUniqueViolation } from '../../lib/sql.js';
import { collectionItems, collectionReports } from './drives.table.js';
import type { CollectionItem, CollectionUnit, ItemCreate, ItemUpdate } from './drives.schema.js';

type Row = typeof collectionItems.$inferSelect;

/** Exact decimal text without trailing zeros: "1.0000" → "1", "0.5000" → "0.5". */
export function plainDecimal(value: string | null): string | null {
  if (value === null) return null;
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

export function itemView(r: Row): CollectionItem {
  return {
    id: r.id,
    code: r.code,
    nameJa: r.nameJa,
    nameEn: r.nameEn,
    unit: r.unit as CollectionUnit,
    yenPerUnit: plainDecimal(r.yenPerUnit),
    active: r.active,
    position: r.position,
  };
}

function nameRequired(nameJa: string | null | undefined, nameEn: string | null | undefined) {
  if (!nameJa && !nameEn)
    throw new AppError('validation_failed', { fields: [{ path: 'nameJa', code: 'required' }] });
}

const duplicateCode = () =>
  new AppError('validation_failed', { fields: [{ path: 'code', code: 'duplicate' }] });

/** The managed list of items, in their order. */
export async function listItems(ctx: Ctx, q: { active?: boolean }): Promise<CollectionItem[]> {
  const rows = await ctx.db
    .select()
    .from(collectionItems)
    .where(
      and(
        eq(collectionItems.orgId, ctx.orgId),
        q.active === undefined ? undefined : eq(collectionItems.active, q.active),
      ),
    )
    .orderBy(asc(collectionItems.position), asc(collectionItems.code));
  return rows.map(itemView);
}

/** Adds an item to the managed list. Throws validation_failed (code duplicate, name required). */
export async function createItem(ctx: Ctx, input: ItemCreate): Promise<CollectionItem> {
  assertHolds(ctx, 'drives.manage', {});
  nameRequired(input.nameJa, input.nameEn);
  return inTransaction(ctx, async (tx) => {
    try {
      const [row] = await tx.db
        .insert(collectionItems)
        .values({
          orgId: tx.orgId,
          code: input.code,
          nameJa: input.nameJa ?? null,
          nameEn: input.nameEn ?? null,
          unit: input.unit,
          yenPerUnit: input.yenPerUnit ?? null,
          active: input.active,
          position: input.position,
        })
        .returning();
      await audit(tx, {
        action: 'collection_item.create',
        entityType: 'collection_item',
        entityId: row.id,
        after: row,
      });
      return itemView(row);
    } catch (err) {
      if (isUniqueViolation(err, 'collection_items_org_code')) throw duplicateCode();
      throw err;
    }
  });
}

/**
 * Changes an item. The unit cannot change once a report counts in it (field `unit`, code
 * `unit_in_use`). Throws not_found, validation_failed.
 */
export async function updateItem(ctx: Ctx, id: string, input: ItemUpdate): Promise<CollectionItem> {
  assertHolds(ctx, 'drives.manage', {});
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select()
      .from(collectionItems)
      .where(and(eq(collectionItems.orgId, tx.orgId), eq(collectionItems.id, id)))
      .for('update');
    if (!before) throw new AppError('not_found', { params: { entity: 'collection_item' } });
    const nameJa = input.nameJa === undefined ? before.nameJa : input.nameJa;
    const nameEn = input.nameEn === undefined ? before.nameEn : input.nameEn;
    nameRequired(nameJa, nameEn);
    if (input.unit && input.unit !== before.unit) {
      const [used] = await tx.db
        .select({ one: sql<number>`1` })
        .from(collectionReports)
        .where(and(eq(collectionReports.orgId, tx.orgId), eq(collectionReports.itemId, id)))
        .limit(1);
      if (used) throw new AppError('validation_failed', { fields: [{ path: 'unit', code: 'unit_in_use' }] });
    }
    try {
      const [row] = await tx.db
        .update(collectionItems)
        .set({
          code: input.code ?? before.code,
          nameJa,
          nameEn,
          unit: input.unit ?? before.unit,
          yenPerUnit: input.yenPerUnit === undefined ? before.yenPerUnit : input.yenPerUnit,
          active: input.active ?? before.active,
          position: input.position ?? before.position,
        })
        .where(eq(collectionItems.id, id))
        .returning();
      await audit(tx, {
        action: 'collection_item.update',
        entityType: 'collection_item',
        entityId: id,
        before,
        after: row,
      });
      return itemView(row);
    } catch (err) {
      if (isUniqueViolation(err, 'collection_items_org_code')) throw duplicateCode();
      throw err;
    }
  });
}
