import { and, asc, count, desc, eq, ilike, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { assertHolds } from '../../lib/authz.js';
import type { Ctx } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import type { Page } from '../../lib/pagination.js';
import { likeEscape, toNumber } from '../../lib/sql.js';
import { employees } from '../people/people.table.js';
import { isPermanentRefusal, type Mailer } from './mailer.js';
import type { MailStatus, OutboxMail, OutboxQuery, OutboxSummary } from './notifications.schema.js';
import { mailOutbox } from './notifications.table.js';

/** Attempts before a mail is given up (status failed). */
export const MAX_ATTEMPTS = 8;
/** How long a claimed mail is hidden from other senders while one delivers it. */
const LEASE_SECONDS = 900;

/** Wait before attempt n + 1 after n failures: 1, 2, 4, … minutes, at most 6 hours. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(60 * 2 ** Math.max(0, attempts - 1), 6 * 3600);
}

function summary(row: typeof mailOutbox.$inferSelect): OutboxSummary {
  return {
    id: row.id,
    toAddress: row.toAddress,
    locale: row.locale === 'en' ? 'en' : 'ja',
    kind: row.kind,
    subject: row.subject,
    status: row.status as MailStatus,
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
    sentAt: row.sentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The organisation's mail outbox, newest first. Needs mail.read organisation-wide. Throws forbidden. */
export async function listOutbox(ctx: Ctx, q: OutboxQuery): Promise<Page<OutboxSummary>> {
  assertHolds(ctx, 'mail.read', {});
  const conditions: (SQL | undefined)[] = [eq(mailOutbox.orgId, ctx.orgId)];
  if (q.status) conditions.push(eq(mailOutbox.status, q.status));
  if (q.q) {
    const pattern = `%${likeEscape(q.q)}%`;
    conditions.push(or(ilike(mailOutbox.toAddress, pattern), ilike(mailOutbox.subject, pattern)));
  }
  const where = and(...conditions);
  const rows = await ctx.db
    .select()
    .from(mailOutbox)
    .where(where)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(q.size)
    .offset((q.page - 1) * q.size);
  const [{ total }] = await ctx.db.select({ total: count() }).from(mailOutbox).where(where);
  return { items: rows.map(summary), total: toNumber(total), page: q.page, size: q.size };
}

/** One mail with its full text and recipient. Needs mail.read organisation-wide. Throws forbidden, not_found. */
export async function getOutboxMail(ctx: Ctx, id: string): Promise<OutboxMail> {
  assertHolds(ctx, 'mail.read', {});
  const [found] = await ctx.db
    .select({ row: mailOutbox, employee: employees })
    .from(mailOutbox)
    .leftJoin(employees, and(eq(employees.orgId, mailOutbox.orgId), eq(employees.id, mailOutbox.employeeId)))
    .where(and(eq(mailOutbox.orgId, ctx.orgId), eq(mailOutbox.id, id)));
  if (!found) throw notFound('mail');
  return {
    ...summary(found.row),
    textBody: found.row.textBody,
    employeeId: found.row.employeeId,
    employeeNumber: found.employee?.employeeNumber ?? null,
    employeeNameJa: found.employee?.nameJa ?? null,
    employeeNameEn: found.employee?.nameEn ?? null,
  };
}

export type SendResult = { claimed: number; sent: number; retrying: number; failed: number };

const inSeconds = (seconds: number) => sql`now() + make_interval(secs => ${seconds})`;

/**
 * Delivers due pending mails of every organisation. Rows are claimed with FOR UPDATE SKIP LOCKED and
 * leased (hidden for a few minutes, attempt counted) in a short transaction, then sent outside it, so
 * several senders never deliver one mail twice and a crashed sender's mails come back after the lease.
 * A sent mail is marked sent; a failed one is retried with growing delays and marked failed after
 * MAX_ATTEMPTS, or at once when the server refuses the recipient for good (5xx on RCPT).
 * Without a mailer (no SMTP configured) nothing is claimed: mails stay pending.
 */
export async function sendPending(
  database: Database,
  mailer: Mailer | null,
  { limit = 20, maxAttempts = MAX_ATTEMPTS }: { limit?: number; maxAttempts?: number } = {},
): Promise<SendResult> {
  const result: SendResult = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  if (!mailer) return result;
  const claimed = await database.db.transaction(async (tx) => {
    const due = tx
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, sql`now()`)))
      .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.createdAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    return tx
      .update(mailOutbox)
      .set({ attempts: sql`${mailOutbox.attempts} + 1`, nextAttemptAt: inSeconds(LEASE_SECONDS) })
      .where(inArray(mailOutbox.id, due))
      .returning();
  });
  result.claimed = claimed.length;
  for (const mail of claimed) {
    try {
      await mailer.send({
        id: mail.id,
        to: mail.toAddress,
        subject: mail.subject,
        text: mail.textBody,
        locale: mail.locale,
      });
      await database.db
        .update(mailOutbox)
        .set({ status: 'sent', sentAt: new Date(), lastError: null })
        .where(eq(mailOutbox.id, mail.id));
      result.sent++;
    } catch (err) {
      const lastError = String((err as Error).message ?? err).slice(0, 1000);
      const giveUp = mail.attempts >= maxAttempts || isPermanentRefusal(err);
      await database.db
        .update(mailOutbox)
        .set(
          giveUp
            ? { status: 'failed', lastError }
            : {
                lastError,
                nextAttemptAt: inSeconds(retryDelaySeconds(mail.attempts)),
              },
        )
        .where(eq(mailOutbox.id, mail.id));
      if (giveUp) result.failed++;
      else result.retrying++;
    }
  }
  return result;
}
