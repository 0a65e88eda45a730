import { type SQL, sql } from 'drizzle-orm';
import { FIELDS, type Field } from '../../../shared/fields.js';
import type { Ctx } from '../../lib/context.js';
import { toNumber } from '../../lib/sql.js';

/** Inclusive ISO dates. */
export type Period = { start: string; end: string };
/** The employees counted: the whole organisation, a group company or a site (by the employee's own). */
export type EmployeeScope = { companyId?: string; siteId?: string };
export type Registrations = { newRegistrants: number; registrantsSince: number; registeredTotal: number };
export type Participation = { participants: number; participations: number; minutes: number };
export type ParticipationByField = Participation & { byField: Record<Field, Participation> };

const scopeCondition = (scope: EmployeeScope): SQL =>
  scope.siteId
    ? sql`and e.site_id = ${scope.siteId}`
    : scope.companyId
      ? sql`and e.company_id = ${scope.companyId}`
      : sql``;

/** Moves an ISO date by whole days. */
const shiftDate = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

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
  const where = sql`where r.org_id = ${ctx.orgId} and r.joined_on <= ${p.current.end} ${scopeCondition(p.scope)}`;
  const counts = registrationCounts(p.current, p.previous, p.since);
  const [companies, fields] = await Promise.all([
    rows<CountRow & { company_id: string }>(
      ctx,
      sql`select e.company_id, ${counts} ${from} ${where} group by e.company_id`,
    ),
    rows<CountRow & { field: string }>(
      ctx,
      sql`select f.field, ${counts} ${from} cross join unnest(r.interest_fields) as f(field)
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

// One column triple per field: participants, participations, minutes. The codes are constants.
const perEmployeeField = sql.raw(
  FIELDS.map(
    (f, i) =>
      `count(*) filter (where p.field = '${f}') as n${i}, sum(p.minutes) filter (where p.field = '${f}') as m${i}`,
  ).join(',\n'),
);
const perCompanyField = sql.raw(
  FIELDS.map(
    (_, i) => `count(*) filter (where n${i} > 0) as p${i}, sum(n${i}) as n${i}, sum(m${i}) as m${i}`,
  ).join(',\n'),
);

/**
 * Participation of the current and previous fiscal year by the employee's group company, each with
 * its split by field. One pass over both years: attended sign-ups of shifts that start in them in
 * the opportunity's time zone (opportunity_shifts_org_start_idx, then signups_attended_idx per
 * shift), plus approved hour logs dated in them (volunteer_hour_logs_status_idx). Rows are first
 * summed per employee, so an employee who both attended and logged hours is one participant.
 */
export async function participationFigures(
  ctx: Ctx,
  p: { current: Period; previous: Period; scope: EmployeeScope },
): Promise<Map<string, { current: ParticipationByField; previous: ParticipationByField }>> {
  // Local dates are at most a day away from UTC ones: widen the index range, then test the local date.
  const from = `${shiftDate(p.previous.start, -1)}T00:00:00Z`;
  const to = `${shiftDate(p.current.end, 2)}T00:00:00Z`;
  const result = await rows<Record<string, unknown> & { cur: boolean; company_id: string }>(
    ctx,
    sql`
    with p as (
      select su.employee_id, o.field, su.minutes, (s.starts_at at time zone o.time_zone)::date as day
      from opportunity_shifts s
      join opportunities o on o.org_id = s.org_id and o.id = s.opportunity_id
      join signups su on su.org_id = s.org_id and su.shift_id = s.id and su.attendance = 'attended'
      where s.org_id = ${ctx.orgId} and s.starts_at >= ${from}::timestamptz and s.starts_at < ${to}::timestamptz
      union all
      select l.employee_id, l.field, l.minutes, l.activity_date
      from volunteer_hour_logs l
      where l.org_id = ${ctx.orgId} and l.status = 'approved'
        and l.activity_date between ${p.previous.start} and ${p.current.end}
    ), per_employee as (
      select p.day >= ${p.current.start}::date as cur, e.company_id, p.employee_id, ${perEmployeeField}
      from p join employees e on e.org_id = ${ctx.orgId} and e.id = p.employee_id
      where p.day between ${p.previous.start}::date and ${p.current.end}::date ${scopeCondition(p.scope)}
      group by 1, 2, 3
    )
    select cur, company_id, count(*) as participants, ${perCompanyField}
    from per_employee group by cur, company_id`,
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
    const target = r.cur ? entry.current : entry.previous;
    target.participants = toNumber(r.participants);
    FIELDS.forEach((f, i) => {
      const part = {
        participants: toNumber(r[`p${i}`]),
        participations: toNumber(r[`n${i}`]),
        minutes: toNumber(r[`m${i}`]),
      };
      target.byField[f] = part;
      target.participations += part.participations;
      target.minutes += part.minutes;
    });
    out.set(r.company_id, entry);
  }
  return out;
}
