import { and, desc, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import { assertHolds } from '../../lib/authz.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import type { AuditPage, AuditQuery } from './audit.schema.js';
import { auditLog } from './audit.table.js';

type Cursor = { at: string; id: number };

// Microsecond precision: a JavaScript Date would round `at` to milliseconds and skip or repeat rows.
const atText = sql<string>`to_char(${auditLog.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.at}|${c.id}`).toString('base64url');
}

function decodeCursor(raw: string): Cursor {
  const [at, id] = Buffer.from(raw, 'base64url').toString().split('|');
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/.test(at ?? '') || !/^\d{1,18}$/.test(id ?? '')) {
    throw new AppError('validation_failed', { fields: [{ path: 'cursor', code: 'invalid_cursor' }] });
  }
  return { at, id: Number(id) };
}

const isDate = (s: string) => /^\d{4}-\d\d-\d\d$/.test(s);
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000);

/**
 * The organisation's audit log, newest first, with keyset paging. Needs audit.read on the whole
 * organisation. Throws forbidden, validation_failed (cursor).
 */
export async function listAudit(ctx: Ctx, q: AuditQuery): Promise<AuditPage> {
  assertHolds(ctx, 'audit.read', {});
  const conditions: (SQL | undefined)[] = [eq(auditLog.orgId, ctx.orgId)];
  if (q.entityType) conditions.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) conditions.push(eq(auditLog.entityId, q.entityId));
  if (q.action) conditions.push(eq(auditLog.action, q.action));
  if (q.actorUserId) conditions.push(eq(auditLog.actorUserId, q.actorUserId));
  if (q.from) conditions.push(gte(auditLog.at, new Date(isDate(q.from) ? `${q.from}T00:00:00Z` : q.from)));
  if (q.to) conditions.push(isDate(q.to) ? lt(auditLog.at, nextDay(q.to)) : lte(auditLog.at, new Date(q.to)));
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    conditions.push(sql`(${auditLog.at}, ${auditLog.id}) < (${c.at}::timestamp at time zone 'UTC', ${c.id})`);
  }
  const rows = await ctx.db
    .select({ row: auditLog, atText })
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(q.size + 1);
  const page = rows.slice(0, q.size);
  const last = page.at(-1);
  return {
    items: page.map(({ row, atText }) => ({
      id: String(row.id),
      at: `${atText.slice(0, 23)}Z`,
      actorUserId: row.actorUserId,
      actorLabel: row.actorLabel,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      before: row.before ?? null,
      after: row.after ?? null,
      requestId: row.requestId,
    })),
    nextCursor: rows.length > q.size && last ? encodeCursor({ at: last.atText, id: last.row.id }) : null,
  };
}
