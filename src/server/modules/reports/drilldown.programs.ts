import { and, eq, type SQL, sql } from 'drizzle-orm';
import { programs } from '../programs/programs.table.js';
import { col, columns, type DrillResolver, type DrillSpec, type DrillYear, list } from './drilldown.types.js';
import { PROGRAM_FIGURES } from './report.figures.parts.js';

const SESSION_COLUMNS = columns(
  ['startsOn', '開始日', 'Starts on'],
  ['endsOn', '終了日', 'Ends on'],
  ['kind', '種類', 'Kind'],
  ['titleJa', '名称', 'Title (Japanese)'],
  ['titleEn', '名称（英語）', 'Title (English)'],
  ['participants', '参加者数', 'Participants'],
  ['employeeHours', '社員の活動時間', 'Employee hours'],
  ['externalRef', '外部参照', 'External reference'],
);
const EMPLOYEE_COLUMNS = columns(
  ['employeeNumber', '社員番号', 'Employee number'],
  ['nameJa', '氏名', 'Name (Japanese)'],
  ['nameEn', '氏名（英語）', 'Name (English)'],
);
const GRADUATE_COLUMNS = columns(
  ['cohort', '期', 'Cohort'],
  ['cohortYear', '年度', 'Fiscal year'],
  ['nameJa', '氏名・団体名', 'Name (Japanese)'],
  ['nameEn', '氏名・団体名（英語）', 'Name (English)'],
  ['ventureJa', '事業', 'Venture (Japanese)'],
  ['ventureEn', '事業（英語）', 'Venture (English)'],
  ['externalRef', '外部参照', 'External reference'],
);
const PROJECT_COLUMNS = columns(
  ['code', 'コード', 'Code'],
  ['titleJa', '名称', 'Title (Japanese)'],
  ['titleEn', '名称（英語）', 'Title (English)'],
  ['status', '状態', 'Status'],
  ['outcomes', '成果数', 'Outcomes'],
);

const employeeSelect = list([
  col(sql`e.employee_number`, 'employeeNumber'),
  col(sql`e.name_ja`, 'nameJa'),
  col(sql`e.name_en`, 'nameEn'),
]);

type Make = Omit<DrillSpec, 'labelJa' | 'labelEn'>;

/** The records behind each program figure (the same conditions as the program module's figures). */
function programSpec(
  orgId: string,
  programId: string,
  key: string,
  y: DrillYear,
  onDate: string,
): Make | null {
  const fy = y.startYear;
  const from = y.fromYear;
  const sessions = (value: SQL): Make => ({
    columns: SESSION_COLUMNS,
    from: sql`from program_sessions s
      left join lateral (select coalesce(sum(c.count) filter (where c.participant_kind <> 'organisations'), 0) as n
        from program_session_counts c where c.org_id = s.org_id and c.session_id = s.id) k on true
      where s.org_id = ${orgId} and s.program_id = ${programId} and s.fiscal_year between ${from} and ${fy}`,
    select: list([
      col(sql`s.starts_on::text`, 'startsOn'),
      col(sql`s.ends_on::text`, 'endsOn'),
      col(sql`s.kind`, 'kind'),
      col(sql`s.title_ja`, 'titleJa'),
      col(sql`s.title_en`, 'titleEn'),
      col(sql`k.n::float8`, 'participants'),
      col(sql`(round(coalesce(s.employee_minutes, 0) / 6.0) / 10)::float8`, 'employeeHours'),
      col(sql`s.external_ref`, 'externalRef'),
    ]),
    orderBy: sql`s.starts_on, s.external_ref`,
    value,
  });
  const graduates = (where: SQL): Make => ({
    columns: GRADUATE_COLUMNS,
    from: sql`from program_graduates g
      join program_cohorts c on c.org_id = g.org_id and c.id = g.cohort_id
      where g.org_id = ${orgId} and g.program_id = ${programId} and ${where}`,
    select: list([
      col(sql`c.code`, 'cohort'),
      col(sql`c.fiscal_year`, 'cohortYear'),
      col(sql`g.name_ja`, 'nameJa'),
      col(sql`g.name_en`, 'nameEn'),
      col(sql`g.venture_ja`, 'ventureJa'),
      col(sql`g.venture_en`, 'ventureEn'),
      col(sql`g.external_ref`, 'externalRef'),
    ]),
    orderBy: sql`c.fiscal_year, c.code, g.external_ref`,
    value: sql`count(*)`,
  });
  const projects = (value: SQL): Make => ({
    columns: PROJECT_COLUMNS,
    from: sql`from program_projects p
      left join lateral (select coalesce(sum(i.quantity), 0) as n from program_project_items i
        where i.org_id = p.org_id and i.project_id = p.id and i.kind = 'outcome') o on true
      where p.org_id = ${orgId} and p.program_id = ${programId} and p.fiscal_year between ${from} and ${fy} and p.status <> 'cancelled'`,
    select: list([
      col(sql`p.code`, 'code'),
      col(sql`p.title_ja`, 'titleJa'),
      col(sql`p.title_en`, 'titleEn'),
      col(sql`p.status`, 'status'),
      col(sql`o.n::float8`, 'outcomes'),
    ]),
    orderBy: sql`p.code`,
    value,
  });
  switch (key) {
    case 'sessions':
      return sessions(sql`count(*)`);
    case 'participants':
      return sessions(sql`coalesce(sum(k.n), 0)`);
    case 'employeeHours':
      return sessions(sql`round(coalesce(sum(s.employee_minutes), 0) / 6.0) / 10`);
    case 'employees':
      return {
        columns: EMPLOYEE_COLUMNS,
        from: sql`from employees e where e.org_id = ${orgId} and e.id in (
          select a.employee_id from program_session_attendees a
          join program_sessions s on s.org_id = a.org_id and s.id = a.session_id
          where a.org_id = ${orgId} and s.program_id = ${programId} and s.fiscal_year between ${from} and ${fy})`,
        select: employeeSelect,
        orderBy: sql`e.employee_number`,
        value: sql`count(*)`,
      };
    case 'graduates':
      return graduates(sql`c.fiscal_year between ${from} and ${fy}`);
    case 'graduatesTotal':
      return graduates(sql`c.fiscal_year <= ${fy}`);
    case 'supportedVentures':
      return graduates(sql`g.supported_fiscal_year between ${from} and ${fy}`);
    case 'projects':
      return projects(sql`count(*)`);
    case 'outcomes':
      return projects(sql`coalesce(sum(o.n), 0)`);
    case 'testimonials':
      return {
        columns: columns(
          ['speakerJa', '話者', 'Speaker (Japanese)'],
          ['speakerEn', '話者（英語）', 'Speaker (English)'],
          ['quoteJa', '声', 'Quote (Japanese)'],
          ['quoteEn', '声（英語）', 'Quote (English)'],
          ['consentOn', '同意日', 'Consent on'],
        ),
        from: sql`from program_testimonials t
          where t.org_id = ${orgId} and t.program_id = ${programId} and t.fiscal_year between ${from} and ${fy}`,
        select: list([
          col(sql`t.speaker_ja`, 'speakerJa'),
          col(sql`t.speaker_en`, 'speakerEn'),
          col(sql`t.quote_ja`, 'quoteJa'),
          col(sql`t.quote_en`, 'quoteEn'),
          col(sql`t.consent_on::text`, 'consentOn'),
        ]),
        orderBy: sql`t.consent_on, t.id`,
        value: sql`count(*)`,
      };
    case 'classRequests':
      return {
        columns: columns(
          ['scheduledOn', '実施日', 'Held on'],
          ['requester', '依頼元', 'Requested by'],
          ['participants', '予定人数', 'Expected participants'],
        ),
        from: sql`from class_requests r
          join organisations o on o.id = r.org_id
          where r.org_id = ${orgId} and r.program_id = ${programId} and r.status = 'completed'
            and extract(year from r.scheduled_on - make_interval(months => o.fiscal_year_start_month - 1))::int between ${from} and ${fy}`,
        select: list([
          col(sql`r.scheduled_on::text`, 'scheduledOn'),
          col(sql`r.requester_organisation`, 'requester'),
          col(sql`r.expected_participants`, 'participants'),
        ]),
        orderBy: sql`r.scheduled_on, r.id`,
        value: sql`count(*)`,
      };
    case 'certified':
      return {
        columns: EMPLOYEE_COLUMNS,
        from: sql`from employees e where e.org_id = ${orgId}
          and (e.leave_date is null or e.leave_date > ${onDate}::date)
          and e.id in (select h.employee_id from certification_holders h
            join certifications c on c.org_id = h.org_id and c.id = h.certification_id
            where h.org_id = ${orgId} and c.program_id = ${programId} and h.certified_on <= ${onDate}::date
              and (h.expires_on is null or h.expires_on >= ${onDate}::date)
              and (h.revoked_on is null or h.revoked_on > ${onDate}::date))`,
        select: employeeSelect,
        orderBy: sql`e.employee_number`,
        value: sql`count(*)`,
      };
    default:
      return null;
  }
}

/**
 * `programs.<program code>.<figure key>` refs (report.figures.parts.ts): the sessions, attendees,
 * graduates, projects, testimonials, class requests or certified employees behind the figure.
 * Certified employees are counted on the year's last day (today while it runs).
 */
export const programDrill: DrillResolver = async (ctx, parts, y) => {
  if (parts.length !== 2) return null;
  const [code, key] = parts;
  const figure = PROGRAM_FIGURES.find((f) => f.key === key);
  if (!figure) return null;
  const [program] = await ctx.db
    .select({ id: programs.id, nameJa: programs.nameJa, nameEn: programs.nameEn })
    .from(programs)
    .where(and(eq(programs.orgId, ctx.orgId), eq(programs.code, code)));
  if (!program) return null;
  const onDate = y.end < y.today ? y.end : y.today;
  const spec = programSpec(ctx.orgId, program.id, key, y, onDate);
  if (!spec) return null;
  const name = (a: string | null, b: string | null) => a ?? b ?? code;
  return {
    ...spec,
    labelJa: `${name(program.nameJa, program.nameEn)}: ${figure.labelJa}`,
    labelEn: `${name(program.nameEn, program.nameJa)}: ${figure.labelEn}`,
  };
};
