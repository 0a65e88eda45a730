import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  foreignKey,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.table.js';
import { organisations } from '../organisations/organisations.table.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * An uploaded file (a receipt image), kept in the database with its checksum so that it is backed up,
 * moved and deleted with the records that point at it (decision 0009).
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    uploadedBy: uuid().notNull(),
    purpose: text().notNull(),
    name: text().notNull(),
    contentType: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    content: bytea().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('stored_files_org_id').on(t.orgId, t.id),
    foreignKey({
      name: 'stored_files_uploaded_by_fk',
      columns: [t.orgId, t.uploadedBy],
      foreignColumns: [users.orgId, users.id],
    }),
    check(
      'stored_files_purpose',
      sql`${t.purpose} in ('claim_receipt', 'screening_evidence', 'agreement_document', 'program_photo', 'consent_record', 'expense_attachment', 'metric_evidence', 'expense_import')`,
    ),
    check('stored_files_size', sql`${t.size} > 0 and ${t.size} = octet_length(${t.content})`),
  ],
);
