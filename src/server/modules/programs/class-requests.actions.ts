import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { actorUserId, type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { auditLog } from '../audit/audit.table.js';
import { users } from '../auth/auth.table.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { employees } from '../people/people.table.js';
import { coversDay } from './certifications.rules.js';
import { certificationHolders, classRequestInstructors, classRequests } from './certifications.table.js';
import { mailRequester, notifyInstructors } from './class-requests.mail.js';
import type { ClassAssign, ClassComplete, ClassRequestDetail } from './class-requests.schema.js';
import { managedRequest, summaryOf } from './class-requests.service.js';
import { recordClassSession } from './class-requests.session.js';

type Named = { id: string; nameJa: string; nameEn: string };
const nameIn = (locale: 'ja' | 'en', people: Named[]) =>
  people.map((p) => (locale === 'ja' ? p.nameJa : p.nameEn)).join(locale === 'ja' ? '、' : ', ');

async function peopleNamed(ctx: Ctx, ids: string[]): Promise<Named[]> {
  if (!ids.length) return [];
  return ctx.db
    .select({ id: employees.id, nameJa: employees.nameJa, nameEn: employees.nameEn })
    .from(employees)
    .where(and(eq(employees.orgId, ctx.orgId), inArray(employees.id, ids)));
}

/** One request with its instructors. Throws not_found, forbidden (programs.manage on the program's company). */
export async function getRequest(ctx: Ctx, id: string): Promise<ClassRequestDetail> {
  const { row, program } = await managedRequest(ctx, id);
  const instructors = await ctx.db
    .select({
      employeeId: classRequestInstructors.employeeId,
      holderId: classRequestInstructors.holderId,
      employeeNumber: employees.employeeNumber,
      nameJa: employees.nameJa,
      nameEn: employees.nameEn,
      expiresOn: certificationHolders.expiresOn,
    })
    .from(classRequestInstructors)
    .innerJoin(
      employees,
      and(eq(employees.orgId, ctx.orgId), eq(employees.id, classRequestInstructors.employeeId)),
    )
    .innerJoin(
      certificationHolders,
      and(
        eq(certificationHolders.orgId, ctx.orgId),
        eq(certificationHolders.id, classRequestInstructors.holderId),
      ),
    )
    .where(and(eq(classRequestInstructors.orgId, ctx.orgId), eq(classRequestInstructors.requestId, id)))
    .orderBy(employees.nameKana);
  const [coordinator] = row.coordinatorId
    ? await ctx.db
        .select({ id: users.id, displayName: users.displayName })
        .from(users)
        .where(and(eq(users.orgId, ctx.orgId), eq(users.id, row.coordinatorId)))
    : [];
  const [declined] =
    row.status === 'declined'
      ? await ctx.db
          .select({ reason: sql<string | null>`${auditLog.after}->>'reason'` })
          .from(auditLog)
          .where(
            and(
              eq(auditLog.orgId, ctx.orgId),
              eq(auditLog.entityType, 'class_request'),
              eq(auditLog.entityId, id),
              eq(auditLog.action, 'class_request.decline'),
            ),
          )
          .orderBy(desc(auditLog.id))
          .limit(1)
      : [];
  return {
    ...summaryOf(row, program, instructors.length),
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    locale: row.locale === 'en' ? 'en' : 'ja',
    place: row.place,
    message: row.message,
    coordinator: coordinator ?? null,
    sessionId: row.sessionId,
    declineReason: declined?.reason ?? null,
    instructors,
  };
}

/**
 * Assigns certified instructors for a day (replacing any earlier assignment). The request row and the
 * instructors' certification periods are locked, so two coordinators' assignments happen one after the
 * other. Each instructor must hold a current certification on the day and not teach another class
 * that day. Mails each instructor and the requester. Throws not_found, forbidden, invalid_transition,
 * validation_failed (date_in_past), instructor_not_certified, instructor_busy.
 */
export async function assignInstructors(
  ctx: Ctx,
  id: string,
  input: ClassAssign,
): Promise<ClassRequestDetail> {
  await inTransaction(ctx, async (tx) => {
    const { row, program } = await managedRequest(tx, id, true);
    if (row.status !== 'requested' && row.status !== 'assigned')
      throw new AppError('invalid_transition', { params: { from: row.status } });
    const day = input.scheduledOn;
    if (day < ledgerToday())
      throw new AppError('validation_failed', { fields: [{ path: 'scheduledOn', code: 'date_in_past' }] });
    const ids = [...new Set(input.employeeIds)];
    const h = certificationHolders;
    const periods = await tx.db
      .select({ id: h.id, employeeId: h.employeeId })
      .from(h)
      .where(
        and(
          eq(h.orgId, tx.orgId),
          eq(h.certificationId, row.certificationId),
          inArray(h.employeeId, ids),
          coversDay(day),
          sql`not exists (select 1 from employees e where e.org_id = ${h.orgId} and e.id = ${h.employeeId} and e.leave_date <= ${day}::date)`,
        ),
      )
      .orderBy(desc(h.certifiedOn))
      .for('update');
    const holderOf = new Map<string, string>();
    for (const p of periods) if (!holderOf.has(p.employeeId)) holderOf.set(p.employeeId, p.id);
    const fieldsFor = (bad: string[], code: string) =>
      input.employeeIds.flatMap((e, i) => (bad.includes(e) ? [{ path: `employeeIds.${i}`, code }] : []));
    const missing = ids.filter((e) => !holderOf.has(e));
    if (missing.length)
      throw new AppError('instructor_not_certified', {
        params: { date: day, names: nameIn(tx.locale, await peopleNamed(tx, missing)) || missing.join(', ') },
        fields: fieldsFor(missing, 'not_certified'),
      });
    const busy = await tx.db
      .selectDistinct({ employeeId: classRequestInstructors.employeeId })
      .from(classRequestInstructors)
      .innerJoin(
        classRequests,
        and(
          eq(classRequests.orgId, classRequestInstructors.orgId),
          eq(classRequests.id, classRequestInstructors.requestId),
        ),
      )
      .where(
        and(
          eq(classRequestInstructors.orgId, tx.orgId),
          inArray(classRequestInstructors.employeeId, ids),
          ne(classRequests.id, id),
          eq(classRequests.scheduledOn, day),
          inArray(classRequests.status, ['assigned', 'completed']),
        ),
      );
    if (busy.length) {
      const busyIds = busy.map((b) => b.employeeId);
      throw new AppError('instructor_busy', {
        params: { date: day, names: nameIn(tx.locale, await peopleNamed(tx, busyIds)) },
        fields: fieldsFor(busyIds, 'instructor_busy'),
      });
    }
    const before = await tx.db
      .select({ employeeId: classRequestInstructors.employeeId })
      .from(classRequestInstructors)
      .where(and(eq(classRequestInstructors.orgId, tx.orgId), eq(classRequestInstructors.requestId, id)));
    await tx.db
      .delete(classRequestInstructors)
      .where(and(eq(classRequestInstructors.orgId, tx.orgId), eq(classRequestInstructors.requestId, id)));
    await tx.db.insert(classRequestInstructors).values(
      ids.map((employeeId) => ({
        orgId: tx.orgId,
        requestId: id,
        employeeId,
        holderId: holderOf.get(employeeId)!,
      })),
    );
    const [updated] = await tx.db
      .update(classRequests)
      .set({ status: 'assigned', scheduledOn: day, coordinatorId: actorUserId(tx), updatedAt: new Date() })
      .where(and(eq(classRequests.orgId, tx.orgId), eq(classRequests.id, id)))
      .returning();
    await audit(tx, {
      action: 'class_request.assign',
      entityType: 'class_request',
      entityId: id,
      before: {
        status: row.status,
        scheduledOn: row.scheduledOn,
        instructors: before.map((b) => b.employeeId),
      },
      after: { status: 'assigned', scheduledOn: day, instructors: ids },
    });
    await notifyInstructors(tx, updated, program, ids);
    const names = nameIn(updated.locale === 'en' ? 'en' : 'ja', await peopleNamed(tx, ids));
    const key = createHash('sha256')
      .update([day, ...[...ids].sort()].join(','))
      .digest('hex')
      .slice(0, 16);
    await mailRequester(
      tx,
      updated,
      program,
      'class_request_scheduled',
      { instructors: names },
      `class_request:${id}:scheduled:${key}`,
    );
  });
  return getRequest(ctx, id);
}

/** Declines a request and tells the requester why. Throws not_found, forbidden, invalid_transition. */
export async function declineRequest(ctx: Ctx, id: string, reason: string): Promise<ClassRequestDetail> {
  await inTransaction(ctx, async (tx) => {
    const { row, program } = await managedRequest(tx, id, true);
    if (row.status !== 'requested' && row.status !== 'assigned')
      throw new AppError('invalid_transition', { params: { from: row.status } });
    const [updated] = await tx.db
      .update(classRequests)
      .set({ status: 'declined', coordinatorId: actorUserId(tx), updatedAt: new Date() })
      .where(and(eq(classRequests.orgId, tx.orgId), eq(classRequests.id, id)))
      .returning();
    await audit(tx, {
      action: 'class_request.decline',
      entityType: 'class_request',
      entityId: id,
      before: { status: row.status },
      after: { status: 'declined', reason },
    });
    await mailRequester(tx, updated, program, 'class_request_declined', { reason });
  });
  return getRequest(ctx, id);
}

/**
 * Records that the class was held: the program session (a class on the scheduled day, the counts given
 * plus the instructors as employees, the instructors as named attendees). Throws not_found, forbidden,
 * invalid_transition (not assigned), validation_failed (future_date: the day has not come).
 */
export async function completeRequest(
  ctx: Ctx,
  id: string,
  input: ClassComplete,
): Promise<ClassRequestDetail> {
  await inTransaction(ctx, async (tx) => {
    const { row, program } = await managedRequest(tx, id, true);
    if (row.status !== 'assigned') throw new AppError('invalid_transition', { params: { from: row.status } });
    if ((row.scheduledOn as string) > ledgerToday())
      throw new AppError('validation_failed', { fields: [{ path: 'scheduledOn', code: 'future_date' }] });
    const instructors = await tx.db
      .select({ employeeId: classRequestInstructors.employeeId })
      .from(classRequestInstructors)
      .where(and(eq(classRequestInstructors.orgId, tx.orgId), eq(classRequestInstructors.requestId, id)));
    const sessionId = await recordClassSession(
      tx,
      row,
      program,
      input,
      instructors.map((i) => i.employeeId),
    );
    await tx.db
      .update(classRequests)
      .set({ status: 'completed', sessionId, updatedAt: new Date() })
      .where(and(eq(classRequests.orgId, tx.orgId), eq(classRequests.id, id)));
    await audit(tx, {
      action: 'class_request.complete',
      entityType: 'class_request',
      entityId: id,
      before: { status: row.status },
      after: { status: 'completed', sessionId, counts: input.counts },
    });
  });
  return getRequest(ctx, id);
}
