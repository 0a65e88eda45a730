import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../../lib/pagination.js';
import { PARTNER_KINDS, PARTNER_STATUSES } from '../partners/partners.schema.js';

export const CAMPAIGN_KINDS = ['disaster', 'cause'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
/** 義援金 (victim_relief: for victims, through distribution committees), 支援金 (relief_work: for the NGOs). */
export const FUND_TYPES = ['victim_relief', 'relief_work', 'general'] as const;
export type FundType = (typeof FUND_TYPES)[number];
export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

const Id = z.string().uuid();
const IsoDate = z.iso.date().describe('YYYY-MM-DD');
const Yen = z.number().int().min(1).max(1e13);
const Title = z.string().trim().min(1).max(200);
const Story = z.string().trim().min(1).max(20_000);
const Flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

export const CampaignParamsSchema = z.object({ id: Id });

const PartnerIds = z
  .array(Id)
  .max(20)
  .describe('Beneficiary organisations in order: the first receives what donors do not direct');

const fields = {
  companyId: Id.describe('The group company that runs it and pays the match'),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/)
    .describe('Short code, e.g. NOTO-2024'),
  kind: z.enum(CAMPAIGN_KINDS),
  fundType: z.enum(FUND_TYPES).describe('義援金 victim_relief, 支援金 relief_work, or general (causes)'),
  titleJa: Title.nullable().optional(),
  titleEn: Title.nullable().optional(),
  storyJa: Story.nullable().optional(),
  storyEn: Story.nullable().optional(),
  goalJpy: Yen.nullable().optional().describe('Target in yen, all sources together'),
  startsOn: IsoDate,
  endsOn: IsoDate.describe('On or after startsOn'),
  acceptsPoints: z.boolean(),
  acceptsMoney: z.boolean(),
  matchRatioPercent: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .nullable()
    .optional()
    .describe('The company adds this % of each employee donation’s yen value; null: no matching'),
  matchCapPerEmployeeJpy: Yen.nullable().optional().describe('Most match per employee; null: no cap'),
  matchCapPerCampaignJpy: Yen.nullable().optional().describe('Most match in all; null: no cap'),
};

export const CampaignCreateSchema = z.strictObject({
  ...fields,
  acceptsPoints: fields.acceptsPoints.default(true),
  acceptsMoney: fields.acceptsMoney.default(true),
  partnerIds: PartnerIds.default([]),
});
export type CampaignCreate = z.infer<typeof CampaignCreateSchema>;

export const CampaignUpdateSchema = z.strictObject({
  companyId: fields.companyId.optional().describe('Only while a draft'),
  code: fields.code.optional(),
  kind: fields.kind.optional(),
  fundType: fields.fundType.optional(),
  titleJa: fields.titleJa,
  titleEn: fields.titleEn,
  storyJa: fields.storyJa,
  storyEn: fields.storyEn,
  goalJpy: fields.goalJpy,
  startsOn: fields.startsOn.optional(),
  endsOn: fields.endsOn.optional(),
  acceptsPoints: fields.acceptsPoints.optional(),
  acceptsMoney: fields.acceptsMoney.optional(),
  matchRatioPercent: fields.matchRatioPercent,
  matchCapPerEmployeeJpy: fields.matchCapPerEmployeeJpy,
  matchCapPerCampaignJpy: fields.matchCapPerCampaignJpy,
  partnerIds: PartnerIds.optional().describe('Replaces the beneficiaries (as PUT …/beneficiaries)'),
});
export type CampaignUpdate = z.infer<typeof CampaignUpdateSchema>;

export const BeneficiariesSchema = z.strictObject({ partnerIds: PartnerIds });

export const CampaignTotalsSchema = z.object({
  donors: z.number().int().describe('Employees whose donations (net of refunds) are above zero'),
  points: z.number().int().describe('Points donated, net of reversals'),
  pointsJpy: z.number().int().describe('Yen value of the donated points'),
  moneyJpy: z.number().int().describe('Employees’ paid money donations, in yen'),
  companyJpy: z.number().int().describe('The company’s own donations'),
  matchJpy: z.number().int().describe('The company’s matching of employee donations'),
  employeeJpy: z.number().int().describe('pointsJpy + moneyJpy (employee giving, B4SI leverage)'),
  totalJpy: z.number().int().describe('employeeJpy + companyJpy + matchJpy'),
  pledgedJpy: z.number().int().describe('Money pledged and not yet paid (not in the total)'),
  goalJpy: z.number().int().nullable(),
  byCurrency: z
    .array(z.object({ currency: z.string(), amountMinor: z.number().int(), valueJpy: z.number().int() }))
    .describe('What the campaign raised per currency (minor units), all sources'),
});
export type CampaignTotals = z.infer<typeof CampaignTotalsSchema>;

export const BeneficiarySchema = z.object({
  partnerId: Id,
  position: z.number().int(),
  code: z.string(),
  nameJa: z.string().nullable(),
  nameEn: z.string().nullable(),
  kind: z.enum(PARTNER_KINDS),
  website: z.string().nullable(),
  eligible: z.boolean(),
  status: z.enum(PARTNER_STATUSES),
});
export type Beneficiary = z.infer<typeof BeneficiarySchema>;

export const CampaignSchema = z.object({
  id: Id,
  code: z.string(),
  companyId: Id,
  companyCode: z.string(),
  companyNameJa: z.string(),
  companyNameEn: z.string(),
  kind: z.enum(CAMPAIGN_KINDS),
  fundType: z.enum(FUND_TYPES),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  storyJa: z.string().nullable(),
  storyEn: z.string().nullable(),
  goalJpy: z.number().int().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  acceptsPoints: z.boolean(),
  acceptsMoney: z.boolean(),
  matchRatioPercent: z.number().int().nullable(),
  matchCapPerEmployeeJpy: z.number().int().nullable(),
  matchCapPerCampaignJpy: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  canManage: z.boolean().describe('The caller may edit it, open or close it and record company donations'),
  beneficiaries: z.array(BeneficiarySchema),
  totals: CampaignTotalsSchema,
});
export type Campaign = z.infer<typeof CampaignSchema>;

export const CAMPAIGN_SORTS = ['startsOn', 'endsOn', 'code', 'createdAt'] as const;

export const CampaignListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(100).optional().describe('Part of the code or a title'),
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  companyId: Id.optional(),
  manage: Flag.describe('Only the campaigns the caller manages (or audits), any status'),
  sort: z
    .string()
    .max(40)
    .optional()
    .describe(`One of ${CAMPAIGN_SORTS.join(', ')}; prefix - for descending (default -startsOn)`),
});
export type CampaignListQuery = z.infer<typeof CampaignListQuerySchema>;

export const CampaignPageSchema = pageOf(CampaignSchema);
export type CampaignPage = z.infer<typeof CampaignPageSchema>;

export const CompanyDonationCreateSchema = z.strictObject({
  companyId: Id.describe('The group company that gives'),
  campaignId: Id.nullable().optional().describe('The campaign it counts towards (its beneficiary gets it)'),
  partnerId: Id.describe('The organisation that receives it: eligible and active'),
  amountMinor: z.number().int().min(1).max(1e15).describe('In the currency’s minor unit (yen: whole yen)'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .describe('ISO 4217'),
  donatedOn: IsoDate.describe('The day of the donation (not in the future)'),
  note: z.string().trim().min(1).max(1000).nullable().optional(),
  idempotencyKey: z.string().min(8).max(200).describe('The same key records it once'),
});
export type CompanyDonationCreate = z.infer<typeof CompanyDonationCreateSchema>;

export const CompanyDonationSchema = z.object({
  id: Id,
  companyId: Id,
  companyCode: z.string(),
  campaignId: Id.nullable(),
  campaign: z
    .object({ code: z.string(), titleJa: z.string().nullable(), titleEn: z.string().nullable() })
    .nullable(),
  partnerId: Id,
  partner: z.object({ code: z.string(), nameJa: z.string().nullable(), nameEn: z.string().nullable() }),
  amountMinor: z.number().int(),
  currency: z.string(),
  valueJpy: z.number().int(),
  donatedOn: z.string(),
  note: z.string().nullable(),
  postingId: Id.nullable(),
  reversed: z.boolean().describe('Its ledger posting was reversed (finance corrected it)'),
  createdAt: z.string(),
});
export type CompanyDonation = z.infer<typeof CompanyDonationSchema>;

export const CompanyDonationListQuerySchema = PageQuerySchema.extend({
  campaignId: Id.optional(),
  companyId: Id.optional(),
});
export type CompanyDonationListQuery = z.infer<typeof CompanyDonationListQuerySchema>;

export const CompanyDonationPageSchema = pageOf(CompanyDonationSchema);
export type CompanyDonationPage = z.infer<typeof CompanyDonationPageSchema>;
