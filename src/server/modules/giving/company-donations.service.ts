import { and, count, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { fiscalYearOf } from '../../../shared/fiscal-year.js';
import { audit } from '../../lib/audit.js';
import { assertHolds, companiesFor } from '../../lib/authz.js';
import { actorUserId, type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type FieldIssue } from '../../lib/errors.js';
import { offsetOf, type Page } from '../../lib/pagination.js';
import { account } from '../ledger/ledger.keys.js';
import { post } from '../ledger/ledger.post.js';
import { ledgerPostings } from '../ledger/ledger.table.js';
import { jpyValue, ledgerSettings, ledgerToday } from '../ledger/ledger.values.js';
import { groupCompanies } from '../organisations/organisations.table.js';
import { partners } from '../partners/partners.table.js';
import type { CompanyDonation, CompanyDonationCreate, CompanyDonationListQuery } from './campaigns.schema.js';
import { assertRecipients } from './campaigns.service.js';
import { canSeeCampaign, findCampaignRow } from './campaigns.view.js';
import { campaignBeneficiaries, campaigns, companyDonations } from './giving.table.js';

const reversal = alias(ledgerPostings, 'reversal');

/** What a key was first used for: the same key with anything else is refused. */
const requestOf = (d: {
  companyId: string;
  campaignId?: string | null;
  partnerId: string;
  amountMinor: number;
  currency: string;
  donatedOn: string;
  note?: string | null;
}) =>
  JSON.stringify([
    d.companyId,
    d.campaignId ?? null,
    d.partnerId,
    d.amountMinor,
    d.currency,
    d.donatedOn,
    d.note ?? null,
  ]);

async function views(ctx: Ctx, where: SQL | undefined, limit = 1, offset = 0): Promise<CompanyDonation[]> {
  const rows = await ctx.db
    .select({
      d: companyDonations,
      companyCode: groupCompanies.code,
      campaignCode: campaigns.code,
      titleJa: campaigns.titleJa,
      titleEn: campaigns.titleEn,
      partnerCode: partners.code,
      nameJa: partners.nameJa,
      nameEn: partners.nameEn,
      postingId: ledgerPostings.id,
      reversalId: reversal.id,
    })
    .from(companyDonations)
    .innerJoin(
      groupCompanies,
      and(
        eq(groupCompanies.orgId, companyDonations.orgId),
        eq(groupCompanies.id, companyDonations.companyId),
      ),
    )
    .innerJoin(
      partners,
      and(eq(partners.orgId, companyDonations.orgId), eq(partners.id, companyDonations.partnerId)),
    )
    .leftJoin(
      campaigns,
      and(eq(campaigns.orgId, companyDonations.orgId), eq(campaigns.id, companyDonations.campaignId)),
    )
    .leftJoin(
      ledgerPostings,
      and(
        eq(ledgerPostings.orgId, companyDonations.orgId),
        eq(ledgerPostings.companyDonationId, companyDonations.id),
        isNull(ledgerPostings.reversesId),
      ),
    )
    .leftJoin(reversal, eq(reversal.reversesId, ledgerPostings.id))
    .where(where)
    .orderBy(desc(companyDonations.donatedOn), desc(companyDonations.createdAt))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => ({
    id: r.d.id,
    companyId: r.d.companyId,
    companyCode: r.companyCode,
    campaignId: r.d.campaignId,
    campaign: r.campaignCode ? { code: r.campaignCode, titleJa: r.titleJa, titleEn: r.titleEn } : null,
    partnerId: r.d.partnerId,
    partner: { code: r.partnerCode, nameJa: r.nameJa, nameEn: r.nameEn },
    amountMinor: r.d.amountMinor,
    currency: r.d.currency,
    valueJpy: r.d.valueJpy,
    donatedOn: r.d.donatedOn,
    note: r.d.note,
    postingId: r.postingId,
    reversed: !!r.reversalId,
    createdAt: r.d.createdAt.toISOString(),
  }));
}

const byId = (ctx: Ctx, id: string) =>
  views(ctx, and(eq(companyDonations.orgId, ctx.orgId), eq(companyDonations.id, id))).then((v) => v[0]);

async function findByKey(ctx: Ctx, key: string) {
  const [row] = await ctx.db
    .select()
    .from(companyDonations)
    .where(and(eq(companyDonations.orgId, ctx.orgId), eq(companyDonations.idempotencyKey, key)));
  return row;
}

async function replay(ctx: Ctx, row: typeof companyDonations.$inferSelect, input: CompanyDonationCreate) {
  if (requestOf(row) !== requestOf(input)) throw new AppError('idempotency_key_reused');
  return byId(ctx, row.id);
}

/** The target: a campaign the caller can see, whose beneficiary the organisation is; then eligibility. */
async function checkTarget(ctx: Ctx, input: CompanyDonationCreate) {
  const issues: FieldIssue[] = [];
  const [company] = await ctx.db
    .select({ id: groupCompanies.id })
    .from(groupCompanies)
    .where(and(eq(groupCompanies.orgId, ctx.orgId), eq(groupCompanies.id, input.companyId)));
  if (!company) issues.push({ path: 'companyId', code: 'not_found' });
  if (input.donatedOn > ledgerToday()) issues.push({ path: 'donatedOn', code: 'future_date' });
  if (input.campaignId) {
    const campaign = await findCampaignRow(ctx, input.campaignId);
    if (!campaign || !canSeeCampaign(ctx.actor, campaign))
      issues.push({ path: 'campaignId', code: 'not_found' });
    else {
      const [member] = await ctx.db
        .select({ partnerId: campaignBeneficiaries.partnerId })
        .from(campaignBeneficiaries)
        .where(
          and(
            eq(campaignBeneficiaries.orgId, ctx.orgId),
            eq(campaignBeneficiaries.campaignId, campaign.id),
            eq(campaignBeneficiaries.partnerId, input.partnerId),
          ),
        );
      if (!member) issues.push({ path: 'partnerId', code: 'not_beneficiary' });
    }
  }
  if (issues.length) throw new AppError('validation_failed', { fields: issues });
  await assertRecipients(ctx, [input.partnerId], () => 'partnerId');
}

/**
 * Records the company's own donation and posts it, in one transaction with its audit record:
 * companyGiving(company, currency) −A, payable(partner, campaign, currency) +A, valued in yen at
 * the fiscal year's rate of the day it was given. The same idempotency key records it once and
 * answers the same donation. Throws forbidden, validation_failed (not_found, future_date,
 * not_beneficiary), recipient_closed, recipient_not_eligible, fx_rate_missing, idempotency_key_reused.
 */
export async function recordCompanyDonation(
  ctx: Ctx,
  input: CompanyDonationCreate,
): Promise<CompanyDonation> {
  assertHolds(ctx, 'campaigns.manage', { companyId: input.companyId });
  return inTransaction(ctx, async (tx) => {
    const existing = await findByKey(tx, input.idempotencyKey);
    if (existing) return replay(tx, existing, input);
    await checkTarget(tx, input);
    const settings = await ledgerSettings(tx);
    const valueJpy = await jpyValue(
      tx,
      input.amountMinor,
      input.currency,
      fiscalYearOf(input.donatedOn, settings.fiscalYearStartMonth),
    );
    const [row] = await tx.db
      .insert(companyDonations)
      .values({
        orgId: tx.orgId,
        companyId: input.companyId,
        campaignId: input.campaignId ?? null,
        partnerId: input.partnerId,
        amountMinor: input.amountMinor,
        currency: input.currency,
        valueJpy,
        donatedOn: input.donatedOn,
        note: input.note ?? null,
        idempotencyKey: input.idempotencyKey,
        createdBy: actorUserId(tx),
      })
      .onConflictDoNothing({ target: [companyDonations.orgId, companyDonations.idempotencyKey] })
      .returning();
    if (!row) {
      // A concurrent request with the same key committed first (we waited on the unique index).
      const winner = await findByKey(tx, input.idempotencyKey);
      if (!winner) throw new AppError('conflict', { params: { detail: 'idempotency key' } });
      return replay(tx, winner, input);
    }
    const { posting } = await post(tx, {
      kind: 'company_donation',
      idempotencyKey: `company-donation:${row.id}`,
      request: { companyDonationId: row.id },
      effectiveOn: row.donatedOn,
      memo: row.note,
      links: { campaignId: row.campaignId, partnerId: row.partnerId, companyDonationId: row.id },
      lines: [
        {
          account: account.companyGiving(row.companyId, row.currency),
          amount: -row.amountMinor,
          valueJpy: -valueJpy,
        },
        {
          account: account.payable(row.partnerId, row.campaignId, row.currency),
          amount: row.amountMinor,
          valueJpy,
        },
      ],
    });
    await audit(tx, {
      action: 'company_donation.create',
      entityType: 'company_donation',
      entityId: row.id,
      after: { ...row, postingId: posting.id },
    });
    return byId(tx, row.id);
  });
}

/** The company donations of the companies the caller manages, newest first; by campaign or company. */
export async function listCompanyDonations(
  ctx: Ctx,
  query: CompanyDonationListQuery,
): Promise<Page<CompanyDonation>> {
  const scope = companiesFor(ctx.actor, 'campaigns.manage');
  if (scope !== 'all' && !scope.companyIds.length)
    return { items: [], total: 0, page: query.page, size: query.size };
  const where = and(
    eq(companyDonations.orgId, ctx.orgId),
    scope === 'all' ? undefined : inArray(companyDonations.companyId, scope.companyIds),
    query.campaignId ? eq(companyDonations.campaignId, query.campaignId) : undefined,
    query.companyId ? eq(companyDonations.companyId, query.companyId) : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    views(ctx, where, query.size, offsetOf(query)),
    ctx.db.select({ total: count() }).from(companyDonations).where(where),
  ]);
  return { items, total: Number(total), page: query.page, size: query.size };
}
