import { and, eq, type SQL } from 'drizzle-orm';
import { holdsOn } from '../../lib/authz.js';
import type { Ctx } from '../../lib/context.js';
import { groupCompanies, sites } from '../organisations/organisations.table.js';
import { employees } from '../people/people.table.js';
import type { Registration } from './registrations.schema.js';
import { volunteerRegistrations as reg } from './volunteering.table.js';

/** The columns of a registration as the API shows it, with its employee's codes. */
export const registrationColumns = {
  id: reg.id,
  employeeId: reg.employeeId,
  joinedOn: reg.joinedOn,
  leftOn: reg.leftOn,
  interestFields: reg.interestFields,
  skills: reg.skills,
  skillsNote: reg.skillsNote,
  languages: reg.languages,
  prefecture: reg.prefecture,
  region: reg.region,
  availability: reg.availability,
  onlineOk: reg.onlineOk,
  updatedAt: reg.updatedAt,
  employeeNumber: employees.employeeNumber,
  nameJa: employees.nameJa,
  nameEn: employees.nameEn,
  nameKana: employees.nameKana,
  email: employees.email,
  companyId: employees.companyId,
  companyCode: groupCompanies.code,
  siteId: employees.siteId,
  siteCode: sites.code,
};

export type RegistrationRow = Awaited<ReturnType<typeof selectRegistrations>>[number];

/** A joined row as the API's Registration. */
export function registrationView(r: RegistrationRow): Registration {
  return {
    id: r.id,
    employeeId: r.employeeId,
    joinedOn: r.joinedOn,
    leftOn: r.leftOn,
    status: r.leftOn ? 'left' : 'active',
    interestFields: r.interestFields as Registration['interestFields'],
    skills: r.skills,
    skillsNote: r.skillsNote,
    languages: r.languages as Registration['languages'],
    prefecture: r.prefecture,
    region: r.region,
    availability: r.availability as Registration['availability'],
    onlineOk: r.onlineOk,
    updatedAt: r.updatedAt.toISOString(),
    employee: {
      employeeNumber: r.employeeNumber,
      nameJa: r.nameJa,
      nameEn: r.nameEn,
      nameKana: r.nameKana,
      email: r.email,
      companyId: r.companyId,
      companyCode: r.companyCode,
      siteId: r.siteId,
      siteCode: r.siteCode,
    },
  };
}

/** Registrations joined to their employee, company and site, in the caller's organisation. */
export function selectRegistrations(ctx: Ctx, where?: SQL) {
  return ctx.db
    .select(registrationColumns)
    .from(reg)
    .innerJoin(employees, and(eq(employees.orgId, reg.orgId), eq(employees.id, reg.employeeId)))
    .innerJoin(groupCompanies, eq(groupCompanies.id, employees.companyId))
    .leftJoin(sites, eq(sites.id, employees.siteId))
    .where(and(eq(reg.orgId, ctx.orgId), where));
}

/** One registration by a condition (its id, or its employee), or undefined. */
export async function findRegistration(ctx: Ctx, where: SQL): Promise<Registration | undefined> {
  const [row] = await selectRegistrations(ctx, where);
  return row && registrationView(row);
}

/** The scope a registration sits in: its employee's company and site. */
export const registrationScope = (r: Registration) => ({
  companyId: r.employee.companyId,
  siteId: r.employee.siteId,
  siteCompanyId: r.employee.companyId,
});

/** Whether the caller may read this registration in the volunteer database. */
export const canReadVolunteer = (ctx: Ctx, r: Registration) =>
  holdsOn(ctx.actor, 'volunteers.read', registrationScope(r));
