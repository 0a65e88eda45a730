import type { Database } from '../../db/client.js';
import { buildEmployeeRow, createTestOrg, type TestOrg } from '../../test/factories.js';
import { employees } from '../people/people.table.js';
import {
  opportunities,
  opportunityShifts,
  signups,
  volunteerHourLogs,
  volunteerRegistrations,
} from './volunteering.table.js';

// The KPI test's records, inserted directly so that every figure can be counted by hand.
// Fiscal year 2023 = 2023-04-01 .. 2024-03-31 (ja 2023年度, en "fiscal 2024"); the year before is 2022.

async function addEmployees(
  database: Database,
  o: TestOrg,
  specs: [string, 'jp' | 'us', 'tokyo' | 'texas' | null][],
) {
  const rows = await database.db
    .insert(employees)
    .values(
      specs.map(([key, company, site], i) =>
        buildEmployeeRow(o.orgId, o.companies[company], 100 + i, {
          employeeNumber: `${o.code}-${key}`,
          email: `${key}@${o.code.toLowerCase()}.test`,
          siteId: site ? o.sites[site] : null,
        }),
      ),
    )
    .returning();
  return Object.fromEntries(specs.map(([key], i) => [key, rows[i].id]));
}

let shiftNo = 0;
async function opportunity(
  database: Database,
  o: TestOrg,
  company: 'jp' | 'us',
  field: string,
  timeZone: string,
) {
  const [row] = await database.db
    .insert(opportunities)
    .values({
      orgId: o.orgId,
      companyId: o.companies[company],
      titleJa: '活動',
      organiser: 'CSR',
      field,
      mode: 'online',
      onlineUrl: 'https://example.test/meet',
      timeZone,
      status: 'published',
    })
    .returning();
  return async (startsAt: string, minutes = 120) => {
    const start = new Date(startsAt);
    const [shift] = await database.db
      .insert(opportunityShifts)
      .values({
        orgId: o.orgId,
        opportunityId: row.id,
        startsAt: start,
        endsAt: new Date(start.getTime() + minutes * 60_000),
        capacity: 10,
        checkinCode: `kpi-${o.code}-${++shiftNo}`,
      })
      .returning();
    return shift.id;
  };
}

type SignupSpec = [shiftId: string, employee: string, status: string, attendance?: string, minutes?: number];
const signup = (orgId: string, [shiftId, employeeId, status, attendance, minutes]: SignupSpec) => ({
  orgId,
  shiftId,
  employeeId,
  status,
  attendance: attendance ?? null,
  minutes: minutes ?? null,
  cancelledAt: status === 'cancelled' ? new Date() : null,
});
const log = (
  orgId: string,
  employeeId: string,
  activityDate: string,
  field: string,
  minutes: number,
  status: string,
) => ({
  orgId,
  employeeId,
  activityDate,
  organisationName: 'NPO',
  field,
  minutes,
  description: 'volunteering',
  status,
  reviewedAt: status === 'pending' ? null : new Date(),
});

/**
 * Organisation KPI (companies JP01 with site TKY, US01 with site TX) with employees a1..a4 (JP01, TKY),
 * b (JP01, no site), u1 and u2 (US01, TX), and their registrations, shifts and hour logs; plus another
 * organisation's records in the same year, which must not count.
 */
export async function buildKpiDataset(
  database: Database,
): Promise<{ org: TestOrg; e: Record<string, string> }> {
  const org = await createTestOrg(database, 'KPI');
  const e = await addEmployees(database, org, [
    ['a1', 'jp', 'tokyo'],
    ['a2', 'jp', 'tokyo'],
    ['a3', 'jp', 'tokyo'],
    ['a4', 'jp', 'tokyo'],
    ['b', 'jp', null],
    ['u1', 'us', 'texas'],
    ['u2', 'us', 'texas'],
  ]);
  const reg = (employeeId: string, joinedOn: string, interestFields: string[], leftOn?: string) => ({
    orgId: org.orgId,
    employeeId,
    joinedOn,
    leftOn: leftOn ?? null,
    interestFields,
  });
  await database.db.insert(volunteerRegistrations).values([
    reg(e.a1, '2023-04-01', ['environment']), // first day of the year
    reg(e.a2, '2024-03-31', ['regional', 'welfare_diversity']), // last day of the year
    reg(e.a3, '2024-04-01', ['environment']), // the next year
    reg(e.b, '2023-03-31', ['environment']), // last day of the year before
    reg(e.u1, '2022-06-01', ['education_culture_sports'], '2023-09-30'), // left during the year
    reg(e.u2, '2021-04-01', []), // the default "since"
    reg(e.a4, '2021-03-31', ['environment'], '2024-03-31'), // before "since"; left on the year's last day
  ]);

  const env = await opportunity(database, org, 'jp', 'environment', 'Asia/Tokyo');
  const s1 = await env('2024-03-31T23:30:00+09:00'); // 14:30 UTC: last evening of the year in Tokyo
  const s2 = await env('2024-04-01T00:30:00+09:00'); // still 31 March in UTC, but the next year in Tokyo
  const s3 = await env('2023-04-01T00:00:00+09:00'); // 31 March in UTC, the first day of the year in Tokyo
  const regional = await opportunity(database, org, 'us', 'regional', 'America/Chicago');
  const s4 = await regional('2022-10-01T10:00:00-05:00');
  const s5 = await regional('2023-06-10T09:00:00-05:00');
  const s6 = await regional('2024-03-31T22:00:00-05:00'); // 1 April in UTC, 31 March in Chicago
  const edu = await opportunity(database, org, 'jp', 'education_culture_sports', 'Asia/Tokyo');
  const s7 = await edu('2023-08-01T10:00:00+09:00');
  const specs: SignupSpec[] = [
    [s1, e.a1, 'confirmed', 'attended', 120],
    [s3, e.a1, 'confirmed', 'attended', 60],
    [s2, e.a2, 'confirmed', 'attended', 90], // next year
    [s3, e.a2, 'confirmed', 'absent'],
    [s3, e.a3, 'waitlisted'],
    [s3, e.a4, 'cancelled'],
    [s5, e.u1, 'confirmed', 'attended', 180],
    [s6, e.u1, 'confirmed', 'attended', 30],
    [s4, e.u2, 'confirmed', 'attended', 240], // the year before
    [s7, e.b, 'confirmed', 'attended', 45],
    [s7, e.a2, 'confirmed'], // attendance not taken
  ];
  await database.db.insert(signups).values(specs.map((s) => signup(org.orgId, s)));
  await database.db.insert(volunteerHourLogs).values([
    log(org.orgId, e.a1, '2023-05-05', 'environment', 30, 'approved'), // a1 also attended: one participant
    log(org.orgId, e.a1, '2023-06-01', 'environment', 100, 'pending'),
    log(org.orgId, e.b, '2023-07-01', 'welfare_diversity', 120, 'rejected'),
    log(org.orgId, e.u1, '2023-11-11', 'environment', 15, 'approved'), // u1 in a second field
    log(org.orgId, e.u2, '2024-03-31', 'welfare_diversity', 60, 'approved'),
    log(org.orgId, e.u2, '2024-04-01', 'welfare_diversity', 60, 'approved'), // next year
    log(org.orgId, e.b, '2023-03-31', 'environment', 15, 'approved'), // the year before
    log(org.orgId, e.a2, '2022-04-01', 'regional', 50, 'approved'), // the year before
  ]);

  // Another organisation's records in the same year must not count.
  const other = await createTestOrg(database, 'KPX');
  const x = await addEmployees(database, other, [['x', 'jp', 'tokyo']]);
  await database.db
    .insert(volunteerRegistrations)
    .values({ ...reg(x.x, '2023-05-01', ['environment']), orgId: other.orgId });
  const xEnv = await opportunity(database, other, 'jp', 'environment', 'Asia/Tokyo');
  const xs = await xEnv('2023-05-01T10:00:00+09:00');
  await database.db.insert(signups).values(signup(other.orgId, [xs, x.x, 'confirmed', 'attended', 60]));
  await database.db
    .insert(volunteerHourLogs)
    .values(log(other.orgId, x.x, '2023-05-02', 'regional', 60, 'approved'));

  return { org, e };
}
