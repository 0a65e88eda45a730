import { and, eq } from 'drizzle-orm';
import type { Locale } from '../../../shared/fiscal-year.js';
import type { Ctx } from '../../lib/context.js';
import { users } from '../auth/auth.table.js';
import { organisations } from '../organisations/organisations.table.js';
import { employees } from '../people/people.table.js';
import { volunteerRegistrations } from '../volunteering/volunteering.table.js';
import { renderMail, textParams } from './notifications.render.js';
import { mailOutbox, type NoticeParams, notifications } from './notifications.table.js';

export { type NotificationParams, paramsIn, renderMail } from './notifications.render.js';

/** What the platform tells an employee about. Texts: `notifications:kind.<kind>` and `notifications:mail.<kind>`. */
export const NOTIFICATION_KINDS = [
  'signup_confirmed',
  'signup_waitlisted',
  'waitlist_promoted',
  'shift_reminder',
  'opportunity_cancelled',
  'hours_approved',
  'hours_rejected',
  'claim_approved',
  'claim_rejected',
  'donation_received',
  'ledger_check_failed',
  'class_request_new',
  'class_assigned',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Kinds about the volunteer service: no mail once the employee has left it. */
const VOLUNTEERING_KINDS: ReadonlySet<NotificationKind> = new Set([
  'signup_confirmed',
  'signup_waitlisted',
  'waitlist_promoted',
  'shift_reminder',
  'opportunity_cancelled',
  'hours_approved',
  'hours_rejected',
]);

export type Notice = {
  employeeId: string;
  kind: NotificationKind;
  /** Values for the texts; a `{ ja, en }` pair is resolved to the recipient's language. */
  params: NoticeParams;
  /** In-app path to open, e.g. `/opportunities/<id>`. */
  link?: string;
  /** Makes queueing idempotent: a second notice with the same key is ignored. */
  dedupeKey?: string;
};

let defaultBaseUrl = '';

/**
 * The public URL of this deployment, which links in mails start with when a caller passes no base URL.
 * The server sets it once it listens (PUBLIC_URL, else the address it listens on).
 */
export function setMailBaseUrl(url: string): void {
  defaultBaseUrl = url.replace(/\/+$/, '');
}

/**
 * Tells an employee something, in the same transaction as the change that caused it: an in-app
 * notification (rendered when read) and, unless they left the volunteer service, an e-mail queued in
 * the outbox in their language (their account's, else the organisation's default). No mail for someone
 * who left the company. `startsAt` (ISO) with `timeZone` become a `start` text in the reader's language.
 * @param baseUrl the public URL that in-app links in mails are made absolute with (default: setMailBaseUrl's)
 */
export async function notify(ctx: Ctx, notice: Notice, baseUrl = defaultBaseUrl): Promise<void> {
  const [recipient] = await ctx.db
    .select({
      email: employees.email,
      nameJa: employees.nameJa,
      nameEn: employees.nameEn,
      orgNameJa: organisations.nameJa,
      orgNameEn: organisations.nameEn,
      userLocale: users.locale,
      orgLocale: organisations.defaultLocale,
      leftOn: volunteerRegistrations.leftOn,
      employmentStatus: employees.employmentStatus,
    })
    .from(employees)
    .innerJoin(organisations, eq(organisations.id, employees.orgId))
    .leftJoin(users, and(eq(users.orgId, employees.orgId), eq(users.employeeId, employees.id)))
    .leftJoin(
      volunteerRegistrations,
      and(
        eq(volunteerRegistrations.orgId, employees.orgId),
        eq(volunteerRegistrations.employeeId, employees.id),
      ),
    )
    .where(and(eq(employees.orgId, ctx.orgId), eq(employees.id, notice.employeeId)));
  if (!recipient) return;
  const locale: Locale = (recipient.userLocale ?? recipient.orgLocale) === 'en' ? 'en' : 'ja';
  const inserted = await ctx.db
    .insert(notifications)
    .values({
      orgId: ctx.orgId,
      employeeId: notice.employeeId,
      kind: notice.kind,
      params: notice.params,
      link: notice.link ?? null,
      dedupeKey: notice.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: [notifications.orgId, notifications.dedupeKey] })
    .returning({ id: notifications.id });
  if (inserted.length === 0 || recipient.employmentStatus === 'left') return;
  if (recipient.leftOn && VOLUNTEERING_KINDS.has(notice.kind)) return;
  const link = notice.link ? `${baseUrl.replace(/\/+$/, '')}${notice.link}` : undefined;
  const r = recipient;
  const names = { name: { ja: r.nameJa, en: r.nameEn }, orgName: { ja: r.orgNameJa, en: r.orgNameEn } };
  const mail = renderMail(notice.kind, locale, textParams({ ...notice.params, ...names }, locale), link);
  await ctx.db
    .insert(mailOutbox)
    .values({
      orgId: ctx.orgId,
      employeeId: notice.employeeId,
      toAddress: recipient.email,
      locale,
      kind: notice.kind,
      ...mail,
      dedupeKey: notice.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: [mailOutbox.orgId, mailOutbox.dedupeKey] });
}
