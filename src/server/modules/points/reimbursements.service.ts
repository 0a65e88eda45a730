import { stringify } from 'csv-stringify/sync';
import { and, asc, count, eq, gt, gte, isNull, lte, notExists, type SQL, sql, sum } from 'drizzle-orm';
import { alias, type PgSelect } from 'drizzle-orm/pg-core';
import { createI18n } from '../../../shared/i18n/index.js';
import type { Ctx } from '../../lib/context.js';
import { csvCell as cell } from '../../lib/csv-export.js';
import { offsetOf } from '../../lib/pagination.js';
import { toNumber } from '../../lib/sql.js';
import { users } from '../auth/auth.table.js';
import { ledgerEntries, ledgerPostings } from '../ledger/ledger.table.js';
import { LEDGER_TIME_ZONE } from '../ledger/ledger.values.js';
import { groupCompanies } from '../organisations/organisations.table.js';
import { employees } from '../people/people.table.js';
import { opportunities, opportunityShifts, signups } from '../volunteering/volunteering.table.js';
import type {
  Reimbursement,
  ReimbursementListQuery,
  ReimbursementPage,
  ReimbursementQuery,
} from './claims.schema.js';
import { activityDate, opportunityOfShift, shiftOfSignup } from './claims.view.js';
import { pointClaims as claims } from './points.table.js';
import { employeesInScope } from '../people/people.scope.js';

// Reimbursements are read from the ledger: every claim posting that stands (not a reversal, not
// reversed), with the points and yen its entries fixed, and the claim it pays for.

const reversal = alias(ledgerPostings, 'reversal');

function conditions(ctx: Ctx, q: ReimbursementQuery): SQL | undefined {
  const where: (SQL | undefined)[] = [
    eq(ledgerPostings.orgId, ctx.orgId),
    eq(ledgerPostings.kind, 'claim'),
    isNull(ledgerPostings.reversesId),
    notExists(
      ctx.db
        .select({ id: reversal.id })
        .from(reversal)
        .where(and(eq(reversal.orgId, ledgerPostings.orgId), eq(reversal.reversesId, ledgerPostings.id))),
    ),
  ];
  const scope = employeesInScope(ctx, 'ledger.read');
  where.push(scope === false ? sql`false` : scope);
  if (q.from) where.push(gte(ledgerPostings.effectiveOn, q.from));
  if (q.to) where.push(lte(ledgerPostings.effectiveOn, q.to));
  if (q.companyId) where.push(eq(employees.companyId, q.companyId));
  return and(...where);
}

/** Claim postings joined to their reimbursement entry (the positive one), the claim, claimant and activity. */
function joined<T extends PgSelect>(query: T) {
  return query
    .innerJoin(
      ledgerEntries,
      and(eq(ledgerEntries.postingId, ledgerPostings.id), gt(ledgerEntries.amount, 0)),
    )
    .innerJoin(claims, and(eq(claims.orgId, ledgerPostings.orgId), eq(claims.id, ledgerPostings.claimId)))
    .innerJoin(employees, and(eq(employees.orgId, claims.orgId), eq(employees.id, claims.employeeId)))
    .innerJoin(
      groupCompanies,
      and(eq(groupCompanies.orgId, employees.orgId), eq(groupCompanies.id, employees.companyId)),
    )
    .innerJoin(signups, and(eq(signups.orgId, claims.orgId), eq(signups.id, claims.signupId)))
    .innerJoin(opportunityShifts, shiftOfSignup)
    .innerJoin(opportunities, opportunityOfShift)
    .leftJoin(users, and(eq(users.orgId, claims.orgId), eq(users.id, claims.decidedBy)));
}

const columns = {
  claimId: claims.id,
  postingId: ledgerPostings.id,
  bookedOn: ledgerPostings.effectiveOn,
  fiscalYear: ledgerPostings.fiscalYear,
  employeeNumber: employees.employeeNumber,
  nameJa: employees.nameJa,
  nameEn: employees.nameEn,
  companyCode: groupCompanies.code,
  companyNameJa: groupCompanies.nameJa,
  companyNameEn: groupCompanies.nameEn,
  titleJa: opportunities.titleJa,
  titleEn: opportunities.titleEn,
  activityDate,
  route: claims.route,
  points: ledgerEntries.amount,
  valueJpy: ledgerEntries.valueJpy,
  approvedAt: claims.decidedAt,
  approvedBy: users.displayName,
};

async function rows(ctx: Ctx, q: ReimbursementQuery, page?: { limit: number; offset: number }) {
  const query = joined(ctx.db.select(columns).from(ledgerPostings).$dynamic())
    .where(conditions(ctx, q))
    .orderBy(asc(ledgerPostings.effectiveOn), asc(ledgerPostings.postedAt), asc(ledgerPostings.id));
  const found = await (page ? query.limit(page.limit).offset(page.offset) : query);
  return found.map(
    (r): Reimbursement => ({
      ...r,
      approvedAt: (r.approvedAt ?? new Date(0)).toISOString(),
    }),
  );
}

/**
 * Approved claims as finance pays them back, booked between `from` and `to` (the approval posting's
 * date), in the caller's ledger.read scope, with the totals of all pages.
 */
export async function listReimbursements(ctx: Ctx, q: ReimbursementListQuery): Promise<ReimbursementPage> {
  const [t] = await joined(
    ctx.db
      .select({ claims: count(), points: sum(ledgerEntries.amount), valueJpy: sum(ledgerEntries.valueJpy) })
      .from(ledgerPostings)
      .$dynamic(),
  ).where(conditions(ctx, q));
  const items = await rows(ctx, q, { limit: q.size, offset: offsetOf(q) });
  const totals = { claims: toNumber(t.claims), points: toNumber(t.points), valueJpy: toNumber(t.valueJpy) };
  return { items, total: totals.claims, page: q.page, size: q.size, totals };
}

const i18n = createI18n('ja');
const CSV_COLUMNS = [
  'bookedOn',
  'employeeNumber',
  'name',
  'companyCode',
  'company',
  'activity',
  'activityDate',
  'route',
  'points',
  'valueJpy',
  'approvedAt',
  'approvedBy',
  'claimId',
  'postingId',
] as const;

const approvedAtFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: LEDGER_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * The reimbursements as CSV for Excel: UTF-8 with a byte-order mark, CRLF, headers and names in the
 * caller's language, times in the ledger's time zone.
 */
export async function reimbursementsCsv(
  ctx: Ctx,
  q: ReimbursementQuery,
): Promise<{ fileName: string; body: string }> {
  const lng = ctx.locale;
  const ja = lng === 'ja';
  const records = (await rows(ctx, q)).map((r) => ({
    bookedOn: r.bookedOn,
    employeeNumber: cell(r.employeeNumber),
    name: cell(ja ? r.nameJa || r.nameEn : r.nameEn || r.nameJa),
    companyCode: cell(r.companyCode),
    company: cell(ja ? r.companyNameJa : r.companyNameEn),
    activity: cell((ja ? r.titleJa || r.titleEn : r.titleEn || r.titleJa) ?? ''),
    activityDate: r.activityDate,
    route: cell(r.route),
    points: r.points,
    valueJpy: r.valueJpy,
    approvedAt: approvedAtFormat.format(new Date(r.approvedAt)),
    approvedBy: cell(r.approvedBy),
    claimId: r.claimId,
    postingId: r.postingId,
  }));
  const body = stringify(records, {
    bom: true,
    header: true,
    record_delimiter: 'windows',
    columns: CSV_COLUMNS.map((key) => ({
      key,
      header: i18n.t(`claims:csv.${key}`, { lng, zone: LEDGER_TIME_ZONE }),
    })),
  });
  const period = [q.from, q.to].filter(Boolean).join('_');
  return { fileName: `reimbursements${period ? `_${period}` : ''}.csv`, body };
}
