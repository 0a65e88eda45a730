import { and, asc, count, desc, eq, or, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { offsetOf, type Page } from '../../lib/pagination.js';
import { toNumber } from '../../lib/sql.js';
import { yearLabel } from '../ledger/ledger.values.js';
import { employeeSearch } from '../people/people.search.js';
import { employees } from '../people/people.table.js';
import { requireEmployee } from '../volunteering/participation.common.js';
import type {
  DonationAdmin,
  DonationDetail,
  DonationListQuery,
  MyDonationsPage,
  MyDonationsQuery,
} from './donations.schema.js';
import { donationAdminView, donationView, selectDonations } from './donations.view.js';
import { donationEvents, donations } from './giving.table.js';
import { employeesInScope } from '../people/people.scope.js';

/**
 * The signed-in employee's donations, newest first, optionally of one fiscal year (the year each was
 * made in), with the years that have any. Throws no_employee_record.
 */
export async function listMyDonations(ctx: Ctx, q: MyDonationsQuery): Promise<MyDonationsPage> {
  const employeeId = requireEmployee(ctx);
  const mine = and(eq(donations.orgId, ctx.orgId), eq(donations.employeeId, employeeId));
  const where = and(mine, q.fiscalYear === undefined ? undefined : eq(donations.fiscalYear, q.fiscalYear));
  const rows = await selectDonations(ctx)
    .where(where)
    .orderBy(desc(donations.pledgedAt), asc(donations.id))
    .limit(q.size)
    .offset(offsetOf(q));
  const [{ total }] = await ctx.db.select({ total: count() }).from(donations).where(where);
  const years = await ctx.db
    .selectDistinct({ fiscalYear: donations.fiscalYear })
    .from(donations)
    .where(mine)
    .orderBy(desc(donations.fiscalYear));
  return {
    items: rows.map(donationView),
    total: toNumber(total),
    page: q.page,
    size: q.size,
    years: await Promise.all(
      years.map(async (y) => ({ fiscalYear: y.fiscalYear, label: await yearLabel(ctx, y.fiscalYear) })),
    ),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The donations a ledger.read holder asks for, within their scope (the donor's company or site): by
 * status, way of payment, campaign, and a search over the donor (number, names), the payment
 * reference or the donation's id. False when the scope holds nothing. Needs employees joined.
 */
export function donationsWhere(
  ctx: Ctx,
  q: Omit<DonationListQuery, 'page' | 'size'>,
): SQL | undefined | false {
  const scope = employeesInScope(ctx, 'ledger.read');
  if (scope === false) return false;
  const text = q.q?.trim();
  const search = text
    ? UUID.test(text)
      ? eq(donations.id, text.toLowerCase())
      : or(employeeSearch(ctx.orgId, text).where, eq(donations.externalRef, text))
    : undefined;
  return and(
    eq(donations.orgId, ctx.orgId),
    scope,
    q.status ? eq(donations.status, q.status) : undefined,
    q.method ? eq(donations.method, q.method) : undefined,
    q.campaignId ? eq(donations.campaignId, q.campaignId) : undefined,
    search,
  );
}

/** Every donation the filters select (see donationsWhere), newest first, a page at a time. */
export async function listDonations(ctx: Ctx, q: DonationListQuery): Promise<Page<DonationAdmin>> {
  const where = donationsWhere(ctx, q);
  if (where === false) return { items: [], total: 0, page: q.page, size: q.size };
  const rows = await selectDonations(ctx)
    .where(where)
    .orderBy(desc(donations.pledgedAt), asc(donations.id))
    .limit(q.size)
    .offset(offsetOf(q));
  const [{ total }] = await ctx.db
    .select({ total: count() })
    .from(donations)
    .innerJoin(employees, and(eq(employees.orgId, donations.orgId), eq(employees.id, donations.employeeId)))
    .where(where);
  return { items: rows.map(donationAdminView), total: toNumber(total), page: q.page, size: q.size };
}

/** One donation with the payment confirmations received for it. Throws not_found (also out of scope). */
export async function getDonation(ctx: Ctx, id: string): Promise<DonationDetail> {
  const scope = employeesInScope(ctx, 'ledger.read');
  if (scope === false) throw notFound('donation');
  const [row] = await selectDonations(ctx).where(
    and(eq(donations.orgId, ctx.orgId), eq(donations.id, id), scope),
  );
  if (!row) throw notFound('donation');
  const events = await ctx.db
    .select()
    .from(donationEvents)
    .where(and(eq(donationEvents.orgId, ctx.orgId), eq(donationEvents.donationId, id)))
    .orderBy(asc(donationEvents.receivedAt), asc(donationEvents.id));
  return {
    ...donationAdminView(row),
    events: events.map((e) => ({
      id: e.id,
      source: e.source as DonationDetail['events'][number]['source'],
      eventId: e.eventId,
      status: e.status as DonationDetail['events'][number]['status'],
      receivedAt: e.receivedAt.toISOString(),
    })),
  };
}
