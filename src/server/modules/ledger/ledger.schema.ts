import { z } from 'zod';

// The finance contracts: the ledger browser, the ledger check, payables, payouts and exchange rates.
// Amounts are integers: points, or minor units of `currency`/`unit`; every yen figure is `…Jpy`.

const Id = z.string().uuid();
const IsoDate = z.iso.date().describe('YYYY-MM-DD');
const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .describe('ISO 4217 code');
const Paging = {
  page: z.coerce.number().int().min(1).default(1).describe('Page number, from 1'),
  size: z.coerce.number().int().min(1).max(200).default(50).describe('Items per page, at most 200'),
};

/** Repeats ledger.table.ts's POSTING_KINDS (contracts import zod and src/shared only); the service checks they agree. */
export const POSTING_KIND_VALUES = [
  'grant',
  'expiry',
  'claim',
  'point_donation',
  'money_donation',
  'company_donation',
  'match',
  'payout',
] as const;
export const PAYOUT_STATUSES = ['draft', 'paid', 'cancelled'] as const;
export const CHECK_SOURCES = ['cli', 'job', 'app'] as const;

export const EmployeeRefSchema = z.object({
  id: Id,
  employeeNumber: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
});
export const PartnerRefSchema = z.object({
  id: Id,
  code: z.string(),
  nameJa: z.string().nullable(),
  nameEn: z.string().nullable(),
});
export const CampaignRefSchema = z.object({
  id: Id,
  code: z.string(),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
});
export const CompanyRefSchema = z.object({
  id: Id,
  code: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
});

export const PostingListQuerySchema = z.object({
  kind: z.enum(POSTING_KIND_VALUES).optional(),
  campaignId: Id.optional().describe('Postings of this campaign or touching its payables'),
  partnerId: Id.optional().describe('Postings of this organisation or touching its accounts'),
  employeeId: Id.optional(),
  from: IsoDate.optional().describe('Effective on or after this day'),
  to: IsoDate.optional().describe('Effective on or before this day'),
  ...Paging,
});
export type PostingListQuery = z.infer<typeof PostingListQuerySchema>;

export const PostingSummarySchema = z.object({
  id: Id,
  kind: z.enum(POSTING_KIND_VALUES),
  idempotencyKey: z.string(),
  effectiveOn: IsoDate,
  fiscalYear: z.number().int(),
  postedAt: z.string(),
  memo: z.string().nullable(),
  reversesId: Id.nullable().describe('The posting this one reverses'),
  reversedById: Id.nullable().describe('The posting that reverses this one'),
  employee: EmployeeRefSchema.nullable(),
  campaign: CampaignRefSchema.nullable(),
  partner: PartnerRefSchema.nullable(),
  donationId: Id.nullable(),
  companyDonationId: Id.nullable(),
  claimId: Id.nullable(),
  payoutId: Id.nullable(),
  amounts: z
    .array(z.object({ unit: z.string(), amount: z.number().int() }))
    .describe('What moved, per unit: the sum of the positive entries'),
  valueJpy: z.number().int().describe('The yen value moved: the sum of the positive entries’ values'),
});
export type PostingSummary = z.infer<typeof PostingSummarySchema>;

export const PostingEntrySchema = z.object({
  accountId: Id,
  accountKind: z.string(),
  unit: z.string().describe("'PTS' for points, else a currency"),
  amount: z.number().int(),
  valueJpy: z.number().int(),
  fiscalYear: z.number().int().nullable(),
  employee: EmployeeRefSchema.nullable(),
  company: CompanyRefSchema.nullable(),
  partner: PartnerRefSchema.nullable(),
  campaign: CampaignRefSchema.nullable(),
});
export const PostingDetailSchema = PostingSummarySchema.extend({
  pointValueJpy: z.number().int(),
  createdBy: z.object({ id: Id, displayName: z.string() }).nullable(),
  entries: z.array(PostingEntrySchema),
});
export type PostingDetail = z.infer<typeof PostingDetailSchema>;

export const ReverseSchema = z.strictObject({
  memo: z.string().trim().min(1).max(500).describe('Why the posting is reversed'),
  idempotencyKey: z.string().min(1).max(200).describe('Sending the same key again answers the same reversal'),
});
export type Reverse = z.infer<typeof ReverseSchema>;
export const ReversalSchema = z.object({
  posting: PostingDetailSchema,
  replayed: z.boolean().describe('True when this key had already reversed the posting'),
});

export const LedgerCheckSchema = z.object({
  id: Id,
  source: z.enum(CHECK_SOURCES),
  ok: z.boolean(),
  entries: z.number().int().describe('Entries checked'),
  problems: z.array(
    z.object({
      code: z.string().describe('unbalanced_posting, orphan_entry, balance_mismatch, …'),
      count: z.number().int(),
      sample: z.array(z.string()).describe('Some of the offending ids'),
    }),
  ),
  ranAt: z.string(),
});
export type LedgerCheckView = z.infer<typeof LedgerCheckSchema>;
export const CheckListQuerySchema = z.object(Paging);

export const PayableListQuerySchema = z.object({
  currency: Currency.optional(),
  partnerId: Id.optional(),
  page: Paging.page,
  size: z.coerce.number().int().min(1).max(500).default(200),
});
export const PayableSchema = z.object({
  accountId: Id,
  partner: PartnerRefSchema.extend({
    eligible: z.boolean(),
    status: z.string(),
    bankReady: z.boolean().describe('Bank name, branch, account type, number and holder are all known'),
  }),
  campaign: CampaignRefSchema.nullable(),
  currency: Currency,
  amountMinor: z.number().int().describe('What the organisation is owed on this account'),
  openPayout: z.object({ id: Id, reference: z.string() }).nullable().describe('A draft payout that holds it'),
});
export type Payable = z.infer<typeof PayableSchema>;
export const PayableTotalSchema = z.object({
  currency: Currency,
  amountMinor: z.number().int(),
  unbatchedMinor: z.number().int().describe('Owed and not yet in a draft payout'),
  partners: z.number().int(),
});
export type PayableTotal = z.infer<typeof PayableTotalSchema>;

export const PayoutCreateSchema = z.strictObject({
  currency: Currency,
  partnerIds: z
    .array(Id)
    .min(1)
    .max(1000)
    .optional()
    .describe('Only these organisations (default: every one owed something)'),
});
export type PayoutCreate = z.infer<typeof PayoutCreateSchema>;
export const PayoutPaidSchema = z.strictObject({
  paidOn: IsoDate.describe('The day the bank paid; not in the future'),
});
export const PayoutListQuerySchema = z.object({
  status: z.enum(PAYOUT_STATUSES).optional(),
  currency: Currency.optional(),
  ...Paging,
});
export type PayoutListQuery = z.infer<typeof PayoutListQuerySchema>;

export const PayoutSummarySchema = z.object({
  id: Id,
  reference: z.string(),
  currency: Currency,
  status: z.enum(PAYOUT_STATUSES),
  paidOn: IsoDate.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string().nullable().describe('Display name'),
  paidBy: z.string().nullable(),
  lineCount: z.number().int(),
  partnerCount: z.number().int(),
  totalMinor: z.number().int(),
  postingId: Id.nullable().describe('The payout posting, once paid'),
});
export type PayoutSummary = z.infer<typeof PayoutSummarySchema>;
export const PayoutLineSchema = z.object({
  id: Id,
  accountId: Id,
  partner: PartnerRefSchema.extend({
    bankName: z.string().nullable(),
    bankBranch: z.string().nullable(),
    bankAccountType: z.string().nullable(),
    bankAccountNumber: z.string().nullable(),
    bankAccountHolder: z.string().nullable(),
    bankReady: z.boolean(),
  }),
  campaign: CampaignRefSchema.nullable(),
  amountMinor: z.number().int(),
  open: z.boolean(),
});
export const PayoutDetailSchema = PayoutSummarySchema.extend({
  lines: z.array(PayoutLineSchema),
  missingBank: z.number().int().describe('Organisations in it whose bank details are incomplete'),
});
export type PayoutDetail = z.infer<typeof PayoutDetailSchema>;

export const FxRateSchema = z.object({
  fiscalYear: z.number().int(),
  currency: Currency,
  jpyPerUnit: z.string().describe('Yen per one unit of the currency, a decimal such as "151.25"'),
  updatedAt: z.string(),
});
export type FxRate = z.infer<typeof FxRateSchema>;
export const FxListQuerySchema = z.object({
  fiscalYear: z.coerce.number().int().min(1900).max(2999).optional(),
  currency: Currency.optional(),
  page: Paging.page,
  size: z.coerce.number().int().min(1).max(500).default(200),
});
export const FxParamsSchema = z.object({
  fiscalYear: z.coerce.number().int().min(1900).max(2999),
  currency: Currency,
});
export const FxPutSchema = z.strictObject({
  jpyPerUnit: z
    .string()
    .trim()
    .regex(/^\d{1,12}(\.\d{1,6})?$/)
    .describe('A positive decimal with at most 6 decimals, e.g. "151.25"'),
});
