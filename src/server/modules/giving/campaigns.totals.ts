import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import type { CampaignTotals } from './campaigns.schema.js';
import { campaigns, donations } from './giving.table.js';

/** The posting kinds that bring money to a campaign's beneficiaries (payouts only move it on). */
const RAISING = ['point_donation', 'money_donation', 'company_donation', 'match'] as const;

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
 * The totals of several campaigns, read from the ledger only: the payable entries of the postings
 * that raise money (a reversal has the same kind and negated entries, so it nets out), the points
 * on the points_donated accounts, and donors = employees whose net donations are above zero.
 * Pledged money is not in the ledger yet: it comes from the donations still `pledged`.
 */
export async function campaignTotalsBatch(
  ctx: Ctx,
  items: { id: string; goalJpy: number | null }[],
): Promise<Map<string, CampaignTotals>> {
  const out = new Map(items.map((c) => [c.id, empty(c.goalJpy)]));
  if (!items.length) return out;
  const ids = uuidList(items.map((c) => c.id));
  const kinds = sql.join(
    RAISING.map((k) => sql`${k}`),
    sql`, `,
  );
  // One statement for the sums and the donors, reading the rows once, in steps the planner
  // cannot reorder (materialized): the campaigns' postings (ledger_postings_campaign_idx), their
  // entries by posting (ledger_entries_posting_idx, through the array), the raising accounts (by
  // ledger_accounts_key). Left to itself it starts from the accounts, estimated at 400 entries each,
  // and reads every entry of the shared ones (a campaign's payable, a year's points_donated).
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
    sql`with p as materialized (
          select id, campaign_id, kind, employee_id from ledger_postings
          where org_id = ${ctx.orgId} and campaign_id in (${ids}) and kind in (${kinds})),
        e as materialized (
          select posting_id, account_id, unit, amount, value_jpy from ledger_entries
          where posting_id = any(array(select id from p))),
        a as materialized (
          select id, kind from ledger_accounts
          where org_id = ${ctx.orgId} and kind in ('payable', 'points_donated')),
        x as materialized (
          select p.campaign_id, p.kind, p.employee_id, a.kind as account_kind, e.unit, e.amount, e.value_jpy
          from e
          join p on p.id = e.posting_id
          join a on a.id = e.account_id)
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
