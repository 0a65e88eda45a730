import { z } from 'zod';
import { PageQuerySchema } from '../../lib/pagination.js';
import { EXPENSE_CHANNELS, EXPENSE_SOURCES, EXPENSE_TYPES, VALUATION_BASES } from './accounting.table.js';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));
const classificationCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/)
  .nullable()
  .optional()
  .describe('A code of /api/classifications of the matching scheme');
const isoDate = z.iso.date().describe('YYYY-MM-DD');
const minor = z.number().int().min(-9e15).max(9e15);

/** What a person (or an import row, once read) gives for an expense; the service values it. */
const ExpenseFields = {
  spentOn: isoDate.describe('The day of the expense; it decides the fiscal year'),
  companyId: z.string().uuid().describe('The group company that spent it'),
  programId: z.string().uuid().nullable().optional().describe('The company program it belongs to'),
  partnerId: z.string().uuid().nullable().optional().describe('The recipient, a registered partner'),
  recipientText: optionalText(200).describe('The recipient as free text (no partner)'),
  descriptionJa: optionalText(2000),
  descriptionEn: optionalText(2000),
  type: z.enum(EXPENSE_TYPES),
  valuationBasis: z
    .enum(VALUATION_BASES)
    .optional()
    .describe('Defaults to the first basis of the type (cash: actual_cash, products: market_unit_price, …)'),
  quantity: z
    .union([
      z.number(),
      z
        .string()
        .trim()
        .regex(/^-?\d{1,14}(\.\d{1,4})?$/),
    ])
    .nullable()
    .optional()
    .describe('Units, hours or days (quantity bases only), up to 4 decimals'),
  unitPriceMinor: minor.positive().nullable().optional().describe('Price per unit in minor units'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional()
    .describe("ISO 4217; defaults to the company's currency"),
  amountMinor: minor
    .nullable()
    .optional()
    .describe('In minor units; computed (and checked when given) for the quantity bases'),
  costMinor: minor
    .positive()
    .nullable()
    .optional()
    .describe('What an in-kind item cost the company (market or external-rate valuations; B4SI)'),
  keidanrenField: classificationCode.describe("Keidanren survey field; defaults to the program's"),
  companyField: classificationCode,
  b4siCause: classificationCode,
  b4siMotivation: classificationCode,
  b4siRegion: classificationCode.describe("Defaults from the company's country"),
  channel: z
    .enum(EXPENSE_CHANNELS)
    .optional()
    .describe('Keidanren: own_program when a program is set, else gift'),
  political: z.boolean().optional().describe('A political donation (left out of Keidanren and B4SI)'),
};

export const ExpenseCreateSchema = z.strictObject(ExpenseFields);
/** The input of createExpense and valueExpense (keys optional as in the parsed body). */
export type ExpenseInput = z.input<typeof ExpenseCreateSchema>;
export type ExpenseCreate = z.infer<typeof ExpenseCreateSchema>;

export const ExpenseUpdateSchema = z.strictObject({
  ...ExpenseFields,
  spentOn: ExpenseFields.spentOn.optional(),
  companyId: ExpenseFields.companyId.optional(),
  type: ExpenseFields.type.optional(),
});
/** A change: the fields given replace the expense's, the others stay; the result is valued again. */
export type ExpenseUpdate = z.input<typeof ExpenseUpdateSchema>;

export const ExpenseFilesSchema = z.strictObject({
  fileIds: z
    .array(z.string().uuid())
    .max(20)
    .describe('Files uploaded with POST /api/files?purpose=expense_attachment; replaces the list'),
});

export const ExpenseListQuerySchema = PageQuerySchema.extend({
  fiscalYear: z.coerce.number().int().min(1900).max(2200).optional().describe('Start year'),
  companyId: z.string().uuid().optional(),
  type: z.enum(EXPENSE_TYPES).optional(),
  keidanrenField: z.string().max(40).optional(),
  companyField: z.string().max(40).optional(),
  programId: z.string().uuid().optional(),
  source: z.enum(EXPENSE_SOURCES).optional(),
  q: z.string().trim().max(100).optional().describe('Text in description, recipient, reference'),
});
export type ExpenseListQuery = z.infer<typeof ExpenseListQuerySchema>;

export const ExpenseAttachmentSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});

export const ExpenseSchema = z.object({
  id: z.string().uuid(),
  spentOn: z.string(),
  fiscalYear: z.number().int().describe('The year the fiscal year starts'),
  companyId: z.string().uuid(),
  companyCode: z.string(),
  programId: z.string().uuid().nullable(),
  programCode: z.string().nullable(),
  partnerId: z.string().uuid().nullable(),
  partnerName: z.string().nullable().describe("The partner's name in the caller's language"),
  recipientText: z.string().nullable(),
  descriptionJa: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  type: z.enum(EXPENSE_TYPES),
  valuationBasis: z.enum(VALUATION_BASES),
  channel: z.enum(EXPENSE_CHANNELS),
  political: z.boolean(),
  quantity: z.string().nullable().describe('Decimal string'),
  unitPriceMinor: z.number().int().nullable(),
  currency: z.string(),
  amountMinor: z.number().int(),
  amountJpy: z.number().int(),
  costMinor: z.number().int().nullable(),
  costJpy: z.number().int().nullable(),
  keidanrenField: z.string(),
  companyField: z.string().nullable(),
  b4siCause: z.string().nullable(),
  b4siMotivation: z.string().nullable(),
  b4siRegion: z.string().nullable(),
  source: z.enum(EXPENSE_SOURCES),
  externalRef: z.string().nullable(),
  ledgerPostingId: z.string().uuid().nullable(),
  restatementId: z.string().uuid().nullable(),
  adjustsExpenseId: z.string().uuid().nullable(),
  closed: z.boolean().describe('Its fiscal year is closed: it cannot change'),
  attachments: z.array(ExpenseAttachmentSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Expense = z.infer<typeof ExpenseSchema>;

export const ExpensePageSchema = z.object({
  items: z.array(ExpenseSchema),
  total: z.number().int(),
  page: z.number().int(),
  size: z.number().int(),
  sumJpy: z.number().int().describe('Sum of amountJpy over every expense matching the filter'),
});
export type ExpensePage = z.infer<typeof ExpensePageSchema>;

/**
 * The answer of POST /api/expenses/imports (like every import: docs/import-formats.md). A file with
 * bad values is refused as a whole with 422 `import_invalid`, whose `fields` list each bad value with
 * `row`, `column`, `code`, `message` (and `value`).
 */
export const ExpenseImportReportSchema = z.object({
  fileName: z.string(),
  encoding: z.string(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  invalidRows: z.number().int(),
  issues: z.array(z.object({ row: z.number(), column: z.string(), code: z.string() }).passthrough()),
  issueCount: z.number().int(),
  dryRun: z.boolean(),
  partial: z.boolean(),
  committed: z.boolean(),
});

export const ExpenseImportQuerySchema = z.object({
  fileName: z.string().max(200).optional(),
  dryRun: z.stringbool().optional().describe('Validate and count, then roll back'),
});
