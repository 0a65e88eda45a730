import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { systemCtx } from '../../lib/context.js';
import { toNumber } from '../../lib/sql.js';
import { openTestDatabase } from '../../test/db.js';
import { volunteeringKpis } from '../volunteering/kpi.service.js';
import { loadDemo } from './demo.service.js';
import { joined, PASSWORD, participants, rows, TODAY, value } from './demo.test-support.js';

// Runs in the PostgreSQL tier only (vitest.config.ts, SERVER_ONLY): the same generated rows go through the
// same SQL on PGlite, where the 20,000-employee load alone takes a minute; demo.volunteering.test.ts
// loads smaller demos on both databases.
describe('the full demo (20,000 employees)', () => {
  let database: Database;
  let orgId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    const started = performance.now();
    orgId = (await loadDemo(database, { employees: 20_000, password: PASSWORD, today: TODAY })).orgId;
    console.log(`full demo loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }, 600_000);

  it('has the seeds’ registrants: 1,338 new in fiscal 2024 (2023年度), 8,721 since April 2021', async () => {
    expect(await joined(database, orgId, '2023-04-01', '2024-03-31')).toBe(1338);
    expect(await joined(database, orgId, '2021-04-01', '2024-03-31')).toBe(8721);
  });

  it('has 13,000 participants in fiscal 2024, 3,480 more than the 9,520 of the year before', async () => {
    const [fy2023, fy2022] = await Promise.all([
      participants(database, orgId, '2023-04-01', '2024-03-31'),
      participants(database, orgId, '2022-04-01', '2023-03-31'),
    ]);
    expect(fy2023).toBe(13_000);
    expect(fy2022).toBe(9520);
    expect(fy2023 - fy2022).toBe(3480);
  });

  it('gives the same five figures through volunteeringKpis', async () => {
    const kpis = await volunteeringKpis(systemCtx(database.db, orgId), { fiscalYear: 2023 });
    expect(kpis).toMatchObject({
      labelJa: '2023年度',
      labelEn: 'fiscal 2024',
      since: '2021-04-01',
      newRegistrants: 1338,
      registrantsSince: 8721,
      participants: 13_000,
      previous: { participants: 9520 },
    });
    expect(kpis.byCompany.map((c) => c.companyCode).sort()).toEqual(
      ['DEC', 'DFLD', 'DIND', 'DNET', 'DPLT', 'DSOL', 'DTHA', 'DUSA'].sort(),
    );
    expect(kpis.byField.every((f) => f.participants > 0 && f.hours > 0)).toBe(true);
  });

  it('keeps every shift’s confirmed count equal to its confirmed sign-ups, within capacity', async () => {
    const wrong = await value(
      database,
      sql`select count(*) from opportunity_shifts s
        left join (select shift_id, count(*) as n from signups
                   where org_id = ${orgId} and status = 'confirmed' group by shift_id) c on c.shift_id = s.id
        where s.org_id = ${orgId} and (s.confirmed_count <> coalesce(c.n, 0) or s.confirmed_count > s.capacity)`,
    );
    expect(wrong).toBe(0);
  });

  it('has people take part, register and log hours only while employed', async () => {
    const shifts = await value(
      database,
      sql`select count(*) from signups su
        join opportunity_shifts s on s.id = su.shift_id
        join opportunities o on o.id = s.opportunity_id
        join employees e on e.id = su.employee_id
        where su.org_id = ${orgId} and su.attendance is not null
          and (e.hire_date > (s.starts_at at time zone o.time_zone)::date
            or e.leave_date <= (s.starts_at at time zone o.time_zone)::date)`,
    );
    const logs = await value(
      database,
      sql`select count(*) from volunteer_hour_logs l join employees e on e.id = l.employee_id
        where l.org_id = ${orgId} and (e.hire_date > l.activity_date or e.leave_date <= l.activity_date)`,
    );
    const registrations = await value(
      database,
      sql`select count(*) from volunteer_registrations r join employees e on e.id = r.employee_id
        where r.org_id = ${orgId} and (e.hire_date > r.joined_on or e.leave_date <= r.joined_on)`,
    );
    const upcoming = await value(
      database,
      sql`select count(*) from signups su join opportunity_shifts s on s.id = su.shift_id
        join employees e on e.id = su.employee_id
        where su.org_id = ${orgId} and su.status <> 'cancelled' and s.starts_at > ${`${TODAY}T00:00:00Z`}::timestamptz
          and e.leave_date is not null`,
    );
    expect({ shifts, logs, registrations, upcoming }).toEqual({
      shifts: 0,
      logs: 0,
      registrations: 0,
      upcoming: 0,
    });
  });

  it('offers opportunities in every field, mode, status and country, in both languages', async () => {
    const [facts] = await rows<Record<string, unknown>>(
      database,
      sql`select array_agg(distinct o.field) as fields, array_agg(distinct o.mode) as modes,
          array_agg(distinct o.status) as statuses, array_agg(distinct g.country) as countries,
          count(*) filter (where o.title_ja is null or o.title_en is null
            or o.description_ja is null or o.description_en is null) as untranslated,
          count(distinct o.prefecture) as prefectures, count(*) filter (where cardinality(o.search_grams) = 0) as unsearchable
        from opportunities o join group_companies g on g.id = o.company_id where o.org_id = ${orgId}`,
    );
    expect([...(facts.fields as string[])].sort()).toEqual(
      ['education_culture_sports', 'environment', 'regional', 'welfare_diversity'].sort(),
    );
    expect([...(facts.modes as string[])].sort()).toEqual(['hybrid', 'on_site', 'online']);
    expect([...(facts.statuses as string[])].sort()).toEqual([
      'cancelled',
      'completed',
      'draft',
      'published',
    ]);
    expect([...(facts.countries as string[])].sort()).toEqual(['IN', 'JP', 'TH', 'US']);
    expect(toNumber(facts.untranslated)).toBe(0);
    expect(toNumber(facts.unsearchable)).toBe(0);
    expect(toNumber(facts.prefectures)).toBeGreaterThanOrEqual(10);
    const [upcoming] = await rows<Record<string, unknown>>(
      database,
      sql`select count(*) filter (where w.n > 0) as with_waitlist,
          count(*) filter (where s.capacity - s.confirmed_count between 1 and 2) as nearly_full
        from opportunity_shifts s join opportunities o on o.id = s.opportunity_id
        left join (select shift_id, count(*) as n from signups where status = 'waitlisted' group by shift_id) w
          on w.shift_id = s.id
        where s.org_id = ${orgId} and o.status = 'published' and s.starts_at > ${`${TODAY}T00:00:00Z`}::timestamptz`,
    );
    expect(toNumber(upcoming.with_waitlist)).toBeGreaterThan(5);
    expect(toNumber(upcoming.nearly_full)).toBeGreaterThan(5);
  });

  it('gives the demo employee a registration, past participations and an upcoming shift; the promoter upcoming activities', async () => {
    const [me] = await rows<Record<string, unknown>>(
      database,
      sql`select (select count(*) from volunteer_registrations r where r.employee_id = e.id) as registered,
          (select count(*) from signups su join opportunity_shifts s on s.id = su.shift_id
            where su.employee_id = e.id and su.attendance = 'attended') as attended,
          (select count(*) from signups su join opportunity_shifts s on s.id = su.shift_id
            where su.employee_id = e.id and su.status = 'confirmed'
              and s.starts_at > ${`${TODAY}T00:00:00Z`}::timestamptz) as upcoming
        from employees e where e.org_id = ${orgId} and e.email = 'employee@demo.example'`,
    );
    expect(toNumber(me.registered)).toBe(1);
    expect(toNumber(me.attended)).toBeGreaterThanOrEqual(2);
    expect(toNumber(me.upcoming)).toBeGreaterThanOrEqual(1);
    const promoter = await value(
      database,
      sql`select count(distinct o.id) from opportunities o
        join sites si on si.id = o.site_id join opportunity_shifts s on s.opportunity_id = o.id
        where o.org_id = ${orgId} and si.code = 'DEC-TMG' and o.status = 'published'
          and s.starts_at > ${`${TODAY}T00:00:00Z`}::timestamptz`,
    );
    expect(promoter).toBeGreaterThanOrEqual(4);
  });
});
