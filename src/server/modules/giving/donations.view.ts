import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { toNumber } from '../../lib/sql.js';
import type { Posting } from '../ledger/ledger.post.js';
import { partners } from '../partners/partners.table.js';
import { employees } from '../people/people.table.js';
import type {
  Donation,
  DonationAdmin,
  DonationKind,
  DonationMethod,
  DonationPosting,
  DonationStatus,
} from './donations.schema.js';
import { campaigns, donations } from './giving.table.js';

// How a donation reads in the API: its row with the campaign, the organisation and, from the ledger,
// what the company matched (match postings net of their reversals).

const matchJpy = sql<unknown>`coalesce((select -sum(e.amount) from ledger_postings p
  join ledger_entries e on e.posting_id = p.id
  join ledger_accounts a on a.id = e.account_id
  where p.donation_id = ${donations.id} and p.kind = 'match' and a.kind = 'company_giving'), 0)`;

export const donationColumns = {
  id: donations.id,
  kind: donations.kind,
  method: donations.method,
  status: donations.status,
  points: donations.points,
  amountMinor: donations.amountMinor,
  currency: donations.currency,
  valueJpy: donations.valueJpy,
  matchJpy,
  fiscalYear: donations.fiscalYear,
  campaignId: campaigns.id,
  campaignCode: campaigns.code,
  campaignTitleJa: campaigns.titleJa,
  campaignTitleEn: campaigns.titleEn,
  partnerId: partners.id,
  partnerCode: partners.code,
  partnerNameJa: partners.nameJa,
  partnerNameEn: partners.nameEn,
  externalRef: donations.externalRef,
  pledgedAt: donations.pledgedAt,
  paidAt: donations.paidAt,
  failedAt: donations.failedAt,
  refundedAt: donations.refundedAt,
  employeeId: employees.id,
  employeeNumber: employees.employeeNumber,
  employeeNameJa: employees.nameJa,
  employeeNameEn: employees.nameEn,
};

/** donations joined with what the view reads; callers add where, order and paging. */
export function selectDonations(ctx: Ctx) {
  return ctx.db
    .select(donationColumns)
    .from(donations)
    .innerJoin(employees, and(eq(employees.orgId, donations.orgId), eq(employees.id, donations.employeeId)))
    .innerJoin(partners, and(eq(partners.orgId, donations.orgId), eq(partners.id, donations.partnerId)))
    .leftJoin(campaigns, and(eq(campaigns.orgId, donations.orgId), eq(campaigns.id, donations.campaignId)));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectDonations>['execute']>>[number];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function donationView(r: Row): Donation {
  return {
    id: r.id,
    kind: r.kind as DonationKind,
    method: r.method as DonationMethod,
    status: r.status as DonationStatus,
    points: r.points,
    amountMinor: r.amountMinor,
    currency: r.currency,
    valueJpy: r.valueJpy,
    matchJpy: toNumber(r.matchJpy),
    fiscalYear: r.fiscalYear,
    campaign: r.campaignId
      ? { id: r.campaignId, code: r.campaignCode!, titleJa: r.campaignTitleJa, titleEn: r.campaignTitleEn }
      : null,
    partner: { id: r.partnerId, code: r.partnerCode, nameJa: r.partnerNameJa, nameEn: r.partnerNameEn },
    externalRef: r.externalRef,
    pledgedAt: r.pledgedAt.toISOString(),
    paidAt: iso(r.paidAt),
    failedAt: iso(r.failedAt),
    refundedAt: iso(r.refundedAt),
  };
}

export function donationAdminView(r: Row): DonationAdmin {
  return {
    ...donationView(r),
    employee: {
      id: r.employeeId,
      employeeNumber: r.employeeNumber,
      nameJa: r.employeeNameJa,
      nameEn: r.employeeNameEn,
    },
  };
}

/** One donation of the organisation as finance sees it. @throws AppError not_found */
export async function loadDonation(ctx: Ctx, id: string): Promise<DonationAdmin> {
  const [row] = await selectDonations(ctx).where(and(eq(donations.orgId, ctx.orgId), eq(donations.id, id)));
  if (!row) throw new AppError('not_found', { params: { entity: 'donation' } });
  return donationAdminView(row);
}

/** A ledger posting as the donation API answers it. */
export function postingView(p: Posting): DonationPosting {
  return {
    id: p.id,
    kind: p.kind,
    idempotencyKey: p.idempotencyKey,
    effectiveOn: p.effectiveOn,
    fiscalYear: p.fiscalYear,
    pointValueJpy: p.pointValueJpy,
    memo: p.memo,
    reversesId: p.reversesId,
    postedAt: p.postedAt,
    entries: p.entries.map((e) => ({ ...e })),
  };
}
