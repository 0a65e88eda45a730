import { z } from 'zod';
import { CriterionSchema } from './guidelines.schema.js';

export const SCREENING_STATUSES = ['draft', 'passed', 'failed'] as const;
export type ScreeningStatus = (typeof SCREENING_STATUSES)[number];
export const SCREENING_ANSWERS = ['yes', 'no', 'na'] as const;
export type ScreeningAnswerValue = (typeof SCREENING_ANSWERS)[number];
export const DUE_STATES = ['overdue', 'due_soon', 'never_screened'] as const;
export type DueState = (typeof DUE_STATES)[number];

export const ScreeningParamsSchema = z.object({ id: z.string().uuid() });
export const PartnerScreeningParamsSchema = z.object({ id: z.string().uuid().describe('The partner') });
export const AnswerParamsSchema = z.object({ id: z.string().uuid(), criterionId: z.string().uuid() });

const note = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : (v ?? null)));

export const AnswerInputSchema = z.strictObject({
  answer: z.enum(SCREENING_ANSWERS).describe('yes: met; no: not met; na: does not apply'),
  evidence: note(2000).describe('What was checked (document, date, where it is kept)'),
  fileId: z
    .string()
    .uuid()
    .nullable()
    .optional()
    .describe('A file uploaded with POST /api/files?purpose=screening_evidence'),
  comment: note(2000),
});
export type AnswerInput = z.infer<typeof AnswerInputSchema>;
export type AnswerBody = z.input<typeof AnswerInputSchema>;

export const DecideSchema = z.strictObject({
  result: z.enum(['passed', 'failed']),
  notes: note(4000).describe('Why, and conditions of the decision'),
});
export type Decide = z.infer<typeof DecideSchema>;
export type DecideBody = z.input<typeof DecideSchema>;

const PersonRef = z.object({ id: z.string().uuid(), name: z.string() }).nullable();

export const ScreeningSummarySchema = z.object({
  id: z.string().uuid(),
  partnerId: z.string().uuid(),
  partnerCode: z.string(),
  partnerNameJa: z.string().nullable(),
  partnerNameEn: z.string().nullable(),
  guidelineId: z.string().uuid(),
  guidelineVersion: z.number().int(),
  status: z.enum(SCREENING_STATUSES),
  notes: z.string().nullable(),
  startedBy: PersonRef,
  decidedBy: PersonRef.describe('Who approved (or refused) it'),
  decidedAt: z.string().nullable(),
  nextDueOn: z.string().nullable().describe('When re-screening falls due (passed only)'),
  createdAt: z.string(),
  answered: z.number().int().describe('Criteria answered so far'),
  criteriaCount: z.number().int(),
});
export type ScreeningSummary = z.infer<typeof ScreeningSummarySchema>;

export const AnswerSchema = z.object({
  answer: z.enum(SCREENING_ANSWERS),
  evidence: z.string().nullable(),
  file: z.object({ id: z.string().uuid(), name: z.string(), contentType: z.string() }).nullable(),
  comment: z.string().nullable(),
  updatedAt: z.string(),
});
export type Answer = z.infer<typeof AnswerSchema>;

export const ScreeningItemSchema = z.object({
  criterion: CriterionSchema,
  answer: AnswerSchema.nullable(),
  met: z.boolean().describe('Answered yes with evidence'),
});
export type ScreeningItem = z.infer<typeof ScreeningItemSchema>;

export const ScreeningSchema = ScreeningSummarySchema.extend({
  guidelineTitleJa: z.string().nullable(),
  guidelineTitleEn: z.string().nullable(),
  validityMonths: z.number().int(),
  items: z.array(ScreeningItemSchema),
  canPass: z.boolean().describe('Every required criterion is met'),
});
export type Screening = z.infer<typeof ScreeningSchema>;

export const ScreeningListSchema = z.object({
  items: z.array(ScreeningSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  size: z.number().int(),
});
export type ScreeningList = z.infer<typeof ScreeningListSchema>;

export const ScreeningListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(200).default(50),
});

export const DueQuerySchema = z.object({
  within: z.coerce
    .number()
    .int()
    .min(0)
    .max(730)
    .default(60)
    .describe('Days ahead: partners whose screening runs out within them are due soon'),
  unscreened: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Also list active partners never screened and not eligible'),
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(200).default(50),
});
export type DueQuery = z.infer<typeof DueQuerySchema>;

export const DueItemSchema = z.object({
  partnerId: z.string().uuid(),
  partnerCode: z.string(),
  partnerNameJa: z.string().nullable(),
  partnerNameEn: z.string().nullable(),
  kind: z.string(),
  state: z.enum(DUE_STATES),
  nextDueOn: z.string().nullable().describe('The day eligibility runs out (partners.eligibleUntil)'),
  daysLeft: z.number().int().nullable().describe('Negative when overdue'),
  lastStatus: z.enum(['passed', 'failed']).nullable(),
  lastDecidedAt: z.string().nullable(),
  draftId: z.string().uuid().nullable().describe('A screening in progress'),
});
export type DueItem = z.infer<typeof DueItemSchema>;

export const DuePageSchema = z.object({
  items: z.array(DueItemSchema),
  total: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  page: z.number().int(),
  size: z.number().int(),
});
export type DuePage = z.infer<typeof DuePageSchema>;
