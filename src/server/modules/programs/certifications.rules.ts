import { and, eq, type SQL, sql } from 'drizzle-orm';
import { addDays, addMonths } from '../../../shared/dates.js';
import type { Permission } from '../../../shared/roles.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { certificationHolders, certifications } from './certifications.table.js';
import { programFor, programOf } from './records.access.js';

/**
 * A certification with its program; with a permission, checked on the program's company.
 * Throws not_found, forbidden.
 */
export async function certificationRef(ctx: Ctx, certificationId: string, permission?: Permission) {
  const [row] = await ctx.db
    .select()
    .from(certifications)
    .where(and(eq(certifications.orgId, ctx.orgId), eq(certifications.id, certificationId)));
  if (!row) throw new AppError('not_found', { params: { entity: 'certification' } });
  const program = permission
    ? await programFor(ctx, row.programId, permission)
    : await programOf(ctx, row.programId);
  return { certification: row, program };
}

/**
 * The SQL condition "this period certifies its employee on `day`": it has begun, has not expired,
 * and was not revoked on or before that day. (Revoking on a day ends the certification that day.)
 */
export function coversDay(day: string, h = certificationHolders): SQL {
  return sql`(${h.certifiedOn} <= ${day}::date and (${h.expiresOn} is null or ${h.expiresOn} >= ${day}::date) and (${h.revokedOn} is null or ${h.revokedOn} > ${day}::date))`;
}

/** The day before the same date `months` later (a 24-month period from 2024-04-01 ends 2026-03-31). */
export function periodEnd(startsOn: string, months: number): string {
  return addDays(addMonths(startsOn, months), -1);
}

/** The end of a new period: the one given, else the certification's validity, else none. */
export function defaultExpiry(
  certifiedOn: string,
  expiresOn: string | null | undefined,
  validityMonths: number | null,
): string | null {
  if (expiresOn) return expiresOn;
  return validityMonths ? periodEnd(certifiedOn, validityMonths) : null;
}

/** The period's dates must be in order; a field error otherwise. */
export function assertPeriod(certifiedOn: string, expiresOn: string | null): void {
  if (expiresOn && expiresOn < certifiedOn)
    throw new AppError('validation_failed', { fields: [{ path: 'expiresOn', code: 'ends_before_start' }] });
}
