import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../../lib/pagination.js';

export const PARTNER_KINDS = [
  'npo',
  'ngo',
  'public_interest',
  'municipality',
  'school',
  'university',
  'international',
  'other',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export const PARTNER_STATUSES = ['active', 'closed'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];
export const BANK_ACCOUNT_TYPES = ['ordinary', 'current', 'savings'] as const;

const Id = z.string().uuid();
const Code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/)
  .describe('Short code: letters, digits, - and _ (up to 40)');
const Name = z.string().trim().min(1).max(200);
const Flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));

export const PartnerParamsSchema = z.object({ id: Id });

export const BankDetailsSchema = z.strictObject({
  bankName: z.string().trim().min(1).max(100).describe('Bank (金融機関名)'),
  bankBranch: z.string().trim().min(1).max(100).describe('Branch (支店名)'),
  bankAccountType: z.enum(BANK_ACCOUNT_TYPES).describe('普通 ordinary, 当座 current, savings'),
  bankAccountNumber: z
    .string()
    .trim()
    .regex(/^[0-9]{1,8}$/)
    .describe('Account number, digits only (up to 8)'),
  bankAccountHolder: z.string().trim().min(1).max(100).describe('Account holder as the bank spells it'),
});
export type BankDetails = z.infer<typeof BankDetailsSchema>;

const fields = {
  code: Code,
  nameJa: Name.nullable().optional(),
  nameEn: Name.nullable().optional(),
  kind: z.enum(PARTNER_KINDS),
  corporateNumber: z
    .string()
    .trim()
    .regex(/^[0-9]{13}$/)
    .nullable()
    .optional()
    .describe('法人番号, 13 digits'),
  website: z
    .string()
    .trim()
    .max(2000)
    .regex(/^https?:\/\/\S+$/)
    .nullable()
    .optional()
    .describe('http(s) link'),
  eligible: z.boolean().describe('May receive donations (after the organisation was screened)'),
  status: z.enum(PARTNER_STATUSES).describe('A closed organisation receives nothing more'),
  bank: BankDetailsSchema.nullable().optional().describe('Where payouts go; null removes them'),
};

export const PartnerCreateSchema = z.strictObject({
  ...fields,
  eligible: fields.eligible.default(false),
  status: fields.status.default('active'),
});
export type PartnerCreate = z.infer<typeof PartnerCreateSchema>;

export const PartnerUpdateSchema = z.strictObject({
  code: fields.code.optional(),
  nameJa: fields.nameJa,
  nameEn: fields.nameEn,
  kind: fields.kind.optional(),
  corporateNumber: fields.corporateNumber,
  website: fields.website,
  eligible: fields.eligible.optional(),
  status: fields.status.optional(),
  bank: fields.bank,
});
export type PartnerUpdate = z.infer<typeof PartnerUpdateSchema>;

export const PartnerSchema = z.object({
  id: Id,
  code: z.string(),
  nameJa: z.string().nullable(),
  nameEn: z.string().nullable(),
  kind: z.enum(PARTNER_KINDS),
  corporateNumber: z.string().nullable(),
  website: z.string().nullable(),
  eligible: z.boolean(),
  status: z.enum(PARTNER_STATUSES),
  bank: z
    .object({
      bankName: z.string().nullable(),
      bankBranch: z.string().nullable(),
      bankAccountType: z.enum(BANK_ACCOUNT_TYPES).nullable(),
      bankAccountNumber: z.string().nullable(),
      bankAccountHolder: z.string().nullable(),
    })
    .nullable()
    .describe('Null when none are recorded, or for callers who do not manage partners or read the ledger'),
  campaignCount: z.number().int().describe('Campaigns that name it as a beneficiary'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Partner = z.infer<typeof PartnerSchema>;

export const PARTNER_SORTS = ['code', 'nameJa', 'nameEn', 'createdAt'] as const;

export const PartnerListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(100).optional().describe('Part of the code, a name or the corporate number'),
  kind: z.enum(PARTNER_KINDS).optional(),
  status: z.enum(PARTNER_STATUSES).optional(),
  eligible: Flag.describe('true: only eligible ones; false: only those not (yet) eligible'),
  sort: z
    .string()
    .max(40)
    .optional()
    .describe(`One of ${PARTNER_SORTS.join(', ')}; prefix - for descending`),
});
export type PartnerListQuery = z.infer<typeof PartnerListQuerySchema>;

export const PartnerPageSchema = pageOf(PartnerSchema);
export type PartnerPage = z.infer<typeof PartnerPageSchema>;

/** An organisation that may receive donations now (eligible and active), as donors see it. */
export const RecipientSchema = z.object({
  id: Id,
  code: z.string(),
  nameJa: z.string().nullable(),
  nameEn: z.string().nullable(),
  kind: z.enum(PARTNER_KINDS),
  website: z.string().nullable(),
});
export type Recipient = z.infer<typeof RecipientSchema>;

export const RecipientListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().describe('Part of the code or a name'),
});
