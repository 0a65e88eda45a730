import { z } from 'zod';
import { ROLES, SCOPE_TYPES } from '../../../shared/roles.js';
import { GrantSchema, LocaleSchema } from './auth.schema.js';

export const RoleGrantCreateSchema = z
  .strictObject({
    role: z.enum(ROLES),
    scopeType: z.enum(SCOPE_TYPES).default('org'),
    companyId: z.string().uuid().optional().describe('Required when scopeType is company'),
    siteId: z.string().uuid().optional().describe('Required when scopeType is site'),
  })
  .superRefine((v, ctx) => {
    if (v.scopeType === 'company' && !v.companyId)
      ctx.addIssue({ code: 'custom', path: ['companyId'], message: 'required' });
    if (v.scopeType === 'site' && !v.siteId)
      ctx.addIssue({ code: 'custom', path: ['siteId'], message: 'required' });
  });
export type RoleGrantCreate = z.infer<typeof RoleGrantCreateSchema>;

export const UserCreateSchema = z.strictObject({
  email: z.string().trim().email().max(254),
  displayName: z.string().trim().min(1).max(100).optional(),
  password: z
    .string()
    .min(10)
    .max(200)
    .optional()
    .describe('Leave out to create an account that cannot sign in yet'),
  locale: LocaleSchema.optional(),
  employeeId: z.string().uuid().optional().describe('Link the account to an employee record'),
  grants: z.array(RoleGrantCreateSchema).max(20).default([]),
});
export type UserCreate = z.infer<typeof UserCreateSchema>;

export const UserAdminSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  displayName: z.string(),
  locale: LocaleSchema,
  employeeId: z.string().uuid().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  grants: z.array(GrantSchema),
});
export type UserAdmin = z.infer<typeof UserAdminSchema>;

export const UserListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().describe('Part of the e-mail or name'),
  role: z.enum(ROLES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(200).default(50),
});

export const UserUpdateSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(100).optional(),
  disabled: z.boolean().optional(),
  unlock: z.literal(true).optional().describe('Clear a lockout after failed sign-ins'),
  employeeId: z
    .string()
    .uuid()
    .nullable()
    .optional()
    .describe('Link the account to an employee record; null unlinks it'),
});
export type UserUpdate = z.infer<typeof UserUpdateSchema>;
