import { z } from 'zod';
import { YearFiguresSchema } from '../programs/figures.schema.js';

export const REVIEW_DECISIONS = ['continue', 'improve', 'revise', 'end'] as const;
export const REVIEW_STATUSES = ['draft', 'final'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

const Code = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/)
  .describe('Short code: letters, digits, - and _ (at most 40)');
const Name = z.string().trim().min(1).max(200);
const LongText = z.string().trim().max(4000);
const IsoDate = z.iso.date().describe('YYYY-MM-DD');
const FiscalYear = z
  .number()
  .int()
  .min(1900)
  .max(2200)
  .describe('The calendar year the fiscal year starts in');

export const CriterionSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  nameJa: z.string().nullable(),
  nameEn: z.string().nullable(),
  descriptionJa: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  position: z.number().int(),
  active: z.boolean(),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const CriterionCreateSchema = z.strictObject({
  code: Code,
  nameJa: Name.nullish(),
  nameEn: Name.nullish(),
  descriptionJa: LongText.nullish(),
  descriptionEn: LongText.nullish(),
  position: z.number().int().min(0).max(999).optional().describe('Order on the review form; default last'),
  active: z.boolean().optional(),
});
export type CriterionCreate = z.infer<typeof CriterionCreateSchema>;

export const CriterionUpdateSchema = CriterionCreateSchema.omit({ code: true }).partial();
export type CriterionUpdate = z.infer<typeof CriterionUpdateSchema>;

export const CriteriaQuerySchema = z.object({
  active: z.enum(['true', 'false', 'all']).default('all').describe('Only active, only retired, or all'),
});

/** The program's figures for the reviewed fiscal year (the figures service's), stored when final. */
export const EvidenceSchema = z.object({
  fiscalYear: z.number().int(),
  from: z.string().describe('First day of the fiscal year'),
  to: z.string().describe('Last day of the fiscal year'),
  collectedOn: z.string().describe('The day the figures were read'),
  figures: YearFiguresSchema.partial().describe('A stored snapshot keeps the fields of the day it was taken'),
  certifiedNow: z.number().int().describe('Employees holding a current certification of the program then'),
  expenses: z.null().describe('Program expenses: null until the accounting module lands'),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ReviewScoreSchema = z.object({
  criterionId: z.uuid(),
  score: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
});

export const ReviewProgramSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  nameJa: z.string().nullable(),
  nameEn: z.string().nullable(),
  companyId: z.uuid(),
  reviewCycleMonths: z.number().int(),
});

export const ReviewSchema = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  fiscalYear: z.number().int(),
  fiscalYearLabel: z.string(),
  status: z.enum(REVIEW_STATUSES),
  reviewedOn: z.string().nullable(),
  reviewer: z.object({ id: z.uuid(), name: z.string() }),
  decision: z.enum(REVIEW_DECISIONS).nullable(),
  summaryJa: z.string().nullable(),
  summaryEn: z.string().nullable(),
  actionsJa: z.string().nullable(),
  actionsEn: z.string().nullable(),
  nextReviewOn: z.string().nullable(),
  averageScore: z.number().nullable().describe('Mean of the scores, one decimal'),
  scores: z.array(ReviewScoreSchema),
  finalisedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type Review = z.infer<typeof ReviewSchema>;

export const ReviewDetailSchema = ReviewSchema.extend({
  program: ReviewProgramSchema,
  criteria: z.array(CriterionSchema).describe('Active criteria, and retired ones this review scored'),
  evidence: EvidenceSchema.describe('Stored when final; read now for a draft'),
  evidenceStored: z.boolean(),
  suggestedNextReviewOn: z.string().describe('Reviewed on (or today) plus the program’s review cycle'),
});
export type ReviewDetail = z.infer<typeof ReviewDetailSchema>;

export const ReviewCreateSchema = z.strictObject({
  fiscalYear: FiscalYear.optional().describe('Default: the current fiscal year'),
});

export const ReviewUpdateSchema = z.strictObject({
  fiscalYear: FiscalYear.optional(),
  reviewedOn: IsoDate.nullish(),
  scores: z
    .array(
      z.strictObject({
        criterionId: z.uuid(),
        score: z.number().int().min(1).max(5),
        comment: LongText.nullish(),
      }),
    )
    .max(50)
    .optional()
    .describe('Replaces the scores of the review'),
  summaryJa: LongText.nullish(),
  summaryEn: LongText.nullish(),
  actionsJa: LongText.nullish(),
  actionsEn: LongText.nullish(),
  decision: z.enum(REVIEW_DECISIONS).nullish(),
  nextReviewOn: IsoDate.nullish(),
});
export type ReviewUpdate = z.infer<typeof ReviewUpdateSchema>;

export const DueQuerySchema = z.object({
  within: z.coerce.number().int().min(0).max(366).default(0).describe('Also list reviews due within N days'),
});

export const DueReviewSchema = z.object({
  programId: z.uuid(),
  code: z.string(),
  nameJa: z.string().nullable(),
  nameEn: z.string().nullable(),
  companyId: z.uuid(),
  lastReviewedOn: z.string().nullable(),
  lastDecision: z.enum(REVIEW_DECISIONS).nullable(),
  nextReviewOn: z.string().nullable(),
  daysOverdue: z.number().int().nullable().describe('Days past the next review date; null if never reviewed'),
  hasDraft: z.boolean(),
});
export type DueReview = z.infer<typeof DueReviewSchema>;

export const ImpactBodySchema = z.strictObject({
  assessed: z.number().int().min(0).max(10_000_000),
  connect: z.number().int().min(0).max(10_000_000),
  improve: z.number().int().min(0).max(10_000_000),
  transform: z.number().int().min(0).max(10_000_000),
  behaviourChange: z.number().int().min(0).max(10_000_000),
  skillsChange: z.number().int().min(0).max(10_000_000),
  qualityOfLifeChange: z.number().int().min(0).max(10_000_000),
  method: LongText.nullish().describe('How the people were assessed'),
});
export type ImpactBody = z.infer<typeof ImpactBodySchema>;

export const ImpactSchema = ImpactBodySchema.extend({
  id: z.uuid(),
  programId: z.uuid(),
  fiscalYear: z.number().int(),
  fiscalYearLabel: z.string(),
  method: z.string().nullable(),
  updatedAt: z.string(),
});
export type Impact = z.infer<typeof ImpactSchema>;
