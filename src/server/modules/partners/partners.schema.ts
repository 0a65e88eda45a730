import { z } from 'zod';
import { FIELDS } from '../../../shared/fields.js';
import { PageQuerySchema, pageOf } from '../../lib/pagination.js';

export const PARTNER_KINDS = [
  'npo',
  'ngo',
  'public_interest',
  'municipality',
  'prefecture',
  'school',
  'university',
  'foundation',
  'company',
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
const Text = (max: number) => z.string().trim().min(1).max(max).nullable().optional();
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
    .describe('法人番号, 13 digits, the first a check digit (field error corporate_number_check_digit)'),
  localGovCode: z
    .string()
    .trim()
    .regex(/^[0-9]{6}$/)
    .nullable()
    .optional()
    .describe(
      '全国地方公共団体コード, 6 digits, the last a check digit (field error local_gov_code_check_digit)',
    ),
  website: z
    .string()
    .trim()
    .max(2000)
    .regex(/^https?:\/\/\S+$/)
    .nullable()
    .optional()
    .describe('http(s) link'),
  postalCode: z
    .string()
    .trim()
    .regex(/^[0-9]{3}-?[0-9]{4}$/)
    .nullable()
    .optional()
    .describe('Japanese postal code, 123-4567'),
  addressJa: Text(500),
  addressEn: Text(500),
  descriptionJa: Text(4000),
  descriptionEn: Text(4000),
  fields: z.array(z.enum(FIELDS)).max(FIELDS.length).optional().describe('The company fields it works in'),
  status: z.enum(PARTNER_STATUSES).describe('A closed organisation receives nothing more'),
  bank: BankDetailsSchema.nullable().optional().describe('Where payouts go; null removes them'),
};

export const PartnerCreateSchema = z.strictObject({
  ...fields,
  fields: fields.fields.default([]),
  status: fields.status.default('active'),
});
export type PartnerCreate = z.infer<typeof PartnerCreateSchema>;

export const PartnerUpdateSchema = z.strictObject({
  code: fields.code.optional(),
  nameJa: fields.nameJa,
  nameEn: fields.nameEn,
  kind: fields.kind.optional(),
  corporateNumber: fields.corporateNumber,
  localGovCode: fields.localGovCode,
  website: fields.website,
  postalCode: fields.postalCode,
  addressJa: fields.addressJa,
  addressEn: fields.addressEn,
  descriptionJa: fields.descriptionJa,
  descriptionEn: fields.descriptionEn,
  fields: fields.fields,
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
  localGovCode: z.string().nullable(),
  website: z.string().nullable(),
  postalCode: z.string().nullable(),
  addressJa: z.string().nullable(),
  addressEn: z.string().nullable(),
  descriptionJa: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  fields: z.array(z.enum(FIELDS)),
  eligibleUntil: z
    .string()
    .nullable()
    .describe('Eligible through this day: the re-screening due date of the last passed screening'),
  eligible: z
    .boolean()
    .describe('Read-only: active and eligibleUntil is today or later (set by screening, never typed in)'),
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

export const PARTNER_SORTS = ['code', 'nameJa', 'nameEn', 'eligibleUntil', 'createdAt'] as const;

export const PartnerListQuerySchema = PageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Part of the code, a name, the corporate number or the local-government code'),
  kind: z.enum(PARTNER_KINDS).optional(),
  field: z.enum(FIELDS).optional().describe('Only those working in this company field'),
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
