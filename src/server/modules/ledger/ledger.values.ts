import { and, eq } from 'drizzle-orm';
import { fiscalYearLabel, fiscalYearOf } from '../../../shared/fiscal-year.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { organisations } from '../organisations/organisations.table.js';
import { fxRates } from './ledger.table.js';

export const POINTS = 'PTS';
/** Group totals are in yen (DOMAIN: money and valuation). */
export const BASE_CURRENCY = 'JPY';
/** The day postings are dated when the caller names no other: the group's home time zone. */
export const LEDGER_TIME_ZONE = 'Asia/Tokyo';

export type LedgerSettings = {
  fiscalYearStartMonth: number;
  fyLabelJa: 'start' | 'end';
  fyLabelEn: 'start' | 'end';
  pointValueJpy: number;
};

/** Settings read once per transaction: a donation asks for them in several places. */
const perTransaction = new WeakMap<object, Promise<LedgerSettings>>();

/** The organisation's fiscal-year and point settings (cached for the rest of the caller's transaction). */
export function ledgerSettings(ctx: Ctx): Promise<LedgerSettings> {
  if (!(ctx as { inTx?: boolean }).inTx) return readSettings(ctx);
  let settings = perTransaction.get(ctx.db);
  if (!settings) {
    settings = readSettings(ctx);
    perTransaction.set(ctx.db, settings);
  }
  return settings;
}

async function readSettings(ctx: Ctx): Promise<LedgerSettings> {
  const [org] = await ctx.db
    .select({
      fiscalYearStartMonth: organisations.fiscalYearStartMonth,
      fyLabelJa: organisations.fyLabelJa,
      fyLabelEn: organisations.fyLabelEn,
      pointValueJpy: organisations.pointValueMinor,
    })
    .from(organisations)
    .where(eq(organisations.id, ctx.orgId));
  if (!org) throw new AppError('not_found', { params: { entity: 'organisation' } });
  return org as LedgerSettings;
}

/** A fiscal year's label in the caller's language ("2024年度", "fiscal 2025"). */
export async function yearLabel(ctx: Ctx, fiscalYear: number): Promise<string> {
  const s = await ledgerSettings(ctx);
  return fiscalYearLabel(fiscalYear, ctx.locale, {
    startMonth: s.fiscalYearStartMonth,
    labelJa: s.fyLabelJa,
    labelEn: s.fyLabelEn,
  });
}

const ledgerDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: LEDGER_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date (YYYY-MM-DD) in the ledger's time zone. */
export function ledgerToday(now = new Date()): string {
  return ledgerDay.format(now);
}

/** The fiscal year points are spent from today (a year's points expire at its end). */
export async function currentFiscalYear(ctx: Ctx, now = new Date()): Promise<number> {
  const s = await ledgerSettings(ctx);
  return fiscalYearOf(ledgerToday(now), s.fiscalYearStartMonth);
}

/** Digits of a currency's minor unit (JPY 0, USD 2, KWD 3), from the runtime's ISO 4217 data. */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/**
 * The yen value of an amount in minor units, at the fiscal year's rate, rounded half up to the
 * yen. Exact: the rate's six decimals are scaled to an integer and the sum runs in BigInt.
 * @throws AppError fx_rate_missing when finance has not set the year's rate for the currency.
 */
export async function jpyValue(
  ctx: Ctx,
  amountMinor: number,
  currency: string,
  fiscalYear: number,
): Promise<number> {
  if (currency === BASE_CURRENCY) return amountMinor;
  const [rate] = await ctx.db
    .select({ jpyPerUnit: fxRates.jpyPerUnit })
    .from(fxRates)
    .where(
      and(eq(fxRates.orgId, ctx.orgId), eq(fxRates.fiscalYear, fiscalYear), eq(fxRates.currency, currency)),
    );
  if (!rate)
    throw new AppError('fx_rate_missing', { params: { currency, year: await yearLabel(ctx, fiscalYear) } });
  return convertMinor(amountMinor, currency, rate.jpyPerUnit);
}

/** amountMinor x rate / 10^minorDigits, rounded half away from zero; `rate` is a decimal string. */
export function convertMinor(amountMinor: number, currency: string, rate: string): number {
  const [whole, frac = ''] = rate.split('.');
  const scaled = BigInt(whole + frac.padEnd(6, '0').slice(0, 6));
  const divisor = 10n ** BigInt(minorDigits(currency) + 6);
  const product = BigInt(amountMinor) * scaled;
  const sign = product < 0n ? -1n : 1n;
  const abs = product * sign;
  return Number(((abs + divisor / 2n) / divisor) * sign);
}
