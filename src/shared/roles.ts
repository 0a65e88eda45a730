export const ROLES = [
  'org_admin',
  'csr_manager',
  'program_manager',
  'promoter',
  'finance',
  'auditor',
  'employee',
] as const;
export type Role = (typeof ROLES)[number];
export const SCOPE_TYPES = ['org', 'company', 'site'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

/**
 * Every permission the routes declare, and the roles that hold it. Auditors hold every `.read`
 * permission and nothing else; this table is the one place where roles meet permissions.
 */
export const PERMISSIONS = {
  'org.read': ['org_admin', 'csr_manager', 'program_manager', 'promoter', 'finance', 'employee'],
  'org.manage': ['org_admin'],
  'people.read': ['org_admin', 'csr_manager', 'program_manager', 'promoter', 'finance'],
  'people.manage': ['org_admin'],
  'roles.read': ['org_admin'],
  'roles.manage': ['org_admin'],
  'audit.read': ['org_admin'],
  /** Join the volunteer service, sign up, log hours, see one's own history (needs a linked employee). */
  'volunteering.join': ['org_admin', 'csr_manager', 'program_manager', 'promoter', 'finance', 'employee'],
  /** The volunteer database: registrations and the skills list. Scope: company or site of the employee. */
  'volunteers.read': ['org_admin', 'csr_manager', 'program_manager', 'promoter'],
  'volunteers.manage': ['org_admin', 'csr_manager'],
  'opportunities.read': ['org_admin', 'csr_manager', 'program_manager', 'promoter', 'finance', 'employee'],
  /** Post and run opportunities, take attendance. Scope: the opportunity's company or site. */
  'opportunities.manage': ['csr_manager', 'program_manager', 'promoter'],
  /** Approve hours logged outside the system. Scope: the employee's company or site. */
  'hours.approve': ['csr_manager', 'promoter'],
  'kpi.read': ['org_admin', 'csr_manager', 'program_manager', 'promoter', 'finance'],
  /** The mail outbox in the admin screens. */
  'mail.read': ['org_admin'],
  /** Own points, expense claims, donations and receipts (needs a linked employee). */
  'giving.join': ['org_admin', 'csr_manager', 'program_manager', 'promoter', 'finance', 'employee'],
  'campaigns.read': ['org_admin', 'csr_manager', 'program_manager', 'promoter', 'finance', 'employee'],
  /** Create and run campaigns, record the company's donations. Scope: the campaign's company. */
  'campaigns.manage': ['org_admin', 'csr_manager'],
  'partners.read': ['org_admin', 'csr_manager', 'program_manager', 'promoter', 'finance'],
  /** The list of organisations, their eligibility and bank details. */
  'partners.manage': ['org_admin', 'csr_manager', 'program_manager'],
  /** Approve volunteer expense claims. Scope: the employee's company or site. */
  'claims.approve': ['csr_manager', 'promoter'],
  /** Grant points, run the expiry, set the point value. */
  'points.manage': ['org_admin', 'finance'],
  /** The ledger, donations, reimbursements and payouts as finance sees them. */
  'ledger.read': ['org_admin', 'csr_manager', 'finance'],
  /** Reversals, payment confirmations, payouts, exchange rates, the ledger check. */
  'ledger.manage': ['org_admin', 'finance'],
  /** Programs and their records (cohorts, projects, sessions, certifications, surveys, testimonials). */
  'programs.read': ['org_admin', 'csr_manager', 'program_manager', 'finance'],
  /** Run programs and their records, coordinate class requests. Scope: the program's company. */
  'programs.manage': ['csr_manager', 'program_manager'],
  /** Review programs (scores, decisions, B4SI impact). Scope: the program's company. */
  'programs.review': ['csr_manager', 'program_manager'],
  /** The organisation's evaluation criteria. */
  'evaluations.manage': ['org_admin', 'csr_manager'],
  /** Screen partners against the guidelines and decide. */
  'partners.screen': ['csr_manager', 'program_manager'],
  /** The selection policy and guidelines (versioned checklist). */
  'guidelines.manage': ['org_admin', 'csr_manager'],
  /** Collection drives and their results (employees see what to bring and the totals). */
  'drives.read': ['org_admin', 'csr_manager', 'program_manager', 'promoter', 'finance', 'employee'],
  /** Create drives, the managed list of items. */
  'drives.manage': ['org_admin', 'csr_manager'],
  /** Report what a site collected. Scope: the site. */
  'drives.report': ['csr_manager', 'promoter'],
  /** Community-investment expenses, FX and closed years (read). */
  'expenses.read': ['org_admin', 'csr_manager', 'finance'],
  /** Enter, import and correct expenses. Scope: the expense's company. */
  'expenses.manage': ['finance'],
  /** Close a fiscal year, restate a closed one (organisation-wide). */
  'years.close': ['finance'],
  /** Targets, yearly goals, metrics and their progress. */
  'goals.read': ['org_admin', 'csr_manager', 'program_manager', 'finance'],
  'goals.manage': ['csr_manager'],
  /** Draft reports, their figures' drill-down and exports. */
  'reports.read': ['org_admin', 'csr_manager', 'program_manager', 'finance'],
  /** Write the report's texts and publish it. */
  'reports.manage': ['csr_manager'],
  'self.read': ['org_admin', 'csr_manager', 'program_manager', 'promoter', 'finance', 'employee'],
  'self.manage': [
    'org_admin',
    'csr_manager',
    'program_manager',
    'promoter',
    'finance',
    'auditor',
    'employee',
  ],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function rolesFor(permission: Permission): readonly Role[] {
  const roles: readonly Role[] = PERMISSIONS[permission];
  return permission.endsWith('.read') ? [...roles, 'auditor'] : roles;
}
