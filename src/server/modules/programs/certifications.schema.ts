import { z } from 'zod';

const IsoDate = z.iso.date().describe('YYYY-MM-DD');

export const HOLDER_STATUSES = ['current', 'expired', 'revoked', 'upcoming'] as const;
export type HolderStatus = (typeof HOLDER_STATUSES)[number];
export const HOLDER_FILTERS = ['current', 'expired', 'all'] as const;

export const CertificationCreateSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/)
    .describe('Letters, digits, - and _; unique in the organisation'),
  nameJa: z.string().trim().min(1).max(200).nullish(),
  nameEn: z.string().trim().min(1).max(200).nullish(),
  validityMonths: z
    .number()
    .int()
    .min(1)
    .max(240)
    .nullish()
    .describe('Months a period lasts; null: no expiry'),
});
export type CertificationCreate = z.infer<typeof CertificationCreateSchema>;

export const CertificationSchema = z.object({
  id: z.string().uuid(),
  programId: z.string().uuid(),
  code: z.string(),
  nameJa: z.string().nullable(),
  nameEn: z.string().nullable(),
  validityMonths: z.number().int().nullable(),
  currentCount: z.number().int().describe('Employees certified today'),
});
export type Certification = z.infer<typeof CertificationSchema>;

export const HolderQuerySchema = z.object({
  status: z.enum(HOLDER_FILTERS).default('current').describe('current on `on`, not current, or all'),
  on: IsoDate.optional().describe('The day "current" refers to (default: today)'),
  q: z.string().trim().max(100).optional().describe('Part of the name or employee number'),
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(200).default(50),
});
export type HolderQuery = z.infer<typeof HolderQuerySchema>;

export const HolderSchema = z.object({
  id: z.string().uuid().describe('The latest period of this employee'),
  certificationId: z.string().uuid(),
  employeeId: z.string().uuid(),
  employeeNumber: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  certifiedOn: IsoDate,
  expiresOn: IsoDate.nullable(),
  revokedOn: IsoDate.nullable(),
  renewsId: z.string().uuid().nullable(),
  firstCertifiedOn: IsoDate.describe('Start of the first period of the chain'),
  periods: z.number().int().describe('Periods held (1 + renewals)'),
  status: z.enum(HOLDER_STATUSES),
});
export type Holder = z.infer<typeof HolderSchema>;

export const HolderCreateSchema = z.strictObject({
  employeeId: z.string().uuid(),
  certifiedOn: IsoDate,
  expiresOn: IsoDate.nullish().describe("Default: certifiedOn + the certification's validity, less a day"),
});
export type HolderCreate = z.infer<typeof HolderCreateSchema>;

export const HolderRenewSchema = z.strictObject({
  certifiedOn: IsoDate,
  expiresOn: IsoDate.nullish(),
});
export type HolderRenew = z.infer<typeof HolderRenewSchema>;

export const HolderRevokeSchema = z.strictObject({ revokedOn: IsoDate });

export const PeriodSchema = z.object({
  id: z.string().uuid(),
  certificationId: z.string().uuid(),
  employeeId: z.string().uuid(),
  certifiedOn: IsoDate,
  expiresOn: IsoDate.nullable(),
  revokedOn: IsoDate.nullable(),
  renewsId: z.string().uuid().nullable(),
});
export type Period = z.infer<typeof PeriodSchema>;
