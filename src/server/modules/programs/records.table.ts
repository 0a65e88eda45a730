import { sql } from 'drizzle-orm';
import {
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
  uuid,
} from 'drizzle-orm/pg-core';
import { storedFiles } from '../files/files.table.js';
import { organisations } from '../organisations/organisations.table.js';
import { partners } from '../partners/partners.table.js';
import { employees } from '../people/people.table.js';
import { programs } from './programs.table.js';

const CODE = sql.raw(`'^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$'`);

const inProgram = (name: string, t: { orgId: any; programId: any }) =>
  foreignKey({ name, columns: [t.orgId, t.programId], foreignColumns: [programs.orgId, programs.id] });

/** A cohort of a school-type program (the Social Entrepreneurship School's class of a year). */
export const programCohorts = pgTable(
  'program_cohorts',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    programId: uuid().notNull(),
    code: text().notNull(),
    nameJa: text(),
    nameEn: text(),
    fiscalYear: smallint().notNull(),
    startsOn: date({ mode: 'string' }),
    endsOn: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('program_cohorts_org_id').on(t.orgId, t.id),
    unique('program_cohorts_org_program_id').on(t.orgId, t.programId, t.id),
    unique('program_cohorts_program_code').on(t.programId, t.code),
    inProgram('program_cohorts_program_fk', t),
    check('program_cohorts_code', sql`${t.code} ~ ${CODE}`),
    check(
      'program_cohorts_dates',
      sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`,
    ),
    index('program_cohorts_program_year_idx').on(t.orgId, t.programId, t.fiscalYear),
  ],
);

/**
 * A graduate of a cohort: a person or a group (the School counts graduate groups). A graduate the
 * program went on to support (the fiscal 2024 supported ventures) has `supportedFiscalYear`.
 */
export const programGraduates = pgTable(
  'program_graduates',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    programId: uuid().notNull(),
    cohortId: uuid().notNull(),
    /** The key an import matches on (unique in the program). */
    externalRef: text().notNull(),
    kind: text().notNull().default('group'),
    nameJa: text(),
    nameEn: text(),
    ventureJa: text(),
    ventureEn: text(),
    supportedFiscalYear: smallint(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('program_graduates_org_id').on(t.orgId, t.id),
    unique('program_graduates_program_ref').on(t.programId, t.externalRef),
    foreignKey({
      name: 'program_graduates_cohort_fk',
      columns: [t.orgId, t.programId, t.cohortId],
      foreignColumns: [programCohorts.orgId, programCohorts.programId, programCohorts.id],
    }).onDelete('cascade'),
    check('program_graduates_ref', sql`${t.externalRef} ~ ${CODE}`),
    check('program_graduates_kind', sql`${t.kind} in ('individual', 'group')`),
    check('program_graduates_name', sql`coalesce(${t.nameJa}, ${t.nameEn}) is not null`),
    index('program_graduates_cohort_idx').on(t.orgId, t.cohortId),
    index('program_graduates_program_idx').on(t.orgId, t.programId, t.supportedFiscalYear),
  ],
);

/** A project with a partner (pro bono with a municipality): team, milestones, deliverables, outcomes. */
export const programProjects = pgTable(
  'program_projects',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    programId: uuid().notNull(),
    partnerId: uuid(),
    code: text().notNull(),
    titleJa: text(),
    titleEn: text(),
    summaryJa: text(),
    summaryEn: text(),
    fiscalYear: smallint().notNull(),
    startsOn: date({ mode: 'string' }),
    endsOn: date({ mode: 'string' }),
    status: text().notNull().default('active'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('program_projects_org_id').on(t.orgId, t.id),
    unique('program_projects_org_program_id').on(t.orgId, t.programId, t.id),
    unique('program_projects_program_code').on(t.programId, t.code),
    inProgram('program_projects_program_fk', t),
    foreignKey({
      name: 'program_projects_partner_fk',
      columns: [t.orgId, t.partnerId],
      foreignColumns: [partners.orgId, partners.id],
    }),
    check('program_projects_code', sql`${t.code} ~ ${CODE}`),
    check('program_projects_title', sql`coalesce(${t.titleJa}, ${t.titleEn}) is not null`),
    check('program_projects_status', sql`${t.status} in ('planned', 'active', 'completed', 'cancelled')`),
    check(
      'program_projects_dates',
      sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`,
    ),
    index('program_projects_program_year_idx').on(t.orgId, t.programId, t.fiscalYear),
  ],
);

/** The employees on a project's team. */
export const programProjectMembers = pgTable(
  'program_project_members',
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    projectId: uuid().notNull(),
    employeeId: uuid().notNull(),
    role: text().notNull().default('member'),
  },
  (t) => [
    primaryKey({ name: 'program_project_members_pk', columns: [t.projectId, t.employeeId] }),
    foreignKey({
      name: 'program_project_members_project_fk',
      columns: [t.orgId, t.projectId],
      foreignColumns: [programProjects.orgId, programProjects.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'program_project_members_employee_fk',
      columns: [t.orgId, t.employeeId],
      foreignColumns: [employees.orgId, employees.id],
    }),
    check('program_project_members_role', sql`${t.role} in ('leader', 'member', 'advisor')`),
    index('program_project_members_employee_idx').on(t.orgId, t.employeeId),
  ],
);

/**
 * A milestone, deliverable or outcome of a project. Outcomes may carry a count ("14 projects born").
 */
export const programProjectItems = pgTable(
  'program_project_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    projectId: uuid().notNull(),
    kind: text().notNull(),
    position: smallint().notNull().default(0),
    titleJa: text(),
    titleEn: text(),
    quantity: integer(),
    dueOn: date({ mode: 'string' }),
    doneOn: date({ mode: 'string' }),
  },
  (t) => [
    unique('program_project_items_org_id').on(t.orgId, t.id),
    foreignKey({
      name: 'program_project_items_project_fk',
      columns: [t.orgId, t.projectId],
      foreignColumns: [programProjects.orgId, programProjects.id],
    }).onDelete('cascade'),
    check('program_project_items_kind', sql`${t.kind} in ('milestone', 'deliverable', 'outcome')`),
    check('program_project_items_title', sql`coalesce(${t.titleJa}, ${t.titleEn}) is not null`),
    check('program_project_items_quantity', sql`${t.quantity} is null or ${t.quantity} >= 0`),
    index('program_project_items_project_idx').on(t.orgId, t.projectId),
  ],
);

/**
 * A session or event of a program: a class at a high school, a workshop, a festival over two days,
 * a dialogue. Counts of participants by kind are in program_session_counts; the employees who
 * took part, by name, in program_session_attendees (they count in the volunteering participants
 * KPI, once per person and year).
 */
export const programSessions = pgTable(
  'program_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    programId: uuid().notNull(),
    projectId: uuid(),
    /** The school or venue partner. */
    partnerId: uuid(),
    /** The key an import matches on (unique in the program). */
    externalRef: text().notNull(),
    kind: text().notNull(),
    titleJa: text(),
    titleEn: text(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    /** The fiscal year of `startsOn` under the organisation's start month (set by the service). */
    fiscalYear: smallint().notNull(),
    placeJa: text(),
    placeEn: text(),
    /** Time employees gave to the session, in minutes, all of them together (null: not recorded). */
    employeeMinutes: integer(),
    notes: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('program_sessions_org_id').on(t.orgId, t.id),
    unique('program_sessions_org_program_id').on(t.orgId, t.programId, t.id),
    unique('program_sessions_program_ref').on(t.programId, t.externalRef),
    inProgram('program_sessions_program_fk', t),
    foreignKey({
      name: 'program_sessions_project_fk',
      columns: [t.orgId, t.programId, t.projectId],
      foreignColumns: [programProjects.orgId, programProjects.programId, programProjects.id],
    }),
    foreignKey({
      name: 'program_sessions_partner_fk',
      columns: [t.orgId, t.partnerId],
      foreignColumns: [partners.orgId, partners.id],
    }),
    check('program_sessions_ref', sql`${t.externalRef} ~ ${CODE}`),
    check(
      'program_sessions_kind',
      sql`${t.kind} in ('class', 'workshop', 'event', 'dialogue', 'meeting', 'other')`,
    ),
    check('program_sessions_title', sql`coalesce(${t.titleJa}, ${t.titleEn}) is not null`),
    check('program_sessions_dates', sql`${t.endsOn} >= ${t.startsOn}`),
    check(
      'program_sessions_employee_minutes',
      sql`${t.employeeMinutes} is null or ${t.employeeMinutes} >= 0`,
    ),
    index('program_sessions_program_year_idx').on(t.orgId, t.programId, t.fiscalYear),
    index('program_sessions_project_idx').on(t.orgId, t.projectId),
  ],
);

/** How many took part in a session, by kind of participant. */
export const programSessionCounts = pgTable(
  'program_session_counts',
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    sessionId: uuid().notNull(),
    participantKind: text().notNull(),
    count: integer().notNull(),
  },
  (t) => [
    primaryKey({ name: 'program_session_counts_pk', columns: [t.sessionId, t.participantKind] }),
    foreignKey({
      name: 'program_session_counts_session_fk',
      columns: [t.orgId, t.sessionId],
      foreignColumns: [programSessions.orgId, programSessions.id],
    }).onDelete('cascade'),
    check(
      'program_session_counts_kind',
      sql`${t.participantKind} in ('students', 'guardians', 'teachers', 'employees', 'public', 'organisations', 'other')`,
    ),
    check('program_session_counts_count', sql`${t.count} >= 0`),
  ],
);

/** An employee who took part in a session, by name. */
export const programSessionAttendees = pgTable(
  'program_session_attendees',
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    sessionId: uuid().notNull(),
    employeeId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ name: 'program_session_attendees_pk', columns: [t.sessionId, t.employeeId] }),
    foreignKey({
      name: 'program_session_attendees_session_fk',
      columns: [t.orgId, t.sessionId],
      foreignColumns: [programSessions.orgId, programSessions.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'program_session_attendees_employee_fk',
      columns: [t.orgId, t.employeeId],
      foreignColumns: [employees.orgId, employees.id],
    }),
    index('program_session_attendees_employee_idx').on(t.orgId, t.employeeId),
  ],
);

/** A quote from a participant, published only with the speaker's consent. */
export const programTestimonials = pgTable(
  'program_testimonials',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    programId: uuid().notNull(),
    sessionId: uuid(),
    speakerJa: text(),
    speakerEn: text(),
    quoteJa: text(),
    quoteEn: text(),
    fiscalYear: smallint().notNull(),
    /** The day the speaker agreed to publication (required: no consent, no testimonial). */
    consentOn: date({ mode: 'string' }).notNull(),
    consentFileId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('program_testimonials_org_id').on(t.orgId, t.id),
    inProgram('program_testimonials_program_fk', t),
    foreignKey({
      name: 'program_testimonials_session_fk',
      columns: [t.orgId, t.programId, t.sessionId],
      foreignColumns: [programSessions.orgId, programSessions.programId, programSessions.id],
    }),
    foreignKey({
      name: 'program_testimonials_file_fk',
      columns: [t.orgId, t.consentFileId],
      foreignColumns: [storedFiles.orgId, storedFiles.id],
    }),
    check('program_testimonials_quote', sql`coalesce(${t.quoteJa}, ${t.quoteEn}) is not null`),
    index('program_testimonials_program_idx').on(t.orgId, t.programId, t.fiscalYear),
  ],
);

/** A photo of a program (file purpose program_photo). */
export const programPhotos = pgTable(
  'program_photos',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    programId: uuid().notNull(),
    sessionId: uuid(),
    fileId: uuid().notNull(),
    captionJa: text(),
    captionEn: text(),
    takenOn: date({ mode: 'string' }),
    fiscalYear: smallint().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('program_photos_org_id').on(t.orgId, t.id),
    inProgram('program_photos_program_fk', t),
    foreignKey({
      name: 'program_photos_session_fk',
      columns: [t.orgId, t.programId, t.sessionId],
      foreignColumns: [programSessions.orgId, programSessions.programId, programSessions.id],
    }),
    foreignKey({
      name: 'program_photos_file_fk',
      columns: [t.orgId, t.fileId],
      foreignColumns: [storedFiles.orgId, storedFiles.id],
    }),
    index('program_photos_program_idx').on(t.orgId, t.programId, t.fiscalYear),
  ],
);
