import { z } from 'zod';
import { PageQuerySchema } from '../../lib/pagination.js';
import { EXPENSE_SOURCES, EXPENSE_TYPES } from './accounting.table.js';
import { ExpenseCreateSchema } from './expenses.schema.js';

const reason = z.string().trim().max(2000).nullable().optional();

/** A line that adds an expense to the closed year (possibly adjusting one of its expenses). */
export const RestatementExpenseLineSchema = ExpenseCreateSchema.extend({
  adjustsExpenseId: z
    .string()
    .uuid()
    .nullable()
    .optional()
    .describe('The expense of the year this line corrects; its amount may then be negative'),
  amountMinor: z.number().int().min(-9e15).max(9e15).nullable().optional(),
  costMinor: z
    .number()
    .int()
    .min(-9e15)
    .max(9e15)
    .nullable()
    .optional()
    .describe('Cost to the company (negative on a line that takes an expense back)'),
});

/** A line that takes an expense of the year back entirely: its negative, every column copied. */
export const RestatementReverseLineSchema = z.strictObject({
  adjustsExpenseId: z.string().uuid(),
  reverse: z.literal(true).describe('Add the exact negative of the expense'),
});

export const RestatementCreateSchema = z.strictObject({
  reasonJa: reason.describe('Why the closed year is corrected (at least one language)'),
  reasonEn: reason,
  lines: z
    .array(z.union([RestatementReverseLineSchema, RestatementExpenseLineSchema]))
    .min(1)
    .max(500),
});
export type RestatementCreate = z.input<typeof RestatementCreateSchema>;
export type RestatementLineInput = RestatementCreate['lines'][number];

export const RestatementListQuerySchema = PageQuerySchema;

export const RestatementExpenseSchema = z.object({
  id: z.string().uuid(),
  spentOn: z.string(),
  companyCode: z.string(),
  type: z.enum(EXPENSE_TYPES),
  descriptionJa: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  currency: z.string(),
  amountMinor: z.number().int(),
  amountJpy: z.number().int(),
  adjustsExpenseId: z.string().uuid().nullable(),
  source: z.enum(EXPENSE_SOURCES),
});

export const RestatementSchema = z.object({
  id: z.string().uuid(),
  fiscalYear: z.number().int().describe('The start year of the restated fiscal year'),
  reasonJa: z.string().nullable(),
  reasonEn: z.string().nullable(),
  automatic: z.boolean().describe('Made by the ledger sync (postings after the close)'),
  createdAt: z.string(),
  createdBy: z.string().nullable().describe("The author's display name"),
  /** The company's method's total before (the close or the previous restatement) and after. */
  totalJpyBefore: z.number().int(),
  totalJpyAfter: z.number().int(),
  lines: z.array(RestatementExpenseSchema),
});
export type Restatement = z.infer<typeof RestatementSchema>;

export const RestatementPageSchema = z.object({
  items: z.array(RestatementSchema),
  total: z.number().int(),
  page: z.number().int(),
  size: z.number().int(),
});
export type RestatementPage = z.infer<typeof RestatementPageSchema>;
