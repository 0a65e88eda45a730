import type { Ctx } from '../../lib/context.js';
import type { ProgramRef } from './records.access.js';
import type { classRequests } from './certifications.table.js';
import { type ClassComplete, referenceOf } from './class-requests.schema.js';
import { createSession } from './sessions.service.js';

/**
 * The program session a held class becomes, through the sessions service (so its rules, audit and the
 * KPI of named attendees apply): a class on the scheduled day at the requester's place, keyed by the
 * request's reference, with the counts given and the instructors as employees and named attendees.
 */
export async function recordClassSession(
  ctx: Ctx,
  request: typeof classRequests.$inferSelect,
  program: ProgramRef,
  input: ClassComplete,
  instructorIds: string[],
): Promise<string> {
  const en = request.locale === 'en';
  const name = (locale: 'ja' | 'en') =>
    (locale === 'ja' ? (program.nameJa ?? program.nameEn) : (program.nameEn ?? program.nameJa)) ??
    program.code;
  const session = await createSession(ctx, {
    programId: request.programId,
    ref: referenceOf(request.id),
    kind: 'class',
    titleJa: `${name('ja')}（${request.requesterOrganisation}）`,
    titleEn: `${name('en')} (${request.requesterOrganisation})`,
    startsOn: request.scheduledOn as string,
    placeJa: en ? undefined : request.place,
    placeEn: en ? request.place : undefined,
    partnerId: request.partnerId,
    notes: input.notes,
    counts: { ...input.counts, employees: instructorIds.length },
    employeeIds: instructorIds,
  });
  return session.id;
}
