import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { rowsOf } from '../lib/sql.js';

export type ProgramIds = Record<
  | 'contact'
  | 'guideline'
  | 'criterion'
  | 'screening'
  | 'agreement'
  | 'program'
  | 'cohort'
  | 'graduate'
  | 'project'
  | 'projectItem'
  | 'session'
  | 'survey'
  | 'testimonial'
  | 'photo'
  | 'certification'
  | 'holder'
  | 'classRequest'
  | 'item'
  | 'drive'
  | 'evaluationCriterion'
  | 'review'
  | 'file',
  string
>;

/**
 * Organisation A's records of the programs issue (partners' contacts, screening, agreements, programs and
 * their records, certifications, a class request, a drive with a report, evaluation), written with SQL:
 * the tenancy test needs rows to aim at, and each module's own tests cover how they are made.
 */
export async function programsOfA(
  database: Database,
  org: {
    orgId: string;
    companyId: string;
    siteId: string;
    employeeId: string;
    userId: string;
    partnerId: string;
  },
): Promise<ProgramIds> {
  const { orgId, companyId, siteId, employeeId, userId, partnerId } = org;
  const one = async (query: ReturnType<typeof sql>) =>
    (await rowsOf<{ id: string }>(database.db, sql`${query} returning id`))[0].id;
  const contact = await one(
    sql`insert into partner_contacts (org_id, partner_id, name) values (${orgId}, ${partnerId}, 'アルファ担当')`,
  );
  const guideline = await one(
    sql`insert into screening_guidelines (org_id, version, title_ja, status, published_at, published_by)
        values (${orgId}, 1, 'アルファ指針', 'active', now(), ${userId})`,
  );
  const criterion = await one(
    sql`insert into screening_criteria (org_id, guideline_id, code, position, text_ja)
        values (${orgId}, ${guideline}, 'ALPHA-C', 1, 'アルファ基準')`,
  );
  const screening = await one(
    sql`insert into partner_screenings (org_id, partner_id, guideline_id, started_by)
        values (${orgId}, ${partnerId}, ${guideline}, ${userId})`,
  );
  const agreement = await one(
    sql`insert into partner_agreements (org_id, code, kind, company_id, title_ja, starts_on)
        values (${orgId}, 'ALPHA-AGR', 'memorandum', ${companyId}, 'アルファ協定', '2024-04-01')`,
  );
  const program = await one(
    sql`insert into programs (org_id, code, name_ja, framework, company_id, start_year)
        values (${orgId}, 'ALPHA-PRG', 'アルファ塾', 'company_program', ${companyId}, 2020)`,
  );
  const cohort = await one(
    sql`insert into program_cohorts (org_id, program_id, code, fiscal_year) values (${orgId}, ${program}, 'A1', 2023)`,
  );
  const graduate = await one(
    sql`insert into program_graduates (org_id, program_id, cohort_id, external_ref, name_ja)
        values (${orgId}, ${program}, ${cohort}, 'ALPHA-G', 'アルファ組')`,
  );
  const project = await one(
    sql`insert into program_projects (org_id, program_id, code, title_ja, fiscal_year)
        values (${orgId}, ${program}, 'ALPHA-PJ', 'アルファ計画', 2023)`,
  );
  const projectItem = await one(
    sql`insert into program_project_items (org_id, project_id, kind, title_ja)
        values (${orgId}, ${project}, 'outcome', 'アルファ成果')`,
  );
  const session = await one(
    sql`insert into program_sessions (org_id, program_id, external_ref, kind, title_ja, starts_on, ends_on, fiscal_year)
        values (${orgId}, ${program}, 'ALPHA-S', 'class', 'アルファ授業', '2023-10-01', '2023-10-01', 2023)`,
  );
  await database.db.execute(
    sql`insert into program_session_attendees (org_id, session_id, employee_id) values (${orgId}, ${session}, ${employeeId})`,
  );
  const survey = await one(
    sql`insert into surveys (org_id, program_id, code, title_ja, fiscal_year)
        values (${orgId}, ${program}, 'ALPHA-SV', 'アルファ調査', 2023)`,
  );
  const testimonial = await one(
    sql`insert into program_testimonials (org_id, program_id, quote_ja, fiscal_year, consent_on)
        values (${orgId}, ${program}, 'アルファの声', 2023, '2023-10-01')`,
  );
  const file = await one(
    sql`insert into stored_files (org_id, uploaded_by, purpose, name, content_type, size, sha256, content)
        values (${orgId}, ${userId}, 'program_photo', 'alpha.png', 'image/png', 1, 'alpha', '\\x00'::bytea)`,
  );
  const photo = await one(
    sql`insert into program_photos (org_id, program_id, file_id, caption_ja, fiscal_year)
        values (${orgId}, ${program}, ${file}, 'アルファ写真', 2023)`,
  );
  const certification = await one(
    sql`insert into certifications (org_id, program_id, code, name_ja) values (${orgId}, ${program}, 'ALPHA-CERT', 'アルファ講師')`,
  );
  const holder = await one(
    sql`insert into certification_holders (org_id, certification_id, employee_id, certified_on)
        values (${orgId}, ${certification}, ${employeeId}, '2023-04-01')`,
  );
  const classRequest = await one(
    sql`insert into class_requests (org_id, program_id, certification_id, requester_kind, requester_organisation,
          contact_name, contact_email, preferred_on, place, audience, expected_participants)
        values (${orgId}, ${program}, ${certification}, 'school', 'アルファ小学校', 'アルファ先生', 'alpha@tena.test',
          '2030-01-10', 'アルファ体育館', 'students', 30)`,
  );
  const item = await one(
    sql`insert into collection_items (org_id, code, name_ja, unit) values (${orgId}, 'ALPHA-ITEM', 'アルファ品', 'count')`,
  );
  const drive = await one(
    sql`insert into collection_drives (org_id, code, title_ja, fiscal_year, starts_on, ends_on, status)
        values (${orgId}, 'ALPHA-DRIVE', 'アルファ回収', 2023, '2023-12-01', '2099-01-31', 'open')`,
  );
  await database.db.execute(
    sql`insert into collection_drive_items (org_id, drive_id, item_id) values (${orgId}, ${drive}, ${item})`,
  );
  await database.db.execute(
    sql`insert into collection_drive_sites (org_id, drive_id, site_id) values (${orgId}, ${drive}, ${siteId})`,
  );
  await database.db.execute(
    sql`insert into collection_reports (org_id, drive_id, site_id, item_id, company_id, quantity, reported_by)
        values (${orgId}, ${drive}, ${siteId}, ${item}, ${companyId}, 3, ${userId})`,
  );
  const evaluationCriterion = await one(
    sql`insert into evaluation_criteria (org_id, code, name_ja) values (${orgId}, 'ALPHA-EC', 'アルファ評価')`,
  );
  const review = await one(
    sql`insert into program_reviews (org_id, program_id, fiscal_year, reviewer_id) values (${orgId}, ${program}, 2023, ${userId})`,
  );
  await database.db.execute(
    sql`insert into program_impacts (org_id, program_id, fiscal_year, assessed, connect) values (${orgId}, ${program}, 2023, 10, 2)`,
  );
  return {
    contact,
    guideline,
    criterion,
    screening,
    agreement,
    program,
    cohort,
    graduate,
    project,
    projectItem,
    session,
    survey,
    testimonial,
    photo,
    certification,
    holder,
    classRequest,
    item,
    drive,
    evaluationCriterion,
    review,
    file,
  };
}

/** The tables these records live in, for the tenancy test's before/after snapshot. */
export const PROGRAM_TABLES = [
  'partner_contacts',
  'screening_guidelines',
  'screening_criteria',
  'partner_screenings',
  'partner_screening_answers',
  'partner_agreements',
  'partner_agreement_parties',
  'partner_agreement_documents',
  'programs',
  'program_partners',
  'program_cohorts',
  'program_graduates',
  'program_projects',
  'program_project_members',
  'program_project_items',
  'program_sessions',
  'program_session_counts',
  'program_session_attendees',
  'program_testimonials',
  'program_photos',
  'surveys',
  'survey_questions',
  'survey_responses',
  'survey_answers',
  'survey_indicators',
  'certifications',
  'certification_holders',
  'class_requests',
  'class_request_instructors',
  'collection_items',
  'collection_drives',
  'collection_drive_items',
  'collection_drive_sites',
  'collection_reports',
  'evaluation_criteria',
  'program_reviews',
  'program_review_scores',
  'program_impacts',
] as const;
