import { z } from 'zod';
import { ROLES, SCOPE_TYPES } from '../../../shared/roles.js';

export const LocaleSchema = z.enum(['ja', 'en']).describe('Interface and message language');

export const LoginSchema = z.strictObject({
  email: z.string().trim().email().max(254).describe('Sign-in e-mail address'),
  password: z.string().min(1).max(200).describe('Password'),
});
export type Login = z.infer<typeof LoginSchema>;

export const GrantSchema = z.object({
  id: z.string().uuid(),
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  companyId: z.string().uuid().nullable(),
  siteId: z.string().uuid().nullable(),
  scopeLabel: z
    .string()
    .describe('The scope in the caller’s language: the organisation, a company or a site'),
});
export type Grant = z.infer<typeof GrantSchema>;

export const UserSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  displayName: z.string(),
  locale: LocaleSchema,
  employeeId: z.string().uuid().nullable(),
  orgId: z.string().uuid(),
});
export type User = z.infer<typeof UserSchema>;

export const MeSchema = z.object({
  user: UserSchema,
  organisation: z.object({ id: z.string().uuid(), code: z.string(), nameJa: z.string(), nameEn: z.string() }),
  roles: z.array(GrantSchema),
  permissions: z.array(z.string()).describe('Permissions held on at least one scope'),
  locale: LocaleSchema,
  csrfToken: z
    .string()
    .nullable()
    .describe('Send as X-CSRF-Token on state-changing requests made with the session cookie'),
});
export type Me = z.infer<typeof MeSchema>;

export const LoginResultSchema = z.object({
  user: UserSchema,
  csrfToken: z.string(),
});

export const PasswordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10).max(200).describe('At least 10 characters'),
});
export type PasswordChange = z.infer<typeof PasswordChangeSchema>;

export const MeUpdateSchema = z.strictObject({
  locale: LocaleSchema.optional(),
  displayName: z.string().trim().min(1).max(100).optional(),
});
export type MeUpdate = z.infer<typeof MeUpdateSchema>;

export const ApiTokenCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).describe('What the token is for'),
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .optional()
    .describe('Days until it expires; never when omitted'),
});
export type ApiTokenCreate = z.infer<typeof ApiTokenCreateSchema>;

export const ApiTokenSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the token, to recognise it'),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const ApiTokenCreatedSchema = ApiTokenSchema.extend({
  token: z.string().describe('The secret, shown once: send it as Authorization: Bearer <token>'),
});
