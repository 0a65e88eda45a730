import { and, eq, type SQL, sql } from 'drizzle-orm';
import { assertHolds } from '../../lib/authz.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { certificationHolders, certifications } from './certifications.table.js';
import { programs } from './programs.table.js';

/** A program as the certification services need it: for its scope and its names. */
export type ProgramRef = {
  id: string;
  code: string;
  companyId: string;
  nameJa: string | null;
  nameEn: string | null;
  status: string;
};

/** The program, in the caller's organisation. Throws not_found. */
export async function programRef(ctx: Ctx, programId: string): Promise<ProgramRef> {
  const [row] = await ctx.db
    .select({
      id: programs.id,
      code: programs.code,
      companyId: programs.companyId,
      nameJa: programs.nameJa,
      nameEn: programs.nameEn,
      status: programs.status,
    })
    .from(programs)
    .where(and(eq(programs.orgId, ctx.orgId), eq(programs.id, programId)));
  if (!row) throw new AppError('not_found', { params: { entity: 'program' } });
  return row;
}

/** A certification with its program. Throws not_found. */
export async function certificationRef(ctx: Ctx, certificationId: string) {
  const [row] = await ctx.db
    .select()
    .from(certifications)
    .where(and(eq(certifications.orgId, ctx.orgId), eq(certifications.id, certificationId)));
  if (!row) throw new AppError('not_found', { params: { entity: 'certification' } });
  return { certification: row, program: await programRef(ctx, row.programId) };
}

/** Checks programs.manage on the program's company. Throws forbidden. */
export function assertManages(ctx: Ctx, program: ProgramRef): void {
  assertHolds(ctx, 'programs.manage', { companyId: program.companyId });
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
  const [y, m, d] = startsOn.split('-').map(Number);
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const end = new Date(Date.UTC(year, month, Math.min(d, lastDay)) - 86_400_000);
  return end.toISOString().slice(0, 10);
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
