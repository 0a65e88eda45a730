import { and, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { Locale } from '../../../shared/fiscal-year.js';
import { rolesFor } from '../../../shared/roles.js';
import type { Ctx } from '../../lib/context.js';
import { roleGrants, users } from '../auth/auth.table.js';
import { textParams } from '../notifications/notifications.render.js';
import type { NoticeParams } from '../notifications/notifications.table.js';
import { mailOutbox } from '../notifications/notifications.table.js';
import { notify, renderMail } from '../notifications/notify.js';
import { organisations } from '../organisations/organisations.table.js';
import { referenceOf } from './class-requests.schema.js';
import type { classRequests } from './certifications.table.js';
import type { ProgramRef } from './records.access.js';

type Request = typeof classRequests.$inferSelect;
export type RequesterMailKind =
  | 'class_request_confirmation'
  | 'class_request_scheduled'
  | 'class_request_declined';

const programTitle = (p: ProgramRef) => ({ ja: p.nameJa, en: p.nameEn });

/**
 * Queues a mail to the requester (not an employee: no in-app notice) in the language they wrote in,
 * once per request and kind (`dedupeKey`).
 */
export async function mailRequester(
  ctx: Ctx,
  request: Request,
  program: ProgramRef,
  kind: RequesterMailKind,
  extra: NoticeParams = {},
  dedupeKey = `class_request:${request.id}:${kind}`,
): Promise<void> {
  const [org] = await ctx.db
    .select({ ja: organisations.nameJa, en: organisations.nameEn })
    .from(organisations)
    .where(eq(organisations.id, ctx.orgId));
  const locale: Locale = request.locale === 'en' ? 'en' : 'ja';
  const params = textParams(
    {
      title: programTitle(program),
      organisation: request.requesterOrganisation,
      contact: request.contactName,
      reference: referenceOf(request.id),
      date: request.scheduledOn ?? request.preferredOn,
      place: request.place,
      participants: request.expectedParticipants,
      orgName: { ja: org?.ja ?? '', en: org?.en ?? '' },
      ...extra,
    },
    locale,
  );
  await ctx.db
    .insert(mailOutbox)
    .values({
      orgId: ctx.orgId,
      employeeId: null,
      toAddress: request.contactEmail,
      locale,
      kind,
      ...renderMail(kind, locale, params),
      dedupeKey,
    })
    .onConflictDoNothing({ target: [mailOutbox.orgId, mailOutbox.dedupeKey] });
}

/** Tells every coordinator of the program (programs.manage on its company or the organisation) of a new request. */
export async function notifyCoordinators(ctx: Ctx, request: Request, program: ProgramRef): Promise<number> {
  const rows = await ctx.db
    .selectDistinct({ employeeId: users.employeeId })
    .from(roleGrants)
    .innerJoin(users, and(eq(users.orgId, roleGrants.orgId), eq(users.id, roleGrants.userId)))
    .where(
      and(
        eq(roleGrants.orgId, ctx.orgId),
        inArray(roleGrants.role, [...rolesFor('programs.manage')]),
        or(
          eq(roleGrants.scopeType, 'org'),
          and(eq(roleGrants.scopeType, 'company'), eq(roleGrants.companyId, program.companyId)),
        ),
        isNotNull(users.employeeId),
        isNull(users.disabledAt),
      ),
    );
  for (const { employeeId } of rows) {
    await notify(ctx, {
      employeeId: employeeId as string,
      kind: 'class_request_new',
      params: {
        title: programTitle(program),
        organisation: request.requesterOrganisation,
        date: request.preferredOn,
        reference: referenceOf(request.id),
      },
      link: `/programs/class-requests?id=${request.id}`,
      dedupeKey: `class_request:${request.id}:new:${employeeId}`,
    });
  }
  return rows.length;
}

/** Tells each newly assigned instructor (in-app and by mail in their language). */
export async function notifyInstructors(
  ctx: Ctx,
  request: Request,
  program: ProgramRef,
  employeeIds: string[],
): Promise<void> {
  for (const employeeId of employeeIds) {
    await notify(ctx, {
      employeeId,
      kind: 'class_assigned',
      params: {
        title: programTitle(program),
        organisation: request.requesterOrganisation,
        date: request.scheduledOn,
        place: request.place,
        reference: referenceOf(request.id),
      },
      dedupeKey: `class_request:${request.id}:assigned:${request.scheduledOn}:${employeeId}`,
    });
  }
}
