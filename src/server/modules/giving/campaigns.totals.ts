import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import type { CampaignTotals } from './campaigns.schema.js';
import { campaigns, donations } from './giving.table.js';

const uuidList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

const empty = (goalJpy: number | null): CampaignTotals => ({
  donors: 0,
  points: 0,
  pointsJpy: 0,
  moneyJpy: 0,
  companyJpy: 0,
  matchJpy: 0,
  employeeJpy: 0,
  totalJpy: 0,
  pledgedJpy: 0,
  goalJpy,
  byCurrency: [],
});

/**
 * The totals of several campaigns, read from the ledger only (its giving totals, which sum the
 * payable and points_donated entries of the postings that give money per donor; a reversal has the
 * same kind and negated entries, so it nets out): money by kind and currency, the points given, and
 * donors = employees whose net donations are above zero.
 * Pledged money is not in the ledger yet: it comes from the donations still `pledged`.
 */
export async function campaignTotalsBatch(
  ctx: Ctx,
  items: { id: string; goalJpy: number | null }[],
): Promise<Map<string, CampaignTotals>> {
  const out = new Map(items.map((c) => [c.id, empty(c.goalJpy)]));
  if (!items.length) return out;
  const ids = uuidList(items.map((c) => c.id));
  // The ledger's giving totals per donor (kept by its entry trigger, decision 0016): a campaign's rows
  // through ledger_giving_totals_campaign_idx, whatever the number of its entries.
  const rows = await rowsOf<{
    part: 'sum' | 'donors';
    campaign_id: string;
    kind: string | null;
    account_kind: string | null;
    unit: string | null;
    amount: unknown;
    value: unknown;
  }>(
    ctx.db,
    sql`with x as materialized (
          select campaign_id, kind, employee_id, account_kind, unit, amount, value_jpy
          from ledger_giving_totals where org_id = ${ctx.orgId} and campaign_id in (${ids}))
        select 'sum' as part, campaign_id, kind, account_kind, unit, sum(amount) as amount,
          sum(value_jpy) as value
        from x group by campaign_id, kind, account_kind, unit
        union all
        select 'donors', campaign_id, null, null, null, count(distinct employee_id), null from (
          select campaign_id, employee_id from x
          where kind in ('point_donation', 'money_donation') and account_kind = 'payable'
            and employee_id is not null
          group by campaign_id, employee_id, unit
          having sum(amount) > 0) net
        group by campaign_id`,
  );
  const pledged = await ctx.db
    .select({ campaignId: donations.campaignId, value: sql<unknown>`sum(${donations.valueJpy})` })
    .from(donations)
    .where(
      and(
        eq(donations.orgId, ctx.orgId),
        inArray(
          donations.campaignId,
          items.map((c) => c.id),
        ),
        eq(donations.status, 'pledged'),
      ),
    )
    .groupBy(donations.campaignId);
  const currencies = new Map<string, Map<string, { amountMinor: number; valueJpy: number }>>();
  for (const r of rows) {
    const t = out.get(r.campaign_id);
    if (!t) continue;
    if (r.part === 'donors') {
      t.donors = toNumber(r.amount);
      continue;
    }
    const amount = toNumber(r.amount);
    const value = toNumber(r.value);
    if (r.account_kind === 'points_donated') {
      if (r.kind === 'point_donation') t.points += amount;
      continue;
    }
    if (r.kind === 'point_donation') t.pointsJpy += value;
    else if (r.kind === 'money_donation') t.moneyJpy += value;
    else if (r.kind === 'company_donation') t.companyJpy += value;
    else if (r.kind === 'match') t.matchJpy += value;
    const per = currencies.get(r.campaign_id) ?? new Map();
    const cur = per.get(r.unit) ?? { amountMinor: 0, valueJpy: 0 };
    per.set(r.unit, { amountMinor: cur.amountMinor + amount, valueJpy: cur.valueJpy + value });
    currencies.set(r.campaign_id, per);
  }
  for (const r of pledged) {
    const t = r.campaignId ? out.get(r.campaignId) : undefined;
    if (t) t.pledgedJpy = toNumber(r.value);
  }
  for (const [id, t] of out) {
    t.employeeJpy = t.pointsJpy + t.moneyJpy;
    t.totalJpy = t.employeeJpy + t.companyJpy + t.matchJpy;
    t.byCurrency = [...(currencies.get(id) ?? new Map()).entries()]
      .map(([currency, v]) => ({ currency, ...v }))
      .filter((c) => c.amountMinor !== 0 || c.valueJpy !== 0)
      .sort((a, b) => b.valueJpy - a.valueJpy || a.currency.localeCompare(b.currency));
  }
  return out;
}

/** One campaign's totals from the ledger (see campaignTotalsBatch). Throws not_found. */
export async function campaignTotals(ctx: Ctx, campaignId: string): Promise<CampaignTotals> {
  const [row] = await ctx.db
    .select({ id: campaigns.id, goalJpy: campaigns.goalJpy })
    .from(campaigns)
    .where(and(eq(campaigns.orgId, ctx.orgId), eq(campaigns.id, campaignId)));
  if (!row) throw new AppError('not_found', { params: { entity: 'campaign' } });
  return (await campaignTotalsBatch(ctx, [row])).get(row.id)!;
}
