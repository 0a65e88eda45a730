import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { toNumber } from '../../lib/sql.js';

// What the demo's volunteering tests share (demo.volunteering.test.ts, demo.full.test.ts).

export const PASSWORD = 'demo password 123';
export const TODAY = '2026-11-21';

export async function rows<T = Record<string, unknown>>(database: Database, query: SQL): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}
export async function value(database: Database, query: SQL): Promise<number> {
  const [row] = await rows(database, query);
  return toNumber(Object.values(row)[0]);
}

/** Registrations with a joining date in [from, to] (issue 3's new registrants and registrants since). */
export const joined = (database: Database, orgId: string, from: string, to: string) =>
  value(
    database,
    sql`select count(*) from volunteer_registrations
      where org_id = ${orgId} and joined_on between ${from} and ${to}`,
  );

/**
 * Issue 3's participants: distinct employees with an attended sign-up on a shift starting in the
 * period in the opportunity's time zone, or an approved hour log dated in it.
 */
export const participants = (database: Database, orgId: string, from: string, to: string) =>
  value(
    database,
    sql`select count(distinct employee_id) from (
      select su.employee_id from signups su
      join opportunity_shifts s on s.org_id = su.org_id and s.id = su.shift_id
      join opportunities o on o.org_id = s.org_id and o.id = s.opportunity_id
      where su.org_id = ${orgId} and su.attendance = 'attended'
        and (s.starts_at at time zone o.time_zone)::date between ${from}::date and ${to}::date
      union all
      select employee_id from volunteer_hour_logs
      where org_id = ${orgId} and status = 'approved' and activity_date between ${from} and ${to}) p`,
  );
