import { type SQL, sql } from 'drizzle-orm';
import { FIELDS, type Field } from '../../../shared/fields.js';
import { type Ctx, readConcurrently } from '../../lib/context.js';
import { toNumber } from '../../lib/sql.js';

/** Inclusive ISO dates. */
export type Period = { start: string; end: string };
/** The employees counted: the whole organisation, a group company or a site (by the employee's own). */
export type EmployeeScope = { companyId?: string; siteId?: string };
export type Registrations = { newRegistrants: number; registrantsSince: number; registeredTotal: number };
export type Participation = { participants: number; participations: number; minutes: number };
export type ParticipationByField = Participation & { byField: Record<Field, Participation> };

type TotalsKey = { fiscal_year: number | string; company_id: string; field: Field | 'all' };

/** The rows of the scope: `alias` names a table with company_id and site_id (employees, totals). */
const scopeCondition = (scope: EmployeeScope, alias: 'e' | 't'): SQL => {
  const table = sql.raw(alias);
  if (scope.siteId) return sql`and ${table}.site_id = ${scope.siteId}`;
  if (scope.companyId) return sql`and ${table}.company_id = ${scope.companyId}`;
  return sql``;
};

const registrationCounts = (current: Period, previous: Period, since: string) => sql`
  count(*) filter (where r.joined_on between ${current.start} and ${current.end}) as new_cur,
  count(*) filter (where r.joined_on between ${previous.start} and ${previous.end}) as new_prev,
  count(*) filter (where r.joined_on between ${since} and ${current.end}) as since_cur,
  count(*) filter (where r.joined_on between ${since} and ${previous.end}) as since_prev,
  count(*) filter (where r.left_on is null or r.left_on > ${current.end}) as total_cur,
  count(*) filter (where r.joined_on <= ${previous.end}
    and (r.left_on is null or r.left_on > ${previous.end})) as total_prev`;

type CountRow = Record<
  'new_cur' | 'new_prev' | 'since_cur' | 'since_prev' | 'total_cur' | 'total_prev',
  unknown
>;
const figuresOf = (r: CountRow | undefined, which: 'cur' | 'prev'): Registrations => ({
  newRegistrants: toNumber(r?.[`new_${which}`]),
  registrantsSince: toNumber(r?.[`since_${which}`]),
  registeredTotal: toNumber(r?.[`total_${which}`]),
});

async function rows<T>(ctx: Ctx, query: SQL): Promise<T[]> {
  return ((await ctx.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Registration figures of the current and previous fiscal year, by the employee's group company, and
 * of the current year by interest field (a registrant with several fields counts in each). Reads
 * the registrations that joined by the end of the year (volunteer_registrations_org_joined_idx).
 */
export async function registrationFigures(
  ctx: Ctx,
  p: { current: Period; previous: Period; since: string; scope: EmployeeScope },
) {
  const from = sql`from volunteer_registrations r
    join employees e on e.org_id = r.org_id and e.id = r.employee_id`;
  const where = sql`where r.org_id = ${ctx.orgId} and r.joined_on <= ${p.current.end} ${scopeCondition(p.scope, 'e')}`;
  // The whole group's field split needs no employee (the foreign key keeps every registrant's row).
  const group = !p.scope.companyId && !p.scope.siteId;
  const fieldFrom = group ? sql`from volunteer_registrations r` : from;
  const counts = registrationCounts(p.current, p.previous, p.since);
  const [companies, fields] = await readConcurrently(ctx, [
    () =>
      rows<CountRow & { company_id: string }>(
        ctx,
        sql`select e.company_id, ${counts} ${from} ${where} group by e.company_id`,
      ),
    () =>
      rows<CountRow & { field: string }>(
        ctx,
        sql`select f.field, ${counts} ${fieldFrom} cross join unnest(r.interest_fields) as f(field)
        ${where} group by f.field`,
      ),
  ]);
  return {
    byCompany: new Map(
      companies.map((r) => [r.company_id, { current: figuresOf(r, 'cur'), previous: figuresOf(r, 'prev') }]),
    ),
    byField: Object.fromEntries(
      FIELDS.map((f) => [
        f,
        figuresOf(
          fields.find((r) => r.field === f),
          'cur',
        ),
      ]),
    ) as Record<Field, Registrations>,
  };
}

/**
 * Participation of the current and previous fiscal year by the employee's group company, each with
 * its split by field. Reads volunteer_activity_totals, which database triggers keep from attended
 * sign-ups and approved hour logs (drizzle/0004_kpi_summary_triggers.sql, docs/decisions/0008):
 * a row per fiscal year, company, site and field ('all': every field, so an employee who both
 * attended and logged hours, or was active in two fields, is one participant), however many
 * sign-ups there are.
 */
export async function participationFigures(
  ctx: Ctx,
  p: { current: { fiscalYear: number }; previous: { fiscalYear: number }; scope: EmployeeScope },
): Promise<Map<string, { current: ParticipationByField; previous: ParticipationByField }>> {
  const result = await rows<Record<'participants' | 'participations' | 'minutes', unknown> & TotalsKey>(
    ctx,
    sql`select t.fiscal_year, t.company_id, t.field, sum(t.participants) as participants,
        sum(t.participations) as participations, sum(t.minutes) as minutes
      from volunteer_activity_totals t
      where t.org_id = ${ctx.orgId} and t.fiscal_year in (${p.current.fiscalYear}, ${p.previous.fiscalYear})
        ${scopeCondition(p.scope, 't')}
      group by t.fiscal_year, t.company_id, t.field`,
  );
  const out = new Map<string, { current: ParticipationByField; previous: ParticipationByField }>();
  const empty = (): ParticipationByField => ({
    participants: 0,
    participations: 0,
    minutes: 0,
    byField: Object.fromEntries(
      FIELDS.map((f) => [f, { participants: 0, participations: 0, minutes: 0 }]),
    ) as Record<Field, Participation>,
  });
  for (const r of result) {
    const entry = out.get(r.company_id) ?? { current: empty(), previous: empty() };
    const target = toNumber(r.fiscal_year) === p.current.fiscalYear ? entry.current : entry.previous;
    const part = {
      participants: toNumber(r.participants),
      participations: toNumber(r.participations),
      minutes: toNumber(r.minutes),
    };
    if (r.field === 'all') Object.assign(target, part);
    else target.byField[r.field as Field] = part;
    out.set(r.company_id, entry);
  }
  return out;
}
