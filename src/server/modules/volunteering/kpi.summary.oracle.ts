import { sql } from 'drizzle-orm';
import { fiscalYearOf } from '../../../shared/fiscal-year.js';
import type { Tx } from '../../db/client.js';
import { toNumber } from '../../lib/sql.js';

// The KPI summary's test oracle: the participation summary computed from scratch, the old way (every
// attended sign-up and approved hour log, the local date in SQL, the fiscal year in TypeScript), to
// compare with what the triggers keep in volunteer_activity_years and volunteer_activity_totals.

type Contribution = {
  org_id: string;
  employee_id: string;
  field: string;
  minutes: number;
  day: string;
  start_month: number;
};
type Counts = { participants: number; participations: number; minutes: number };

async function rowsOf<T>(db: Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

function add(map: Map<string, Counts>, key: string, c: Counts) {
  const had = map.get(key) ?? { participants: 0, participations: 0, minutes: 0 };
  map.set(key, {
    participants: had.participants + c.participants,
    participations: had.participations + c.participations,
    minutes: had.minutes + c.minutes,
  });
}

const lines = (map: Map<string, Counts>, withParticipants: boolean) =>
  [...map]
    .map(([key, c]) =>
      withParticipants
        ? `${key} ${c.participants}/${c.participations}/${c.minutes}`
        : `${key} ${c.participations}/${c.minutes}`,
    )
    .sort();

/** The summary as it should be: per employee ('years') and per company and site ('totals'). */
export async function expectedSummary(db: Tx): Promise<{ years: string[]; totals: string[] }> {
  const contributions = await rowsOf<Contribution>(
    db,
    sql`select su.org_id, su.employee_id, o.field, su.minutes, g.fiscal_year_start_month as start_month,
        to_char((s.starts_at at time zone o.time_zone)::date, 'YYYY-MM-DD') as day
      from signups su
      join opportunity_shifts s on s.org_id = su.org_id and s.id = su.shift_id
      join opportunities o on o.org_id = s.org_id and o.id = s.opportunity_id
      join organisations g on g.id = su.org_id
      where su.attendance = 'attended'
      union all
      select l.org_id, l.employee_id, l.field, l.minutes, g.fiscal_year_start_month,
        to_char(l.activity_date, 'YYYY-MM-DD')
      from volunteer_hour_logs l join organisations g on g.id = l.org_id
      where l.status = 'approved'`,
  );
  const people = await rowsOf<{ id: string; company_id: string; site_id: string | null }>(
    db,
    sql`select id, company_id, site_id from employees`,
  );
  const placeOf = new Map(people.map((p) => [p.id, `${p.company_id} ${p.site_id ?? '-'}`]));
  const years = new Map<string, Counts>();
  for (const c of contributions) {
    const year = fiscalYearOf(c.day, toNumber(c.start_month));
    for (const field of [c.field, 'all'])
      add(years, `${c.org_id} ${c.employee_id} ${year} ${field}`, {
        participants: 1,
        participations: 1,
        minutes: toNumber(c.minutes),
      });
  }
  const totals = new Map<string, Counts>();
  for (const [key, c] of years) {
    const [org, employee, year, field] = key.split(' ');
    add(totals, `${org} ${year} ${placeOf.get(employee)} ${field}`, { ...c, participants: 1 });
  }
  return { years: lines(years, false), totals: lines(totals, true) };
}

/** The summary the triggers keep, without the rows that went back to zero. */
export async function actualSummary(db: Tx): Promise<{ years: string[]; totals: string[] }> {
  const years = await rowsOf<Record<string, string | number>>(
    db,
    sql`select org_id, employee_id, fiscal_year, field, participations, minutes
      from volunteer_activity_years where participations <> 0 or minutes <> 0`,
  );
  const totals = await rowsOf<Record<string, string | number | null>>(
    db,
    sql`select org_id, fiscal_year, company_id, site_id, field, participants, participations, minutes
      from volunteer_activity_totals where participants <> 0 or participations <> 0 or minutes <> 0`,
  );
  return {
    years: years
      .map((r) => `${r.org_id} ${r.employee_id} ${r.fiscal_year} ${r.field} ${r.participations}/${r.minutes}`)
      .sort(),
    totals: totals
      .map(
        (r) =>
          `${r.org_id} ${r.fiscal_year} ${r.company_id} ${r.site_id ?? '-'} ${r.field} ` +
          `${r.participants}/${r.participations}/${r.minutes}`,
      )
      .sort(),
  };
}
