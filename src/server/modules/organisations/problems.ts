import type { Ctx } from '../../lib/context.js';
import { AppError, type FieldIssue } from '../../lib/errors.js';
import { message } from '../../lib/http.js';

/** Records this module and people name in errors; message() translates them from errors:entity.<key>. */
export type Entity = 'organisation' | 'company' | 'site' | 'department' | 'employee';

export const notFoundError = (entity: Entity) => new AppError('not_found', { params: { entity } });

/** Refuses a delete because other records still point at the record (the reason in the caller's language). */
export const inUseError = (ctx: Ctx, reason: 'company_in_use' | 'site_in_use' | 'department_in_use') =>
  new AppError('conflict', { params: { detail: message(`conflict_reason.${reason}`, ctx.locale) } });

/**
 * Throws when there are field issues: `duplicate` (409) when a code already taken is the only problem,
 * `validation_failed` (400) with every issue otherwise.
 */
export function throwIfInvalid(entity: Entity, issues: FieldIssue[]): void {
  if (!issues.length) return;
  if (issues.every((i) => i.code === 'duplicate')) {
    throw new AppError('duplicate', { params: { entity }, fields: issues });
  }
  throw new AppError('validation_failed', { fields: issues });
}

/** The keys of a patch whose value differs from the current row. */
export function changedKeys<T extends Record<string, unknown>>(before: T, patch: Partial<T>): (keyof T)[] {
  return (Object.keys(patch) as (keyof T)[]).filter((k) => patch[k] !== undefined && patch[k] !== before[k]);
}
