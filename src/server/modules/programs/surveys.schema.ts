import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../../lib/pagination.js';
import { FiscalYear, optionalText, RecordCode } from './records.fields.js';

export const QUESTION_KINDS = ['scale', 'yes_no', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const RESPONDENT_KINDS = ['student', 'guardian', 'teacher', 'employee', 'public', 'other'] as const;
export type RespondentKind = (typeof RESPONDENT_KINDS)[number];
export const SURVEY_STATUSES = ['open', 'closed'] as const;

/** A question or indicator code: a letter, then letters, digits or _ (at most 40); it names a CSV column. */
export const QuestionCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/)
  .describe('A letter, then letters, digits or _ (at most 40)');

export const SurveyCreateSchema = z.strictObject({
  code: RecordCode.describe('Unique in the organisation (the import names the survey by it)'),
  titleJa: optionalText(200),
  titleEn: optionalText(200),
  fiscalYear: FiscalYear.optional().describe('Defaults to the session’s year, else this year'),
  sessionId: z.string().uuid().nullable().optional().describe('A session of the same program'),
  status: z.enum(SURVEY_STATUSES).optional(),
});
export type SurveyCreate = z.infer<typeof SurveyCreateSchema>;

export const SurveyUpdateSchema = SurveyCreateSchema.partial();
export type SurveyUpdate = z.infer<typeof SurveyUpdateSchema>;

export const QuestionInputSchema = z.strictObject({
  code: QuestionCode,
  kind: z.enum(QUESTION_KINDS),
  textJa: optionalText(500),
  textEn: optionalText(500),
  scaleMin: z.number().int().min(-100).max(100).nullable().optional().describe('Scale questions only'),
  scaleMax: z
    .number()
    .int()
    .min(-100)
    .max(100)
    .nullable()
    .optional()
    .describe('Scale questions only, above scaleMin'),
});
export type QuestionInput = z.infer<typeof QuestionInputSchema>;
export const QuestionsPutSchema = z.strictObject({ items: z.array(QuestionInputSchema).max(200) });

export const IndicatorInputSchema = z.strictObject({
  code: QuestionCode,
  questionCode: QuestionCode.describe('A scale or yes/no question of the survey'),
  labelJa: optionalText(200),
  labelEn: optionalText(200),
  threshold: z
    .number()
    .int()
    .min(-100)
    .max(100)
    .optional()
    .describe('Answers at or above it count (a scale); yes/no questions count yes (1, the default)'),
});
export type IndicatorInput = z.infer<typeof IndicatorInputSchema>;
export const IndicatorsPutSchema = z.strictObject({ items: z.array(IndicatorInputSchema).max(100) });

export const QuestionSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  position: z.number().int(),
  kind: z.enum(QUESTION_KINDS),
  textJa: z.string().nullable(),
  textEn: z.string().nullable(),
  text: z.string(),
  scaleMin: z.number().int().nullable(),
  scaleMax: z.number().int().nullable(),
  answers: z.number().int().describe('Answers recorded for the question'),
});
export type Question = z.infer<typeof QuestionSchema>;

export const IndicatorSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  questionCode: z.string(),
  labelJa: z.string().nullable(),
  labelEn: z.string().nullable(),
  label: z.string(),
  threshold: z.number().int(),
});

export const SurveySchema = z.object({
  id: z.string().uuid(),
  programId: z.string().uuid(),
  sessionId: z.string().uuid().nullable(),
  code: z.string(),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  title: z.string(),
  fiscalYear: z.number().int(),
  fiscalYearLabel: z.string(),
  status: z.enum(SURVEY_STATUSES),
  questions: z.number().int(),
  responses: z.number().int(),
});
export type Survey = z.infer<typeof SurveySchema>;

export const SurveyDetailSchema = SurveySchema.extend({
  questionList: z.array(QuestionSchema),
  indicators: z.array(IndicatorSchema),
});
export type SurveyDetail = z.infer<typeof SurveyDetailSchema>;

export const SurveyListQuerySchema = PageQuerySchema.pick({ page: true, size: true });
export const SurveyListSchema = pageOf(SurveySchema);

export const IndicatorValueSchema = z.object({
  code: z.string(),
  label: z.string(),
  labelJa: z.string().nullable(),
  labelEn: z.string().nullable(),
  questionCode: z.string(),
  threshold: z.number().int(),
  value: z
    .number()
    .nullable()
    .describe('Share 0..1 of those who answered at or above the threshold; null when n = 0'),
  n: z.number().int().describe('Those who answered the question'),
});
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;

export const SurveyResultsSchema = z.object({
  surveyId: z.string().uuid(),
  responses: z.number().int(),
  byRespondentKind: z.array(z.object({ kind: z.string().nullable(), count: z.number().int() })),
  questions: z.array(
    z.object({
      code: z.string(),
      kind: z.enum(QUESTION_KINDS),
      text: z.string(),
      n: z.number().int(),
      mean: z.number().nullable().describe('Scale questions: the mean answer'),
      distribution: z
        .array(z.object({ value: z.number().int(), count: z.number().int() }))
        .describe('Every value of the scale (0 and 1 for yes/no), with its count'),
      texts: z.array(z.string()).describe('Text questions: the latest 50 answers'),
    }),
  ),
  indicators: z.array(IndicatorValueSchema),
});
export type SurveyResults = z.infer<typeof SurveyResultsSchema>;
