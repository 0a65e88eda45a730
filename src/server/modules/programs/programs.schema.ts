import { z } from 'zod';
import { PageQuerySchema } from '../../lib/pagination.js';

export const PROGRAM_FRAMEWORKS = ['company_program', 'local_activity', 'foundation_grant'] as const;
export const PROGRAM_STATUSES = ['planned', 'active', 'ended'] as const;
export const PARTNER_ROLES = ['organiser', 'partner', 'host', 'beneficiary', 'funder'] as const;
/** The program columns holding a classification code, and the scheme each refers to. */
export const CLASSIFICATION_FIELDS = {
  companyField: 'company_field',
  visionLayer: 'vision_layer',
  keidanrenField: 'keidanren_field',
  b4siCause: 'b4si_cause',
  b4siMotivation: 'b4si_motivation',
} as const;
export type ClassificationField = keyof typeof CLASSIFICATION_FIELDS;

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  text(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));
const classificationCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/)
  .nullable()
  .optional()
  .describe('A code of /api/classifications of the matching scheme');
const year = z.number().int().min(1900).max(2200);

const ProgramFields = {
  nameJa: optionalText(200),
  nameEn: optionalText(200),
  descriptionJa: optionalText(10_000),
  descriptionEn: optionalText(10_000),
  framework: z.enum(PROGRAM_FRAMEWORKS),
  companyId: z.string().uuid().describe('The owning group company'),
  companyField: classificationCode,
  visionLayer: classificationCode,
  keidanrenField: classificationCode,
  b4siCause: classificationCode,
  b4siMotivation: classificationCode,
  sdgs: z.array(z.number().int().min(1).max(17)).max(17).default([]),
  startYear: year.describe('Fiscal year the program started (the year its fiscal year starts)'),
  endYear: year.nullable().optional(),
  status: z.enum(PROGRAM_STATUSES).default('active'),
  reviewCycleMonths: z.number().int().min(1).max(60).default(12),
};

export const ProgramCreateSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/)
    .describe('Short code, unique in the organisation (e.g. SES)'),
  ...ProgramFields,
});
export type ProgramCreate = z.infer<typeof ProgramCreateSchema>;

export const ProgramUpdateSchema = z.strictObject({
  code: ProgramCreateSchema.shape.code.optional(),
  nameJa: ProgramFields.nameJa,
  nameEn: ProgramFields.nameEn,
  descriptionJa: ProgramFields.descriptionJa,
  descriptionEn: ProgramFields.descriptionEn,
  framework: ProgramFields.framework.optional(),
  companyId: ProgramFields.companyId.optional(),
  companyField: classificationCode,
  visionLayer: classificationCode,
  keidanrenField: classificationCode,
  b4siCause: classificationCode,
  b4siMotivation: classificationCode,
  sdgs: z.array(z.number().int().min(1).max(17)).max(17).optional(),
  startYear: year.optional(),
  endYear: year.nullable().optional(),
  status: z.enum(PROGRAM_STATUSES).optional(),
  reviewCycleMonths: z.number().int().min(1).max(60).optional(),
});
/** The input type: services are called with parsed bodies and directly (tests, demo), keys optional. */
export type ProgramUpdate = z.input<typeof ProgramUpdateSchema>;

export const ProgramPartnersSchema = z.strictObject({
  items: z
    .array(z.strictObject({ partnerId: z.string().uuid(), role: z.enum(PARTNER_ROLES).default('partner') }))
    .max(200),
});
export type ProgramPartnersInput = z.infer<typeof ProgramPartnersSchema>;

export const ClassificationSchema = z.object({
  scheme: z.string(),
  code: z.string(),
  version: z.string(),
  labelJa: z.string(),
  labelEn: z.string(),
  position: z.number(),
  retiredOn: z.string().nullable(),
});
export type Classification = z.infer<typeof ClassificationSchema>;

export const ProgramPartnerSchema = z.object({
  partnerId: z.string().uuid(),
  code: z.string(),
  nameJa: z.string().nullable(),
  nameEn: z.string().nullable(),
  kind: z.string(),
  role: z.enum(PARTNER_ROLES),
  eligible: z.boolean().describe('Eligible today (active and screening current)'),
});
export type ProgramPartner = z.infer<typeof ProgramPartnerSchema>;

const ProgramCommon = {
  id: z.string().uuid(),
  code: z.string(),
  nameJa: z.string().nullable(),
  nameEn: z.string().nullable(),
  framework: z.enum(PROGRAM_FRAMEWORKS),
  companyId: z.string().uuid(),
  companyNameJa: z.string(),
  companyNameEn: z.string(),
  sdgs: z.array(z.number()),
  startYear: z.number(),
  endYear: z.number().nullable(),
  status: z.enum(PROGRAM_STATUSES),
};

export const ProgramSummarySchema = z.object({ ...ProgramCommon, partnerCount: z.number() });
export type ProgramSummary = z.infer<typeof ProgramSummarySchema>;

export const ProgramSchema = z.object({
  ...ProgramCommon,
  descriptionJa: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  companyField: z.string().nullable(),
  visionLayer: z.string().nullable(),
  keidanrenField: z.string().nullable(),
  b4siCause: z.string().nullable(),
  b4siMotivation: z.string().nullable(),
  reviewCycleMonths: z.number(),
  classifications: z.array(ClassificationSchema).describe('The terms the program is tagged with'),
  partners: z.array(ProgramPartnerSchema),
  canManage: z.boolean().describe('The caller may change this program'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Program = z.infer<typeof ProgramSchema>;

export const ProgramPageSchema = z.object({
  items: z.array(ProgramSummarySchema),
  total: z.number(),
  page: z.number(),
  size: z.number(),
});
export type ProgramPage = z.infer<typeof ProgramPageSchema>;

export const ProgramListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(100).optional().describe('Part of the code or a name'),
  status: z.enum(PROGRAM_STATUSES).optional(),
  framework: z.enum(PROGRAM_FRAMEWORKS).optional(),
  companyId: z.string().uuid().optional(),
  partnerId: z.string().uuid().optional(),
});
export type ProgramListQuery = z.infer<typeof ProgramListQuerySchema>;
