import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { assertHolds } from '../../lib/authz.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { toNumber } from '../../lib/sql.js';
import { partners } from '../partners/partners.table.js';
import { employees } from '../people/people.table.js';
import { programs } from './programs.table.js';
import { localized, yearLabeller } from './records.access.js';
import { programSessionAttendees, programSessionCounts, programSessions } from './records.table.js';
import {
  type Attendee,
  PARTICIPANT_KINDS,
  type ParticipantKind,
  type Session,
  type SessionCounts,
} from './sessions.schema.js';

export type SessionRow = typeof programSessions.$inferSelect;

/** A session with its program's company (the scope), locked FOR UPDATE when asked. Throws not_found, forbidden. */
export async function sessionFor(
  ctx: Ctx,
  sessionId: string,
  permission: 'programs.read' | 'programs.manage',
  lock = false,
): Promise<{ session: SessionRow; companyId: string }> {
  const query = ctx.db
    .select({ session: programSessions, companyId: programs.companyId })
    .from(programSessions)
    .innerJoin(
      programs,
      and(eq(programs.orgId, programSessions.orgId), eq(programs.id, programSessions.programId)),
    )
    .where(and(eq(programSessions.orgId, ctx.orgId), eq(programSessions.id, sessionId)));
  const [row] = lock ? await query.for('update', { of: programSessions }) : await query;
  if (!row) throw new AppError('not_found', { params: { entity: 'program_session' } });
  assertHolds(ctx, permission, { companyId: row.companyId });
  return row;
}

/** Counts as a full record: every kind, null where none was recorded. */
export function fullCounts(rows: Array<{ participantKind: string; count: number }>) {
  const out = Object.fromEntries(PARTICIPANT_KINDS.map((k) => [k, null])) as Record<
    ParticipantKind,
    number | null
  >;
  for (const r of rows) out[r.participantKind as ParticipantKind] = r.count;
  return out;
}

/** Decimal hours as whole minutes (rounded); null and undefined pass through. */
export function hoursToMinutes<T extends null | undefined>(hours: number | T): number | T {
  return typeof hours === 'number' ? Math.round(hours * 60) : hours;
}

/** Whole minutes as hours, to 2 decimals (null: not recorded). */
export function minutesToHours(minutes: number | null): number | null {
  return minutes === null ? null : Math.round((minutes / 60) * 100) / 100;
}

/** The counts given in an input (a kind left out or null is not stored). */
export function countRows(counts: SessionCounts | undefined) {
  return PARTICIPANT_KINDS.flatMap((kind) => {
    const value = counts?.[kind];
    return value === null || value === undefined ? [] : [{ participantKind: kind, count: value }];
  });
}

/** The API shape of sessions, with their counts, attendee numbers and partner names. */
export async function sessionViews(ctx: Ctx, rows: SessionRow[]): Promise<Session[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const label = await yearLabeller(ctx);
  const counts = await ctx.db
    .select({
      sessionId: programSessionCounts.sessionId,
      participantKind: programSessionCounts.participantKind,
      count: programSessionCounts.count,
    })
    .from(programSessionCounts)
    .where(and(eq(programSessionCounts.orgId, ctx.orgId), inArray(programSessionCounts.sessionId, ids)));
  const attendees = await ctx.db
    .select({ sessionId: programSessionAttendees.sessionId, n: sql<number>`count(*)` })
    .from(programSessionAttendees)
    .where(and(eq(programSessionAttendees.orgId, ctx.orgId), inArray(programSessionAttendees.sessionId, ids)))
    .groupBy(programSessionAttendees.sessionId);
  const partnerIds = [...new Set(rows.flatMap((r) => (r.partnerId ? [r.partnerId] : [])))];
  const partnerRows = partnerIds.length
    ? await ctx.db
        .select({ id: partners.id, nameJa: partners.nameJa, nameEn: partners.nameEn })
        .from(partners)
        .where(and(eq(partners.orgId, ctx.orgId), inArray(partners.id, partnerIds)))
    : [];
  const partnerName = new Map(partnerRows.map((p) => [p.id, localized(ctx, p.nameJa, p.nameEn)]));
  const named = new Map(attendees.map((a) => [a.sessionId, toNumber(a.n)]));
  return rows.map((r) => {
    const c = fullCounts(counts.filter((x) => x.sessionId === r.id));
    return {
      id: r.id,
      programId: r.programId,
      ref: r.externalRef,
      kind: r.kind as Session['kind'],
      titleJa: r.titleJa,
      titleEn: r.titleEn,
      title: localized(ctx, r.titleJa, r.titleEn),
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      fiscalYear: r.fiscalYear,
      fiscalYearLabel: label(r.fiscalYear),
      placeJa: r.placeJa,
      placeEn: r.placeEn,
      partnerId: r.partnerId,
      partnerName: r.partnerId ? (partnerName.get(r.partnerId) ?? null) : null,
      projectId: r.projectId,
      notes: r.notes,
      counts: c,
      participantsTotal: PARTICIPANT_KINDS.filter((k) => k !== 'organisations').reduce(
        (s, k) => s + (c[k] ?? 0),
        0,
      ),
      attendeeCount: named.get(r.id) ?? 0,
      employeeHours: minutesToHours(r.employeeMinutes),
    };
  });
}

/** The named attendees of a session, by employee number. */
export async function attendeesOf(ctx: Ctx, sessionId: string): Promise<Attendee[]> {
  const rows = await ctx.db
    .select({
      employeeId: employees.id,
      employeeNumber: employees.employeeNumber,
      nameJa: employees.nameJa,
      nameEn: employees.nameEn,
    })
    .from(programSessionAttendees)
    .innerJoin(
      employees,
      and(
        eq(employees.orgId, programSessionAttendees.orgId),
        eq(employees.id, programSessionAttendees.employeeId),
      ),
    )
    .where(
      and(eq(programSessionAttendees.orgId, ctx.orgId), eq(programSessionAttendees.sessionId, sessionId)),
    )
    .orderBy(asc(employees.employeeNumber));
  return rows.map((r) => ({
    employeeId: r.employeeId,
    employeeNumber: r.employeeNumber,
    name: localized(ctx, r.nameJa, r.nameEn),
  }));
}
