import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.table.js';

/** Append-only record of every change, written in the same transaction as the change. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid(),
    actorLabel: text().notNull(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    requestId: text(),
  },
  (t) => [
    index('audit_log_org_at_idx').on(t.orgId, t.at.desc(), t.id.desc()),
    index('audit_log_org_entity_idx').on(t.orgId, t.entityType, t.entityId),
    index('audit_log_org_actor_idx').on(t.orgId, t.actorUserId),
  ],
);
