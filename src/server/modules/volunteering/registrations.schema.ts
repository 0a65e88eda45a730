import { z } from 'zod';
import { FIELDS } from '../../../shared/fields.js';
import { AVAILABILITY, LANGUAGES } from '../../../shared/volunteering.js';
import { PageQuerySchema } from '../../lib/pagination.js';

const Id = z.string().uuid();
const IsoDate = z.iso.date().describe('YYYY-MM-DD');

export const REGISTRATION_STATUSES = ['active', 'left'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** A list given in a request: duplicates are dropped, the order kept. */
const codes = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .default([])
    .transform((v) => [...new Set(v)] as z.infer<T>[]);

export const RegistrationParamsSchema = z.object({ id: Id });

export const RegistrationEmployeeSchema = z.object({
  employeeNumber: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  nameKana: z.string(),
  email: z.string(),
  companyId: Id,
  companyCode: z.string(),
  siteId: Id.nullable(),
  siteCode: z.string().nullable(),
});

export const RegistrationSchema = z.object({
  id: Id,
  employeeId: Id,
  joinedOn: IsoDate.describe('The first day the employee joined the volunteer service (YYYY-MM-DD)'),
  leftOn: IsoDate.nullable().describe('Set while the employee has left the service'),
  status: z.enum(REGISTRATION_STATUSES),
  interestFields: z.array(z.enum(FIELDS)),
  skills: z.array(z.string()).describe('Codes of the managed skills list'),
  skillsNote: z.string().nullable(),
  languages: z.array(z.enum(LANGUAGES)),
  prefecture: z.string().nullable().describe('JIS prefecture code, 01 to 47'),
  region: z.string().nullable(),
  availability: z.array(z.enum(AVAILABILITY)),
  onlineOk: z.boolean(),
  updatedAt: z.string().describe('ISO 8601'),
  employee: RegistrationEmployeeSchema,
});
export type Registration = z.infer<typeof RegistrationSchema>;

/** The profile an employee gives when joining or updating; the whole profile each time (PUT). */
export const RegistrationInputSchema = z.strictObject({
  interestFields: codes(z.enum(FIELDS), FIELDS.length).describe('Fields of interest, of the four fields'),
  skills: codes(z.string().trim().min(1).max(40), 50).describe('Active codes of the skills list'),
  skillsNote: z
    .string()
    .trim()
    .max(1000)
    .nullish()
    .transform((v) => v || null)
    .describe('Skills in the employee’s own words'),
  languages: codes(z.enum(LANGUAGES), LANGUAGES.length),
  prefecture: z
    .string()
    .regex(/^(0[1-9]|[1-3][0-9]|4[0-7])$/)
    .nullish()
    .transform((v) => v ?? null)
    .describe('JIS prefecture code (01 to 47) for Japan'),
  region: z
    .string()
    .trim()
    .max(100)
    .nullish()
    .transform((v) => v || null)
    .describe('A region outside Japan, or a place within the prefecture'),
  availability: codes(z.enum(AVAILABILITY), AVAILABILITY.length),
  onlineOk: z.boolean().default(true).describe('Online activities suit the employee'),
});
export type RegistrationInput = z.infer<typeof RegistrationInputSchema>;

export const VOLUNTEER_SORTS = ['joinedOn', 'employeeNumber', 'nameKana'] as const;
export const VolunteerListQuerySchema = PageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Employee number, part of a name (ja or en), kana reading or e-mail'),
  companyId: Id.optional(),
  siteId: Id.optional(),
  field: z.enum(FIELDS).optional().describe('Interested in this field'),
  skill: z.string().trim().max(40).optional().describe('Has this skill code'),
  status: z.enum(REGISTRATION_STATUSES).optional(),
  joinedFrom: IsoDate.optional().describe('Joined on or after'),
  joinedTo: IsoDate.optional().describe('Joined on or before'),
  sort: z
    .string()
    .max(40)
    .optional()
    .describe(`One of ${VOLUNTEER_SORTS.join(', ')}; prefix - for descending (default -joinedOn)`),
});
export type VolunteerListQuery = z.infer<typeof VolunteerListQuerySchema>;

export const SkillSchema = z.object({
  id: Id,
  code: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
});
export type Skill = z.infer<typeof SkillSchema>;

export const SkillListSchema = z.object({ items: z.array(SkillSchema) });

export const SkillListQuerySchema = z.object({
  includeInactive: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('Also list deactivated skills'),
});

export const SkillCreateSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/)
    .describe('Lower-case letters, digits, - and _; up to 40; what imports and filters use'),
  nameJa: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(100),
  active: z.boolean().default(true),
});
export type SkillCreate = z.infer<typeof SkillCreateSchema>;

export const SkillUpdateSchema = z.strictObject({
  nameJa: z.string().trim().min(1).max(100).optional(),
  nameEn: z.string().trim().min(1).max(100).optional(),
  active: z.boolean().optional().describe('false retires the skill: kept on registrations, not offered'),
});
export type SkillUpdate = z.infer<typeof SkillUpdateSchema>;
