import { z } from 'zod';
import { PageQuerySchema } from '../../lib/pagination.js';

// Contracts of volunteer expense support: receipts, claims of points for the transport of an attended
// activity, their approval, and the reimbursements finance exports.

const Id = z.string().uuid();
const IsoDate = z.iso.date().describe('YYYY-MM-DD');
const Instant = z.string().describe('ISO 8601 instant');
const Points = z.number().int().describe('Points (integers)');

export const CLAIM_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const FileUploadQuerySchema = z.object({
  name: z.string().trim().min(1).max(255).describe('The file name as the user chose it'),
});

export const StoredFileSchema = z.object({
  id: Id,
  name: z.string(),
  contentType: z.string(),
  size: z.number().int().describe('Bytes'),
});
export type StoredFile = z.infer<typeof StoredFileSchema>;

export const ClaimParamsSchema = z.object({ id: Id });

export const ReceiptQuerySchema = z.object({
  download: z.enum(['0', '1']).optional().describe('1: as an attachment rather than inline'),
});

export const ClaimCreateSchema = z.strictObject({
  signupId: Id.describe('An attended sign-up of the caller on an opportunity with transport by points'),
  points: z.number().int().min(1).max(1_000_000).describe('Not above the caller’s current balance'),
  route: z.string().trim().min(1).max(500).describe('The journey, e.g. “Shinagawa → Kawasaki, JR, return”'),
  note: z.string().trim().max(1000).optional(),
  receiptFileId: Id.describe('A receipt the caller uploaded with POST /api/files'),
});
export type ClaimCreate = z.infer<typeof ClaimCreateSchema>;

const ActivitySchema = z.object({
  signupId: Id,
  opportunityId: Id,
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  organiser: z.string(),
  date: IsoDate.describe('The shift’s day in the opportunity’s time zone'),
  startsAt: Instant,
  endsAt: Instant,
  timeZone: z.string(),
});
export type ClaimActivity = z.infer<typeof ActivitySchema>;

export const ClaimSchema = z.object({
  id: Id,
  status: z.enum(CLAIM_STATUSES),
  points: Points,
  valueJpy: z
    .number()
    .int()
    .nullable()
    .describe('The yen value fixed by the approval posting; null until approved'),
  route: z.string(),
  note: z.string().nullable(),
  receipt: StoredFileSchema.nullable(),
  activity: ActivitySchema,
  employee: z.object({
    id: Id,
    employeeNumber: z.string(),
    nameJa: z.string(),
    nameEn: z.string(),
    companyCode: z.string(),
    siteCode: z.string().nullable(),
  }),
  decidedAt: Instant.nullable(),
  decidedBy: z.string().nullable().describe('Display name of who approved or rejected it'),
  decisionNote: z.string().nullable(),
  postingId: Id.nullable().describe('The ledger posting of an approved claim'),
  createdAt: Instant,
  canDecide: z.boolean().describe('Whether the caller may approve or reject it now'),
  canWithdraw: z.boolean().describe('Whether the caller may withdraw it (their own, pending)'),
});
export type Claim = z.infer<typeof ClaimSchema>;

export const EligibleSchema = z.object({
  items: z.array(ActivitySchema).describe('Attended activities that allow a claim and have none live'),
  fiscalYear: z.number().int().describe('The fiscal year points are spent from'),
  balance: Points.describe('The caller’s points in that year'),
  pointValueJpy: z.number().int().describe('Yen per point today'),
});
export type Eligible = z.infer<typeof EligibleSchema>;

export const ClaimListQuerySchema = PageQuerySchema.extend({
  status: z.enum(CLAIM_STATUSES).optional(),
  companyId: Id.optional(),
  siteId: Id.optional(),
});
export type ClaimListQuery = z.infer<typeof ClaimListQuerySchema>;

export const ClaimApproveSchema = z.strictObject({
  note: z.string().trim().max(1000).optional().describe('Shown to the employee'),
});
export const ClaimRejectSchema = z.strictObject({
  note: z.string().trim().min(1).max(1000).describe('Why: shown to the employee'),
});

export const ReimbursementQuerySchema = z.object({
  from: IsoDate.optional().describe('First day the approval was booked (inclusive)'),
  to: IsoDate.optional().describe('Last day (inclusive)'),
  companyId: Id.optional(),
});
export type ReimbursementQuery = z.infer<typeof ReimbursementQuerySchema>;

export const ReimbursementCsvQuerySchema = ReimbursementQuerySchema.extend({
  lang: z.enum(['ja', 'en']).optional().describe('Language of the headers and names (default: the caller’s)'),
});

export const ReimbursementListQuerySchema = PageQuerySchema.extend(ReimbursementQuerySchema.shape);
export type ReimbursementListQuery = z.infer<typeof ReimbursementListQuerySchema>;

export const ReimbursementSchema = z.object({
  claimId: Id,
  postingId: Id,
  bookedOn: IsoDate.describe('The posting’s effective date'),
  fiscalYear: z.number().int(),
  employeeNumber: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  companyCode: z.string(),
  companyNameJa: z.string(),
  companyNameEn: z.string(),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  activityDate: IsoDate,
  route: z.string(),
  points: Points,
  valueJpy: z.number().int().describe('Yen, at the point value of the approval day'),
  approvedAt: Instant,
  approvedBy: z.string().nullable(),
});
export type Reimbursement = z.infer<typeof ReimbursementSchema>;

export const ReimbursementPageSchema = z.object({
  items: z.array(ReimbursementSchema),
  total: z.number().int(),
  page: z.number().int(),
  size: z.number().int(),
  totals: z.object({ claims: z.number().int(), points: Points, valueJpy: z.number().int() }),
});
export type ReimbursementPage = z.infer<typeof ReimbursementPageSchema>;
