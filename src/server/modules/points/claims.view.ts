import { and, eq, isNull, sql } from 'drizzle-orm';
import { holdsOn, type Scope } from '../../lib/authz.js';
import type { Ctx } from '../../lib/context.js';
import { toNumber } from '../../lib/sql.js';
import { users } from '../auth/auth.table.js';
import { storedFiles } from '../files/files.table.js';
import { ledgerPostings } from '../ledger/ledger.table.js';
import { groupCompanies, sites } from '../organisations/organisations.table.js';
import { employees } from '../people/people.table.js';
import { opportunities, opportunityShifts, signups } from '../volunteering/volunteering.table.js';
import type { Claim, ClaimActivity, ClaimStatus } from './claims.schema.js';
import { pointClaims as claims } from './points.table.js';

// How a claim is read: with its employee, activity, receipt, decider and approval posting; who may
// see and decide it.

/** The shift's day in the opportunity's time zone. */
export const activityDate = sql<string>`to_char(${opportunityShifts.startsAt} at time zone ${opportunities.timeZone}, 'YYYY-MM-DD')`;

/** The columns of an activity (an attended sign-up with its shift and opportunity). */
export const activityColumns = {
  signupId: signups.id,
  opportunityId: opportunities.id,
  titleJa: opportunities.titleJa,
  titleEn: opportunities.titleEn,
  organiser: opportunities.organiser,
  date: activityDate,
  startsAt: opportunityShifts.startsAt,
  endsAt: opportunityShifts.endsAt,
  timeZone: opportunities.timeZone,
};

/** Join conditions: a sign-up's shift, and the shift's opportunity. */
export const shiftOfSignup = and(
  eq(opportunityShifts.orgId, signups.orgId),
  eq(opportunityShifts.id, signups.shiftId),
);
export const opportunityOfShift = and(
  eq(opportunities.orgId, opportunityShifts.orgId),
  eq(opportunities.id, opportunityShifts.opportunityId),
);

export function selectClaims(ctx: Ctx) {
  const postingValue = sql<unknown>`(select sum(e.value_jpy) from ledger_entries e
    where e.posting_id = ${ledgerPostings.id} and e.amount > 0)`;
  return ctx.db
    .select({
      claim: claims,
      activity: activityColumns,
      employeeNumber: employees.employeeNumber,
      nameJa: employees.nameJa,
      nameEn: employees.nameEn,
      companyId: employees.companyId,
      siteId: employees.siteId,
      companyCode: groupCompanies.code,
      siteCode: sites.code,
      receiptName: storedFiles.name,
      receiptType: storedFiles.contentType,
      receiptSize: storedFiles.size,
      decidedByName: users.displayName,
      postingId: ledgerPostings.id,
      postingValue,
    })
    .from(claims)
    .innerJoin(employees, and(eq(employees.orgId, claims.orgId), eq(employees.id, claims.employeeId)))
    .innerJoin(
      groupCompanies,
      and(eq(groupCompanies.orgId, employees.orgId), eq(groupCompanies.id, employees.companyId)),
    )
    .leftJoin(sites, and(eq(sites.orgId, employees.orgId), eq(sites.id, employees.siteId)))
    .innerJoin(signups, and(eq(signups.orgId, claims.orgId), eq(signups.id, claims.signupId)))
    .innerJoin(opportunityShifts, shiftOfSignup)
    .innerJoin(opportunities, opportunityOfShift)
    .leftJoin(storedFiles, and(eq(storedFiles.orgId, claims.orgId), eq(storedFiles.id, claims.receiptFileId)))
    .leftJoin(users, and(eq(users.orgId, claims.orgId), eq(users.id, claims.decidedBy)))
    .leftJoin(
      ledgerPostings,
      and(
        eq(ledgerPostings.orgId, claims.orgId),
        eq(ledgerPostings.claimId, claims.id),
        isNull(ledgerPostings.reversesId),
      ),
    );
}
export type ClaimRow = Awaited<ReturnType<typeof selectClaims>>[number];

export const scopeOf = (r: ClaimRow): Scope => ({ companyId: r.companyId, siteId: r.siteId });
export const isOwn = (ctx: Ctx, r: ClaimRow) =>
  ctx.actor.kind === 'user' && ctx.actor.employeeId === r.claim.employeeId;

/** The claimant, an approver whose scope covers the claimant, or finance (ledger.read) in scope. */
export const canView = (ctx: Ctx, r: ClaimRow) =>
  isOwn(ctx, r) ||
  holdsOn(ctx.actor, 'claims.approve', scopeOf(r)) ||
  holdsOn(ctx.actor, 'ledger.read', scopeOf(r));

export function activityView(a: ClaimRow['activity']): ClaimActivity {
  return { ...a, startsAt: a.startsAt.toISOString(), endsAt: a.endsAt.toISOString() };
}

export function claimView(ctx: Ctx, r: ClaimRow): Claim {
  const c = r.claim;
  const pending = c.status === 'pending';
  return {
    id: c.id,
    status: c.status as ClaimStatus,
    points: c.points,
    valueJpy: r.postingId ? toNumber(r.postingValue) : null,
    route: c.route,
    note: c.note,
    receipt:
      c.receiptFileId && r.receiptName
        ? {
            id: c.receiptFileId,
            name: r.receiptName,
            contentType: r.receiptType ?? '',
            size: r.receiptSize ?? 0,
          }
        : null,
    activity: activityView(r.activity),
    employee: {
      id: c.employeeId,
      employeeNumber: r.employeeNumber,
      nameJa: r.nameJa,
      nameEn: r.nameEn,
      companyCode: r.companyCode,
      siteCode: r.siteCode,
    },
    decidedAt: c.decidedAt?.toISOString() ?? null,
    decidedBy: r.decidedByName,
    decisionNote: c.decisionNote,
    postingId: r.postingId,
    createdAt: c.createdAt.toISOString(),
    canDecide: pending && !isOwn(ctx, r) && holdsOn(ctx.actor, 'claims.approve', scopeOf(r)),
    canWithdraw: pending && isOwn(ctx, r),
  };
}
