import { and, asc, eq, gt, lte, notExists, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { inTransaction, systemCtx } from '../../lib/context.js';
import { opportunities, opportunityShifts, signups } from '../volunteering/volunteering.table.js';
import { notifications } from './notifications.table.js';
import { notify } from './notify.js';

/** A reminder goes out this long before the shift starts ("the day before"). */
export const REMINDER_LEAD_HOURS = 24;
const BATCH = 200;

/**
 * Queues a `shift_reminder` for every confirmed sign-up of a published opportunity whose shift starts
 * within the next REMINDER_LEAD_HOURS, once per sign-up (dedupe key `reminder:<signupId>`). A sign-up
 * confirmed less than REMINDER_LEAD_HOURS before its start gets none: its confirmation just told it
 * the time. Runs for every organisation; returns how many reminders were queued.
 */
export async function queueReminders(
  database: Database,
  options: { now?: Date; baseUrl?: string } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const horizon = new Date(now.getTime() + REMINDER_LEAD_HOURS * 3_600_000);
  const lead = sql.raw(`interval '${REMINDER_LEAD_HOURS} hours'`);
  const done = new Set<string>();
  for (;;) {
    const due = await database.db
      .select({
        orgId: signups.orgId,
        signupId: signups.id,
        employeeId: signups.employeeId,
        opportunityId: opportunities.id,
        titleJa: opportunities.titleJa,
        titleEn: opportunities.titleEn,
        timeZone: opportunities.timeZone,
        startsAt: opportunityShifts.startsAt,
      })
      .from(signups)
      .innerJoin(
        opportunityShifts,
        and(eq(opportunityShifts.orgId, signups.orgId), eq(opportunityShifts.id, signups.shiftId)),
      )
      .innerJoin(
        opportunities,
        and(eq(opportunities.orgId, signups.orgId), eq(opportunities.id, opportunityShifts.opportunityId)),
      )
      .where(
        and(
          eq(signups.status, 'confirmed'),
          eq(opportunities.status, 'published'),
          gt(opportunityShifts.startsAt, now),
          lte(opportunityShifts.startsAt, horizon),
          sql`coalesce(${signups.promotedAt}, ${signups.createdAt}) < ${opportunityShifts.startsAt} - ${lead}`,
          notExists(
            database.db
              .select({ one: sql`1` })
              .from(notifications)
              .where(
                and(
                  eq(notifications.orgId, signups.orgId),
                  eq(notifications.dedupeKey, sql`'reminder:' || ${signups.id}`),
                ),
              ),
          ),
        ),
      )
      .orderBy(asc(opportunityShifts.startsAt), asc(signups.id))
      .limit(BATCH);
    const fresh = due.filter((r) => !done.has(r.signupId));
    for (const r of fresh) {
      done.add(r.signupId);
      const ctx = systemCtx(database.db, r.orgId, 'reminders');
      await inTransaction(ctx, (tx) =>
        notify(
          tx,
          {
            employeeId: r.employeeId,
            kind: 'shift_reminder',
            params: {
              title: { ja: r.titleJa, en: r.titleEn },
              startsAt: r.startsAt.toISOString(),
              timeZone: r.timeZone,
            },
            link: `/opportunities/${r.opportunityId}`,
            dedupeKey: `reminder:${r.signupId}`,
          },
          options.baseUrl,
        ),
      );
    }
    if (due.length < BATCH || fresh.length === 0) return done.size;
  }
}
