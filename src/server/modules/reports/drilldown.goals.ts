import { sql } from 'drizzle-orm';
import { goalSource } from '../goals/goals.source.js';
import { driveSpec, volunteeringDrill } from './drilldown.activity.js';
import { expenseDrill } from './drilldown.expenses.js';
import { programDrill } from './drilldown.programs.js';
import { col, columns, type DrillResolver, type DrillSpec, type DrillYear, list } from './drilldown.types.js';

const employeeColumns = columns(
  ['employeeNumber', '社員番号', 'Employee number'],
  ['nameJa', '氏名', 'Name (Japanese)'],
  ['nameEn', '氏名（英語）', 'Name (English)'],
);

/**
 * `goals.<target|yearly>.<id>`: the records behind a goal's computed actual (goals/goals.source.ts
 * names its binding, parameters and range), listed by the drill-down of the figure the binding
 * computes, over the goal's range. A metric limited to one company lists the whole group's records.
 */
export const goalDrill: DrillResolver = async (ctx, parts, y) => {
  const source = await goalSource(ctx, y.startYear, ['goals', ...parts].join('.'));
  if (!source) return null;
  const { range, params } = source;
  const over: DrillYear = {
    startYear: range.startYear,
    fromYear: range.fromYear,
    start: range.start,
    end: range.end,
    planStart: typeof params.since === 'string' ? params.since : range.start,
    today: range.today,
  };
  const programCode = typeof params.programCode === 'string' ? params.programCode : '';
  const single: DrillYear = { ...over, fromYear: over.startYear };
  const spec = await (async (): Promise<DrillSpec | null> => {
    switch (source.binding) {
      case 'volunteering.new_registrants':
        return volunteeringDrill(ctx, ['newRegistrants'], over);
      case 'volunteering.registrants':
        return volunteeringDrill(ctx, ['registrantsSincePlanStart'], over);
      case 'volunteering.participants':
      case 'volunteering.participants_change':
        return volunteeringDrill(ctx, ['participants'], single);
      case 'volunteering.hours':
        return volunteeringDrill(ctx, ['hours'], over);
      case 'expenses.total':
        return expenseDrill(ctx, ['total'], over);
      case 'programs.graduates':
        return programDrill(ctx, [programCode, 'graduates'], over);
      case 'programs.participants':
        return programDrill(ctx, [programCode, 'participants'], over);
      case 'programs.sessions':
        return programDrill(ctx, [programCode, 'sessions'], over);
      case 'certifications.certified':
        return certifiedDrill(ctx.orgId, String(params.certificationCode ?? ''), over);
      case 'drives.total_jpy':
        return driveSpec(ctx.orgId, sql`d.fiscal_year between ${over.fromYear} and ${over.startYear}`, [
          '',
          '',
        ]);
      case 'partners.comprehensive_agreements':
        return agreementsDrill(ctx.orgId, over);
      default:
        return null;
    }
  })();
  if (!spec) return null;
  return { ...spec, labelJa: source.definition.labelJa, labelEn: source.definition.labelEn };
};

/** Employees holding one certification on the range's last day (today while it runs). */
function certifiedDrill(orgId: string, code: string, y: DrillYear): DrillSpec {
  const day = y.end < y.today ? y.end : y.today;
  return {
    labelJa: '',
    labelEn: '',
    columns: employeeColumns,
    from: sql`from employees e where e.org_id = ${orgId}
      and (e.leave_date is null or e.leave_date > ${day}::date)
      and e.id in (select h.employee_id from certification_holders h
        join certifications c on c.org_id = h.org_id and c.id = h.certification_id
        where h.org_id = ${orgId} and c.code = ${code} and h.certified_on <= ${day}::date
          and (h.expires_on is null or h.expires_on >= ${day}::date)
          and (h.revoked_on is null or h.revoked_on > ${day}::date))`,
    select: list([
      col(sql`e.employee_number`, 'employeeNumber'),
      col(sql`e.name_ja`, 'nameJa'),
      col(sql`e.name_en`, 'nameEn'),
    ]),
    orderBy: sql`e.employee_number`,
    value: sql`count(*)`,
  };
}

/** Comprehensive partnership agreements signed in the range (drafts left out). */
function agreementsDrill(orgId: string, y: DrillYear): DrillSpec {
  return {
    labelJa: '',
    labelEn: '',
    columns: columns(
      ['code', 'コード', 'Code'],
      ['partner', '相手先', 'Partner'],
      ['titleJa', '名称', 'Title (Japanese)'],
      ['titleEn', '名称（英語）', 'Title (English)'],
      ['signedOn', '締結日', 'Signed on'],
    ),
    from: sql`from partner_agreements a
      where a.org_id = ${orgId} and a.kind = 'comprehensive_partnership' and a.status <> 'draft'
        and a.signed_on between ${y.start} and ${y.end}`,
    select: list([
      col(sql`a.code`, 'code'),
      col(
        sql`(select string_agg(coalesce(pt.name_ja, pt.name_en), ', ' order by pt.code)
          from partner_agreement_parties ap join partners pt on pt.org_id = ap.org_id and pt.id = ap.partner_id
          where ap.agreement_id = a.id)`,
        'partner',
      ),
      col(sql`a.title_ja`, 'titleJa'),
      col(sql`a.title_en`, 'titleEn'),
      col(sql`a.signed_on::text`, 'signedOn'),
    ]),
    orderBy: sql`a.signed_on, a.code`,
    value: sql`count(*)`,
  };
}
