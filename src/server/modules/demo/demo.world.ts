import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { users } from '../auth/auth.table.js';
import { groupCompanies, sites } from '../organisations/organisations.table.js';
import { employees } from '../people/people.table.js';
import { DEMO_DOMAIN } from './demo.generator.js';
import { DEMO_COMPANIES, type DemoCompany, type DemoSite } from './demo.structure.js';
import { dayOf, todayInTokyo, zonedInstant } from './demo.time.js';

/** The full demo: the size at which the seeds' figures hold exactly. */
export const FULL_DEMO_EMPLOYEES = 20_000;
/** Opportunities are generated this many days ahead of today. */
export const HORIZON_DAYS = 120;

export type Country = DemoCompany['country'];

/** A demo employee as the volunteering generator sees them; dates are day numbers (see demo.time.ts). */
export type DemoPerson = {
  id: string;
  email: string;
  companyCode: string;
  country: Country;
  siteCode: string;
  hire: number;
  leave: number | null;
};

/** Everything the volunteering generator needs from the loaded demo organisation. */
export type DemoWorld = {
  orgId: string;
  people: DemoPerson[];
  byEmail: Map<string, DemoPerson>;
  companyIds: Map<string, string>;
  siteIds: Map<string, string>;
  /** The user ids of the demo accounts that organise, record attendance and approve hours. */
  userIds: { csr: string; program: string; promoter: string };
  /** Today (a day number) and its first instant in Tokyo: shifts that ended before it are past. */
  today: number;
  now: Date;
  /** The share of the full demo loaded (1 at 20,000 employees or more). */
  scale: number;
};

const COMPANY = new Map(DEMO_COMPANIES.map((c) => [c.code, c]));
const SITE = new Map(DEMO_COMPANIES.flatMap((c) => c.sites.map((s) => [s.code, { site: s, company: c }])));

export const companyOf = (code: string): DemoCompany => COMPANY.get(code)!;
export const siteOf = (code: string): { site: DemoSite; company: DemoCompany } => SITE.get(code)!;
export const timeZoneOfSite = (code: string): string => {
  const { site, company } = siteOf(code);
  return site.timeZone ?? company.timeZone;
};

/** Reads the demo organisation's employees, companies, sites and organiser accounts (in a fixed order). */
export async function loadWorld(tx: Tx, orgId: string, options: { today?: string }): Promise<DemoWorld> {
  const rows = await tx
    .select({
      id: employees.id,
      email: employees.email,
      companyCode: groupCompanies.code,
      siteCode: sites.code,
      hire: employees.hireDate,
      leave: employees.leaveDate,
    })
    .from(employees)
    .innerJoin(groupCompanies, eq(groupCompanies.id, employees.companyId))
    .innerJoin(sites, eq(sites.id, employees.siteId))
    .where(eq(employees.orgId, orgId))
    .orderBy(asc(employees.employeeNumber));
  const people: DemoPerson[] = rows.map((r) => ({
    id: r.id,
    email: r.email,
    companyCode: r.companyCode,
    country: companyOf(r.companyCode).country,
    siteCode: r.siteCode,
    hire: dayOf(r.hire),
    leave: r.leave ? dayOf(r.leave) : null,
  }));
  const companyRows = await tx.select().from(groupCompanies).where(eq(groupCompanies.orgId, orgId));
  const siteRows = await tx.select().from(sites).where(eq(sites.orgId, orgId));
  const accounts = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.orgId, orgId),
        inArray(
          users.email,
          ['csr', 'program', 'promoter'].map((a) => `${a}@${DEMO_DOMAIN}`),
        ),
      ),
    );
  const userId = (name: string) => accounts.find((a) => a.email === `${name}@${DEMO_DOMAIN}`)!.id;
  const today = dayOf(options.today ?? todayInTokyo());
  return {
    orgId,
    people,
    byEmail: new Map(people.map((p) => [p.email, p])),
    companyIds: new Map(companyRows.map((c) => [c.code, c.id])),
    siteIds: new Map(siteRows.map((s) => [s.code, s.id])),
    userIds: { csr: userId('csr'), program: userId('program'), promoter: userId('promoter') },
    today,
    now: zonedInstant(today, 0, 'Asia/Tokyo'),
    scale: Math.min(1, people.length / FULL_DEMO_EMPLOYEES),
  };
}
