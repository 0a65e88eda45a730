import { and, asc, count, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { audit } from '../../lib/audit.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import type { Page } from '../../lib/pagination.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import { users } from '../auth/auth.table.js';
import { campaigns } from '../giving/giving.table.js';
import { groupCompanies } from '../organisations/organisations.table.js';
import { partnerEligibleColumn } from '../partners/partners.eligibility.js';
import { partners } from '../partners/partners.table.js';
import { employees } from '../people/people.table.js';
import { reverse } from './ledger.post.js';
import type {
  Payable,
  PayableTotal,
  POSTING_KIND_VALUES,
  PostingDetail,
  PostingListQuery,
  PostingSummary,
  Reverse,
} from './ledger.schema.js';
import { ledgerAccounts, ledgerEntries, ledgerPostings, type PostingKind } from './ledger.table.js';
import { ledgerToday } from './ledger.values.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Type-checking fails here when the contract's list of kinds drifts from the table's. */
export const KINDS_MATCH: Same<PostingKind, (typeof POSTING_KIND_VALUES)[number]> = true;

const reversal = alias(ledgerPostings, 'reversal');
const employeeRef = {
  id: employees.id,
  employeeNumber: employees.employeeNumber,
  nameJa: employees.nameJa,
  nameEn: employees.nameEn,
};
const partnerRef = { id: partners.id, code: partners.code, nameJa: partners.nameJa, nameEn: partners.nameEn };
const campaignRef = {
  id: campaigns.id,
  code: campaigns.code,
  titleJa: campaigns.titleJa,
  titleEn: campaigns.titleEn,
};
const companyRef = {
  id: groupCompanies.id,
  code: groupCompanies.code,
  nameJa: groupCompanies.nameJa,
  nameEn: groupCompanies.nameEn,
};

/** A left-joined reference, or null when the join found nothing. */
const ref = <T extends { id: string | null }>(r: T | null) => (r?.id ? (r as T & { id: string }) : null);

/** Postings linked to the record, or with an entry on one of its accounts (a payout names neither). */
function touching(column: 'partner_id' | 'campaign_id', id: string, linked: SQL): SQL {
  return sql`(${linked} = ${id} or exists (select 1 from ledger_entries e
    join ledger_accounts a on a.id = e.account_id
    where e.posting_id = ${ledgerPostings.id} and a.${sql.raw(column)} = ${id}))`;
}

function postingWhere(ctx: Ctx, q: Partial<PostingListQuery>): SQL {
  const c: SQL[] = [eq(ledgerPostings.orgId, ctx.orgId)];
  if (q.kind) c.push(eq(ledgerPostings.kind, q.kind));
  if (q.employeeId) c.push(eq(ledgerPostings.employeeId, q.employeeId));
  if (q.from) c.push(gte(ledgerPostings.effectiveOn, q.from));
  if (q.to) c.push(lte(ledgerPostings.effectiveOn, q.to));
  if (q.partnerId) c.push(touching('partner_id', q.partnerId, sql`${ledgerPostings.partnerId}`));
  if (q.campaignId) c.push(touching('campaign_id', q.campaignId, sql`${ledgerPostings.campaignId}`));
  return and(...c) as SQL;
}

async function summaries(ctx: Ctx, where: SQL, limit: number, offset: number): Promise<PostingSummary[]> {
  const rows = await ctx.db
    .select({
      p: ledgerPostings,
      reversedById: reversal.id,
      employee: employeeRef,
      campaign: campaignRef,
      partner: partnerRef,
    })
    .from(ledgerPostings)
    .leftJoin(reversal, eq(reversal.reversesId, ledgerPostings.id))
    .leftJoin(
      employees,
      and(eq(employees.orgId, ledgerPostings.orgId), eq(employees.id, ledgerPostings.employeeId)),
    )
    .leftJoin(
      campaigns,
      and(eq(campaigns.orgId, ledgerPostings.orgId), eq(campaigns.id, ledgerPostings.campaignId)),
    )
    .leftJoin(
      partners,
      and(eq(partners.orgId, ledgerPostings.orgId), eq(partners.id, ledgerPostings.partnerId)),
    )
    .where(where)
    .orderBy(desc(ledgerPostings.postedAt), desc(ledgerPostings.id))
    .limit(limit)
    .offset(offset);
  const ids = rows.map((r) => r.p.id);
  const moved = ids.length
    ? await ctx.db
        .select({
          postingId: ledgerEntries.postingId,
          unit: ledgerEntries.unit,
          amount: sql<unknown>`coalesce(sum(${ledgerEntries.amount}) filter (where ${ledgerEntries.amount} > 0), 0)`,
          value: sql<unknown>`coalesce(sum(${ledgerEntries.valueJpy}) filter (where ${ledgerEntries.valueJpy} > 0), 0)`,
        })
        .from(ledgerEntries)
        .where(inArray(ledgerEntries.postingId, ids))
        .groupBy(ledgerEntries.postingId, ledgerEntries.unit)
        .orderBy(asc(ledgerEntries.unit))
    : [];
  return rows.map(({ p, ...r }) => {
    const mine = moved.filter((m) => m.postingId === p.id);
    return {
      id: p.id,
      kind: p.kind as PostingKind,
      idempotencyKey: p.idempotencyKey,
      effectiveOn: p.effectiveOn,
      fiscalYear: p.fiscalYear,
      postedAt: p.postedAt.toISOString(),
      memo: p.memo,
      reversesId: p.reversesId,
      reversedById: r.reversedById ?? null,
      employee: ref(r.employee),
      campaign: ref(r.campaign),
      partner: ref(r.partner),
      donationId: p.donationId,
      companyDonationId: p.companyDonationId,
      claimId: p.claimId,
      payoutId: p.payoutId,
      amounts: mine.map((m) => ({ unit: m.unit, amount: toNumber(m.amount) })),
      // Each unit moves the same value (points and the yen behind them): the largest is the posting's size.
      valueJpy: Math.max(0, ...mine.map((m) => toNumber(m.value))),
    };
  });
}

/** The organisation's postings, newest first, filtered by kind, record and effective date. */
export async function listPostings(ctx: Ctx, q: PostingListQuery): Promise<Page<PostingSummary>> {
  const where = postingWhere(ctx, q);
  const [{ total }] = await ctx.db.select({ total: count() }).from(ledgerPostings).where(where);
  const items = await summaries(ctx, where, q.size, (q.page - 1) * q.size);
  return { items, total: toNumber(total), page: q.page, size: q.size };
}

/** One posting with its entries and the accounts they move. @throws AppError not_found */
export async function getPosting(ctx: Ctx, id: string): Promise<PostingDetail> {
  const [summary] = await summaries(ctx, and(postingWhere(ctx, {}), eq(ledgerPostings.id, id)) as SQL, 1, 0);
  if (!summary) throw new AppError('not_found', { params: { entity: 'posting' } });
  const [head] = await ctx.db
    .select({ pointValueJpy: ledgerPostings.pointValueJpy, userId: users.id, displayName: users.displayName })
    .from(ledgerPostings)
    .leftJoin(users, and(eq(users.orgId, ledgerPostings.orgId), eq(users.id, ledgerPostings.createdBy)))
    .where(eq(ledgerPostings.id, id));
  const entries = await ctx.db
    .select({
      accountId: ledgerEntries.accountId,
      accountKind: ledgerAccounts.kind,
      unit: ledgerEntries.unit,
      amount: ledgerEntries.amount,
      valueJpy: ledgerEntries.valueJpy,
      fiscalYear: ledgerAccounts.fiscalYear,
      employee: employeeRef,
      company: companyRef,
      partner: partnerRef,
      campaign: campaignRef,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
    .leftJoin(
      employees,
      and(eq(employees.orgId, ledgerAccounts.orgId), eq(employees.id, ledgerAccounts.employeeId)),
    )
    .leftJoin(
      groupCompanies,
      and(eq(groupCompanies.orgId, ledgerAccounts.orgId), eq(groupCompanies.id, ledgerAccounts.companyId)),
    )
    .leftJoin(
      partners,
      and(eq(partners.orgId, ledgerAccounts.orgId), eq(partners.id, ledgerAccounts.partnerId)),
    )
    .leftJoin(
      campaigns,
      and(eq(campaigns.orgId, ledgerAccounts.orgId), eq(campaigns.id, ledgerAccounts.campaignId)),
    )
    .where(and(eq(ledgerEntries.orgId, ctx.orgId), eq(ledgerEntries.postingId, id)))
    .orderBy(asc(ledgerEntries.id));
  return {
    ...summary,
    pointValueJpy: head.pointValueJpy,
    createdBy: head.userId ? { id: head.userId, displayName: head.displayName ?? '' } : null,
    entries: entries.map((e) => ({
      ...e,
      employee: ref(e.employee),
      company: ref(e.company),
      partner: ref(e.partner),
      campaign: ref(e.campaign),
    })),
  };
}

/**
 * Kinds finance may reverse by hand. Donations and their matches are undone by a refund (which keeps
 * the donation's status in step), and a payout that left the bank is not undone by a posting.
 */
const FREELY_REVERSIBLE: ReadonlySet<string> = new Set(['grant', 'expiry', 'claim', 'company_donation']);

/**
 * Reverses a posting (finance's correction), audited. The same idempotency key answers the same
 * reversal again with `replayed: true`.
 * @throws AppError not_found, reversal_not_allowed, already_reversed, cannot_reverse_reversal, idempotency_key_reused,
 *   insufficient_points / insufficient_balance (the reversal would overdraw an account).
 */
export async function reversePosting(
  ctx: Ctx,
  id: string,
  input: Reverse,
): Promise<{ posting: PostingDetail; replayed: boolean }> {
  return inTransaction(ctx, async (tx) => {
    const [target] = await tx.db
      .select({ kind: ledgerPostings.kind })
      .from(ledgerPostings)
      .where(and(eq(ledgerPostings.orgId, tx.orgId), eq(ledgerPostings.id, id)));
    if (target && !FREELY_REVERSIBLE.has(target.kind)) throw new AppError('reversal_not_allowed');
    const r = await reverse(tx, id, { idempotencyKey: input.idempotencyKey, memo: input.memo });
    if (!r.replayed)
      await audit(tx, {
        action: 'reverse',
        entityType: 'ledger_posting',
        entityId: r.posting.id,
        after: { reversesId: id, kind: r.posting.kind, memo: input.memo, entries: r.posting.entries },
      });
    return { posting: await getPosting(tx, r.posting.id), replayed: r.replayed };
  });
}

/** Raw payable rows (an organisation's account per currency and campaign) with a positive balance. */
export type PayableRow = {
  account_id: string;
  unit: string;
  amount: unknown;
  partner_id: string;
  partner_code: string;
  partner_name_ja: string | null;
  partner_name_en: string | null;
  eligible: boolean;
  status: string;
  bank_ready: boolean;
  campaign_id: string | null;
  campaign_code: string | null;
  title_ja: string | null;
  title_en: string | null;
  payout_id: string | null;
  payout_reference: string | null;
};

/** The bank details a transfer needs are all filled in. */
export const BANK_READY = sql`(nullif(p.bank_name, '') is not null and nullif(p.bank_branch, '') is not null
  and p.bank_account_type is not null and nullif(p.bank_account_number, '') is not null
  and nullif(p.bank_account_holder, '') is not null)`;

/** Every payable account owed something, by organisation code, currency and campaign. */
export async function payableRows(
  ctx: Ctx,
  filter: { currency?: string; partnerIds?: string[] } = {},
): Promise<PayableRow[]> {
  const conditions = [sql`a.org_id = ${ctx.orgId}`, sql`a.kind = 'payable'`];
  if (filter.currency) conditions.push(sql`a.unit = ${filter.currency}`);
  if (filter.partnerIds)
    conditions.push(
      sql`a.partner_id in (${sql.join(
        filter.partnerIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  return rowsOf<PayableRow>(
    ctx.db,
    sql`select a.id as account_id, a.unit, bal.amount, p.id as partner_id, p.code as partner_code,
        p.name_ja as partner_name_ja, p.name_en as partner_name_en,
        ${partnerEligibleColumn(ledgerToday(), alias(partners, 'p'))} as eligible, p.status,
        ${BANK_READY} as bank_ready, c.id as campaign_id, c.code as campaign_code, c.title_ja, c.title_en,
        po.id as payout_id, po.reference as payout_reference
      from ledger_accounts a
      cross join lateral (select coalesce(sum(e.amount), 0) as amount from ledger_entries e
        where e.account_id = a.id) bal
      join partners p on p.org_id = a.org_id and p.id = a.partner_id
      left join campaigns c on c.org_id = a.org_id and c.id = a.campaign_id
      left join payout_lines l on l.account_id = a.id and l.open
      left join payouts po on po.org_id = l.org_id and po.id = l.payout_id
      where ${sql.join(conditions, sql` and `)} and bal.amount > 0
      order by p.code, a.unit, c.code nulls first`,
  );
}

/** What each organisation is owed, per currency and campaign, with totals per currency. */
export async function listPayables(
  ctx: Ctx,
  q: { currency?: string; partnerId?: string; page: number; size: number },
): Promise<Page<Payable> & { totals: PayableTotal[] }> {
  const rows = await payableRows(ctx, {
    currency: q.currency,
    partnerIds: q.partnerId ? [q.partnerId] : undefined,
  });
  const items: Payable[] = rows.map((r) => ({
    accountId: r.account_id,
    partner: {
      id: r.partner_id,
      code: r.partner_code,
      nameJa: r.partner_name_ja,
      nameEn: r.partner_name_en,
      eligible: r.eligible,
      status: r.status,
      bankReady: r.bank_ready,
    },
    campaign: r.campaign_id
      ? { id: r.campaign_id, code: r.campaign_code ?? '', titleJa: r.title_ja, titleEn: r.title_en }
      : null,
    currency: r.unit,
    amountMinor: toNumber(r.amount),
    openPayout: r.payout_id ? { id: r.payout_id, reference: r.payout_reference ?? '' } : null,
  }));
  const totals = new Map<string, PayableTotal & { ids: Set<string> }>();
  for (const i of items) {
    const t = totals.get(i.currency) ?? {
      currency: i.currency,
      amountMinor: 0,
      unbatchedMinor: 0,
      partners: 0,
      ids: new Set<string>(),
    };
    t.amountMinor += i.amountMinor;
    if (!i.openPayout) t.unbatchedMinor += i.amountMinor;
    t.ids.add(i.partner.id);
    totals.set(i.currency, t);
  }
  return {
    items: items.slice((q.page - 1) * q.size, q.page * q.size),
    total: items.length,
    page: q.page,
    size: q.size,
    totals: [...totals.values()].map(({ ids, ...t }) => ({ ...t, partners: ids.size })),
  };
}
