import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import { holdsOn } from '../../lib/authz.js';
import { audit } from '../../lib/audit.js';
import { actorUserId, type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { offsetOf, type Page, sortSpec } from '../../lib/pagination.js';
import { toNumber } from '../../lib/sql.js';
import { groupCompanies, sites } from '../organisations/organisations.table.js';
import { employees } from '../people/people.table.js';
import { notify } from '../notifications/notify.js';
import { callerEmployee, hoursOf, requireEmployee, todayIn } from './participation.common.js';
import type { HourLog, HourLogCreate, HourLogListQuery } from './signups.schema.js';
import { volunteerHourLogs as logs } from './volunteering.table.js';
import { employeesInScope } from '../people/people.scope.js';

const columns = {
  log: logs,
  employeeNumber: employees.employeeNumber,
  nameJa: employees.nameJa,
  nameEn: employees.nameEn,
  companyId: employees.companyId,
  siteId: employees.siteId,
  companyCode: groupCompanies.code,
  siteCode: sites.code,
};

function selectLogs(ctx: Ctx) {
  return ctx.db
    .select(columns)
    .from(logs)
    .innerJoin(employees, and(eq(employees.orgId, logs.orgId), eq(employees.id, logs.employeeId)))
    .innerJoin(
      groupCompanies,
      and(eq(groupCompanies.orgId, employees.orgId), eq(groupCompanies.id, employees.companyId)),
    )
    .leftJoin(sites, and(eq(sites.orgId, employees.orgId), eq(sites.id, employees.siteId)));
}
type Row = Awaited<ReturnType<typeof selectLogs>>[number];

const scopeOf = (r: Row) => ({ companyId: r.companyId, siteId: r.siteId });
const isOwn = (ctx: Ctx, r: Row) => ctx.actor.kind === 'user' && ctx.actor.employeeId === r.log.employeeId;

function view(ctx: Ctx, r: Row): HourLog {
  const l = r.log;
  return {
    id: l.id,
    employeeId: l.employeeId,
    activityDate: l.activityDate,
    organisationName: l.organisationName,
    field: l.field as HourLog['field'],
    minutes: l.minutes,
    hours: hoursOf(l.minutes),
    description: l.description,
    status: l.status as HourLog['status'],
    reviewNote: l.reviewNote,
    reviewedAt: l.reviewedAt?.toISOString() ?? null,
    createdAt: l.createdAt.toISOString(),
    employee: {
      employeeNumber: r.employeeNumber,
      nameJa: r.nameJa,
      nameEn: r.nameEn,
      companyCode: r.companyCode,
      siteCode: r.siteCode,
    },
    canReview: l.status === 'pending' && !isOwn(ctx, r) && holdsOn(ctx.actor, 'hours.approve', scopeOf(r)),
  };
}

/**
 * Logs volunteering done outside the system for the caller's employee; it waits for approval and
 * counts nowhere until approved. The date may not be after today in the employee's company time zone.
 * Throws no_employee_record, validation_failed (activityDate future_date).
 */
export async function createHourLog(ctx: Ctx, input: HourLogCreate): Promise<HourLog> {
  const employee = await callerEmployee(ctx);
  if (input.activityDate > todayIn(employee.timeZone))
    throw new AppError('validation_failed', { fields: [{ path: 'activityDate', code: 'future_date' }] });
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(logs)
      .values({ orgId: tx.orgId, employeeId: employee.id, ...input })
      .returning();
    await audit(tx, { action: 'hour_log.create', entityType: 'hour_log', entityId: row.id, after: row });
    const [r] = await selectLogs(tx).where(and(eq(logs.orgId, tx.orgId), eq(logs.id, row.id)));
    return view(tx, r);
  });
}

/** The caller's own hour logs, newest activity first. Throws no_employee_record. */
export async function listMyHourLogs(ctx: Ctx): Promise<{ items: HourLog[] }> {
  const employeeId = requireEmployee(ctx);
  const rows = await selectLogs(ctx)
    .where(and(eq(logs.orgId, ctx.orgId), eq(logs.employeeId, employeeId)))
    .orderBy(desc(logs.activityDate), desc(logs.createdAt));
  return { items: rows.map((r) => view(ctx, r)) };
}

/** Deletes one of the caller's own logs while it is pending. Throws not_found, invalid_transition. */
export async function deleteMyHourLog(ctx: Ctx, id: string): Promise<void> {
  const employeeId = requireEmployee(ctx);
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .select()
      .from(logs)
      .where(and(eq(logs.orgId, tx.orgId), eq(logs.id, id), eq(logs.employeeId, employeeId)))
      .for('update');
    if (!row) throw new AppError('not_found', { params: { entity: 'hour_log' } });
    if (row.status !== 'pending') throw new AppError('invalid_transition', { params: { from: row.status } });
    await tx.db.delete(logs).where(and(eq(logs.orgId, tx.orgId), eq(logs.id, id)));
    await audit(tx, { action: 'hour_log.delete', entityType: 'hour_log', entityId: id, before: row });
  });
}

const SORTS = ['activityDate', 'createdAt'] as const;

/**
 * Hour logs of the employees in the caller's scope (volunteers.read: approvers, organisers, admins and
 * auditors), filtered by status, company and site; the approvals queue is `status=pending`.
 */
export async function listHourLogs(ctx: Ctx, q: HourLogListQuery): Promise<Page<HourLog>> {
  const conditions: (SQL | undefined)[] = [eq(logs.orgId, ctx.orgId)];
  const scope = employeesInScope(ctx, 'volunteers.read');
  if (scope === false) return { items: [], total: 0, page: q.page, size: q.size };
  conditions.push(scope);
  if (q.status) conditions.push(eq(logs.status, q.status));
  if (q.companyId) conditions.push(eq(employees.companyId, q.companyId));
  if (q.siteId) conditions.push(eq(employees.siteId, q.siteId));
  const where = and(...conditions);
  const [{ total }] = await ctx.db
    .select({ total: count() })
    .from(logs)
    .innerJoin(employees, and(eq(employees.orgId, logs.orgId), eq(employees.id, logs.employeeId)))
    .where(where);
  const sort = sortSpec(q.sort, SORTS, 'createdAt');
  const column = logs[sort.field];
  const rows = await selectLogs(ctx)
    .where(where)
    .orderBy(sort.desc ? desc(column) : asc(column), asc(logs.id))
    .limit(q.size)
    .offset(offsetOf(q));
  return { items: rows.map((r) => view(ctx, r)), total: toNumber(total), page: q.page, size: q.size };
}

/**
 * Approves or rejects a pending log (hours.approve on the employee's company or site; nobody reviews
 * their own) and notifies the employee (hours_approved / hours_rejected).
 * Throws not_found, forbidden, invalid_transition.
 */
export async function reviewHourLog(
  ctx: Ctx,
  id: string,
  decision: 'approved' | 'rejected',
  note: string | undefined,
  baseUrl = '',
): Promise<HourLog> {
  return inTransaction(ctx, async (tx) => {
    const [r] = await selectLogs(tx)
      .where(and(eq(logs.orgId, tx.orgId), eq(logs.id, id)))
      .for('update', { of: logs });
    if (!r) throw new AppError('not_found', { params: { entity: 'hour_log' } });
    if (!holdsOn(tx.actor, 'hours.approve', scopeOf(r)) || isOwn(tx, r))
      throw new AppError('forbidden', { params: { permission: 'hours.approve' } });
    if (r.log.status !== 'pending')
      throw new AppError('invalid_transition', { params: { from: r.log.status } });
    const now = new Date();
    const [updated] = await tx.db
      .update(logs)
      .set({
        status: decision,
        reviewedBy: actorUserId(tx),
        reviewedAt: now,
        reviewNote: note || null,
        updatedAt: now,
      })
      .where(and(eq(logs.orgId, tx.orgId), eq(logs.id, id)))
      .returning();
    await notify(
      tx,
      {
        employeeId: r.log.employeeId,
        kind: decision === 'approved' ? 'hours_approved' : 'hours_rejected',
        params: {
          hours: hoursOf(r.log.minutes),
          date: r.log.activityDate,
          organisation: r.log.organisationName,
          note: note || null,
        },
        link: '/volunteering/activities',
      },
      baseUrl,
    );
    await audit(tx, {
      action: decision === 'approved' ? 'hour_log.approve' : 'hour_log.reject',
      entityType: 'hour_log',
      entityId: id,
      before: { status: 'pending' },
      after: { status: decision, reviewNote: note || null },
    });
    return view(tx, { ...r, log: updated });
  });
}
