import { z } from 'zod';

export const GUIDELINE_STATUSES = ['draft', 'active', 'retired'] as const;
export type GuidelineStatus = (typeof GUIDELINE_STATUSES)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));

export const GuidelineParamsSchema = z.object({ id: z.string().uuid() });

/** One criterion as the editor sends it: what is asked and which evidence proves it. */
export const CriterionInputSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/)
    .describe('Short stable code, unique in the guideline (letters, digits, - and _)'),
  textJa: optionalText(1000).describe('The question in Japanese'),
  textEn: optionalText(1000).describe('The question in English'),
  evidenceJa: optionalText(500).describe('The evidence it requires, in Japanese (定款, 決算書 …)'),
  evidenceEn: optionalText(500).describe('The evidence it requires, in English'),
  required: z.boolean().default(true).describe('Must be answered yes with evidence for a screening to pass'),
});
export type CriterionInput = z.infer<typeof CriterionInputSchema>;
export type CriterionBody = z.input<typeof CriterionInputSchema>;

export const CriteriaReplaceSchema = z.strictObject({
  items: z.array(CriterionInputSchema).max(100).describe('The whole checklist, in order'),
});
export type CriteriaReplace = z.infer<typeof CriteriaReplaceSchema>;

const guidelineFields = {
  titleJa: optionalText(200),
  titleEn: optionalText(200),
  policyJa: optionalText(10000).describe('The selection policy, in Japanese'),
  policyEn: optionalText(10000).describe('The selection policy, in English'),
  validityMonths: z
    .number()
    .int()
    .min(1)
    .max(120)
    .describe('A passed screening stays current this many months; then re-screening is due'),
};

/** A new draft version: fields left out are copied from the active version (with its criteria). */
export const GuidelineCreateSchema = z.strictObject({
  ...guidelineFields,
  validityMonths: guidelineFields.validityMonths.optional(),
});
export type GuidelineCreate = z.infer<typeof GuidelineCreateSchema>;
/** What a client sends (fields may be left out). */
export type GuidelineCreateBody = z.input<typeof GuidelineCreateSchema>;

export const GuidelineUpdateSchema = z.strictObject({
  ...guidelineFields,
  validityMonths: guidelineFields.validityMonths.optional(),
});
export type GuidelineUpdate = z.infer<typeof GuidelineUpdateSchema>;
export type GuidelineUpdateBody = z.input<typeof GuidelineUpdateSchema>;

export const CriterionSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  position: z.number().int(),
  textJa: z.string().nullable(),
  textEn: z.string().nullable(),
  evidenceJa: z.string().nullable(),
  evidenceEn: z.string().nullable(),
  required: z.boolean(),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const GuidelineSummarySchema = z.object({
  id: z.string().uuid(),
  version: z.number().int(),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  status: z.enum(GUIDELINE_STATUSES),
  validityMonths: z.number().int(),
  publishedAt: z.string().nullable(),
  publishedByName: z.string().nullable().describe('Who published it'),
  createdAt: z.string(),
  criteriaCount: z.number().int(),
  screeningCount: z.number().int().describe('Screenings made against this version'),
});
export type GuidelineSummary = z.infer<typeof GuidelineSummarySchema>;

export const GuidelineSchema = GuidelineSummarySchema.extend({
  policyJa: z.string().nullable(),
  policyEn: z.string().nullable(),
  criteria: z.array(CriterionSchema),
});
export type Guideline = z.infer<typeof GuidelineSchema>;

export const GuidelineListQuerySchema = z.object({
  status: z.enum(GUIDELINE_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(200).default(50),
});
export type GuidelineListQuery = z.infer<typeof GuidelineListQuerySchema>;

export const GuidelinePageSchema = z.object({
  items: z.array(GuidelineSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  size: z.number().int(),
});
export type GuidelinePage = z.infer<typeof GuidelinePageSchema>;
