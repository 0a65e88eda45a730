import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/server/db/client.js';
import { systemCtx } from '../src/server/lib/context.js';
import { newSecret, sha256 } from '../src/server/lib/tokens.js';
import { bulkInsert } from '../src/server/modules/demo/demo.bulk.js';
import { DEMO_SKILLS } from '../src/server/modules/demo/demo.places.js';
import { importEmployeesFile } from '../src/server/modules/people/employees.import.js';
import { type Bench, fmtInt, note, secs, time } from './lib.js';
import { syntheticOpportunities } from './volunteering-opportunities.js';

export const OPPORTUNITIES = 20_000;
export const SIGNUPS = 1_000_000;
export const HOUR_LOGS = 50_000;
/** Employees that sign in for the measurements: one per concurrent client. Nobody else's sign-ups touch them. */
export const CLIENTS = 200;

export type VolunteeringData = {
  orgId: string;
  /** Session tokens (cookie values) of CLIENTS employees, one each. */
  employeeTokens: string[];
  /** A CSR manager of the whole group (kpi.read). */
  csrToken: string;
  /** Shifts of published, group-wide opportunities still open for sign-up. */
  openShifts: string[];
  /** The last of them, which every client signs up for at once: its seats and its confirmed sign-ups. */
  hotShift: { id: string; capacity: number; confirmed: number };
};

async function rows<T>(database: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * The people who volunteer, numbered 0..n-1 (the first CLIENTS are the bench's signed-in clients). A plain
 * table, not a temporary one: on PostgreSQL the statements go through a pool of connections.
 */
const PEOPLE = `create unlogged table bench_people as
  select (row_number() over (order by employee_number))::int - 1 as rn, id
  from employees where employment_status <> 'left';
  create unique index bench_people_rn on bench_people (rn);
  analyze bench_people;`;

/**
 * Sign-ups for every shift of published and completed opportunities, generated in one INSERT ... SELECT
 * (generate_series): past shifts filled to 50-100% with attended or absent people, upcoming ones
 * 10-90% full or over-subscribed with a waitlist, and up to two cancellations per shift. The people of a
 * shift are distinct (a step coprime to their number), never one of the signed-in clients. Then each
 * shift's confirmed count is set from its confirmed sign-ups, as the sign-up service keeps it.
 */
function signupsSql(orgId: string, people: number): string {
  return `
  create unlogged table bench_shifts as
    select (row_number() over (order by s.starts_at, s.id))::bigint as srn, s.id, s.capacity, s.starts_at, s.ends_at,
      s.starts_at < now() as past
    from opportunity_shifts s join opportunities o on o.id = s.opportunity_id
    where o.status in ('published', 'completed');
  insert into signups (org_id, shift_id, employee_id, status, attendance, minutes, cancelled_at, created_at, updated_at)
  select '${orgId}', s.id, p.id,
    case when x.k > s.live then 'cancelled' when x.k <= s.capacity then 'confirmed' else 'waitlisted' end,
    case when s.past and x.k <= least(s.live, s.capacity)
      then case when (s.srn + x.k) % 10 = 0 then 'absent' else 'attended' end end,
    case when s.past and x.k <= least(s.live, s.capacity) and (s.srn + x.k) % 10 <> 0
      then (extract(epoch from s.ends_at - s.starts_at) / 60)::int end,
    case when x.k > s.live then least(s.starts_at, now()) - interval '2 hours' end,
    least(s.starts_at, now()) - (1 + (s.srn * 31 + x.k) % 20) * interval '1 day',
    least(s.starts_at, now()) - interval '1 hour'
  from (
    select b.*, (case
      when b.past then greatest(1, round(b.capacity * (0.5 + mod(b.srn * 2654435761, 500) / 1000.0)))
      when mod(b.srn * 40503, 5) = 0 then b.capacity + 1 + mod(b.srn, 5)
      else round(b.capacity * (0.1 + mod(b.srn * 2654435761, 800) / 1000.0)) end)::int as live
    from bench_shifts b) s
  cross join lateral generate_series(1, s.live + (s.srn % 3)::int) as x(k)
  join bench_people p on p.rn = ${CLIENTS} + mod(s.srn * 7919 + x.k * 104729, ${people - CLIENTS})
  order by s.srn, x.k
  limit ${SIGNUPS};
  update opportunity_shifts s set confirmed_count = c.n
  from (select shift_id, count(*)::int as n from signups where status = 'confirmed' group by shift_id) c
  where c.shift_id = s.id;`;
}

/** Registrations of two people in five (joined from 2016 on), and approved or pending hour logs. */
function registrationsAndLogsSql(orgId: string, people: number): string {
  const fields = `array['education_culture_sports', 'welfare_diversity', 'environment', 'regional']`;
  const skills = `array[${DEMO_SKILLS.map(([code]) => `'${code}'`).join(', ')}]`;
  return `
  insert into volunteer_registrations (org_id, employee_id, joined_on, interest_fields, skills, languages,
    prefecture, region, availability, online_ok)
  select '${orgId}', p.id, date '2016-04-01' + mod(p.rn * 7919, current_date - date '2016-04-01'),
    array[(${fields})[1 + p.rn % 4]] || case when p.rn % 3 = 0 then array[(${fields})[1 + (p.rn / 4) % 4]] else '{}' end,
    case when p.rn % 4 = 0 then '{}' else array[(${skills})[1 + p.rn % ${DEMO_SKILLS.length}]] end,
    '{ja}', si.prefecture, si.region,
    array[(array['weekday_daytime', 'weekday_evening', 'weekend', 'flexible'])[1 + p.rn % 4]], p.rn % 4 <> 0
  from bench_people p join employees e on e.id = p.id left join sites si on si.id = e.site_id
  where p.rn % 5 < 2
  on conflict do nothing;
  insert into volunteer_hour_logs (org_id, employee_id, activity_date, organisation_name, field, minutes, description,
    status, reviewed_at)
  select '${orgId}', p.id, current_date - 5 - mod(g * 37, 1450)::int, 'NPO法人 ベンチ支援会', (${fields})[1 + g % 4],
    60 + 30 * (g % 8), 'Volunteering outside the system',
    case when g % 10 = 0 then 'pending' else 'approved' end, case when g % 10 = 0 then null else now() end
  from generate_series(1, ${HOUR_LOGS}) g join bench_people p on p.rn = mod(g * 7919, ${people});`;
}

/** The signed-in clients: an account (role employee) and a session for each of the first CLIENTS people, and a CSR manager. */
async function sessions(database: Database, orgId: string) {
  const people = await rows<{ id: string }>(
    database,
    sql`select id from bench_people where rn < ${CLIENTS + 1} order by rn`,
  );
  const accounts = people.map((p, i) => ({
    id: randomUUID(),
    orgId,
    email: `bench-volunteer-${i}@bench.example`,
    displayName: `Bench volunteer ${i}`,
    employeeId: p.id,
    token: newSecret('ks_'),
  }));
  await bulkInsert(
    database.db,
    'users',
    'id uuid, orgId uuid, email text, displayName text, employeeId uuid',
    accounts,
    (a) => a,
  );
  await bulkInsert(
    database.db,
    'role_grants',
    'orgId uuid, userId uuid, role text, scopeType text',
    accounts,
    (a) => ({
      orgId,
      userId: a.id,
      role: a === accounts[CLIENTS] ? 'csr_manager' : 'employee',
      scopeType: 'org',
    }),
  );
  const expiresAt = new Date(Date.now() + 86_400_000);
  await bulkInsert(
    database.db,
    'sessions',
    'id text, orgId uuid, userId uuid, csrfToken text, expiresAt timestamptz',
    accounts,
    (a) => ({
      id: sha256(a.token),
      orgId,
      userId: a.id,
      csrfToken: newSecret('', 24),
      expiresAt,
    }),
  );
  return {
    employeeTokens: accounts.slice(0, CLIENTS).map((a) => a.token),
    csrToken: accounts[CLIENTS].token,
  };
}

/**
 * The volunteering data set of the bench in a migrated database holding the synthetic organisation:
 * its employees through the import service, then 20,000 opportunities with their shifts (rows built in
 * JavaScript, written 5,000 to a statement with unnest), 1,000,000 sign-ups, registrations and hour logs
 * (INSERT ... SELECT over generate_series), the signed-in clients, and VACUUM ANALYZE.
 */
export async function buildVolunteeringData(
  bench: Bench,
  label: string,
  database: Database,
  orgId: string,
): Promise<VolunteeringData> {
  const csv = await bench.csv(bench.employees);
  const imported = await time(() => importEmployeesFile(systemCtx(database.db, orgId, 'bench'), csv, {}));
  note(`${label}: ${fmtInt(imported.value.created)} employees imported in ${secs(imported.ms)}`);
  const steps: string[] = [];
  const step = async <T>(name: string, fn: () => Promise<T>) => {
    const { ms, value } = await time(fn);
    steps.push(`${name} ${secs(ms)}`);
    return value;
  };
  const built = await time(async () => {
    await database.exec(PEOPLE);
    const [{ n }] = await rows<{ n: number }>(database, sql`select count(*)::int as n from bench_people`);
    await step('opportunities and shifts', async () => {
      const { opportunities, shifts } = await syntheticOpportunities(
        database,
        orgId,
        bench.org,
        OPPORTUNITIES,
      );
      await bulkInsert(database.db, 'opportunities', opportunities.columns, opportunities.rows, (r) => r);
      await bulkInsert(database.db, 'opportunity_shifts', shifts.columns, shifts.rows, (r) => r);
    });
    await bulkInsert(
      database.db,
      'volunteer_skills',
      'orgId uuid, code text, nameJa text, nameEn text',
      DEMO_SKILLS,
      ([code, nameJa, nameEn]) => ({ orgId, code, nameJa, nameEn }),
    );
    await step('sign-ups', () => database.exec(signupsSql(orgId, n)));
    await step('registrations and hour logs', () => database.exec(registrationsAndLogsSql(orgId, n)));
    const clients = await sessions(database, orgId);
    await database.exec('drop table bench_people; drop table bench_shifts;');
    await step('VACUUM ANALYZE', () => database.exec('vacuum analyze'));
    return clients;
  });
  const [counts] = await rows<Record<string, number>>(
    database,
    sql`select (select count(*)::int from opportunities) as opportunities,
      (select count(*)::int from opportunity_shifts) as shifts, (select count(*)::int from signups) as signups,
      (select count(*)::int from volunteer_registrations) as registrations,
      (select count(*)::int from volunteer_hour_logs) as logs`,
  );
  note(
    `${label}: ${fmtInt(counts.opportunities)} opportunities, ${fmtInt(counts.shifts)} shifts, ` +
      `${fmtInt(counts.signups)} sign-ups, ${fmtInt(counts.registrations)} registrations, ` +
      `${fmtInt(counts.logs)} hour logs in ${secs(built.ms)} (${steps.join(', ')})`,
  );
  if (counts.signups !== SIGNUPS)
    throw new Error(`expected ${SIGNUPS} sign-ups, generated ${counts.signups}`);
  const open = await rows<{ id: string; capacity: number; confirmed: number }>(
    database,
    sql`select s.id, s.capacity, s.confirmed_count as confirmed
      from opportunity_shifts s join opportunities o on o.id = s.opportunity_id
      where o.status = 'published' and o.visibility = 'group' and s.starts_at > now() + interval '1 day'
        and (o.signup_deadline is null or o.signup_deadline > now() + interval '1 hour')
      order by s.starts_at`,
  );
  const hot = open.pop()!;
  return { orgId, ...built.value, openShifts: open.map((r) => r.id), hotShift: hot };
}
