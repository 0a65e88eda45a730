import { z } from 'zod';
import { PageQuerySchema } from '../../lib/pagination.js';
import { ReportBlockSchema } from './report.schema.js';
import { REPORT_SECTIONS } from './reports.table.js';

/**
 * The reports API's own shapes (the report itself is report.schema.ts). `fiscalYear` in every path is
 * the report number (the organisation's English label number: 2024 for April 2023 to March 2024).
 */

export const LangSchema = z.enum(['ja', 'en']);

export const ReportParamsSchema = z.object({
  fy: z.coerce.number().int().min(1900).max(2201).describe('The report number (the English label number)'),
});
export const PublicReportParamsSchema = ReportParamsSchema.extend({
  orgCode: z.string().min(1).max(40).describe('The organisation code'),
});
export const BlockParamsSchema = ReportParamsSchema.extend({ id: z.string().uuid() });
export const LangQuerySchema = z.object({
  lang: LangSchema.optional().describe('The report language (default: the caller’s)'),
});

export const ReportYearSchema = z.object({
  fiscalYear: z.number().int().describe('The report number'),
  startYear: z.number().int().describe('The year the fiscal year starts'),
  labelJa: z.string(),
  labelEn: z.string(),
  status: z.enum(['draft', 'published']),
  closed: z.boolean(),
  closedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  missingTranslations: z.number().int(),
  blocks: z.number().int(),
  expenses: z.number().int(),
  totalJpy: z.number().int().nullable().describe('The company-method total as published (closed years only)'),
});
export type ReportYear = z.infer<typeof ReportYearSchema>;

export const ReportUpdateSchema = z.strictObject({
  amountUnitJa: z
    .enum(['oku', 'hyakuman'])
    .describe('Japanese amounts in 億円 (6.7億円) or 百万円 (828百万円)'),
});
export type ReportUpdate = z.infer<typeof ReportUpdateSchema>;

export const ReportStateSchema = z.object({
  fiscalYear: z.number().int(),
  startYear: z.number().int(),
  status: z.enum(['draft', 'published']),
  amountUnitJa: z.enum(['oku', 'hyakuman']),
  publishedAt: z.string().nullable(),
});
export type ReportState = z.infer<typeof ReportStateSchema>;

const text = (max: number) => z.string().trim().max(max).nullable().optional();

export const BlockCreateSchema = z.strictObject({
  section: z.enum(REPORT_SECTIONS),
  position: z.number().int().min(0).max(999).optional(),
  programId: z.string().uuid().nullable().optional().describe('A program highlight (section programs)'),
  titleJa: text(300),
  titleEn: text(300),
  bodyJa: text(20000),
  bodyEn: text(20000),
});
export type BlockCreate = z.infer<typeof BlockCreateSchema>;

export const BlockUpdateSchema = BlockCreateSchema.partial();
export type BlockUpdate = z.infer<typeof BlockUpdateSchema>;

export const BlockListSchema = z.object({ items: z.array(ReportBlockSchema) });

export const BlockMoveSchema = z.strictObject({
  direction: z.enum(['up', 'down']).describe('One place earlier (up) or later (down) in its section'),
});
export type BlockMove = z.infer<typeof BlockMoveSchema>;

export const CopyBlocksSchema = z.strictObject({
  fromFiscalYear: z.number().int().min(1900).max(2201).describe('The report number to copy from'),
});
export const CopyBlocksResultSchema = z.object({
  copied: z.number().int(),
  items: z.array(ReportBlockSchema),
});

export const MISSING_KINDS = [
  'block',
  'target',
  'yearly_goal',
  'metric',
  'progress',
  'restatement',
  'program',
  'campaign',
  'drive',
] as const;

/** A text the report shows in one language only, and where to write the other one. */
export const MissingTranslationSchema = z.object({
  kind: z.enum(MISSING_KINDS),
  id: z.string(),
  field: z.string().describe('title, body, text, name, progress, achievements, issues, reason'),
  missing: z.array(LangSchema),
  textJa: z.string().nullable(),
  textEn: z.string().nullable(),
  section: z.enum(REPORT_SECTIONS).nullable(),
  fixPath: z.string().nullable().describe('The app address where the text is written'),
});
export type MissingTranslation = z.infer<typeof MissingTranslationSchema>;
export const MissingListSchema = z.object({ items: z.array(MissingTranslationSchema) });

export const RecordsQuerySchema = PageQuerySchema.omit({ sort: true }).extend({
  figure: z.string().min(1).max(200).describe('The figure’s ref (from the report JSON)'),
  format: z.enum(['json', 'csv']).default('json'),
  lang: LangSchema.optional().describe('Column headings of the CSV (default: the caller’s language)'),
});
export type RecordsQuery = z.infer<typeof RecordsQuerySchema>;

export const RecordsSchema = z.object({
  figure: z.string(),
  labelJa: z.string(),
  labelEn: z.string(),
  value: z.number().describe('The figure computed now from the listed records'),
  publishedValue: z
    .number()
    .nullable()
    .describe('The figure in the closed year’s snapshot (null while open)'),
  count: z.number().int(),
  columns: z.array(z.object({ key: z.string(), labelJa: z.string(), labelEn: z.string() })),
  items: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
  total: z.number().int(),
  page: z.number().int(),
  size: z.number().int(),
});
export type Records = z.infer<typeof RecordsSchema>;
