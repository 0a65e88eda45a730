import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../../lib/pagination.js';
import { GoalLineSchema, ProgressSchema } from '../reports/report.schema.js';

// Contracts of goals and indicators: metrics (bound to a computed figure or entered by hand with
// evidence), medium- to long-term targets, yearly goals and the yearly progress texts.

const Id = z.string().uuid();
const IsoDate = z.iso.date().describe('YYYY-MM-DD');
const Code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/)
  .describe('Letters, digits, _ and -, at most 40');
const Text = (max: number) => z.string().trim().min(1).max(max).nullable().optional();
const FiscalYear = z.coerce
  .number()
  .int()
  .min(1900)
  .max(2200)
  .describe('The fiscal year by the year it starts');
const Value = z.number().finite().min(-1e15).max(1e15);

export const METRIC_KINDS = ['bound', 'manual'] as const;
export const ACCUMULATIONS = ['sum', 'latest'] as const;
export const COMPARISONS = ['none', 'at_least', 'at_most', 'increase'] as const;

export const IdParamsSchema = z.object({ id: Id });
export const MetricYearParamsSchema = z.object({ id: Id, fiscalYear: FiscalYear });
export const FiscalYearQuerySchema = z.object({ fiscalYear: FiscalYear });

export const BindingSchema = z.object({
  key: z.string(),
  labelJa: z.string(),
  labelEn: z.string(),
  unitJa: z.string(),
  unitEn: z.string(),
  measure: z.enum(['flow', 'state']).describe('flow: added up over a range; state: the value at its end'),
  scoped: z.boolean().describe('Can be limited to one group company'),
  params: z.array(z.object({ name: z.string(), format: z.enum(['date', 'code']) })),
});
export type BindingInfo = z.infer<typeof BindingSchema>;

export const MetricValueSchema = z.object({
  fiscalYear: z.number().int(),
  value: z.number(),
  evidenceJa: z.string().nullable(),
  evidenceEn: z.string().nullable(),
  file: z.object({ id: Id, name: z.string() }).nullable(),
  enteredAt: z.string(),
});

export const MetricSchema = z.object({
  id: Id,
  code: z.string(),
  nameJa: z.string().nullable(),
  nameEn: z.string().nullable(),
  unitJa: z.string().nullable(),
  unitEn: z.string().nullable(),
  kind: z.enum(METRIC_KINDS),
  binding: z.string().nullable(),
  params: z.record(z.string(), z.unknown()),
  scopeCompanyId: Id.nullable(),
  values: z.array(MetricValueSchema).describe('Manual metrics: the values entered, newest year first'),
  updatedAt: z.string(),
});
export type Metric = z.infer<typeof MetricSchema>;

const metricFields = {
  nameJa: Text(200),
  nameEn: Text(200),
  unitJa: Text(40),
  unitEn: Text(40),
  binding: z
    .string()
    .max(80)
    .nullable()
    .optional()
    .describe('A key of GET /api/goals/bindings (bound metrics)'),
  params: z.record(z.string(), z.unknown()).optional().describe('The binding’s parameters'),
  scopeCompanyId: Id.nullable().optional().describe('Only this group company (scoped bindings)'),
};
export const MetricCreateSchema = z.strictObject({ code: Code, kind: z.enum(METRIC_KINDS), ...metricFields });
export type MetricCreate = z.infer<typeof MetricCreateSchema>;
export const MetricUpdateSchema = z.strictObject({ code: Code.optional(), ...metricFields });
export type MetricUpdate = z.infer<typeof MetricUpdateSchema>;
export const MetricListQuerySchema = PageQuerySchema.extend({ kind: z.enum(METRIC_KINDS).optional() });
export const MetricPageSchema = pageOf(MetricSchema);

export const MetricValuePutSchema = z.strictObject({
  value: Value,
  evidenceJa: Text(2000),
  evidenceEn: Text(2000),
  fileId: Id.nullable().optional().describe('An uploaded file (purpose metric_evidence)'),
});
export type MetricValuePut = z.infer<typeof MetricValuePutSchema>;

const MetricSummarySchema = GoalLineSchema.shape.metric;

export const TargetSchema = z.object({
  id: Id,
  code: z.string(),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  descriptionJa: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  metricId: Id.nullable(),
  metric: MetricSummarySchema,
  targetValue: z.number().nullable(),
  accumulation: z.enum(ACCUMULATIONS),
  materiality: z.boolean(),
  position: z.number().int(),
});
export type Target = z.infer<typeof TargetSchema>;

export const YearProgressSchema = ProgressSchema.omit({ targetId: true }).extend({
  fiscalYear: z.number().int(),
  updatedAt: z.string(),
});
export const TargetDetailSchema = TargetSchema.extend({ progress: z.array(YearProgressSchema) });

const targetFields = {
  titleJa: Text(300),
  titleEn: Text(300),
  descriptionJa: Text(4000),
  descriptionEn: Text(4000),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  metricId: Id.nullable().optional(),
  targetValue: Value.nullable().optional(),
  accumulation: z.enum(ACCUMULATIONS).optional().describe('Manual metrics over several years: sum or latest'),
  materiality: z.boolean().optional().describe('A materiality target (M in the report)'),
  position: z.number().int().min(0).max(999).optional(),
};
export const TargetCreateSchema = z.strictObject({ code: Code, ...targetFields });
export type TargetCreate = z.infer<typeof TargetCreateSchema>;
export const TargetUpdateSchema = z.strictObject({
  code: Code.optional(),
  ...targetFields,
  periodStart: IsoDate.optional(),
  periodEnd: IsoDate.optional(),
});
export type TargetUpdate = z.infer<typeof TargetUpdateSchema>;
export const TargetListQuerySchema = PageQuerySchema.extend({
  fiscalYear: FiscalYear.optional().describe('Only targets whose period overlaps this fiscal year'),
});
export const TargetPageSchema = pageOf(TargetSchema);

export const ProgressPutSchema = z.strictObject({
  progressJa: Text(4000),
  progressEn: Text(4000),
  achievementsJa: Text(4000),
  achievementsEn: Text(4000),
  issuesJa: Text(4000),
  issuesEn: Text(4000),
});
export type ProgressPut = z.infer<typeof ProgressPutSchema>;
export const ProgressParamsSchema = MetricYearParamsSchema;

export const YearlyGoalSchema = z.object({
  id: Id,
  fiscalYear: z.number().int(),
  targetId: Id.nullable(),
  textJa: z.string().nullable(),
  textEn: z.string().nullable(),
  metricId: Id.nullable(),
  metric: MetricSummarySchema,
  comparison: z.enum(COMPARISONS),
  goalValue: z.number().nullable(),
  position: z.number().int(),
});
export type YearlyGoal = z.infer<typeof YearlyGoalSchema>;

const yearlyFields = {
  targetId: Id.nullable().optional(),
  textJa: Text(1000),
  textEn: Text(1000),
  metricId: Id.nullable().optional(),
  comparison: z.enum(COMPARISONS).optional().describe('none (in words), at_least, at_most, increase'),
  goalValue: Value.nullable().optional().describe('For at_least and at_most'),
  position: z.number().int().min(0).max(999).optional(),
};
export const YearlyGoalCreateSchema = z.strictObject({ fiscalYear: FiscalYear, ...yearlyFields });
export type YearlyGoalCreate = z.infer<typeof YearlyGoalCreateSchema>;
export const YearlyGoalUpdateSchema = z.strictObject({ fiscalYear: FiscalYear.optional(), ...yearlyFields });
export type YearlyGoalUpdate = z.infer<typeof YearlyGoalUpdateSchema>;
export const YearlyGoalListSchema = pageOf(YearlyGoalSchema);

export const OverviewSchema = z.object({
  fiscalYear: z.number().int(),
  labelJa: z.string(),
  labelEn: z.string(),
  goals: z.array(GoalLineSchema),
  nextYearGoals: z.array(GoalLineSchema),
  progress: z.array(ProgressSchema),
});
export type Overview = z.infer<typeof OverviewSchema>;
