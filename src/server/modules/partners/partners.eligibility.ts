import { and, type Column, eq, gte, type SQL, sql } from 'drizzle-orm';
import { partners } from './partners.table.js';

/** The partners table or an alias of it (`alias(partners, 'p')` in raw SQL that names it p). */
type PartnersTable = { status: Column; eligibleUntil: Column };

/**
 * THE condition for "this partner may receive donations, grants and new programs on `today`": it is
 * active and its last passed screening is still current (`eligibleUntil`, set by the screening's
 * decision, is today or later). Every reader (the partner list and its `eligible` flag, donors'
 * recipient list, donations, campaigns, company donations, payables, programs) uses this one
 * expression, as a WHERE condition or through `partnerEligibleColumn`. `today` is the organisation's
 * day (`ledgerToday()`).
 */
export function partnerEligibleNow(today: string, table: PartnersTable = partners): SQL<boolean> {
  return and(eq(table.status, 'active'), gte(table.eligibleUntil, today)) as SQL<boolean>;
}

/** The same condition as a selected boolean that is never null (no `eligibleUntil` gives false). */
export function partnerEligibleColumn(today: string, table: PartnersTable = partners): SQL<boolean> {
  return sql<boolean>`coalesce(${partnerEligibleNow(today, table)}, false)`.mapWith(
    (v: unknown) => v === true || v === 't' || v === 'true',
  );
}
