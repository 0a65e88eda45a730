import { z } from 'zod';
import { PageQuerySchema } from '../../lib/pagination.js';

/** Fiscal years are named by the calendar year they start in (2024 = April 2024 to March 2025). */
export const FiscalYearSchema = z.coerce
  .number()
  .int()
  .min(2000)
  .max(2100)
  .describe('Fiscal year, named by the calendar year it starts in');

/** The most points one grant may carry (a benefit plan's yearly allowance is far below it). */
export const MAX_GRANT_POINTS = 10_000_000;

/** One fiscal year of the signed-in employee's points. Spent = reimbursed + donated. */
export const PointsYearSchema = z.object({
  fiscalYear: z.number().int(),
  label: z.string().describe('The year as people read it, in the caller’s language'),
  balance: z.number().int().describe('Points left to spend'),
  granted: z.number().int(),
  spent: z.number().int().describe('Points spent on expense claims and donations, net of refunds'),
  reimbursed: z.number().int().describe('Points spent on volunteer expense claims'),
  donated: z.number().int().describe('Points given to campaigns and organisations'),
  expired: z.number().int().describe('Points that lapsed at the end of the year'),
  expiresOn: z.string().describe('Last day of the fiscal year: unspent points lapse after it'),
  ended: z.boolean().describe('The fiscal year is over'),
});
export type PointsYear = z.infer<typeof PointsYearSchema>;

export const PointsBalanceSchema = z.object({
  pointValueJpy: z.number().int().describe('Yen per point (the organisation’s setting)'),
  currentFiscalYear: z.number().int().describe('The year points are spent from today'),
  items: z.array(PointsYearSchema).describe('Newest first; the current year is always present'),
});
export type PointsBalance = z.infer<typeof PointsBalanceSchema>;

export const PointsHistoryQuerySchema = PageQuerySchema.extend({
  fiscalYear: FiscalYearSchema.optional(),
});
export type PointsHistoryQuery = z.infer<typeof PointsHistoryQuerySchema>;

const NamedRefSchema = z.object({
  id: z.string().uuid(),
  nameJa: z.string().nullable(),
  nameEn: z.string().nullable(),
});

/** One movement of the employee's points: a posting seen from their account. */
export const PointsMovementSchema = z.object({
  postingId: z.string().uuid(),
  kind: z.string().describe('grant, expiry, claim, point_donation'),
  fiscalYear: z.number().int(),
  effectiveOn: z.string(),
  postedAt: z.string(),
  points: z.number().int().describe('Signed: positive in, negative out'),
  valueJpy: z.number().int().describe('Yen value fixed when posted, signed'),
  memo: z.string().nullable(),
  campaign: z
    .object({ id: z.string().uuid(), titleJa: z.string().nullable(), titleEn: z.string().nullable() })
    .nullable(),
  partner: NamedRefSchema.nullable(),
  claimId: z.string().uuid().nullable(),
  reversal: z.boolean().describe('A correction that cancels an earlier movement'),
});
export type PointsMovement = z.infer<typeof PointsMovementSchema>;

export const GrantCreateSchema = z.strictObject({
  employeeId: z.string().uuid(),
  fiscalYear: z.number().int().min(2000).max(2100).describe('The year the points belong to and expire with'),
  points: z.number().int().min(1).max(MAX_GRANT_POINTS),
  reference: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe('Unique grant reference: sending it again with the same content answers the same grant'),
  note: z.string().trim().max(500).optional(),
});
export type GrantCreate = z.infer<typeof GrantCreateSchema>;

export const GrantSchema = z.object({
  postingId: z.string().uuid(),
  reference: z.string(),
  fiscalYear: z.number().int(),
  points: z.number().int(),
  valueJpy: z.number().int().describe('Points × the point value on the day of the grant'),
  note: z.string().nullable(),
  effectiveOn: z.string(),
  postedAt: z.string(),
  createdBy: z.string().nullable().describe('Who granted it (null for imports and jobs)'),
  reversed: z.boolean(),
  employee: z.object({
    id: z.string().uuid(),
    employeeNumber: z.string(),
    nameJa: z.string(),
    nameEn: z.string(),
    companyId: z.string().uuid(),
  }),
});
export type Grant = z.infer<typeof GrantSchema>;

export const GrantParamsSchema = z.object({ postingId: z.string().uuid() });

export const GrantListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(100).optional().describe('Employee number, name, or part of the reference'),
  fiscalYear: FiscalYearSchema.optional(),
  companyId: z.string().uuid().optional(),
});
export type GrantListQuery = z.infer<typeof GrantListQuerySchema>;

/** One fiscal year of the points plan, for finance: granted = reimbursed + donated + expired + outstanding. */
export const PointsYearSummarySchema = z.object({
  fiscalYear: z.number().int(),
  label: z.string(),
  expiresOn: z.string(),
  ended: z.boolean(),
  employees: z.number().int().describe('Employees with points in the year'),
  granted: z.number().int(),
  reimbursed: z.number().int(),
  donated: z.number().int(),
  expired: z.number().int(),
  outstanding: z.number().int().describe('Points still held by employees'),
  outstandingJpy: z.number().int().describe('Outstanding points at today’s point value'),
});
export type PointsYearSummary = z.infer<typeof PointsYearSummarySchema>;

export const PointsAccountsSchema = z.object({
  pointValueJpy: z.number().int(),
  currentFiscalYear: z.number().int(),
  items: z.array(PointsYearSummarySchema).describe('Newest first'),
});
export type PointsAccounts = z.infer<typeof PointsAccountsSchema>;

export const ExpiryRequestSchema = z.strictObject({
  fiscalYear: z.number().int().min(2000).max(2100),
});

export const ExpiryResultSchema = z.object({
  fiscalYear: z.number().int(),
  label: z.string(),
  accounts: z.number().int().describe('Employee accounts whose points were expired by this run'),
  points: z.number().int().describe('Points expired by this run (0 when an earlier run did it all)'),
});
export type ExpiryResult = z.infer<typeof ExpiryResultSchema>;
