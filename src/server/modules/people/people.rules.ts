import { and, eq, ne } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import type { FieldIssue } from '../../lib/errors.js';
import { departments, groupCompanies, sites } from '../organisations/organisations.table.js';
import { employees } from './people.table.js';

/** The fields of an employee record that the rules look at. */
export type EmployeeFacts = {
  employeeNumber: string;
  companyId: string;
  siteId: string | null;
  departmentId: string | null;
  employmentStatus: string;
  hireDate: string;
  leaveDate: string | null;
};

/**
 * Checks an employee record as it would be saved: its number unused in the organisation, its company,
 * site and department in the organisation and consistent with one another, and its dates.
 */
export async function checkEmployee(ctx: Ctx, e: EmployeeFacts, selfId?: string): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const [company] = await ctx.db
    .select({ id: groupCompanies.id })
    .from(groupCompanies)
    .where(and(eq(groupCompanies.orgId, ctx.orgId), eq(groupCompanies.id, e.companyId)));
  if (!company) issues.push({ path: 'companyId', code: 'not_found' });
  if (e.siteId) {
    const [site] = await ctx.db
      .select({ companyId: sites.companyId })
      .from(sites)
      .where(and(eq(sites.orgId, ctx.orgId), eq(sites.id, e.siteId)));
    if (!site) issues.push({ path: 'siteId', code: 'not_found' });
    else if (company && site.companyId !== e.companyId)
      issues.push({ path: 'siteId', code: 'site_outside_company' });
  }
  if (e.departmentId) {
    const [dept] = await ctx.db
      .select({ companyId: departments.companyId })
      .from(departments)
      .where(and(eq(departments.orgId, ctx.orgId), eq(departments.id, e.departmentId)));
    if (!dept) issues.push({ path: 'departmentId', code: 'not_found' });
    else if (company && dept.companyId !== e.companyId)
      issues.push({ path: 'departmentId', code: 'department_outside_company' });
  }
  if (e.leaveDate && e.leaveDate < e.hireDate) issues.push({ path: 'leaveDate', code: 'leave_before_hire' });
  if (e.employmentStatus === 'left' && !e.leaveDate)
    issues.push({ path: 'leaveDate', code: 'left_needs_leave_date' });
  const [taken] = await ctx.db
    .select({ id: employees.id })
    .from(employees)
    .where(
      and(
        eq(employees.orgId, ctx.orgId),
        eq(employees.employeeNumber, e.employeeNumber),
        selfId ? ne(employees.id, selfId) : undefined,
      ),
    );
  if (taken) issues.push({ path: 'employeeNumber', code: 'duplicate' });
  return issues;
}
