import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import { account } from '../ledger/ledger.keys.js';
import { type Posting, post } from '../ledger/ledger.post.js';
import { BASE_CURRENCY } from '../ledger/ledger.values.js';
import { campaigns } from './giving.table.js';

/** What matching needs to know about a paid donation. */
export type MatchableDonation = {
  id: string;
  employeeId: string;
  campaignId: string | null;
  partnerId: string;
  valueJpy: number;
};

export type MatchRule = {
  matchRatioPercent: number | null;
  matchCapPerEmployeeJpy: number | null;
  matchCapPerCampaignJpy: number | null;
};

/**
 * The match for a donation of `valueJpy`: ratio % of it, rounded down, within what is left of the
 * employee's cap and of the campaign's cap (null caps do not limit). Zero when nothing is left.
 */
export function matchAmount(
  rule: MatchRule,
  valueJpy: number,
  used: { byEmployee: number; byCampaign: number },
): number {
  if (!rule.matchRatioPercent) return 0;
  let amount = Math.floor((valueJpy * rule.matchRatioPercent) / 100);
  if (rule.matchCapPerEmployeeJpy !== null)
    amount = Math.min(amount, rule.matchCapPerEmployeeJpy - used.byEmployee);
  if (rule.matchCapPerCampaignJpy !== null)
    amount = Math.min(amount, rule.matchCapPerCampaignJpy - used.byCampaign);
  return Math.max(0, amount);
}

/**
 * Yen the company has matched in a campaign (net of reversals), for one employee or for everyone: the
 * ledger's giving totals of its match postings (decision 0016), a row per donor.
 */
export async function matchedJpy(ctx: Ctx, campaignId: string, employeeId?: string): Promise<number> {
  const [row] = await rowsOf<{ total: unknown }>(
    ctx.db,
    sql`select coalesce(sum(amount), 0) as total from ledger_giving_totals
      where org_id = ${ctx.orgId} and campaign_id = ${campaignId} and kind = 'match'
        and account_kind = 'payable'
        ${employeeId ? sql`and employee_id = ${employeeId}` : sql``}`,
  );
  return toNumber(row?.total);
}
const ruleColumns = {
  companyId: campaigns.companyId,
  matchRatioPercent: campaigns.matchRatioPercent,
  matchCapPerEmployeeJpy: campaigns.matchCapPerEmployeeJpy,
  matchCapPerCampaignJpy: campaigns.matchCapPerCampaignJpy,
};

/**
 * Posts the company's match of a paid donation, once (key `match:{donationId}`), when its campaign
 * has a rule. The campaign row is locked (FOR NO KEY UPDATE) before the caps are read, so concurrent
 * donations to one campaign take turns here and the caps hold; campaigns without a rule take no
 * lock. Runs in the caller's transaction. Answers the posting, or null when nothing is matched.
 */
export async function applyMatch(ctx: Ctx, d: MatchableDonation): Promise<Posting | null> {
  if (!d.campaignId) return null;
  const where = and(eq(campaigns.orgId, ctx.orgId), eq(campaigns.id, d.campaignId));
  const [first] = await ctx.db.select(ruleColumns).from(campaigns).where(where);
  if (!first?.matchRatioPercent) return null;
  // Read the rule again under the lock: a statement that waited for it sees the latest row. FOR NO KEY
  // UPDATE, not FOR UPDATE: inserts referencing the campaign (donations, postings, accounts) hold KEY
  // SHARE on it until commit, which FOR UPDATE would wait for (a deadlock with an account insert).
  const [rule] = await ctx.db.select(ruleColumns).from(campaigns).where(where).for('no key update');
  if (!rule?.matchRatioPercent) return null;
  const used = {
    byEmployee: rule.matchCapPerEmployeeJpy === null ? 0 : await matchedJpy(ctx, d.campaignId, d.employeeId),
    byCampaign: rule.matchCapPerCampaignJpy === null ? 0 : await matchedJpy(ctx, d.campaignId),
  };
  const amount = matchAmount(rule, d.valueJpy, used);
  if (amount <= 0) return null;
  const { posting } = await post(ctx, {
    kind: 'match',
    idempotencyKey: `match:${d.id}`,
    request: { match: d.id },
    memo: null,
    links: { employeeId: d.employeeId, campaignId: d.campaignId, partnerId: d.partnerId, donationId: d.id },
    lines: [
      { account: account.companyGiving(rule.companyId, BASE_CURRENCY), amount: -amount },
      { account: account.payable(d.partnerId, d.campaignId, BASE_CURRENCY), amount },
    ],
  });
  return posting;
}
