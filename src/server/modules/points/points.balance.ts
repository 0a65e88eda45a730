import { and, asc, count, countDistinct, desc, eq, sql } from 'drizzle-orm';
import { assertHolds } from '../../lib/authz.js';
import type { Ctx } from '../../lib/context.js';
import { offsetOf, type Page } from '../../lib/pagination.js';
import { toNumber } from '../../lib/sql.js';
import { campaigns } from '../giving/giving.table.js';
import { ledgerAccounts, ledgerEntries, ledgerPostings } from '../ledger/ledger.table.js';
import { currentFiscalYear, ledgerSettings, ledgerToday } from '../ledger/ledger.values.js';
import { partners } from '../partners/partners.table.js';
import { employees } from '../people/people.table.js';
import { requireEmployee } from '../volunteering/participation.common.js';
import type {
  PointsAccounts,
  PointsBalance,
  PointsHistoryQuery,
  PointsMovement,
  PointsYear,
} from './points.schema.js';
import { yearInfo } from './points.service.js';
import { employeesInScope } from '../people/people.scope.js';

/** Signed sums of entries by posting kind: what came in (grants) and what went out (the rest). */
const byKind = {
  granted: sql<unknown>`coalesce(sum(${ledgerEntries.amount}) filter (where ${ledgerPostings.kind} = 'grant'), 0)`,
  reimbursed: sql<unknown>`coalesce(-sum(${ledgerEntries.amount}) filter (where ${ledgerPostings.kind} = 'claim'), 0)`,
  donated: sql<unknown>`coalesce(-sum(${ledgerEntries.amount}) filter (where ${ledgerPostings.kind} = 'point_donation'), 0)`,
  expired: sql<unknown>`coalesce(-sum(${ledgerEntries.amount}) filter (where ${ledgerPostings.kind} = 'expiry'), 0)`,
};
const numbers = <T extends Record<string, unknown>>(row: T) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toNumber(v)])) as { [K in keyof T]: number };

/**
 * The signed-in employee's points per fiscal year, newest first, read from the ledger (giving.join).
 * The current year is always listed, with zeros before the first grant.
 * @throws AppError no_employee_record
 */
export async function myBalance(ctx: Ctx): Promise<PointsBalance> {
  const employeeId = requireEmployee(ctx);
  const s = await ledgerSettings(ctx);
  const current = await currentFiscalYear(ctx);
  const today = ledgerToday();
  const rows = await ctx.db
    .select({ fiscalYear: ledgerAccounts.fiscalYear, balance: ledgerAccounts.balance, ...byKind })
    .from(ledgerAccounts)
    .leftJoin(ledgerEntries, eq(ledgerEntries.accountId, ledgerAccounts.id))
    .leftJoin(ledgerPostings, eq(ledgerPostings.id, ledgerEntries.postingId))
    .where(
      and(
        eq(ledgerAccounts.orgId, ctx.orgId),
        eq(ledgerAccounts.kind, 'employee_points'),
        eq(ledgerAccounts.employeeId, employeeId),
      ),
    )
    .groupBy(ledgerAccounts.id, ledgerAccounts.fiscalYear, ledgerAccounts.balance);
  const years = new Map<number, PointsYear>();
  for (const { fiscalYear, balance, ...sums } of rows) {
    const fy = fiscalYear as number;
    const n = numbers(sums);
    years.set(fy, {
      fiscalYear: fy,
      ...yearInfo(s, fy, ctx.locale, today),
      balance: toNumber(balance),
      ...n,
      spent: n.reimbursed + n.donated,
    });
  }
  if (!years.has(current)) {
    const zero = { balance: 0, granted: 0, spent: 0, reimbursed: 0, donated: 0, expired: 0 };
    years.set(current, { fiscalYear: current, ...yearInfo(s, current, ctx.locale, today), ...zero });
  }
  return {
    pointValueJpy: s.pointValueJpy,
    currentFiscalYear: current,
    items: [...years.values()].sort((a, b) => b.fiscalYear - a.fiscalYear),
  };
}

/**
 * Every movement of the signed-in employee's points, newest first: grants, expense claims,
 * donations, expiries and their reversals (giving.join). @throws AppError no_employee_record
 */
export async function myHistory(ctx: Ctx, query: PointsHistoryQuery): Promise<Page<PointsMovement>> {
  const employeeId = requireEmployee(ctx);
  const where = and(
    eq(ledgerAccounts.orgId, ctx.orgId),
    eq(ledgerAccounts.kind, 'employee_points'),
    eq(ledgerAccounts.employeeId, employeeId),
    query.fiscalYear ? eq(ledgerAccounts.fiscalYear, query.fiscalYear) : undefined,
  );
  const rows = await ctx.db
    .select({
      postingId: ledgerPostings.id,
      kind: ledgerPostings.kind,
      fiscalYear: ledgerPostings.fiscalYear,
      effectiveOn: ledgerPostings.effectiveOn,
      postedAt: ledgerPostings.postedAt,
      memo: ledgerPostings.memo,
      claimId: ledgerPostings.claimId,
      reversesId: ledgerPostings.reversesId,
      points: sql<unknown>`sum(${ledgerEntries.amount})`,
      valueJpy: sql<unknown>`sum(${ledgerEntries.valueJpy})`,
      campaignId: campaigns.id,
      titleJa: campaigns.titleJa,
      titleEn: campaigns.titleEn,
      partnerId: partners.id,
      nameJa: partners.nameJa,
      nameEn: partners.nameEn,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
    .innerJoin(ledgerPostings, eq(ledgerPostings.id, ledgerEntries.postingId))
    .leftJoin(campaigns, eq(campaigns.id, ledgerPostings.campaignId))
    .leftJoin(partners, eq(partners.id, ledgerPostings.partnerId))
    .where(where)
    .groupBy(ledgerPostings.id, campaigns.id, partners.id)
    .orderBy(desc(ledgerPostings.postedAt), desc(ledgerPostings.id))
    .limit(query.size)
    .offset(offsetOf(query));
  const [{ total }] = await ctx.db
    .select({ total: countDistinct(ledgerEntries.postingId) })
    .from(ledgerEntries)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
    .where(where);
  const items = rows.map((r) => ({
    postingId: r.postingId,
    kind: r.kind,
    fiscalYear: r.fiscalYear,
    effectiveOn: r.effectiveOn,
    postedAt: r.postedAt.toISOString(),
    points: toNumber(r.points),
    valueJpy: toNumber(r.valueJpy),
    memo: r.memo,
    campaign: r.campaignId ? { id: r.campaignId, titleJa: r.titleJa, titleEn: r.titleEn } : null,
    partner: r.partnerId ? { id: r.partnerId, nameJa: r.nameJa, nameEn: r.nameEn } : null,
    claimId: r.claimId,
    reversal: r.reversesId !== null,
  }));
  return { items, total: toNumber(total), page: query.page, size: query.size };
}

/**
 * The points plan per fiscal year, newest first, over the employees in the caller's scope
 * (ledger.read): granted, spent on claims and donations, expired, and still outstanding.
 */
export async function pointsAccounts(ctx: Ctx): Promise<PointsAccounts> {
  assertHolds(ctx, 'ledger.read');
  const s = await ledgerSettings(ctx);
  const current = await currentFiscalYear(ctx);
  const scope = employeesInScope(ctx, 'ledger.read');
  const base = { pointValueJpy: s.pointValueJpy, currentFiscalYear: current };
  if (scope === false) return { ...base, items: [] };
  const accountsIn = and(
    eq(ledgerAccounts.orgId, ctx.orgId),
    eq(ledgerAccounts.kind, 'employee_points'),
    scope,
  );
  const holders = await ctx.db
    .select({
      fiscalYear: ledgerAccounts.fiscalYear,
      employees: count(),
      outstanding: sql<unknown>`coalesce(sum(${ledgerAccounts.balance}), 0)`,
    })
    .from(ledgerAccounts)
    .innerJoin(employees, eq(employees.id, ledgerAccounts.employeeId))
    .where(accountsIn)
    .groupBy(ledgerAccounts.fiscalYear);
  const flows = await ctx.db
    .select({ fiscalYear: ledgerAccounts.fiscalYear, ...byKind })
    .from(ledgerEntries)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
    .innerJoin(employees, eq(employees.id, ledgerAccounts.employeeId))
    .innerJoin(ledgerPostings, eq(ledgerPostings.id, ledgerEntries.postingId))
    .where(accountsIn)
    .groupBy(ledgerAccounts.fiscalYear)
    .orderBy(asc(ledgerAccounts.fiscalYear));
  const flowOf = new Map(flows.map(({ fiscalYear, ...f }) => [fiscalYear as number, numbers(f)]));
  const today = ledgerToday();
  const items = holders
    .map((h) => {
      const fy = h.fiscalYear as number;
      const f = flowOf.get(fy) ?? { granted: 0, reimbursed: 0, donated: 0, expired: 0 };
      const outstanding = toNumber(h.outstanding);
      return {
        fiscalYear: fy,
        ...yearInfo(s, fy, ctx.locale, today),
        employees: toNumber(h.employees),
        ...f,
        outstanding,
        outstandingJpy: outstanding * s.pointValueJpy,
      };
    })
    .sort((a, b) => b.fiscalYear - a.fiscalYear);
  return { ...base, items };
}
