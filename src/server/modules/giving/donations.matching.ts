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
