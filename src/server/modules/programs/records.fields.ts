import { z } from 'zod';

/** zod pieces shared by the program records' contracts (cohorts, projects, testimonials, photos). */
export const IsoDate = z.iso.date().describe('YYYY-MM-DD');

/** A code or reference as the tables accept it: letters, digits, `_ . -`, up to 60 characters. */
export const RecordCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$/)
  .describe('Letters, digits, _ . - (at most 60), unique in the program');

export const FiscalYear = z
  .number()
  .int()
  .min(1900)
  .max(2200)
  .describe('The year the fiscal year starts (April 2023 to March 2024 is 2023)');

/** Optional text; an empty string is stored as null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v === '' ? null : v))
    .optional();

export const IdParams = z.object({ id: z.string().uuid() });

/** A fiscal-year range of a figures query (both ends included). */
export type FiscalYearRange = { from: number; to: number };
