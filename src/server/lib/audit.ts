import { auditLog } from '../modules/audit/audit.table.js';
import { actorUserId, type Ctx } from './context.js';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

const SECRET_KEYS = new Set([
  'passwordHash',
  'password',
  'tokenHash',
  'csrfToken',
  'searchGrams',
  'searchText',
]);

function scrub(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(scrub);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_KEYS.has(k))
        .map(([k, v]) => [k, scrub(v)]),
    );
  }
  return value;
}

/** Writes one audit record. Call it with the ctx of the transaction that makes the change. */
export async function audit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  await ctx.db.insert(auditLog).values({
    orgId: ctx.orgId,
    actorUserId: actorUserId(ctx),
    actorLabel: ctx.actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: scrub(entry.before),
    after: scrub(entry.after),
    requestId: ctx.requestId ?? null,
  });
}
