import { and, count, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import type { Page } from '../../lib/pagination.js';
import { toNumber } from '../../lib/sql.js';
import { renderNotice } from './notifications.render.js';
import type { MarkRead, Notification, NotificationQuery } from './notifications.schema.js';
import { notifications } from './notifications.table.js';

/** The caller's own notifications; an account without an employee record has none. */
function mine(ctx: Ctx): SQL | null {
  if (ctx.actor.kind !== 'user' || !ctx.actor.employeeId) return null;
  return and(eq(notifications.orgId, ctx.orgId), eq(notifications.employeeId, ctx.actor.employeeId))!;
}

/**
 * The caller's notifications, newest first, with title and body in the caller's language. An account
 * that is not linked to an employee gets an empty list. Throws nothing of its own.
 */
export async function listMyNotifications(ctx: Ctx, q: NotificationQuery): Promise<Page<Notification>> {
  const own = mine(ctx);
  if (!own) return { items: [], total: 0, page: q.page, size: q.size };
  const where = q.unread ? and(own, isNull(notifications.readAt)) : own;
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(q.size)
      .offset((q.page - 1) * q.size),
    ctx.db.select({ total: count() }).from(notifications).where(where),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      ...renderNotice(row.kind, ctx.locale, row.params),
      link: row.link,
      readAt: row.readAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    })),
    total: toNumber(total),
    page: q.page,
    size: q.size,
  };
}

/** How many of the caller's notifications are unread (0 without an employee record). */
export async function unreadCount(ctx: Ctx): Promise<number> {
  const own = mine(ctx);
  if (!own) return 0;
  const [{ n }] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(and(own, isNull(notifications.readAt)));
  return toNumber(n);
}

/**
 * Marks the caller's notifications read: the given ids (others' ids are ignored), or all of them.
 * Reading is the reader's own state, not a change to the organisation's records, so it is not audited.
 * Returns how many changed.
 */
export async function markRead(ctx: Ctx, input: MarkRead): Promise<number> {
  const own = mine(ctx);
  if (!own || input.ids?.length === 0) return 0;
  const conditions = [own, isNull(notifications.readAt)];
  if (input.ids) conditions.push(inArray(notifications.id, input.ids));
  const changed = await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(...conditions))
    .returning({ id: notifications.id });
  return changed.length;
}
