import { and, eq } from 'drizzle-orm';
import { createI18n } from '../../../shared/i18n/index.js';
import type { Locale } from '../../../shared/fiscal-year.js';
import type { Ctx } from '../../lib/context.js';
import { users } from '../auth/auth.table.js';
import { organisations } from '../organisations/organisations.table.js';
import { employees } from '../people/people.table.js';
import { volunteerRegistrations } from '../volunteering/volunteering.table.js';
import { mailOutbox, type NoticeParams, notifications } from './notifications.table.js';

/** What the platform tells an employee about. Texts: `notifications:kind.<kind>` and `notifications:mail.<kind>`. */
export const NOTIFICATION_KINDS = [
  'signup_confirmed',
  'signup_waitlisted',
  'waitlist_promoted',
  'shift_reminder',
  'opportunity_cancelled',
  'hours_approved',
  'hours_rejected',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotificationParams = Record<string, string | number | null>;

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

const i18n = createI18n('ja');

/** Resolves bilingual parameters to one language (falling back to the other when one is missing). */
export function paramsIn(params: Notice['params'], locale: Locale): NotificationParams {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) =>
      v !== null && typeof v === 'object' ? [k, v[locale] ?? v[locale === 'ja' ? 'en' : 'ja']] : [k, v],
    ),
  );
}

/** Renders a mail for a kind in a language: subject and plain-text body. */
export function renderMail(
  kind: NotificationKind,
  locale: Locale,
  params: NotificationParams,
  link?: string,
) {
  const vars = { ...params, link: link ?? '', lng: locale };
  return {
    subject: i18n.t(`notifications:mail.${kind}.subject`, vars),
    textBody: i18n.t(`notifications:mail.${kind}.body`, vars),
  };
}

/**
 * Tells an employee something, in the same transaction as the change that caused it: an in-app
 * notification (rendered when read) and, unless they left the volunteer service, an e-mail queued in
 * the outbox in their language (their account's, else the organisation's default).
 * @param baseUrl the public URL that in-app links in mails are made absolute with
 */
export async function notify(ctx: Ctx, notice: Notice, baseUrl = ''): Promise<void> {
  const [recipient] = await ctx.db
    .select({
      email: employees.email,
      userLocale: users.locale,
      orgLocale: organisations.defaultLocale,
      leftOn: volunteerRegistrations.leftOn,
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
  const stored = paramsIn(notice.params, locale);
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
  if (inserted.length === 0 || recipient.leftOn) return;
  const mail = renderMail(notice.kind, locale, stored, notice.link ? `${baseUrl}${notice.link}` : undefined);
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
