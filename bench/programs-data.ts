import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/server/db/client.js';
import { rowsOf } from '../src/server/lib/sql.js';
import { newSecret, sha256 } from '../src/server/lib/tokens.js';
import { fiscalYearOf } from '../src/shared/fiscal-year.js';
import { fmtInt, note, secs } from './lib.js';

/** Ten fiscal years of one program's records, and other programs around it. */
export const YEARS = 10;
export const SIZES = {
  employees: 3_000,
  /** Sessions of the measured program per year (each with 3 counts and 2 named attendees). */
  sessionsPerYear: 1_000,
  graduatesPerYear: 50,
  projectsPerYear: 20,
  holders: 3_000,
  /** Survey responses per year (5 questions, one survey a year). */
  responsesPerYear: 2_000,
  classRequestsPerYear: 100,
  /** Other programs, with 200 sessions a year each: the measured one is not alone in the tables. */
  otherPrograms: 20,
  otherSessionsPerYear: 200,
};

export type ProgramsData = { programId: string; token: string; years: { from: number; to: number } };

const run = (database: Database, text: string) => database.db.execute(sql.raw(text));

/**
 * The programs data set in a migrated database holding the synthetic organisation: employees, a
 * program (ENET) with ten fiscal years of sessions (counts, named attendees), cohorts and graduates,
 * projects with outcomes, certification periods, surveys with responses and indicators, class
 * requests, testimonials and final reviews; other programs with sessions; a signed-in CSR manager.
 * Everything by INSERT ... SELECT over generate_series, then VACUUM ANALYZE.
 */
export async function buildProgramsData(database: Database, orgId: string): Promise<ProgramsData> {
  const started = performance.now();
  const to = fiscalYearOf(new Date().toISOString().slice(0, 10), 4);
  const from = to - YEARS + 1;
  const s = SIZES;
  const company = `(select id from group_companies where org_id = '${orgId}' order by code limit 1)`;
  await run(
    database,
    `insert into employees (org_id, employee_number, name_ja, name_en, name_kana, email, company_id, hire_date, search_text, search_grams)
     select '${orgId}', 'P' || g, '社員' || g, 'Employee ' || g, 'しゃいん', 'p' || g || '@bench.example', ${company}, '2005-04-01', 'employee ' || g, '{}'
     from generate_series(1, ${s.employees}) g`,
  );
  await run(
    database,
    `create temporary table bench_staff as select id, row_number() over (order by employee_number) as rn from employees where org_id = '${orgId}'`,
  );
  await run(
    database,
    `insert into programs (org_id, code, name_ja, name_en, framework, company_id, company_field, start_year)
     select '${orgId}', case when g = 0 then 'ENET' else 'OTHER' || g end, 'プログラム' || g, 'Program ' || g, 'company_program', ${company}, 'education_culture_sports', ${from - 5}
     from generate_series(0, ${s.otherPrograms}) g`,
  );
  const [{ id: programId }] = await rowsOf<{ id: string }>(
    database.db,
    sql`select id from programs where org_id = ${orgId} and code = 'ENET'`,
  );
  // Sessions: the measured program's, then the others' (fiscal year y, day d of its year).
  await run(
    database,
    `insert into program_sessions (org_id, program_id, external_ref, kind, title_ja, starts_on, ends_on, fiscal_year)
     select '${orgId}', p.id, 'S-' || y || '-' || d, 'class', '授業', make_date(y, 4, 1) + (d % 360), make_date(y, 4, 1) + (d % 360), y
     from programs p, generate_series(${from}, ${to}) y,
       generate_series(1, case when p.code = 'ENET' then ${s.sessionsPerYear} else ${s.otherSessionsPerYear} end) d
     where p.org_id = '${orgId}'`,
  );
  await run(
    database,
    `insert into program_session_counts (org_id, session_id, participant_kind, count)
     select '${orgId}', x.id, k.kind, 5 + (hashtext(x.id::text || k.kind) & 63)
     from program_sessions x, (values ('students'), ('teachers'), ('employees')) k(kind)
     where x.org_id = '${orgId}'`,
  );
  await run(
    database,
    `insert into program_session_attendees (org_id, session_id, employee_id)
     select distinct '${orgId}'::uuid, x.id, e.id
     from (select id, row_number() over (order by id) as n from program_sessions where program_id = '${programId}') x,
       generate_series(0, 1) k, bench_staff e
     where e.rn = 1 + (x.n * 7 + k * 1237) % ${s.employees}`,
  );
  await run(
    database,
    `insert into program_cohorts (org_id, program_id, code, name_ja, fiscal_year)
     select '${orgId}', '${programId}', 'C' || y, y || '期', y from generate_series(${from}, ${to}) y`,
  );
  await run(
    database,
    `insert into program_graduates (org_id, program_id, cohort_id, external_ref, name_ja, supported_fiscal_year)
     select '${orgId}', c.program_id, c.id, 'G-' || c.fiscal_year || '-' || g, '卒業生' || g, case when g % 10 = 0 then c.fiscal_year + 1 end
     from program_cohorts c, generate_series(1, ${s.graduatesPerYear}) g where c.program_id = '${programId}'`,
  );
  await run(
    database,
    `insert into program_projects (org_id, program_id, code, title_ja, fiscal_year, status)
     select '${orgId}', '${programId}', 'P-' || y || '-' || g, 'プロジェクト', y, case when g % 4 = 0 then 'completed' else 'active' end
     from generate_series(${from}, ${to}) y, generate_series(1, ${s.projectsPerYear}) g`,
  );
  await run(
    database,
    `insert into program_project_items (org_id, project_id, kind, title_ja, quantity, position)
     select '${orgId}', p.id, k.kind, k.kind, case when k.kind = 'outcome' then 3 end, k.n
     from program_projects p, (values ('milestone', 1), ('deliverable', 2), ('outcome', 3)) k(kind, n)
     where p.program_id = '${programId}'`,
  );
  await run(
    database,
    `insert into certifications (org_id, program_id, code, name_ja, validity_months)
     values ('${orgId}', '${programId}', 'ENET-I', '認定講師', 36)`,
  );
  await run(
    database,
    `insert into certification_holders (org_id, certification_id, employee_id, certified_on, expires_on, external_ref)
     select '${orgId}', c.id, e.id, make_date(${from}, 4, 1) + (e.rn * 3 % 3000)::int,
       make_date(${from}, 4, 1) + (e.rn * 3 % 3000)::int + 1095, 'H' || e.rn
     from certifications c, bench_staff e where c.program_id = '${programId}' and e.rn <= ${s.holders}`,
  );
  await run(
    database,
    `insert into surveys (org_id, program_id, code, title_ja, fiscal_year)
     select '${orgId}', '${programId}', 'SV' || y, 'アンケート', y from generate_series(${from}, ${to}) y`,
  );
  await run(
    database,
    `insert into survey_questions (org_id, survey_id, code, position, kind, text_ja, scale_min, scale_max)
     select '${orgId}', v.id, 'q' || q, q, case when q <= 2 then 'yes_no' else 'scale' end, '質問' || q,
       case when q > 2 then 1 end, case when q > 2 then 5 end
     from surveys v, generate_series(1, 5) q where v.program_id = '${programId}'`,
  );
  await run(
    database,
    `insert into survey_indicators (org_id, survey_id, question_id, code, label_ja, threshold, position)
     select '${orgId}', q.survey_id, q.id, 'i' || q.code, '指標' || q.code, case when q.kind = 'scale' then 4 else 1 end, q.position
     from survey_questions q join surveys v on v.id = q.survey_id where v.program_id = '${programId}' and q.position in (1, 3)`,
  );
  await run(
    database,
    `insert into survey_responses (org_id, survey_id, respondent_ref, respondent_kind)
     select '${orgId}', v.id, 'R' || g, 'student' from surveys v, generate_series(1, ${s.responsesPerYear}) g
     where v.program_id = '${programId}'`,
  );
  await run(
    database,
    `insert into survey_answers (org_id, survey_id, response_id, question_id, value_int)
     select '${orgId}', r.survey_id, r.id, q.id,
       case when q.kind = 'yes_no' then (hashtext(r.id::text || q.code) & 7 > 0)::int else 1 + (hashtext(r.id::text || q.code) & 1023) % 5 end
     from survey_responses r join survey_questions q on q.survey_id = r.survey_id
     where r.org_id = '${orgId}'`,
  );
  await run(
    database,
    `insert into class_requests (org_id, program_id, certification_id, requester_kind, requester_organisation, contact_name,
       contact_email, preferred_on, place, audience, expected_participants, status, scheduled_on)
     select '${orgId}', c.program_id, c.id, 'school', '学校' || g, '先生', 'school' || g || '@bench.example',
       make_date(y, 5, 1) + g, '教室', 'students', 40, 'completed', make_date(y, 5, 1) + g
     from certifications c, generate_series(${from}, ${to}) y, generate_series(1, ${s.classRequestsPerYear}) g
     where c.program_id = '${programId}'`,
  );
  await run(
    database,
    `insert into program_testimonials (org_id, program_id, quote_ja, fiscal_year, consent_on)
     select '${orgId}', '${programId}', '参加してよかった', y, make_date(y, 6, 1) from generate_series(${from}, ${to}) y, generate_series(1, 10)`,
  );
  const csrId = randomUUID();
  const token = newSecret('ks_');
  await run(
    database,
    `insert into users (id, org_id, email, display_name) values ('${csrId}', '${orgId}', 'bench-programs@bench.example', 'Bench CSR');
     insert into role_grants (org_id, user_id, role, scope_type) values ('${orgId}', '${csrId}', 'csr_manager', 'org');
     insert into sessions (id, org_id, user_id, csrf_token, expires_at)
       values ('${sha256(token)}', '${orgId}', '${csrId}', '${newSecret('', 24)}', now() + interval '1 day')`,
  );
  await run(
    database,
    `insert into program_reviews (org_id, program_id, fiscal_year, status, reviewed_on, reviewer_id, decision, next_review_on, evidence, finalised_at)
     select '${orgId}', '${programId}', y, 'final', make_date(y + 1, 5, 1), '${csrId}', 'continue', make_date(y + 2, 5, 1), '{}', now()
     from generate_series(${from}, ${to - 1}) y`,
  );
  await run(database, 'vacuum analyze');
  const [counts] = await rowsOf<Record<string, unknown>>(
    database.db,
    sql`select
      (select count(*) from program_sessions) as sessions, (select count(*) from program_session_counts) as counts,
      (select count(*) from program_session_attendees) as attendees, (select count(*) from survey_answers) as answers`,
  );
  note(
    `${YEARS} fiscal years (${from}–${to}): ${fmtInt(Number(counts.sessions))} sessions (${fmtInt(Number(counts.counts))} counts, ` +
      `${fmtInt(Number(counts.attendees))} attendees) in ${s.otherPrograms + 1} programs, ${fmtInt(s.graduatesPerYear * YEARS)} graduates, ` +
      `${fmtInt(s.holders)} certification periods, ${fmtInt(Number(counts.answers))} survey answers; built in ${secs(performance.now() - started)}`,
  );
  return { programId, token, years: { from, to } };
}
