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
