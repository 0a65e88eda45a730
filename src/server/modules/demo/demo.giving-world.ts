import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rowsOf } from '../../lib/sql.js';
import { DEMO_DOMAIN } from './demo.generator.js';
import { dayOf, fyOfDay, localDayOf, todayInTokyo, zonedInstant } from './demo.time.js';
import { FULL_DEMO_EMPLOYEES } from './demo.world.js';

/** A demo employee as the giving plan sees them; dates are day numbers (see demo.time.ts). */
export type Giver = {
  id: string;
  number: string;
  email: string;
  companyCode: string;
  country: string;
  siteCode: string;
  prefecture: string | null;
  hire: number;
  leave: number | null;
  /** One of the demo accounts: their giving is written out, never drawn at random. */
  account: boolean;
};

/** An attended sign-up on an opportunity whose transport may be paid with points. */
export type Participation = {
  signupId: string;
  employeeId: string;
  /** The activity's day where it took place. */
  day: number;
  prefecture: string | null;
  place: string;
};

export type GivingWorld = {
  orgId: string;
  people: Giver[];
  byEmail: Map<string, Giver>;
  byId: Map<string, Giver>;
  companyIds: Map<string, string>;
  users: { admin: string; csr: string; promoter: string; finance: string; employee: string };
  participations: Participation[];
  today: number;
  now: Date;
  currentFy: number;
  scale: number;
};

export const ACCOUNT_EMAILS = ['admin', 'csr', 'program', 'promoter', 'finance', 'auditor', 'employee'].map(
  (a) => `${a}@${DEMO_DOMAIN}`,
);

type PersonRow = Omit<Giver, 'hire' | 'leave' | 'account'> & { hire: string; leave: string | null };
type ParticipationRow = {
  signupId: string;
  employeeId: string;
  startsAt: Date | string;
  opportunityId: string;
  timeZone: string;
  prefecture: string | null;
  place: string;
  transport: boolean;
  mode: string;
};

const COLUMNS = sql`su.id as "signupId", su.employee_id as "employeeId", s.starts_at as "startsAt",
  o.id as "opportunityId", o.time_zone as "timeZone", o.prefecture,
  coalesce(o.address, o.title_ja, o.title_en) as place, o.transport_by_points as transport, o.mode`;

/** One employee's attended sign-ups. */
const attendedBy = (tx: Tx, orgId: string, employeeId: string) =>
  rowsOf<ParticipationRow>(
    tx,
    sql`select ${COLUMNS} from signups su
      join opportunity_shifts s on s.org_id = su.org_id and s.id = su.shift_id
      join opportunities o on o.org_id = s.org_id and o.id = s.opportunity_id
      where su.org_id = ${orgId} and su.employee_id = ${employeeId} and su.attendance = 'attended'`,
  );

/**
 * The attended sign-ups of the shifts of opportunities with transport by points, looked up shift by
 * shift (offset 0 keeps the planner from starting at the sign-ups, which have no statistics yet
 * while the demo loads: 1 s through all of them instead of 20 ms).
 */
const attendedWithTransport = (tx: Tx, orgId: string) =>
  rowsOf<ParticipationRow>(
    tx,
    sql`select ${COLUMNS} from opportunities o
      join opportunity_shifts s on s.org_id = o.org_id and s.opportunity_id = o.id
      cross join lateral (select su.id, su.employee_id from signups su
        where su.org_id = s.org_id and su.shift_id = s.id and su.attendance = 'attended' offset 0) su
      where o.org_id = ${orgId} and o.transport_by_points`,
  );

/**
 * The attended sign-ups on opportunities whose transport may be paid with points. The demo account
 * employee@ must have one (the end-to-end journey claims it): when none of theirs allows it, their
 * latest attended activity in person does (a realistic flag: travel to an activity on site).
 */
async function transportParticipations(tx: Tx, orgId: string, employeeId: string) {
  const mine = (await attendedBy(tx, orgId, employeeId)).sort(
    (a, b) => new Date(b.startsAt).getTime() - new Date(a.startsAt).getTime(),
  );
  if (mine.length > 0 && !mine.some((r) => r.transport)) {
    const chosen = mine.find((r) => r.mode !== 'online') ?? mine[0];
    await tx.execute(sql`update opportunities set transport_by_points = true
      where org_id = ${orgId} and id = ${chosen.opportunityId}`);
  }
  return attendedWithTransport(tx, orgId);
}

/**
 * Reads what the giving plan needs from the loaded demo organisation (its people in a fixed order);
 * the first time, it may flag one activity of employee@ for transport claims (transportParticipations).
 */
export async function loadGivingWorld(
  tx: Tx,
  orgId: string,
  options: { today?: string },
): Promise<GivingWorld> {
  const rows = await rowsOf<PersonRow>(
    tx,
    sql`select e.id, e.employee_number as number, e.email, c.code as "companyCode", c.country,
        s.code as "siteCode", s.prefecture, e.hire_date::text as hire, e.leave_date::text as leave
      from employees e
      join group_companies c on c.org_id = e.org_id and c.id = e.company_id
      join sites s on s.org_id = e.org_id and s.id = e.site_id
      where e.org_id = ${orgId} order by e.employee_number`,
  );
  const accounts = new Set(ACCOUNT_EMAILS);
  const people: Giver[] = rows.map((r) => ({
    ...r,
    hire: dayOf(r.hire),
    leave: r.leave ? dayOf(r.leave) : null,
    account: accounts.has(r.email),
  }));
  const companies = await rowsOf<{ id: string; code: string }>(
    tx,
    sql`select id, code from group_companies where org_id = ${orgId}`,
  );
  const users = await rowsOf<{ id: string; email: string }>(
    tx,
    sql`select id, email from users where org_id = ${orgId}`,
  );
  const userId = (name: string) => users.find((u) => u.email === `${name}@${DEMO_DOMAIN}`)!.id;
  const byEmail = new Map(people.map((p) => [p.email, p]));
  const employee = byEmail.get(`employee@${DEMO_DOMAIN}`)!;
  const attended = await transportParticipations(tx, orgId, employee.id);
  const byId = new Map(people.map((p) => [p.id, p]));
  const participations = attended
    .map((r) => ({
      signupId: r.signupId,
      employeeId: r.employeeId,
      day: localDayOf(new Date(r.startsAt), r.timeZone),
      at: new Date(r.startsAt).getTime(),
      prefecture: r.prefecture,
      place: r.place,
    }))
    .sort(
      (a, b) => a.at - b.at || byId.get(a.employeeId)!.number.localeCompare(byId.get(b.employeeId)!.number),
    )
    .map(({ at: _at, ...p }) => p);
  const today = dayOf(options.today ?? todayInTokyo());
  return {
    orgId,
    people,
    byEmail,
    byId,
    companyIds: new Map(companies.map((c) => [c.code, c.id])),
    users: {
      admin: userId('admin'),
      csr: userId('csr'),
      promoter: userId('promoter'),
      finance: userId('finance'),
      employee: userId('employee'),
    },
    participations,
    today,
    now: zonedInstant(today, 0, 'Asia/Tokyo'),
    currentFy: fyOfDay(today),
    scale: Math.min(1, people.length / FULL_DEMO_EMPLOYEES),
  };
}

/**
 * The cafeteria plan is a Japanese benefit (like NEC's "Will be"): employees of the group companies in
 * Japan earn points; those abroad give money only.
 */
export const earnsPoints = (p: Giver): boolean => p.country === 'JP';

/** Employed on that day (hired, not yet left). */
export const employedOn = (p: Giver, day: number): boolean =>
  p.hire <= day && (p.leave === null || p.leave > day);
