import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.table.js';
import { groupCompanies, organisations, sites } from '../organisations/organisations.table.js';
import { employees } from '../people/people.table.js';

const FIELD_LIST = `'education_culture_sports', 'welfare_diversity', 'environment', 'regional'`;
const FIELD_CHECK = `(${FIELD_LIST})`;

/** The managed list of skills volunteers declare and opportunities require (pro bono needs them). */
export const volunteerSkills = pgTable(
  'volunteer_skills',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    code: text().notNull(),
    nameJa: text().notNull(),
    nameEn: text().notNull(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('volunteer_skills_org_code').on(t.orgId, t.code),
    check('volunteer_skills_code', sql`${t.code} ~ '^[a-z0-9][a-z0-9_-]{0,39}$'`),
  ],
);

/**
 * An employee's membership of the Volunteer Support Service (the volunteer database). One row per
 * employee: joining again after leaving clears `leftOn` and keeps the first `joinedOn`, so a person is
 * a new registrant once. Skills are codes of `volunteer_skills` (checked by the service).
 */
export const volunteerRegistrations = pgTable(
  'volunteer_registrations',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    employeeId: uuid().notNull(),
    joinedOn: date({ mode: 'string' }).notNull(),
    leftOn: date({ mode: 'string' }),
    interestFields: text().array().notNull().default(sql`'{}'`),
    skills: text().array().notNull().default(sql`'{}'`),
    skillsNote: text(),
    languages: text().array().notNull().default(sql`'{}'`),
    /** JIS prefecture code ('01'..'47') in Japan, or a free region name elsewhere. */
    prefecture: text(),
    region: text(),
    availability: text().array().notNull().default(sql`'{}'`),
    onlineOk: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('volunteer_registrations_org_employee').on(t.orgId, t.employeeId),
    foreignKey({
      name: 'volunteer_registrations_employee_fk',
      columns: [t.orgId, t.employeeId],
      foreignColumns: [employees.orgId, employees.id],
    }),
    check('volunteer_registrations_dates', sql`${t.leftOn} is null or ${t.leftOn} >= ${t.joinedOn}`),
    check('volunteer_registrations_fields', sql.raw(`interest_fields <@ array[${FIELD_LIST}]::text[]`)),
    check(
      'volunteer_registrations_availability',
      sql`${t.availability} <@ array['weekday_daytime', 'weekday_evening', 'weekend', 'flexible']::text[]`,
    ),
    check(
      'volunteer_registrations_prefecture',
      sql`${t.prefecture} is null or ${t.prefecture} ~ '^(0[1-9]|[1-3][0-9]|4[0-7])$'`,
    ),
    index('volunteer_registrations_org_joined_idx').on(t.orgId, t.joinedOn),
  ],
);

/** Something employees can volunteer for, posted by an organiser within their scope (company, maybe site). */
export const opportunities = pgTable(
  'opportunities',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    companyId: uuid().notNull(),
    siteId: uuid(),
    titleJa: text(),
    titleEn: text(),
    descriptionJa: text(),
    descriptionEn: text(),
    organiser: text().notNull(),
    partnerName: text(),
    field: text().notNull(),
    sdgs: smallint().array().notNull().default(sql`'{}'`),
    mode: text().notNull(),
    address: text(),
    prefecture: text(),
    region: text(),
    onlineUrl: text(),
    /** IANA time zone the shifts are shown in (the site's, else the company's). */
    timeZone: text().notNull(),
    signupDeadline: timestamp({ withTimezone: true }),
    cancelDeadline: timestamp({ withTimezone: true }),
    requiredSkills: text().array().notNull().default(sql`'{}'`),
    familyAllowed: boolean().notNull().default(false),
    transportByPoints: boolean().notNull().default(false),
    visibility: text().notNull().default('group'),
    visibleCompanyIds: uuid().array().notNull().default(sql`'{}'`),
    status: text().notNull().default('draft'),
    /** The span of its shifts, kept by the service, for date filters and ordering. */
    firstStartsAt: timestamp({ withTimezone: true }),
    lastEndsAt: timestamp({ withTimezone: true }),
    searchText: text().notNull().default(''),
    searchGrams: text().array().notNull().default(sql`'{}'`),
    createdBy: uuid(),
    publishedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('opportunities_org_id').on(t.orgId, t.id),
    foreignKey({
      name: 'opportunities_company_fk',
      columns: [t.orgId, t.companyId],
      foreignColumns: [groupCompanies.orgId, groupCompanies.id],
    }),
    foreignKey({
      name: 'opportunities_site_fk',
      columns: [t.orgId, t.siteId],
      foreignColumns: [sites.orgId, sites.id],
    }),
    foreignKey({
      name: 'opportunities_created_by_fk',
      columns: [t.orgId, t.createdBy],
      foreignColumns: [users.orgId, users.id],
    }),
    check('opportunities_field', sql.raw(`field in ${FIELD_CHECK}`)),
    check('opportunities_mode', sql`${t.mode} in ('online', 'on_site', 'hybrid')`),
    check('opportunities_status', sql`${t.status} in ('draft', 'published', 'cancelled', 'completed')`),
    check('opportunities_visibility', sql`${t.visibility} in ('group', 'companies')`),
    check(
      'opportunities_visible_companies',
      sql`(${t.visibility} = 'group') = (cardinality(${t.visibleCompanyIds}) = 0)`,
    ),
    check('opportunities_title', sql`coalesce(${t.titleJa}, ${t.titleEn}) is not null`),
    check(
      'opportunities_sdgs',
      sql`${t.sdgs} <@ array[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]::smallint[]`,
    ),
    check('opportunities_online_link', sql`${t.mode} = 'on_site' or ${t.onlineUrl} is not null`),
    check(
      'opportunities_place',
      sql`${t.mode} = 'online' or ${t.prefecture} is not null or ${t.region} is not null`,
    ),
    check(
      'opportunities_prefecture',
      sql`${t.prefecture} is null or ${t.prefecture} ~ '^(0[1-9]|[1-3][0-9]|4[0-7])$'`,
    ),
    index('opportunities_search_grams_idx').using('gin', t.searchGrams),
    index('opportunities_org_status_start_idx').on(t.orgId, t.status, t.firstStartsAt),
    index('opportunities_org_company_idx').on(t.orgId, t.companyId),
    index('opportunities_required_skills_idx').using('gin', t.requiredSkills),
  ],
);

/**
 * A shift of an opportunity. `confirmedCount` is kept under the shift's row lock by the sign-up
 * service, and the check constraint makes an overbooked shift impossible whatever the code does.
 */
export const opportunityShifts = pgTable(
  'opportunity_shifts',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull(),
    opportunityId: uuid().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    capacity: integer().notNull(),
    confirmedCount: integer().notNull().default(0),
    /** The secret in the shift's QR code, for check-in at the venue. */
    checkinCode: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('opportunity_shifts_org_id').on(t.orgId, t.id),
    uniqueIndex('opportunity_shifts_checkin_code').on(t.checkinCode),
    foreignKey({
      name: 'opportunity_shifts_opportunity_fk',
      columns: [t.orgId, t.opportunityId],
      foreignColumns: [opportunities.orgId, opportunities.id],
    }).onDelete('cascade'),
    check('opportunity_shifts_times', sql`${t.endsAt} > ${t.startsAt}`),
    check('opportunity_shifts_capacity', sql`${t.capacity} between 1 and 100000`),
    check('opportunity_shifts_seats', sql`${t.confirmedCount} between 0 and ${t.capacity}`),
    index('opportunity_shifts_opportunity_idx').on(t.orgId, t.opportunityId, t.startsAt),
    index('opportunity_shifts_org_start_idx').on(t.orgId, t.startsAt),
  ],
);

/**
 * An employee's sign-up for a shift: confirmed, or waitlisted in `seq` order, or cancelled. Only one
 * live (not cancelled) sign-up per employee and shift. Attended sign-ups carry the credited minutes.
 */
export const signups = pgTable(
  'signups',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull(),
    shiftId: uuid().notNull(),
    employeeId: uuid().notNull(),
    status: text().notNull(),
    /** Waitlist order: lower first. */
    seq: bigint({ mode: 'number' }).generatedAlwaysAsIdentity(),
    attendance: text(),
    minutes: integer(),
    checkedInAt: timestamp({ withTimezone: true }),
    attendanceBy: uuid(),
    promotedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('signups_org_id').on(t.orgId, t.id),
    foreignKey({
      name: 'signups_shift_fk',
      columns: [t.orgId, t.shiftId],
      foreignColumns: [opportunityShifts.orgId, opportunityShifts.id],
    }),
    foreignKey({
      name: 'signups_employee_fk',
      columns: [t.orgId, t.employeeId],
      foreignColumns: [employees.orgId, employees.id],
    }),
    foreignKey({
      name: 'signups_attendance_by_fk',
      columns: [t.orgId, t.attendanceBy],
      foreignColumns: [users.orgId, users.id],
    }),
    uniqueIndex('signups_one_live_per_shift')
      .on(t.orgId, t.shiftId, t.employeeId)
      .where(sql`status <> 'cancelled'`),
    check('signups_status', sql`${t.status} in ('confirmed', 'waitlisted', 'cancelled')`),
    check('signups_attendance', sql`${t.attendance} is null or ${t.attendance} in ('attended', 'absent')`),
    check('signups_attendance_confirmed', sql`${t.attendance} is null or ${t.status} = 'confirmed'`),
    check(
      'signups_minutes',
      sql`(${t.attendance} = 'attended') = (${t.minutes} is not null) and (${t.minutes} is null or ${t.minutes} between 1 and 1440)`,
    ),
    check('signups_cancelled_at', sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null)`),
    index('signups_shift_status_seq_idx').on(t.orgId, t.shiftId, t.status, t.seq),
    index('signups_employee_idx').on(t.orgId, t.employeeId, t.status),
    // employee_id and minutes make the KPI summary's per-shift lookups (drizzle/0004) index-only scans.
    index('signups_attended_idx')
      .on(t.orgId, t.shiftId, t.employeeId, t.minutes)
      .where(sql`attendance = 'attended'`),
  ],
);

/** Volunteering done outside the system, logged by the employee; counts only once approved. */
export const volunteerHourLogs = pgTable(
  'volunteer_hour_logs',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull(),
    employeeId: uuid().notNull(),
    activityDate: date({ mode: 'string' }).notNull(),
    organisationName: text().notNull(),
    field: text().notNull(),
    minutes: integer().notNull(),
    description: text().notNull(),
    status: text().notNull().default('pending'),
    reviewedBy: uuid(),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('volunteer_hour_logs_org_id').on(t.orgId, t.id),
    foreignKey({
      name: 'volunteer_hour_logs_employee_fk',
      columns: [t.orgId, t.employeeId],
      foreignColumns: [employees.orgId, employees.id],
    }),
    foreignKey({
      name: 'volunteer_hour_logs_reviewed_by_fk',
      columns: [t.orgId, t.reviewedBy],
      foreignColumns: [users.orgId, users.id],
    }),
    check('volunteer_hour_logs_field', sql.raw(`field in ${FIELD_CHECK}`)),
    check('volunteer_hour_logs_minutes', sql`${t.minutes} between 1 and 1440`),
    check('volunteer_hour_logs_status', sql`${t.status} in ('pending', 'approved', 'rejected')`),
    check('volunteer_hour_logs_review', sql`(${t.status} = 'pending') = (${t.reviewedAt} is null)`),
    index('volunteer_hour_logs_employee_idx').on(t.orgId, t.employeeId, t.activityDate),
    index('volunteer_hour_logs_status_idx').on(t.orgId, t.status, t.activityDate),
  ],
);

/** An employee's private calendar feed: the token in the URL is the only credential it takes. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull(),
    employeeId: uuid().notNull(),
    token: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('calendar_feeds_org_employee').on(t.orgId, t.employeeId),
    uniqueIndex('calendar_feeds_token').on(t.token),
    foreignKey({
      name: 'calendar_feeds_employee_fk',
      columns: [t.orgId, t.employeeId],
      foreignColumns: [employees.orgId, employees.id],
    }),
  ],
);

const ACTIVITY_FIELD_CHECK = `(${FIELD_LIST}, 'all')`;

/**
 * Participation per employee, fiscal year and field: attended sign-ups (the year of the shift's local
 * start date, the opportunity's field) and approved hour logs (their date and field). Field 'all' is
 * the employee's total over the fields. Kept by database triggers (drizzle/0004_kpi_summary_triggers.sql),
 * never written by the services; rows that fall back to zero stay.
 */
export const volunteerActivityYears = pgTable(
  'volunteer_activity_years',
  {
    orgId: uuid().notNull(),
    employeeId: uuid().notNull(),
    fiscalYear: smallint().notNull(),
    field: text().notNull(),
    participations: integer().notNull(),
    minutes: integer().notNull(),
    /** Program sessions attended as a named attendee (drizzle/0011): such an employee is a participant. */
    sessions: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({
      name: 'volunteer_activity_years_pk',
      columns: [t.orgId, t.employeeId, t.fiscalYear, t.field],
    }),
    foreignKey({
      name: 'volunteer_activity_years_employee_fk',
      columns: [t.orgId, t.employeeId],
      foreignColumns: [employees.orgId, employees.id],
    }).onDelete('cascade'),
    check('volunteer_activity_years_field', sql.raw(`field in ${ACTIVITY_FIELD_CHECK}`)),
    check(
      'volunteer_activity_years_counts',
      sql`${t.participations} >= 0 and ${t.minutes} >= 0 and (${t.participations} = 0) = (${t.minutes} = 0)`,
    ),
    check('volunteer_activity_years_sessions', sql`${t.sessions} >= 0`),
  ],
);

/**
 * The same participation summed over the employees of a group company and site (their current ones):
 * `participants` counts the employees with a participation, so the KPIs read a few hundred rows.
 * Kept by the same triggers, which also move an employee's rows when their company or site changes.
 */
export const volunteerActivityTotals = pgTable(
  'volunteer_activity_totals',
  {
    orgId: uuid().notNull(),
    fiscalYear: smallint().notNull(),
    companyId: uuid().notNull(),
    siteId: uuid(),
    field: text().notNull(),
    participants: integer().notNull(),
    participations: integer().notNull(),
    minutes: integer().notNull(),
  },
  (t) => [
    unique('volunteer_activity_totals_cell')
      .on(t.orgId, t.fiscalYear, t.companyId, t.siteId, t.field)
      .nullsNotDistinct(),
    foreignKey({
      name: 'volunteer_activity_totals_company_fk',
      columns: [t.orgId, t.companyId],
      foreignColumns: [groupCompanies.orgId, groupCompanies.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'volunteer_activity_totals_site_fk',
      columns: [t.orgId, t.siteId],
      foreignColumns: [sites.orgId, sites.id],
    }).onDelete('cascade'),
    check('volunteer_activity_totals_field', sql.raw(`field in ${ACTIVITY_FIELD_CHECK}`)),
    check(
      'volunteer_activity_totals_counts',
      sql`${t.participants} >= 0 and ${t.participations} >= 0 and ${t.minutes} >= 0`,
    ),
  ],
);
