import { z } from 'zod';

/** A fiscal year as finance sees it on the close-year screen. */
export const AccountingYearSchema = z.object({
  fiscalYear: z
    .number()
    .int()
    .describe('The year the fiscal year starts (the key of every accounting route)'),
  reportYear: z
    .number()
    .int()
    .describe("The report's number for it (NEC: 2024 for April 2023 to March 2024)"),
  labelJa: z.string(),
  labelEn: z.string(),
  start: z.string(),
  end: z.string(),
  ended: z.boolean().describe('Its last day has passed: it may be closed'),
  expenseCount: z.number().int(),
  totalJpy: z.number().int().describe("The company's method's total"),
  closed: z.boolean(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  restatementCount: z.number().int(),
});
export type AccountingYear = z.infer<typeof AccountingYearSchema>;

export const AccountingYearsSchema = z.object({ items: z.array(AccountingYearSchema) });

export const YearCloseSchema = z.object({
  fiscalYear: z.number().int(),
  closedAt: z.string(),
  totalJpy: z.number().int().describe("The company's method's total as closed"),
});
export type YearClose = z.infer<typeof YearCloseSchema>;

export const FiscalYearParamsSchema = z.object({
  fiscalYear: z.coerce.number().int().min(1900).max(2200).describe('The start year of the fiscal year'),
});

export const LedgerSyncResultSchema = z.object({
  created: z.number().int().describe('Expenses posted from ledger postings'),
  restatements: z.array(z.object({ fiscalYear: z.number().int(), restatementId: z.string().uuid() })),
});
