import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { classifications, type ClassificationScheme } from './reference.table.js';

export type ClassificationRow = typeof classifications.$inferSelect;

/**
 * The classification terms (global: every organisation reads the same table), of one scheme or all,
 * in their order. Retired terms are included: older records keep the term in force when recorded.
 */
export async function listClassifications(
  ctx: Ctx,
  scheme?: ClassificationScheme,
): Promise<ClassificationRow[]> {
  return ctx.db
    .select()
    .from(classifications)
    .where(scheme ? eq(classifications.scheme, scheme) : undefined)
    .orderBy(asc(classifications.scheme), asc(classifications.position), asc(classifications.code));
}

/** The terms named by (scheme, code) pairs, in one query (pairs not found are simply absent). */
export async function classificationTerms(
  ctx: Ctx,
  pairs: { scheme: string; code: string }[],
): Promise<ClassificationRow[]> {
  if (pairs.length === 0) return [];
  const bySchemes = new Map<string, string[]>();
  for (const p of pairs) bySchemes.set(p.scheme, [...(bySchemes.get(p.scheme) ?? []), p.code]);
  const conditions: SQL[] = [...bySchemes].map(
    ([scheme, codes]) => and(eq(classifications.scheme, scheme), inArray(classifications.code, codes)) as SQL,
  );
  return ctx.db
    .select()
    .from(classifications)
    .where(or(...conditions))
    .orderBy(asc(classifications.scheme), asc(classifications.position));
}
