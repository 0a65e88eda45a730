import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import type { Page } from '../../lib/pagination.js';
import type { FxRate } from './ledger.schema.js';
import { fxRates } from './ledger.table.js';
import { BASE_CURRENCY } from './ledger.values.js';

/** "151.250000" → "151.25", "150.000000" → "150": the rate as finance typed it. */
export function normaliseRate(rate: string): string {
  const [whole, frac = ''] = rate.split('.');
  const trimmed = frac.replace(/0+$/, '');
  return `${BigInt(whole).toString()}${trimmed ? `.${trimmed}` : ''}`;
}

function knownCurrency(code: string): boolean {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return supported ? supported('currency').includes(code) : true;
}

const view = (r: typeof fxRates.$inferSelect): FxRate => ({
  fiscalYear: r.fiscalYear,
  currency: r.currency,
  jpyPerUnit: normaliseRate(r.jpyPerUnit),
  updatedAt: r.updatedAt.toISOString(),
});

/** The exchange rates, newest fiscal year first, then by currency. */
export async function listFxRates(
  ctx: Ctx,
  q: { fiscalYear?: number; currency?: string; page: number; size: number },
): Promise<Page<FxRate>> {
  const c: SQL[] = [eq(fxRates.orgId, ctx.orgId)];
  if (q.fiscalYear) c.push(eq(fxRates.fiscalYear, q.fiscalYear));
  if (q.currency) c.push(eq(fxRates.currency, q.currency));
  const rows = await ctx.db
    .select({ rate: fxRates, total: sql<unknown>`count(*) over ()` })
    .from(fxRates)
    .where(and(...c))
    .orderBy(desc(fxRates.fiscalYear), asc(fxRates.currency))
    .limit(q.size)
    .offset((q.page - 1) * q.size);
  return {
    items: rows.map((r) => view(r.rate)),
    total: rows.length ? Number(rows[0].total) : 0,
    page: q.page,
    size: q.size,
  };
}

/**
 * Sets a currency's rate for a fiscal year (yen per unit), audited. Postings already made keep the
 * yen value fixed when they were posted; only later ones use the new rate.
 * @throws AppError validation_failed (JPY, an unknown currency, a rate that is not above zero)
 */
export async function putFxRate(
  ctx: Ctx,
  fiscalYear: number,
  currency: string,
  input: { jpyPerUnit: string },
): Promise<FxRate> {
  if (currency === BASE_CURRENCY || !knownCurrency(currency))
    throw new AppError('validation_failed', { fields: [{ path: 'currency', code: 'invalid_value' }] });
  if (!/[1-9]/.test(input.jpyPerUnit))
    throw new AppError('validation_failed', { fields: [{ path: 'jpyPerUnit', code: 'too_small' }] });
  const rate = normaliseRate(input.jpyPerUnit);
  return inTransaction(ctx, async (tx) => {
    const key = and(
      eq(fxRates.orgId, tx.orgId),
      eq(fxRates.fiscalYear, fiscalYear),
      eq(fxRates.currency, currency),
    );
    const [before] = await tx.db.select().from(fxRates).where(key).for('update');
    const [row] = await tx.db
      .insert(fxRates)
      .values({ orgId: tx.orgId, fiscalYear, currency, jpyPerUnit: rate })
      .onConflictDoUpdate({
        target: [fxRates.orgId, fxRates.fiscalYear, fxRates.currency],
        set: { jpyPerUnit: rate, updatedAt: new Date() },
      })
      .returning();
    await audit(tx, {
      action: before ? 'update' : 'create',
      entityType: 'fx_rate',
      entityId: `${fiscalYear}:${currency}`,
      before: before ? { fiscalYear, currency, jpyPerUnit: normaliseRate(before.jpyPerUnit) } : null,
      after: { fiscalYear, currency, jpyPerUnit: rate },
    });
    return view(row);
  });
}
