import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { currentCounts } from '../programs/certifications.counts.js';
import { certifications } from '../programs/certifications.table.js';
import { programs } from '../programs/programs.table.js';
import type { BindingRange } from './goals.bindings.js';

/** The fiscal years (start years) a range covers, oldest first. */
export function yearsOf(range: Pick<BindingRange, 'fromYear' | 'startYear'>): number[] {
  const out: number[] = [];
  for (let y = range.fromYear; y <= range.startYear; y++) out.push(y);
  return out;
}

/** A yearly figure added up over the fiscal years of the range. */
export async function sumYears(range: BindingRange, perYear: (fiscalYear: number) => Promise<number>) {
  // One year at a time: inside a transaction the queries share one connection.
  let sum = 0;
  for (const year of yearsOf(range)) sum += await perYear(year);
  return sum;
}

/** The program with this code in the caller's organisation. Throws not_found. */
export async function programIdOf(ctx: Ctx, code: string): Promise<string> {
  const [row] = await ctx.db
    .select({ id: programs.id })
    .from(programs)
    .where(and(eq(programs.orgId, ctx.orgId), eq(programs.code, code)));
  if (!row) throw new AppError('not_found', { params: { entity: 'program' } });
  return row.id;
}

/** The certification with this code and its program. Throws not_found. */
export async function certificationOf(ctx: Ctx, code: string): Promise<{ id: string; programId: string }> {
  const [row] = await ctx.db
    .select({ id: certifications.id, programId: certifications.programId })
    .from(certifications)
    .where(and(eq(certifications.orgId, ctx.orgId), eq(certifications.code, code)));
  if (!row) throw new AppError('not_found', { params: { entity: 'certification' } });
  return row;
}

/**
 * Employees holding the certification at the end of the range, or today when the range has not
 * ended (currentCounts: leavers excluded, each employee once).
 */
export async function certifiedOn(ctx: Ctx, code: string, range: BindingRange): Promise<number> {
  const cert = await certificationOf(ctx, code);
  const day = range.end < range.today ? range.end : range.today;
  const counts = await currentCounts(ctx, cert.programId, day);
  return counts.get(cert.id) ?? 0;
}
