import { and, asc, eq, inArray } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { assertHolds } from '../../lib/authz.js';
import { actorUserId, type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type FieldIssue } from '../../lib/errors.js';
import { isUniqueViolation } from '../../lib/sql.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { groupCompanies, organisations } from '../organisations/organisations.table.js';
import { partnerEligibleColumn } from '../partners/partners.eligibility.js';
import { partners } from '../partners/partners.table.js';
import type { Campaign, CampaignCreate, CampaignUpdate } from './campaigns.schema.js';
import {
  type CampaignRow,
  campaignNotFound,
  canSeeCampaign,
  findCampaignRow,
  getCampaign,
} from './campaigns.view.js';
import { campaignBeneficiaries, campaigns } from './giving.table.js';

export { getCampaign, listCampaigns } from './campaigns.view.js';

type Draft = Omit<CampaignRow, 'id' | 'orgId' | 'status' | 'createdBy' | 'createdAt' | 'updatedAt'>;

const fail = (fields: FieldIssue[]) => {
  if (fields.length) throw new AppError('validation_failed', { fields });
};

async function defaultLocale(ctx: Ctx): Promise<'ja' | 'en'> {
  const [org] = await ctx.db
    .select({ locale: organisations.defaultLocale })
    .from(organisations)
    .where(eq(organisations.id, ctx.orgId));
  return org?.locale === 'en' ? 'en' : 'ja';
}

/**
 * The company must exist and be in the caller's campaigns.manage scope; the default language's
 * title and story are required; dates in order; some way of giving; caps only with a ratio.
 */
async function validate(ctx: Ctx, d: Draft): Promise<void> {
  const [company] = await ctx.db
    .select({ id: groupCompanies.id })
    .from(groupCompanies)
    .where(and(eq(groupCompanies.orgId, ctx.orgId), eq(groupCompanies.id, d.companyId)));
  fail(company ? [] : [{ path: 'companyId', code: 'not_found' }]);
  assertHolds(ctx, 'campaigns.manage', { companyId: d.companyId });
  const issues: FieldIssue[] = [];
  const suffix = (await defaultLocale(ctx)) === 'ja' ? 'Ja' : 'En';
  for (const name of [`title${suffix}`, `story${suffix}`] as const)
    if (!d[name]) issues.push({ path: name, code: 'required' });
  if (d.endsOn < d.startsOn) issues.push({ path: 'endsOn', code: 'ends_before_start' });
  if (!d.acceptsPoints && !d.acceptsMoney) issues.push({ path: 'acceptsMoney', code: 'accepts_nothing' });
  if (
    d.matchRatioPercent === null &&
    (d.matchCapPerEmployeeJpy !== null || d.matchCapPerCampaignJpy !== null)
  )
    issues.push({ path: 'matchRatioPercent', code: 'match_ratio_required' });
  fail(issues);
}

/**
 * Checks that every organisation may receive donations: it exists, is active and eligible.
 * Throws validation_failed (not_found, duplicate), recipient_closed, recipient_not_eligible.
 */
export async function assertRecipients(
  ctx: Ctx,
  partnerIds: string[],
  pathOf: (i: number) => string = (i) => `partnerIds.${i}`,
): Promise<void> {
  const rows = partnerIds.length
    ? await ctx.db
        .select({ id: partners.id, eligible: partnerEligibleColumn(ledgerToday()), status: partners.status })
        .from(partners)
        .where(and(eq(partners.orgId, ctx.orgId), inArray(partners.id, partnerIds)))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const issue = (code: string) =>
    partnerIds.flatMap((id, i) => {
      const p = byId.get(id);
      const bad =
        code === 'duplicate'
          ? partnerIds.indexOf(id) !== i
          : code === 'not_found'
            ? !p
            : code === 'recipient_closed'
              ? p?.status === 'closed'
              : !!p && !p.eligible;
      return bad ? [{ path: pathOf(i), code }] : [];
    });
  fail([...issue('not_found'), ...issue('duplicate')]);
  const closed = issue('recipient_closed');
  if (closed.length) throw new AppError('recipient_closed', { fields: closed });
  const ineligible = issue('recipient_not_eligible');
  if (ineligible.length) throw new AppError('recipient_not_eligible', { fields: ineligible });
}

async function currentBeneficiaries(ctx: Ctx, campaignId: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ partnerId: campaignBeneficiaries.partnerId })
    .from(campaignBeneficiaries)
    .where(and(eq(campaignBeneficiaries.orgId, ctx.orgId), eq(campaignBeneficiaries.campaignId, campaignId)))
    .orderBy(asc(campaignBeneficiaries.position));
  return rows.map((r) => r.partnerId);
}

/** Replaces the beneficiaries (in order: position 1 first). An open campaign keeps at least one. */
async function replaceBeneficiaries(ctx: Ctx, campaign: CampaignRow, partnerIds: string[]) {
  if (campaign.status === 'open' && !partnerIds.length)
    fail([{ path: 'partnerIds', code: 'beneficiary_required' }]);
  await assertRecipients(ctx, partnerIds);
  await ctx.db
    .delete(campaignBeneficiaries)
    .where(
      and(eq(campaignBeneficiaries.orgId, ctx.orgId), eq(campaignBeneficiaries.campaignId, campaign.id)),
    );
  if (partnerIds.length)
    await ctx.db.insert(campaignBeneficiaries).values(
      partnerIds.map((partnerId, i) => ({
        orgId: ctx.orgId,
        campaignId: campaign.id,
        partnerId,
        position: i + 1,
      })),
    );
}

const duplicateCode = () =>
  new AppError('duplicate', {
    params: { entity: 'campaign' },
    fields: [{ path: 'code', code: 'duplicate' }],
  });

function draftOf(input: CampaignCreate): Draft {
  return {
    companyId: input.companyId,
    code: input.code,
    kind: input.kind,
    fundType: input.fundType,
    titleJa: input.titleJa ?? null,
    titleEn: input.titleEn ?? null,
    storyJa: input.storyJa ?? null,
    storyEn: input.storyEn ?? null,
    goalJpy: input.goalJpy ?? null,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    acceptsPoints: input.acceptsPoints,
    acceptsMoney: input.acceptsMoney,
    matchRatioPercent: input.matchRatioPercent ?? null,
    matchCapPerEmployeeJpy: input.matchCapPerEmployeeJpy ?? null,
    matchCapPerCampaignJpy: input.matchCapPerCampaignJpy ?? null,
  };
}

/**
 * Creates a campaign as a draft, with its beneficiaries; campaigns.manage on its company.
 * Throws forbidden, validation_failed (required, ends_before_start, accepts_nothing,
 * match_ratio_required, not_found), duplicate (code), recipient_closed, recipient_not_eligible.
 */
export async function createCampaign(ctx: Ctx, input: CampaignCreate): Promise<Campaign> {
  return inTransaction(ctx, async (tx) => {
    const draft = draftOf(input);
    await validate(tx, draft);
    const [row] = await tx.db
      .insert(campaigns)
      .values({ ...draft, orgId: tx.orgId, status: 'draft', createdBy: actorUserId(tx) })
      .onConflictDoNothing({ target: [campaigns.orgId, campaigns.code] })
      .returning();
    if (!row) throw duplicateCode();
    await replaceBeneficiaries(tx, row, input.partnerIds);
    await audit(tx, {
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: row.id,
      after: { ...row, partnerIds: input.partnerIds },
    });
    return getCampaign(tx, row.id);
  });
}

/** The campaign, locked, after the visibility and scope checks; closed ones are frozen. */
async function lockForChange(ctx: Ctx, id: string): Promise<CampaignRow> {
  const row = await findCampaignRow(ctx, id, true);
  if (!row || !canSeeCampaign(ctx.actor, row)) throw campaignNotFound();
  assertHolds(ctx, 'campaigns.manage', { companyId: row.companyId });
  return row;
}

/**
 * Changes a draft or open campaign (its company only while a draft); `partnerIds` replaces the
 * beneficiaries. Throws not_found, forbidden, invalid_transition (closed), validation_failed
 * (as createCampaign, and fixed_after_open), duplicate, recipient_closed, recipient_not_eligible.
 */
export async function updateCampaign(ctx: Ctx, id: string, input: CampaignUpdate): Promise<Campaign> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockForChange(tx, id);
    if (before.status === 'closed')
      throw new AppError('invalid_transition', { params: { from: before.status } });
    const { partnerIds, ...patch } = input;
    const defined = Object.fromEntries(
      Object.entries(patch).filter(([, v]) => v !== undefined),
    ) as Partial<Draft>;
    if (defined.companyId && defined.companyId !== before.companyId && before.status !== 'draft')
      fail([{ path: 'companyId', code: 'fixed_after_open' }]);
    const merged = { ...before, ...defined };
    await validate(tx, merged);
    const beneficiariesBefore = await currentBeneficiaries(tx, id);
    const [after] = await tx.db
      .update(campaigns)
      .set({ ...defined, updatedAt: new Date() })
      .where(and(eq(campaigns.orgId, tx.orgId), eq(campaigns.id, id)))
      .returning()
      .catch((err) => {
        if (isUniqueViolation(err, 'campaigns_org_code')) throw duplicateCode();
        throw err;
      });
    if (partnerIds) await replaceBeneficiaries(tx, after, partnerIds);
    await audit(tx, {
      action: 'campaign.update',
      entityType: 'campaign',
      entityId: id,
      before: { ...before, partnerIds: beneficiariesBefore },
      after: { ...after, partnerIds: partnerIds ?? beneficiariesBefore },
    });
    return getCampaign(tx, id);
  });
}

/**
 * Replaces a draft or open campaign's beneficiaries, in order. Throws not_found, forbidden,
 * invalid_transition (closed), validation_failed (beneficiary_required, not_found, duplicate),
 * recipient_closed, recipient_not_eligible.
 */
export async function setBeneficiaries(ctx: Ctx, id: string, partnerIds: string[]): Promise<Campaign> {
  return inTransaction(ctx, async (tx) => {
    const row = await lockForChange(tx, id);
    if (row.status === 'closed') throw new AppError('invalid_transition', { params: { from: row.status } });
    const before = await currentBeneficiaries(tx, id);
    await replaceBeneficiaries(tx, row, partnerIds);
    await audit(tx, {
      action: 'campaign.beneficiaries',
      entityType: 'campaign',
      entityId: id,
      before: { partnerIds: before },
      after: { partnerIds },
    });
    return getCampaign(tx, id);
  });
}

const TRANSITIONS = { open: { from: 'draft', to: 'open' }, close: { from: 'open', to: 'closed' } } as const;

async function transition(ctx: Ctx, id: string, action: keyof typeof TRANSITIONS): Promise<Campaign> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockForChange(tx, id);
    const rule = TRANSITIONS[action];
    if (before.status !== rule.from)
      throw new AppError('invalid_transition', { params: { from: before.status } });
    if (action === 'open') {
      const beneficiaries = await currentBeneficiaries(tx, id);
      if (!beneficiaries.length) fail([{ path: 'partnerIds', code: 'beneficiary_required' }]);
      await assertRecipients(tx, beneficiaries);
    }
    await tx.db
      .update(campaigns)
      .set({ status: rule.to, updatedAt: new Date() })
      .where(and(eq(campaigns.orgId, tx.orgId), eq(campaigns.id, id)));
    await audit(tx, {
      action: `campaign.${action}`,
      entityType: 'campaign',
      entityId: id,
      before: { status: before.status },
      after: { status: rule.to },
    });
    return getCampaign(tx, id);
  });
}

/**
 * Opens a draft for donations; it needs a beneficiary, each still eligible and active. Throws
 * not_found, forbidden, invalid_transition, validation_failed (beneficiary_required),
 * recipient_closed, recipient_not_eligible.
 */
export const openCampaign = (ctx: Ctx, id: string) => transition(ctx, id, 'open');

/** Closes an open campaign: no more donations. Throws not_found, forbidden, invalid_transition. */
export const closeCampaign = (ctx: Ctx, id: string) => transition(ctx, id, 'close');
