import { and, eq } from 'drizzle-orm';
import { fiscalYearLabel, fiscalYearOf } from '../../../shared/fiscal-year.js';
import type { Permission } from '../../../shared/roles.js';
import { assertHolds } from '../../lib/authz.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { ledgerSettings } from '../ledger/ledger.values.js';
import { programs } from './programs.table.js';

/** What the record, certification and review services need to know about the program a record belongs to. */
export type ProgramRef = {
  id: string;
  code: string;
  nameJa: string | null;
  nameEn: string | null;
  companyId: string;
  startYear: number;
  status: string;
  reviewCycleMonths: number;
};

/**
 * The program of the caller's organisation, without a permission check: for callers that check
 * another scope (or none, like the public class-request form). Throws not_found.
 */
export async function programOf(ctx: Ctx, programId: string): Promise<ProgramRef> {
  const [row] = await ctx.db
    .select({
      id: programs.id,
      code: programs.code,
      nameJa: programs.nameJa,
      nameEn: programs.nameEn,
      companyId: programs.companyId,
      startYear: programs.startYear,
      status: programs.status,
      reviewCycleMonths: programs.reviewCycleMonths,
    })
    .from(programs)
    .where(and(eq(programs.orgId, ctx.orgId), eq(programs.id, programId)));
  if (!row) throw new AppError('not_found', { params: { entity: 'program' } });
  return row;
}

/**
 * The program of the caller's organisation, with the permission checked on its owning company
 * (programs.read to look, programs.manage to change its records, programs.review to review it).
 * Throws not_found, forbidden.
 */
export async function programFor(ctx: Ctx, programId: string, permission: Permission): Promise<ProgramRef> {
  const program = await programOf(ctx, programId);
  assertHolds(ctx, permission, { companyId: program.companyId });
  return program;
}

/** The fiscal year (start year) of a date under the organisation's start month. */
export async function fiscalYearFor(ctx: Ctx, isoDate: string): Promise<number> {
  const s = await ledgerSettings(ctx);
  return fiscalYearOf(isoDate, s.fiscalYearStartMonth);
}

/** A function naming fiscal years in the caller's language ("2023年度", "fiscal 2024"). */
export async function yearLabeller(ctx: Ctx): Promise<(fiscalYear: number) => string> {
  const s = await ledgerSettings(ctx);
  const settings = { startMonth: s.fiscalYearStartMonth, labelJa: s.fyLabelJa, labelEn: s.fyLabelEn };
  return (fy) => fiscalYearLabel(fy, ctx.locale, settings);
}

/** A validation error naming one field. */
export function fieldError(path: string, code: string, params?: Record<string, unknown>): AppError {
  return new AppError('validation_failed', { fields: [{ path, code, ...(params ?? {}) }] });
}

/** Picks the locale's text of a ja/en pair, falling back to the other language. */
export function localized(ctx: Ctx, ja: string | null, en: string | null): string {
  return (ctx.locale === 'ja' ? (ja ?? en) : (en ?? ja)) ?? '';
}

/** A program named by id, or by its code (the CLI's --program). */
export type ProgramTarget = { programId: string } | { programCode: string };

/**
 * The program of the organisation an import targets, with its owning company (the import's scope); null
 * when the options name none. Throws not_found.
 */
export async function programOfTarget(
  ctx: Ctx,
  target: { programId?: string; programCode?: string },
): Promise<{ id: string; companyId: string } | null> {
  if (!target.programId && !target.programCode) return null;
  const [p] = await ctx.db
    .select({ id: programs.id, companyId: programs.companyId })
    .from(programs)
    .where(
      and(
        eq(programs.orgId, ctx.orgId),
        target.programId
          ? eq(programs.id, target.programId)
          : eq(programs.code, target.programCode as string),
      ),
    );
  if (!p) throw new AppError('not_found', { params: { entity: 'program' } });
  return p;
}

/** The same for imports that always name their program. Throws not_found. */
export async function programTarget(
  ctx: Ctx,
  target: ProgramTarget,
): Promise<{ id: string; companyId: string }> {
  const p = await programOfTarget(ctx, target);
  if (!p) throw new AppError('not_found', { params: { entity: 'program' } });
  return p;
}
