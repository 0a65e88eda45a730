import { type SQL, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { FIELDS } from '../../../shared/fields.js';
import type { Tx } from '../../db/client.js';
import type { TestOrg } from '../../test/factories.js';

// Random changes to the records the KPI summary is kept from, written straight in SQL so that they
// reach the triggers as any service (or a bulk load) would: one row or many per statement.

const pick = fc.nat({ max: 10_000 });
const field = fc.constantFrom(...FIELDS);
const minutes = fc.integer({ min: 1, max: 600 });
const zones = ['Asia/Tokyo', 'America/Chicago', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];

export const commandArb = fc.oneof(
  fc.record({ kind: fc.constant('attend' as const), pick, minutes }),
  fc.record({ kind: fc.constant('absent' as const), pick }),
  fc.record({ kind: fc.constant('clear' as const), pick }),
  fc.record({ kind: fc.constant('signup' as const), pick, employee: pick, attended: fc.boolean(), minutes }),
  fc.record({ kind: fc.constant('delete_signup' as const), pick }),
  fc.record({ kind: fc.constant('attend_shift' as const), pick, minutes }),
  fc.record({ kind: fc.constant('clear_shift' as const), pick }),
  fc.record({
    kind: fc.constant('log' as const),
    employee: pick,
    day: fc.integer({ min: 0, max: 1100 }),
    field,
    minutes,
    status: fc.constantFrom('pending', 'approved', 'rejected'),
  }),
  fc.record({
    kind: fc.constant('review' as const),
    pick,
    status: fc.constantFrom('pending', 'approved', 'rejected'),
  }),
  fc.record({ kind: fc.constant('approve_all' as const) }),
  fc.record({
    kind: fc.constant('edit_log' as const),
    pick,
    field,
    minutes,
    days: fc.integer({ min: -200, max: 200 }),
  }),
  fc.record({ kind: fc.constant('delete_log' as const), pick }),
  fc.record({
    kind: fc.constant('move_shift' as const),
    pick,
    hours: fc.integer({ min: -24 * 400, max: 24 * 400 }),
  }),
  fc.record({ kind: fc.constant('opportunity_field' as const), pick, field }),
  fc.record({ kind: fc.constant('opportunity_zone' as const), pick, zone: fc.constantFrom(...zones) }),
  fc.record({ kind: fc.constant('move_employee' as const), pick, place: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant('fiscal_start' as const), month: fc.integer({ min: 1, max: 12 }) }),
);
export type Command = typeof commandArb extends fc.Arbitrary<infer C> ? C : never;

async function ids(tx: Tx, query: SQL): Promise<string[]> {
  const res = (await tx.execute(query)) as unknown as { rows: { id: string }[] };
  return res.rows.map((r) => r.id);
}

/** Applies one command to the organisation's records; a pick with nothing to pick from does nothing. */
export async function applyCommand(tx: Tx, org: TestOrg, c: Command): Promise<void> {
  const o = org.orgId;
  const one = async (query: SQL, n: number) => {
    const list = await ids(tx, query);
    return list.length ? list[n % list.length] : undefined;
  };
  const signup = (n: number) => one(sql`select id from signups where org_id = ${o} order by id`, n);
  const confirmed = (n: number) =>
    one(sql`select id from signups where org_id = ${o} and status = 'confirmed' order by id`, n);
  const shift = (n: number) => one(sql`select id from opportunity_shifts where org_id = ${o} order by id`, n);
  const log = (n: number) => one(sql`select id from volunteer_hour_logs where org_id = ${o} order by id`, n);
  const employee = (n: number) => one(sql`select id from employees where org_id = ${o} order by id`, n);
  const opportunity = (n: number) =>
    one(sql`select id from opportunities where org_id = ${o} order by id`, n);
  const run = async (id: string | undefined, statement: (id: string) => SQL) => {
    if (id) await tx.execute(statement(id));
  };

  switch (c.kind) {
    case 'attend':
      return run(
        await confirmed(c.pick),
        (id) => sql`update signups set attendance = 'attended', minutes = ${c.minutes} where id = ${id}`,
      );
    case 'absent':
      return run(
        await confirmed(c.pick),
        (id) => sql`update signups set attendance = 'absent', minutes = null where id = ${id}`,
      );
    case 'clear':
      return run(
        await signup(c.pick),
        (id) => sql`update signups set attendance = null, minutes = null where id = ${id}`,
      );
    case 'signup': {
      const [s, e] = [await shift(c.pick), await employee(c.employee)];
      if (s && e)
        await tx.execute(sql`insert into signups (org_id, shift_id, employee_id, status, attendance, minutes)
          values (${o}, ${s}, ${e}, 'confirmed', ${c.attended ? 'attended' : null}, ${c.attended ? c.minutes : null})
          on conflict do nothing`);
      return;
    }
    case 'delete_signup':
      return run(await signup(c.pick), (id) => sql`delete from signups where id = ${id}`);
    case 'attend_shift':
      return run(
        await shift(c.pick),
        (id) =>
          sql`update signups set attendance = 'attended', minutes = ${c.minutes}
          where shift_id = ${id} and status = 'confirmed'`,
      );
    case 'clear_shift':
      return run(
        await shift(c.pick),
        (id) => sql`update signups set attendance = null, minutes = null where shift_id = ${id}`,
      );
    case 'log':
      return run(
        await employee(c.employee),
        (id) =>
          sql`insert into volunteer_hour_logs
          (org_id, employee_id, activity_date, organisation_name, field, minutes, description, status, reviewed_at)
          values (${o}, ${id}, date '2022-01-01' + ${c.day}::integer, 'NPO', ${c.field}, ${c.minutes}, 'test',
            ${c.status}, case when ${c.status} = 'pending' then null else now() end)`,
      );
    case 'review':
      return run(
        await log(c.pick),
        (id) =>
          sql`update volunteer_hour_logs set status = ${c.status},
          reviewed_at = case when ${c.status} = 'pending' then null else now() end where id = ${id}`,
      );
    case 'approve_all':
      await tx.execute(sql`update volunteer_hour_logs set status = 'approved', reviewed_at = now()
        where org_id = ${o} and status = 'pending'`);
      return;
    case 'edit_log':
      return run(
        await log(c.pick),
        (id) =>
          sql`update volunteer_hour_logs set field = ${c.field}, minutes = ${c.minutes},
          activity_date = activity_date + ${c.days}::integer where id = ${id}`,
      );
    case 'delete_log':
      return run(await log(c.pick), (id) => sql`delete from volunteer_hour_logs where id = ${id}`);
    case 'move_shift':
      return run(
        await shift(c.pick),
        (id) =>
          sql`update opportunity_shifts set starts_at = starts_at + make_interval(hours => ${c.hours}::integer),
          ends_at = ends_at + make_interval(hours => ${c.hours}::integer) where id = ${id}`,
      );
    case 'opportunity_field':
      return run(
        await opportunity(c.pick),
        (id) => sql`update opportunities set field = ${c.field} where id = ${id}`,
      );
    case 'opportunity_zone':
      return run(
        await opportunity(c.pick),
        (id) => sql`update opportunities set time_zone = ${c.zone} where id = ${id}`,
      );
    case 'move_employee': {
      const places = [
        [org.companies.jp, org.sites.tokyo],
        [org.companies.jp, null],
        [org.companies.us, org.sites.texas],
        [org.companies.us, null],
      ] as const;
      const [companyId, siteId] = places[c.place];
      return run(
        await employee(c.pick),
        (id) => sql`update employees set company_id = ${companyId}, site_id = ${siteId} where id = ${id}`,
      );
    }
    case 'fiscal_start':
      await tx.execute(sql`update organisations set fiscal_year_start_month = ${c.month} where id = ${o}`);
      return;
  }
}
