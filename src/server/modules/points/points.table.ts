import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.table.js';
import { storedFiles } from '../files/files.table.js';
import { organisations } from '../organisations/organisations.table.js';
import { employees } from '../people/people.table.js';
import { signups } from '../volunteering/volunteering.table.js';

/**
 * Volunteer expense support: an employee claims points for the transport of an activity they
 * attended (a sign-up marked attended, on an opportunity with `transportByPoints`). Approval posts
 * the points from the employee's account to the reimbursement account (`ledger_postings.claim_id`).
 * One live claim (pending or approved) per participation.
 */
export const pointClaims = pgTable(
  'point_claims',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    employeeId: uuid().notNull(),
    signupId: uuid().notNull(),
    points: integer().notNull(),
    route: text().notNull(),
    note: text(),
    receiptFileId: uuid(),
    status: text().notNull().default('pending'),
    decidedBy: uuid(),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('point_claims_org_id').on(t.orgId, t.id),
    uniqueIndex('point_claims_one_live_per_signup')
      .on(t.signupId)
      .where(sql`${t.status} in ('pending', 'approved')`),
    foreignKey({
      name: 'point_claims_employee_fk',
      columns: [t.orgId, t.employeeId],
      foreignColumns: [employees.orgId, employees.id],
    }),
    foreignKey({
      name: 'point_claims_signup_fk',
      columns: [t.orgId, t.signupId],
      foreignColumns: [signups.orgId, signups.id],
    }),
    foreignKey({
      name: 'point_claims_receipt_fk',
      columns: [t.orgId, t.receiptFileId],
      foreignColumns: [storedFiles.orgId, storedFiles.id],
    }),
    foreignKey({
      name: 'point_claims_decided_by_fk',
      columns: [t.orgId, t.decidedBy],
      foreignColumns: [users.orgId, users.id],
    }),
    check('point_claims_points', sql`${t.points} > 0`),
    check('point_claims_route', sql`length(trim(${t.route})) > 0`),
    check('point_claims_status', sql`${t.status} in ('pending', 'approved', 'rejected', 'withdrawn')`),
    check(
      'point_claims_decision',
      sql`(${t.status} in ('approved', 'rejected')) = (${t.decidedBy} is not null and ${t.decidedAt} is not null)`,
    ),
    index('point_claims_org_status_idx').on(t.orgId, t.status, t.createdAt),
    index('point_claims_org_employee_idx').on(t.orgId, t.employeeId),
  ],
);
