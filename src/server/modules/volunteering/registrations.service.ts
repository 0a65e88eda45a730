import { and, eq } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type FieldIssue } from '../../lib/errors.js';
import { groupCompanies, sites } from '../organisations/organisations.table.js';
import { employees } from '../people/people.table.js';
import type { Registration, RegistrationInput } from './registrations.schema.js';
import { canReadVolunteer, findRegistration } from './registrations.view.js';
import { skillsByCode } from './skills.service.js';
import { volunteerRegistrations as reg } from './volunteering.table.js';

export { listVolunteers } from './registrations.list.js';

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The caller's employee id; volunteering needs an account linked to an employee record. */
function ownEmployeeId(ctx: Ctx): string {
  const id = ctx.actor.kind === 'user' ? ctx.actor.employeeId : null;
  if (!id) throw new AppError('no_employee_record');
  return id;
}

/** The employee's local date: the time zone of their site, else of their company. */
async function employeeToday(ctx: Ctx, employeeId: string): Promise<string> {
  const [row] = await ctx.db
    .select({ company: groupCompanies.timeZone, site: sites.timeZone })
    .from(employees)
    .innerJoin(groupCompanies, eq(groupCompanies.id, employees.companyId))
    .leftJoin(sites, eq(sites.id, employees.siteId))
    .where(and(eq(employees.orgId, ctx.orgId), eq(employees.id, employeeId)));
  if (!row) throw new AppError('no_employee_record');
  return todayIn(row.site ?? row.company);
}

/**
 * Skills must be codes of the managed list that are active; a deactivated skill the employee already
 * has may stay (it was valid when chosen). Returns one issue per bad code, at `skills.<index>`.
 */
export async function checkSkills(ctx: Ctx, skills: string[], kept: string[] = []): Promise<FieldIssue[]> {
  const known = await skillsByCode(ctx, skills);
  return skills.flatMap((code, i) => {
    const skill = known.get(code);
    if (!skill) return [{ path: `skills.${i}`, code: 'unknown_skill' }];
    if (!skill.active && !kept.includes(code)) return [{ path: `skills.${i}`, code: 'inactive_skill' }];
    return [];
  });
}

const byEmployee = (ctx: Ctx, employeeId: string) =>
  and(eq(reg.orgId, ctx.orgId), eq(reg.employeeId, employeeId));

/** The caller's own registration. Throws no_employee_record, not_registered. */
export async function getMyRegistration(ctx: Ctx): Promise<Registration> {
  const found = await findRegistration(ctx, eq(reg.employeeId, ownEmployeeId(ctx)));
  if (!found) throw new AppError('not_registered');
  return found;
}

const PROFILE_KEYS = [
  'interestFields',
  'skills',
  'skillsNote',
  'languages',
  'prefecture',
  'region',
  'availability',
  'onlineOk',
] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Joins the volunteer service with a profile, or updates the profile. Joining the first time sets
 * joinedOn to the employee's local today; joining again after leaving clears leftOn and keeps the
 * first joinedOn (a person is a new registrant once). Audited as join, rejoin or update.
 * Throws no_employee_record, validation_failed (skills.<i>: unknown_skill, inactive_skill).
 */
export async function saveMyRegistration(ctx: Ctx, input: RegistrationInput): Promise<Registration> {
  const employeeId = ownEmployeeId(ctx);
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(reg).where(byEmployee(tx, employeeId)).for('update');
    const issues = await checkSkills(tx, input.skills, before?.skills);
    if (issues.length) throw new AppError('validation_failed', { fields: issues });
    const profile = Object.fromEntries(PROFILE_KEYS.map((k) => [k, input[k]])) as RegistrationInput;
    if (!before) {
      const joinedOn = await employeeToday(tx, employeeId);
      const [row] = await tx.db
        .insert(reg)
        .values({ ...profile, orgId: tx.orgId, employeeId, joinedOn })
        .onConflictDoNothing()
        .returning();
      // Another request of the same employee joined first: this one is an update of that row.
      if (!row) return saveMyRegistration(tx, input);
      await audit(tx, {
        action: 'volunteer_registration.join',
        entityType: 'volunteer_registration',
        entityId: row.id,
        after: row,
      });
    } else {
      const changed = PROFILE_KEYS.some((k) => !same(before[k], profile[k]));
      if (!changed && !before.leftOn) return (await findRegistration(tx, eq(reg.id, before.id)))!;
      const [after] = await tx.db
        .update(reg)
        .set({ ...profile, leftOn: null, updatedAt: new Date() })
        .where(eq(reg.id, before.id))
        .returning();
      const action = before.leftOn ? 'volunteer_registration.rejoin' : 'volunteer_registration.update';
      await audit(tx, { action, entityType: 'volunteer_registration', entityId: before.id, before, after });
    }
    return (await findRegistration(tx, eq(reg.employeeId, employeeId)))!;
  });
}

/**
 * Leaves the volunteer service: leftOn is today (the employee's local date); the registration and its
 * history stay, and the service sends no more e-mail. Leaving twice changes nothing.
 * Throws no_employee_record, not_registered.
 */
export async function leaveService(ctx: Ctx): Promise<Registration> {
  const employeeId = ownEmployeeId(ctx);
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(reg).where(byEmployee(tx, employeeId)).for('update');
    if (!before) throw new AppError('not_registered');
    if (!before.leftOn) {
      const today = await employeeToday(tx, employeeId);
      // An imported registration may start later than today in this zone: leave on the day it starts.
      const leftOn = today < before.joinedOn ? before.joinedOn : today;
      const [after] = await tx.db
        .update(reg)
        .set({ leftOn, updatedAt: new Date() })
        .where(eq(reg.id, before.id))
        .returning();
      await audit(tx, {
        action: 'volunteer_registration.leave',
        entityType: 'volunteer_registration',
        entityId: before.id,
        before,
        after,
      });
    }
    return (await findRegistration(tx, eq(reg.id, before.id)))!;
  });
}

/** One registration of the volunteer database. Throws not_found (also outside the caller's scope). */
export async function getVolunteer(ctx: Ctx, id: string): Promise<Registration> {
  const found = await findRegistration(ctx, eq(reg.id, id));
  if (!found || !canReadVolunteer(ctx, found))
    throw new AppError('not_found', { params: { entity: 'volunteer_registration' } });
  return found;
}
