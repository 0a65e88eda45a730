import { and, asc, count, desc, eq, inArray, notExists, type SQL } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { actorUserId, type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { offsetOf, type Page, sortSpec } from '../../lib/pagination.js';
import { isUniqueViolation, toNumber } from '../../lib/sql.js';
import { fileInfo, readFile, type StoredFileContent } from '../files/files.service.js';
import { balanceOf } from '../ledger/ledger.accounts.js';
import { account } from '../ledger/ledger.keys.js';
import { currentFiscalYear, ledgerSettings } from '../ledger/ledger.values.js';
import { employees } from '../people/people.table.js';
import { requireEmployee } from '../volunteering/participation.common.js';
import { opportunities, opportunityShifts, signups } from '../volunteering/volunteering.table.js';
import type { Claim, ClaimCreate, ClaimListQuery, Eligible } from './claims.schema.js';
import {
  activityColumns,
  activityView,
  canView,
  claimView,
  opportunityOfShift,
  selectClaims,
  shiftOfSignup,
} from './claims.view.js';
import { pointClaims as claims } from './points.table.js';
import { employeesInScope } from '../people/people.scope.js';

const LIVE = ['pending', 'approved'];

/** A live (pending or approved) claim of the sign-up exists. */
const liveClaimOf = (ctx: Ctx) =>
  ctx.db
    .select({ id: claims.id })
    .from(claims)
    .where(
      and(eq(claims.orgId, signups.orgId), eq(claims.signupId, signups.id), inArray(claims.status, LIVE)),
    );

/** One claim as the caller may see it. Throws not_found. */
export async function getClaim(ctx: Ctx, id: string): Promise<Claim> {
  const [r] = await selectClaims(ctx).where(and(eq(claims.orgId, ctx.orgId), eq(claims.id, id)));
  if (!r || !canView(ctx, r)) throw new AppError('not_found', { params: { entity: 'point_claim' } });
  return claimView(ctx, r);
}

/**
 * The caller's attended activities that allow a claim and have no live claim, with the points they can
 * spend now (the current fiscal year's) and today's point value. Throws no_employee_record.
 */
export async function eligibleActivities(ctx: Ctx): Promise<Eligible> {
  const employeeId = requireEmployee(ctx);
  const rows = await ctx.db
    .select(activityColumns)
    .from(signups)
    .innerJoin(opportunityShifts, shiftOfSignup)
    .innerJoin(opportunities, opportunityOfShift)
    .where(
      and(
        eq(signups.orgId, ctx.orgId),
        eq(signups.employeeId, employeeId),
        eq(signups.attendance, 'attended'),
        eq(opportunities.transportByPoints, true),
        notExists(liveClaimOf(ctx)),
      ),
    )
    .orderBy(desc(opportunityShifts.startsAt));
  const fiscalYear = await currentFiscalYear(ctx);
  const { pointValueJpy } = await ledgerSettings(ctx);
  const balance = await balanceOf(ctx, account.employeePoints(employeeId, fiscalYear));
  return { items: rows.map(activityView), fiscalYear, balance, pointValueJpy };
}

/**
 * Claims points for the transport of an activity the caller attended, with the route and a receipt
 * they uploaded. It waits for approval; nothing is posted yet.
 * Throws no_employee_record, not_found (sign-up), claim_not_allowed, not_attended, already_claimed,
 * insufficient_points (above the current balance), validation_failed (receiptFileId).
 */
export async function createClaim(ctx: Ctx, input: ClaimCreate): Promise<Claim> {
  const employeeId = requireEmployee(ctx);
  return inTransaction(ctx, async (tx) => {
    const [signup] = await tx.db
      .select({ attendance: signups.attendance, transportByPoints: opportunities.transportByPoints })
      .from(signups)
      .innerJoin(opportunityShifts, shiftOfSignup)
      .innerJoin(opportunities, opportunityOfShift)
      .where(
        and(eq(signups.orgId, tx.orgId), eq(signups.id, input.signupId), eq(signups.employeeId, employeeId)),
      );
    if (!signup) throw new AppError('not_found', { params: { entity: 'signup' } });
    if (!signup.transportByPoints) throw new AppError('claim_not_allowed');
    if (signup.attendance !== 'attended') throw new AppError('not_attended');
    const file = await fileInfo(tx, input.receiptFileId);
    if (!file || file.uploadedBy !== actorUserId(tx) || file.purpose !== 'claim_receipt')
      throw new AppError('validation_failed', { fields: [{ path: 'receiptFileId', code: 'not_found' }] });
    const balance = await balanceOf(tx, account.employeePoints(employeeId, await currentFiscalYear(tx)));
    if (input.points > balance) throw new AppError('insufficient_points');
    const [row] = await tx.db
      .insert(claims)
      .values({
        orgId: tx.orgId,
        employeeId,
        signupId: input.signupId,
        points: input.points,
        route: input.route,
        note: input.note || null,
        receiptFileId: input.receiptFileId,
      })
      .returning()
      .catch((err) => {
        if (isUniqueViolation(err, 'point_claims_one_live_per_signup')) throw new AppError('already_claimed');
        throw err;
      });
    await audit(tx, {
      action: 'point_claim.create',
      entityType: 'point_claim',
      entityId: row.id,
      after: row,
    });
    return getClaim(tx, row.id);
  });
}

/** Withdraws one of the caller's pending claims. Throws not_found, invalid_transition. */
export async function withdrawClaim(ctx: Ctx, id: string): Promise<Claim> {
  const employeeId = requireEmployee(ctx);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .select()
      .from(claims)
      .where(and(eq(claims.orgId, tx.orgId), eq(claims.id, id), eq(claims.employeeId, employeeId)))
      .for('update');
    if (!row) throw new AppError('not_found', { params: { entity: 'point_claim' } });
    if (row.status !== 'pending') throw new AppError('invalid_transition', { params: { from: row.status } });
    await tx.db
      .update(claims)
      .set({ status: 'withdrawn', updatedAt: new Date() })
      .where(and(eq(claims.orgId, tx.orgId), eq(claims.id, id)));
    await audit(tx, {
      action: 'point_claim.withdraw',
      entityType: 'point_claim',
      entityId: id,
      before: { status: 'pending' },
      after: { status: 'withdrawn' },
    });
    return getClaim(tx, id);
  });
}

/** The caller's own claims, newest first. Throws no_employee_record. */
export async function listMyClaims(ctx: Ctx): Promise<{ items: Claim[] }> {
  const employeeId = requireEmployee(ctx);
  const rows = await selectClaims(ctx)
    .where(and(eq(claims.orgId, ctx.orgId), eq(claims.employeeId, employeeId)))
    .orderBy(desc(claims.createdAt), asc(claims.id));
  return { items: rows.map((r) => claimView(ctx, r)) };
}

const SORTS = ['createdAt', 'points'] as const;

/**
 * Claims of the employees in the caller's claims.approve scope (their company or site), filtered by
 * status, company and site; the approvals queue is `status=pending`, oldest first.
 */
export async function listClaims(ctx: Ctx, q: ClaimListQuery): Promise<Page<Claim>> {
  const conditions: (SQL | undefined)[] = [eq(claims.orgId, ctx.orgId)];
  const scope = employeesInScope(ctx, 'claims.approve');
  if (scope === false) return { items: [], total: 0, page: q.page, size: q.size };
  conditions.push(scope);
  if (q.status) conditions.push(eq(claims.status, q.status));
  if (q.companyId) conditions.push(eq(employees.companyId, q.companyId));
  if (q.siteId) conditions.push(eq(employees.siteId, q.siteId));
  const where = and(...conditions);
  const [{ total }] = await ctx.db
    .select({ total: count() })
    .from(claims)
    .innerJoin(employees, and(eq(employees.orgId, claims.orgId), eq(employees.id, claims.employeeId)))
    .where(where);
  const sort = sortSpec(q.sort, SORTS, 'createdAt');
  const column = claims[sort.field];
  const rows = await selectClaims(ctx)
    .where(where)
    .orderBy(sort.desc ? desc(column) : asc(column), asc(claims.id))
    .limit(q.size)
    .offset(offsetOf(q));
  return { items: rows.map((r) => claimView(ctx, r)), total: toNumber(total), page: q.page, size: q.size };
}

/**
 * The receipt of a claim, for the claimant, approvers in scope and finance (ledger.read) in scope.
 * Throws not_found (to everyone else too: a claim's existence is not disclosed).
 */
export async function claimReceipt(ctx: Ctx, id: string): Promise<StoredFileContent> {
  const [r] = await selectClaims(ctx).where(and(eq(claims.orgId, ctx.orgId), eq(claims.id, id)));
  if (!r || !canView(ctx, r)) throw new AppError('not_found', { params: { entity: 'point_claim' } });
  if (!r.claim.receiptFileId) throw new AppError('not_found', { params: { entity: 'stored_file' } });
  return readFile(ctx, r.claim.receiptFileId);
}
