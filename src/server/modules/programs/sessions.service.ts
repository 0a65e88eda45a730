import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import type { Page } from '../../lib/pagination.js';
import { isUniqueViolation, toNumber } from '../../lib/sql.js';
import { partners } from '../partners/partners.table.js';
import { employees } from '../people/people.table.js';
import { fieldError, fiscalYearFor, programFor } from './records.access.js';
import {
  programProjects,
  programSessionAttendees,
  programSessionCounts,
  programSessions,
} from './records.table.js';
import type {
  Session,
  SessionCounts,
  SessionCreate,
  SessionDetail,
  SessionListQuery,
  SessionUpdate,
} from './sessions.schema.js';
import {
  attendeesOf,
  countRows,
  hoursToMinutes,
  type SessionRow,
  sessionFor,
  sessionViews,
} from './sessions.view.js';

/** The sessions of a program, newest first. Throws not_found, forbidden. */
export async function listSessions(ctx: Ctx, programId: string, q: SessionListQuery): Promise<Page<Session>> {
  await programFor(ctx, programId, 'programs.read');
  const where = and(
    eq(programSessions.orgId, ctx.orgId),
    eq(programSessions.programId, programId),
    q.fiscalYear !== undefined ? eq(programSessions.fiscalYear, q.fiscalYear) : undefined,
    q.kind ? eq(programSessions.kind, q.kind) : undefined,
  );
  const [{ total }] = await ctx.db.select({ total: count() }).from(programSessions).where(where);
  const rows = await ctx.db
    .select()
    .from(programSessions)
    .where(where)
    .orderBy(desc(programSessions.startsOn), asc(programSessions.externalRef))
    .limit(q.size)
    .offset((q.page - 1) * q.size);
  return { items: await sessionViews(ctx, rows), total: toNumber(total), page: q.page, size: q.size };
}

/** One session with its named attendees. Throws not_found, forbidden. */
export async function getSession(ctx: Ctx, sessionId: string): Promise<SessionDetail> {
  const { session } = await sessionFor(ctx, sessionId, 'programs.read');
  return detail(ctx, session);
}

async function detail(ctx: Ctx, row: SessionRow): Promise<SessionDetail> {
  const [view] = await sessionViews(ctx, [row]);
  return { ...view, attendees: await attendeesOf(ctx, row.id) };
}

/** Partner of the organisation, project of the program, end not before the start. */
async function checkLinks(ctx: Ctx, programId: string, v: Partial<SessionRow>) {
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) throw fieldError('endsOn', 'ends_before_start');
  if (v.partnerId) {
    const [p] = await ctx.db
      .select({ id: partners.id })
      .from(partners)
      .where(and(eq(partners.orgId, ctx.orgId), eq(partners.id, v.partnerId)));
    if (!p) throw fieldError('partnerId', 'unknown_partner');
  }
  if (v.projectId) {
    const [p] = await ctx.db
      .select({ id: programProjects.id })
      .from(programProjects)
      .where(
        and(
          eq(programProjects.orgId, ctx.orgId),
          eq(programProjects.programId, programId),
          eq(programProjects.id, v.projectId),
        ),
      );
    if (!p) throw fieldError('projectId', 'unknown_project');
  }
}

function checkNamed(counts: SessionCounts | undefined, named: number, path = 'counts.employees') {
  const employeesCount = counts?.employees;
  if (employeesCount !== null && employeesCount !== undefined && employeesCount < named)
    throw fieldError(path, 'below_named_attendees', { named });
}

function duplicateRef(err: unknown): never {
  if (isUniqueViolation(err, 'program_sessions_program_ref'))
    throw new AppError('duplicate', {
      params: { entity: 'program_session' },
      fields: [{ path: 'ref', code: 'duplicate' }],
    });
  throw err;
}

async function writeCounts(ctx: Ctx, sessionId: string, counts: SessionCounts | undefined) {
  await ctx.db
    .delete(programSessionCounts)
    .where(and(eq(programSessionCounts.orgId, ctx.orgId), eq(programSessionCounts.sessionId, sessionId)));
  const rows = countRows(counts);
  if (rows.length)
    await ctx.db
      .insert(programSessionCounts)
      .values(rows.map((r) => ({ orgId: ctx.orgId, sessionId, ...r })));
}

/** Replaces the named attendees (employees of the organisation); returns their number. */
async function writeAttendees(ctx: Ctx, sessionId: string, employeeIds: string[]): Promise<number> {
  const ids = [...new Set(employeeIds)];
  if (ids.length) {
    const found = await ctx.db
      .select({ id: employees.id })
      .from(employees)
      .where(and(eq(employees.orgId, ctx.orgId), inArray(employees.id, ids)));
    const known = new Set(found.map((e) => e.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length)
      throw new AppError('validation_failed', {
        fields: unknown.map((id) => ({
          path: `employeeIds.${employeeIds.indexOf(id)}`,
          code: 'unknown_employee',
        })),
      });
  }
  const where = and(
    eq(programSessionAttendees.orgId, ctx.orgId),
    eq(programSessionAttendees.sessionId, sessionId),
  );
  const had = new Set(
    (
      await ctx.db
        .select({ id: programSessionAttendees.employeeId })
        .from(programSessionAttendees)
        .where(where)
    ).map((r) => r.id),
  );
  const gone = [...had].filter((id) => !ids.includes(id));
  const added = ids.filter((id) => !had.has(id));
  // Only the difference is written, so the KPI triggers see just who joined or left.
  if (gone.length)
    await ctx.db
      .delete(programSessionAttendees)
      .where(and(where, inArray(programSessionAttendees.employeeId, gone)));
  if (added.length)
    await ctx.db
      .insert(programSessionAttendees)
      .values(added.map((employeeId) => ({ orgId: ctx.orgId, sessionId, employeeId })));
  return ids.length;
}

/**
 * Records a session of a program with its counts, the employees' hours (decimal hours, stored as whole
 * minutes) and, optionally, its named attendees (who count in the volunteering participants KPI).
 * Also what a completed class request calls. Throws not_found, forbidden (programs.manage on the
 * program's company), validation_failed (ends_before_start, unknown_partner, unknown_project,
 * unknown_employee, below_named_attendees; employeeHours not >= 0 with at most 2 decimals), duplicate (ref).
 */
export async function createSession(
  ctx: Ctx,
  input: SessionCreate & { programId: string },
): Promise<SessionDetail> {
  return inTransaction(ctx, async (tx) => {
    const { programId } = input;
    await programFor(tx, programId, 'programs.manage');
    const values = {
      orgId: tx.orgId,
      programId,
      externalRef: input.ref ?? `${input.startsOn.replaceAll('-', '')}-${randomUUID().slice(0, 8)}`,
      kind: input.kind,
      titleJa: input.titleJa ?? null,
      titleEn: input.titleEn ?? null,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? input.startsOn,
      fiscalYear: await fiscalYearFor(tx, input.startsOn),
      placeJa: input.placeJa ?? null,
      placeEn: input.placeEn ?? null,
      partnerId: input.partnerId ?? null,
      projectId: input.projectId ?? null,
      employeeMinutes: hoursToMinutes(input.employeeHours ?? null),
      notes: input.notes ?? null,
    };
    if (!values.titleJa && !values.titleEn)
      throw fieldError(tx.locale === 'en' ? 'titleEn' : 'titleJa', 'required');
    await checkLinks(tx, programId, values);
    checkNamed(input.counts, new Set(input.employeeIds ?? []).size);
    const [row] = await tx.db.insert(programSessions).values(values).returning().catch(duplicateRef);
    await writeCounts(tx, row.id, input.counts);
    if (input.employeeIds?.length) await writeAttendees(tx, row.id, input.employeeIds);
    const out = await detail(tx, row);
    await audit(tx, {
      action: 'program_session.create',
      entityType: 'program_session',
      entityId: row.id,
      after: out,
    });
    return out;
  });
}

/** Changes a session (counts and attendees, when given, replace the recorded ones). Throws as createSession. */
export async function updateSession(
  ctx: Ctx,
  sessionId: string,
  input: SessionUpdate,
): Promise<SessionDetail> {
  return inTransaction(ctx, async (tx) => {
    const { session } = await sessionFor(tx, sessionId, 'programs.manage', true);
    const before = await detail(tx, session);
    const next = {
      externalRef: input.ref ?? session.externalRef,
      kind: input.kind ?? session.kind,
      titleJa: input.titleJa === undefined ? session.titleJa : input.titleJa,
      titleEn: input.titleEn === undefined ? session.titleEn : input.titleEn,
      startsOn: input.startsOn ?? session.startsOn,
      endsOn:
        input.endsOn ?? (input.startsOn && session.endsOn < input.startsOn ? input.startsOn : session.endsOn),
      placeJa: input.placeJa === undefined ? session.placeJa : input.placeJa,
      placeEn: input.placeEn === undefined ? session.placeEn : input.placeEn,
      partnerId: input.partnerId === undefined ? session.partnerId : input.partnerId,
      projectId: input.projectId === undefined ? session.projectId : input.projectId,
      employeeMinutes:
        input.employeeHours === undefined ? session.employeeMinutes : hoursToMinutes(input.employeeHours),
      notes: input.notes === undefined ? session.notes : input.notes,
    };
    if (!next.titleJa && !next.titleEn) throw fieldError('titleJa', 'required');
    await checkLinks(tx, session.programId, next);
    const named = input.employeeIds ? new Set(input.employeeIds).size : before.attendeeCount;
    checkNamed(input.counts ?? before.counts, named, input.counts ? 'counts.employees' : 'employeeIds');
    const [row] = await tx.db
      .update(programSessions)
      .set({ ...next, fiscalYear: await fiscalYearFor(tx, next.startsOn), updatedAt: new Date() })
      .where(and(eq(programSessions.orgId, tx.orgId), eq(programSessions.id, sessionId)))
      .returning()
      .catch(duplicateRef);
    if (input.counts) await writeCounts(tx, sessionId, input.counts);
    if (input.employeeIds) await writeAttendees(tx, sessionId, input.employeeIds);
    const out = await detail(tx, row);
    await audit(tx, {
      action: 'program_session.update',
      entityType: 'program_session',
      entityId: sessionId,
      before,
      after: out,
    });
    return out;
  });
}

/**
 * Replaces a session's named attendees. Throws not_found, forbidden, validation_failed
 * (unknown_employee; below_named_attendees when the employees count recorded is lower).
 */
export async function setAttendees(
  ctx: Ctx,
  sessionId: string,
  employeeIds: string[],
): Promise<SessionDetail> {
  return inTransaction(ctx, async (tx) => {
    const { session } = await sessionFor(tx, sessionId, 'programs.manage', true);
    const before = await attendeesOf(tx, sessionId);
    const [current] = await sessionViews(tx, [session]);
    checkNamed(current.counts, new Set(employeeIds).size, 'employeeIds');
    await writeAttendees(tx, sessionId, employeeIds);
    const out = await detail(tx, session);
    await audit(tx, {
      action: 'program_session.attendees',
      entityType: 'program_session',
      entityId: sessionId,
      before: before.map((a) => a.employeeNumber),
      after: out.attendees.map((a) => a.employeeNumber),
    });
    return out;
  });
}

/**
 * Deletes a session with its counts and attendees (who stop counting in the KPI). Throws not_found,
 * forbidden, conflict when a survey, testimonial or photo refers to it.
 */
export async function deleteSession(ctx: Ctx, sessionId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { session } = await sessionFor(tx, sessionId, 'programs.manage', true);
    const before = await detail(tx, session);
    await tx.db
      .delete(programSessions)
      .where(and(eq(programSessions.orgId, tx.orgId), eq(programSessions.id, sessionId)))
      .catch((err: unknown) => {
        if (
          (err as { cause?: { code?: string }; code?: string }).cause?.code === '23503' ||
          (err as { code?: string }).code === '23503'
        )
          throw new AppError('conflict', { params: { entity: 'program_session' } });
        throw err;
      });
    await audit(tx, {
      action: 'program_session.delete',
      entityType: 'program_session',
      entityId: sessionId,
      before,
    });
  });
}
