import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../../lib/pagination.js';

export const DONATION_KINDS = ['points', 'money'] as const;
export type DonationKind = (typeof DONATION_KINDS)[number];
export const DONATION_METHODS = ['points', 'payroll', 'provider'] as const;
export type DonationMethod = (typeof DONATION_METHODS)[number];
/** How a money pledge is paid: deducted from pay, or through a payment provider. */
export const MONEY_METHODS = ['payroll', 'provider'] as const;
export const DONATION_STATUSES = ['pledged', 'paid', 'failed', 'refunded'] as const;
export type DonationStatus = (typeof DONATION_STATUSES)[number];
/** The statuses a payment confirmation may set. */
export const CONFIRMED_STATUSES = ['paid', 'failed', 'refunded'] as const;
export type ConfirmedStatus = (typeof CONFIRMED_STATUSES)[number];
export const EVENT_SOURCES = ['webhook', 'import', 'app'] as const;

const Id = z.string().uuid();
const Instant = z.string().describe('ISO 8601 instant');
const IsoDate = z.iso.date().describe('YYYY-MM-DD');
const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .describe('ISO 4217 code, e.g. JPY, USD');
const EventId = z.string().trim().min(1).max(200);

export const DonationCreateSchema = z.strictObject({
  campaignId: Id.optional().describe('Give to a campaign (it must be open and accept the way of giving)'),
  organisationId: Id.optional().describe(
    'Give to an eligible organisation; with campaignId, one of the campaign’s beneficiaries (default: its first)',
  ),
  points: z.number().int().min(1).max(10_000_000).optional().describe('Points to give (paid at once)'),
  amountMinor: z
    .number()
    .int()
    .min(1)
    .max(1_000_000_000_000)
    .optional()
    .describe('Money to pledge, in the currency’s minor unit (yen, cents)'),
  currency: Currency.optional().describe('Required with amountMinor'),
  method: z.enum(MONEY_METHODS).optional().describe('How the pledge is paid (money only; default payroll)'),
  idempotencyKey: z
    .string()
    .min(8)
    .max(200)
    .describe('One per donation the donor means to make: sending it again answers the same donation'),
});
export type DonationCreate = z.infer<typeof DonationCreateSchema>;

const Named = { nameJa: z.string().nullable(), nameEn: z.string().nullable() };

export const DonationSchema = z.object({
  id: Id,
  kind: z.enum(DONATION_KINDS),
  method: z.enum(DONATION_METHODS),
  status: z.enum(DONATION_STATUSES),
  points: z.number().int().nullable(),
  amountMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  valueJpy: z.number().int().describe('Yen value fixed when the donation was made'),
  matchJpy: z.number().int().describe('What the company added (net of reversals), from the ledger'),
  fiscalYear: z.number().int().describe('The fiscal year the donation was made in'),
  campaign: z
    .object({ id: Id, code: z.string(), titleJa: z.string().nullable(), titleEn: z.string().nullable() })
    .nullable(),
  partner: z.object({ id: Id, code: z.string(), ...Named }),
  externalRef: z.string().nullable(),
  pledgedAt: Instant,
  paidAt: Instant.nullable(),
  failedAt: Instant.nullable(),
  refundedAt: Instant.nullable(),
});
export type Donation = z.infer<typeof DonationSchema>;

export const DonationEntrySchema = z.object({
  accountId: Id,
  kind: z.string().describe('Account kind, e.g. employee_points, payable'),
  unit: z.string().describe('PTS or an ISO currency'),
  amount: z.number().int(),
  valueJpy: z.number().int(),
});

export const DonationPostingSchema = z.object({
  id: Id,
  kind: z.string(),
  idempotencyKey: z.string(),
  effectiveOn: IsoDate,
  fiscalYear: z.number().int(),
  pointValueJpy: z.number().int(),
  memo: z.string().nullable(),
  reversesId: Id.nullable(),
  postedAt: Instant,
  entries: z.array(DonationEntrySchema),
});
export type DonationPosting = z.infer<typeof DonationPostingSchema>;

export const DonationResultSchema = z.object({
  donation: DonationSchema,
  posting: DonationPostingSchema.nullable().describe('The points posting; null for a money pledge'),
});
export type DonationResult = z.infer<typeof DonationResultSchema>;

export const FiscalYearOptionSchema = z.object({ fiscalYear: z.number().int(), label: z.string() });

export const MyDonationsQuerySchema = PageQuerySchema.omit({ sort: true }).extend({
  fiscalYear: z.coerce.number().int().min(1900).max(2999).optional(),
});
export type MyDonationsQuery = z.infer<typeof MyDonationsQuerySchema>;

export const MyDonationsPageSchema = pageOf(DonationSchema).extend({
  years: z.array(FiscalYearOptionSchema).describe('Fiscal years with donations, newest first'),
});
export type MyDonationsPage = z.infer<typeof MyDonationsPageSchema>;

export const DonationAdminSchema = DonationSchema.extend({
  employee: z.object({ id: Id, employeeNumber: z.string(), nameJa: z.string(), nameEn: z.string() }),
});
export type DonationAdmin = z.infer<typeof DonationAdminSchema>;

export const DonationEventSchema = z.object({
  id: Id,
  source: z.enum(EVENT_SOURCES),
  eventId: z.string(),
  status: z.enum(CONFIRMED_STATUSES),
  receivedAt: Instant,
});

export const DonationDetailSchema = DonationAdminSchema.extend({ events: z.array(DonationEventSchema) });
export type DonationDetail = z.infer<typeof DonationDetailSchema>;

export const DonationListQuerySchema = PageQuerySchema.omit({ sort: true }).extend({
  status: z.enum(DONATION_STATUSES).optional(),
  method: z.enum(DONATION_METHODS).optional().describe('points, payroll or provider'),
  campaignId: Id.optional(),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Employee number or name, payment reference, or the donation id'),
});
export type DonationListQuery = z.infer<typeof DonationListQuerySchema>;

export const DonationCsvQuerySchema = DonationListQuerySchema.omit({ page: true, size: true }).extend({
  lang: z.enum(['ja', 'en']).optional().describe('Language of the header (default: the caller’s)'),
});
export type DonationCsvQuery = z.infer<typeof DonationCsvQuerySchema>;

export const DonationPageSchema = pageOf(DonationAdminSchema);
export type DonationPage = z.infer<typeof DonationPageSchema>;

export const DonationParamsSchema = z.object({ id: Id });

export const DonationStatusUpdateSchema = z.strictObject({
  status: z.enum(CONFIRMED_STATUSES),
  externalRef: z.string().trim().min(1).max(200).optional().describe('Payroll’s or the provider’s reference'),
  eventId: EventId.describe('Unique per confirmation: sending it again changes nothing'),
});
export type DonationStatusUpdate = z.infer<typeof DonationStatusUpdateSchema>;

/** What a payment provider posts to the webhook (signed, see docs/webhooks.md). */
export const DonationWebhookEventSchema = z.object({
  eventId: EventId,
  donationId: Id,
  status: z.enum(CONFIRMED_STATUSES),
  externalRef: z.string().trim().min(1).max(200).optional(),
});
export type DonationWebhookEvent = z.infer<typeof DonationWebhookEventSchema>;

export const DonationWebhookResultSchema = z.object({
  received: z.literal(true),
  applied: z.boolean().describe('False when the event was seen before or changes nothing'),
  donationId: Id,
  status: z.enum(DONATION_STATUSES),
});

export const ReceiptQuerySchema = z.object({
  fiscalYear: z.coerce.number().int().min(1900).max(2999).optional().describe('Default: the current one'),
});

export const ReceiptItemSchema = z.object({
  id: Id,
  paidOn: IsoDate,
  kind: z.enum(DONATION_KINDS),
  method: z.enum(DONATION_METHODS),
  campaign: z.object({ titleJa: z.string().nullable(), titleEn: z.string().nullable() }).nullable(),
  partner: z.object(Named),
  points: z.number().int().nullable(),
  amountMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  valueJpy: z.number().int(),
});

export const DonationReceiptSchema = z.object({
  fiscalYear: z.number().int(),
  labelJa: z.string(),
  labelEn: z.string(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  organisation: z.object({ nameJa: z.string(), nameEn: z.string() }),
  company: z.object({ nameJa: z.string(), nameEn: z.string() }),
  employee: z.object({ employeeNumber: z.string(), nameJa: z.string(), nameEn: z.string() }),
  items: z.array(ReceiptItemSchema).describe('Paid donations of the year (payment date), oldest first'),
  totals: z.object({
    points: z.number().int(),
    pointsJpy: z.number().int(),
    moneyJpy: z.number().int(),
    totalJpy: z.number().int(),
    byCurrency: z.array(
      z.object({ currency: z.string(), amountMinor: z.number().int(), valueJpy: z.number().int() }),
    ),
  }),
  issuedOn: IsoDate,
});
export type DonationReceipt = z.infer<typeof DonationReceiptSchema>;
