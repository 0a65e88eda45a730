import { and, countDistinct, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { toNumber } from '../../lib/sql.js';
import { employees } from '../people/people.table.js';
import { coversDay } from './certifications.rules.js';
import { certificationHolders, certifications } from './certifications.table.js';

/** Employees the program certifies on `onDate` (each counted once, whatever their periods), leavers excluded. */
export async function certifiedCount(ctx: Ctx, programId: string, onDate: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: countDistinct(certificationHolders.employeeId) })
    .from(certificationHolders)
    .innerJoin(
      certifications,
      and(
        eq(certifications.orgId, certificationHolders.orgId),
        eq(certifications.id, certificationHolders.certificationId),
      ),
    )
    .innerJoin(
      employees,
      and(eq(employees.orgId, certificationHolders.orgId), eq(employees.id, certificationHolders.employeeId)),
    )
    .where(
      and(
        eq(certificationHolders.orgId, ctx.orgId),
        eq(certifications.programId, programId),
        coversDay(onDate),
        sql`(${employees.leaveDate} is null or ${employees.leaveDate} > ${onDate}::date)`,
      ),
    );
  return toNumber(row?.n ?? 0);
}

/** Employees certified on `today` per certification of the program, leavers excluded. */
export async function currentCounts(
  ctx: Ctx,
  programId: string,
  today: string,
): Promise<Map<string, number>> {
  const rows = await ctx.db
    .select({ id: certificationHolders.certificationId, n: countDistinct(certificationHolders.employeeId) })
    .from(certificationHolders)
    .innerJoin(
      employees,
      and(eq(employees.orgId, certificationHolders.orgId), eq(employees.id, certificationHolders.employeeId)),
    )
    .innerJoin(
      certifications,
      and(
        eq(certifications.orgId, certificationHolders.orgId),
        eq(certifications.id, certificationHolders.certificationId),
      ),
    )
    .where(
      and(
        eq(certificationHolders.orgId, ctx.orgId),
        eq(certifications.programId, programId),
        coversDay(today),
        sql`(${employees.leaveDate} is null or ${employees.leaveDate} > ${today}::date)`,
      ),
    )
    .groupBy(certificationHolders.certificationId);
  return new Map(rows.map((r) => [r.id, toNumber(r.n)]));
}
