import { and, asc, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { rolesFor } from '../../../shared/roles.js';
import { holdsOn } from '../../lib/authz.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { offsetOf, type Page, sortSpec } from '../../lib/pagination.js';
import { likeEscape } from '../../lib/sql.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { groupCompanies } from '../organisations/organisations.table.js';
import type { PartnerKind, PartnerStatus } from '../partners/partners.schema.js';
import { partnerEligibleColumn } from '../partners/partners.eligibility.js';
import { partners } from '../partners/partners.table.js';
import {
  CAMPAIGN_SORTS,
  type Beneficiary,
  type Campaign,
  type CampaignKind,
  type CampaignListQuery,
  type CampaignStatus,
  type FundType,
} from './campaigns.schema.js';
import { campaignTotalsBatch } from './campaigns.totals.js';
import { campaignBeneficiaries, campaigns } from './giving.table.js';

export type CampaignRow = typeof campaigns.$inferSelect;

export const campaignNotFound = () => new AppError('not_found', { params: { entity: 'campaign' } });

const deskRoles = [...rolesFor('campaigns.manage'), 'auditor'];

/** True when the actor runs (or audits) campaigns of this company, and so sees drafts too. */
export function seesEverything(actor: Actor, companyId: string): boolean {
  if (actor.kind === 'system' || holdsOn(actor, 'campaigns.manage', { companyId })) return true;
  return actor.grants.some(
    (g) =>
      g.role === 'auditor' &&
      (g.scopeType === 'org' || (g.scopeType === 'company' && g.companyId === companyId)),
  );
}

/** Whether the caller may open a campaign: drafts only for its managers and auditors. */
export const canSeeCampaign = (actor: Actor, c: { companyId: string; status: string }) =>
  c.status !== 'draft' || seesEverything(actor, c.companyId);

/** The campaigns the caller manages or audits: undefined for all of them, false for none. */
function deskScope(actor: Actor): SQL | undefined | false {
  if (actor.kind === 'system') return undefined;
  const grants = actor.grants.filter((g) => deskRoles.includes(g.role));
  if (grants.some((g) => g.scopeType === 'org')) return undefined;
  const ids = grants.flatMap((g) => (g.scopeType === 'company' && g.companyId ? [g.companyId] : []));
  return ids.length ? inArray(campaigns.companyId, ids) : false;
}

async function beneficiariesOf(ctx: Ctx, ids: string[]): Promise<Map<string, Beneficiary[]>> {
  const out = new Map<string, Beneficiary[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await ctx.db
    .select({
      campaignId: campaignBeneficiaries.campaignId,
      partnerId: campaignBeneficiaries.partnerId,
      position: campaignBeneficiaries.position,
      code: partners.code,
      nameJa: partners.nameJa,
      nameEn: partners.nameEn,
      kind: partners.kind,
      website: partners.website,
      eligible: partnerEligibleColumn(ledgerToday()),
      status: partners.status,
    })
    .from(campaignBeneficiaries)
    .innerJoin(
      partners,
      and(eq(partners.orgId, campaignBeneficiaries.orgId), eq(partners.id, campaignBeneficiaries.partnerId)),
    )
    .where(and(eq(campaignBeneficiaries.orgId, ctx.orgId), inArray(campaignBeneficiaries.campaignId, ids)))
    .orderBy(asc(campaignBeneficiaries.position));
  for (const { campaignId, ...b } of rows)
    out.get(campaignId)?.push({ ...b, kind: b.kind as PartnerKind, status: b.status as PartnerStatus });
  return out;
}

const selection = {
  row: campaigns,
  companyCode: groupCompanies.code,
  companyNameJa: groupCompanies.nameJa,
  companyNameEn: groupCompanies.nameEn,
};
type Joined = { row: CampaignRow; companyCode: string; companyNameJa: string; companyNameEn: string };

const joined = (ctx: Ctx) =>
  ctx.db
    .select(selection)
    .from(campaigns)
    .innerJoin(
      groupCompanies,
      and(eq(groupCompanies.orgId, campaigns.orgId), eq(groupCompanies.id, campaigns.companyId)),
    );

/** Campaign rows as the API shows them: with company, beneficiaries, totals from the ledger. */
async function views(ctx: Ctx, items: Joined[]): Promise<Campaign[]> {
  const ids = items.map((i) => i.row.id);
  // One after the other: a write returns its campaign from inside its transaction (one connection).
  const beneficiaries = await beneficiariesOf(ctx, ids);
  const totals = await campaignTotalsBatch(
    ctx,
    items.map((i) => i.row),
  );
  return items.map(({ row, ...company }) => ({
    id: row.id,
    code: row.code,
    companyId: row.companyId,
    ...company,
    kind: row.kind as CampaignKind,
    fundType: row.fundType as FundType,
    titleJa: row.titleJa,
    titleEn: row.titleEn,
    storyJa: row.storyJa,
    storyEn: row.storyEn,
    goalJpy: row.goalJpy,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: row.status as CampaignStatus,
    acceptsPoints: row.acceptsPoints,
    acceptsMoney: row.acceptsMoney,
    matchRatioPercent: row.matchRatioPercent,
    matchCapPerEmployeeJpy: row.matchCapPerEmployeeJpy,
    matchCapPerCampaignJpy: row.matchCapPerCampaignJpy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    canManage:
      ctx.actor.kind === 'system' || holdsOn(ctx.actor, 'campaigns.manage', { companyId: row.companyId }),
    beneficiaries: beneficiaries.get(row.id) ?? [],
    totals: totals.get(row.id)!,
  }));
}

/** A campaign row by id in the organisation (no visibility check). */
export async function findCampaignRow(ctx: Ctx, id: string, lock = false): Promise<CampaignRow | undefined> {
  const q = ctx.db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.orgId, ctx.orgId), eq(campaigns.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/**
 * One campaign with its beneficiaries and live totals. Open and closed campaigns are for everyone
 * holding campaigns.read; drafts for their managers and auditors. Throws not_found.
 */
export async function getCampaign(ctx: Ctx, id: string): Promise<Campaign> {
  const [item] = await joined(ctx).where(and(eq(campaigns.orgId, ctx.orgId), eq(campaigns.id, id)));
  if (!item || !canSeeCampaign(ctx.actor, item.row)) throw campaignNotFound();
  return (await views(ctx, [item]))[0];
}

/**
 * Campaigns with their totals: the open ones for everyone, and every campaign (drafts and closed
 * ones too) of the companies the caller manages or audits; `manage` keeps only the latter.
 */
export async function listCampaigns(ctx: Ctx, query: CampaignListQuery): Promise<Page<Campaign>> {
  const desk = deskScope(ctx.actor);
  const audience = query.manage
    ? desk
    : desk === undefined
      ? undefined
      : desk === false
        ? eq(campaigns.status, 'open')
        : or(eq(campaigns.status, 'open'), desk);
  if (audience === false) return { items: [], total: 0, page: query.page, size: query.size };
  const like = query.q ? `%${likeEscape(query.q)}%` : undefined;
  const where = and(
    eq(campaigns.orgId, ctx.orgId),
    audience,
    query.status ? eq(campaigns.status, query.status) : undefined,
    query.companyId ? eq(campaigns.companyId, query.companyId) : undefined,
    like
      ? or(ilike(campaigns.code, like), ilike(campaigns.titleJa, like), ilike(campaigns.titleEn, like))
      : undefined,
  );
  const sort = query.sort
    ? sortSpec(query.sort, CAMPAIGN_SORTS, 'startsOn')
    : { field: 'startsOn', desc: true };
  const column = campaigns[sort.field as (typeof CAMPAIGN_SORTS)[number]];
  const [items, [{ total }]] = await Promise.all([
    joined(ctx)
      .where(where)
      .orderBy(sort.desc ? desc(column) : asc(column), asc(campaigns.id))
      .limit(query.size)
      .offset(offsetOf(query)),
    ctx.db.select({ total: count() }).from(campaigns).where(where),
  ]);
  return { items: await views(ctx, items), total: Number(total), page: query.page, size: query.size };
}
