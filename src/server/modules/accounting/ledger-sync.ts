import { and, eq, inArray, sql } from 'drizzle-orm';
import { createI18n } from '../../../shared/i18n/index.js';
import type { Ctx } from '../../lib/context.js';
import { inTransaction } from '../../lib/context.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import { expenses } from './accounting.table.js';
import { expenseLookups, insertValuedExpense, type ValuedExpense, valueExpense } from './expenses.service.js';
import { openRestatement, sealRestatement } from './restatements.js';

const tJa = createI18n('ja').getFixedT('ja', 'accounting');
const tEn = createI18n('en').getFixedT('en', 'accounting');

/** How many postings one round reads (the sync loops until none is left). */
const BATCH = 500;

type Pending = {
  id: string;
  kind: 'company_donation' | 'match';
  effective_on: string;
  fiscal_year: unknown;
  partner_id: string | null;
  reverses_id: string | null;
  company_id: string;
  value_jpy: unknown;
  campaign_kind: string | null;
  title_ja: string | null;
  title_en: string | null;
  name_ja: string | null;
  name_en: string | null;
};

/**
 * The company's postings not yet posted as expenses: company donations and matches, with the
 * company side's yen value (the company_giving entries, negated), the campaign and the partner.
 * A posting worth nothing in yen (a tiny foreign amount) has no expense.
 */
function pendingPostings(ctx: Ctx): Promise<Pending[]> {
  return rowsOf<Pending>(
    ctx.db,
    sql`select p.id, p.kind, p.effective_on::text as effective_on, p.fiscal_year, p.partner_id,
        p.reverses_id, a.company_id, -sum(e.value_jpy) as value_jpy, c.kind as campaign_kind,
        c.title_ja, c.title_en, pt.name_ja, pt.name_en
      from ledger_postings p
      join ledger_entries e on e.org_id = p.org_id and e.posting_id = p.id
      join ledger_accounts a on a.id = e.account_id and a.kind = 'company_giving'
      left join campaigns c on c.org_id = p.org_id and c.id = p.campaign_id
      left join partners pt on pt.org_id = p.org_id and pt.id = p.partner_id
      where p.org_id = ${ctx.orgId} and p.kind in ('company_donation', 'match')
        and not exists (select 1 from expenses x where x.org_id = p.org_id and x.ledger_posting_id = p.id)
      group by p.id, a.company_id, c.kind, c.title_ja, c.title_en, pt.name_ja, pt.name_en
      having sum(e.value_jpy) <> 0
      order by p.posted_at, p.id
      limit ${BATCH}`,
  );
}

/** The expense a posting becomes (a reversal: the negative of its original's expense). */
function expenseOf(
  p: Pending,
  original: typeof expenses.$inferSelect | undefined,
  lookups: Parameters<typeof valueExpense>[1],
): ValuedExpense {
  const titleJa = p.title_ja ?? p.title_en ?? p.name_ja ?? p.name_en ?? '';
  const titleEn = p.title_en ?? p.title_ja ?? p.name_en ?? p.name_ja ?? '';
  const disaster = p.campaign_kind === 'disaster';
  const key = p.kind === 'match' ? 'ledger.match' : 'ledger.companyDonation';
  return valueExpense(
    {
      spentOn: p.effective_on,
      companyId: original?.companyId ?? p.company_id,
      partnerId: original ? original.partnerId : p.partner_id,
      descriptionJa: original?.descriptionJa ?? tJa(key, { title: titleJa }),
      descriptionEn: original?.descriptionEn ?? tEn(key, { title: titleEn }),
      type: 'cash_donation',
      valuationBasis: 'actual_cash',
      currency: 'JPY',
      amountMinor: toNumber(p.value_jpy),
      channel: 'gift',
      keidanrenField: original?.keidanrenField ?? (disaster ? 'disaster_relief' : 'other'),
      b4siCause: original ? original.b4siCause : disaster ? 'emergency_relief' : null,
      b4siMotivation: original ? original.b4siMotivation : 'charitable_gift',
      b4siRegion: original?.b4siRegion,
      adjustsExpenseId: original?.id ?? null,
    },
    lookups,
  );
}

export type LedgerSyncResult = {
  created: number;
  restatements: { fiscalYear: number; restatementId: string }[];
};

/**
 * Posts the giving ledger's company donations and matches as expenses (source 'ledger', cash
 * donations at their yen value, linked to their posting), once each: a reversal becomes a negative
 * row adjusting its original's. Postings of a closed year become the rows of an automatic
 * restatement of that year (one per year and run, reason "Ledger postings after the close"),
 * sealed with the figures after it. One run at a time per organisation (a transaction lock). No
 * permission check (the route checks expenses.manage organisation-wide; the job runs as the system).
 */
export async function syncLedgerExpenses(ctx: Ctx): Promise<LedgerSyncResult> {
  return inTransaction(ctx, async (tx) => {
    await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`kyosei:ledger-sync:${tx.orgId}`}))`);
    const lookups = await expenseLookups(tx);
    const opened = new Map<number, string>();
    let created = 0;
    for (;;) {
      const pending = await pendingPostings(tx);
      if (!pending.length) break;
      const originals = await originalsOf(tx, pending);
      for (const p of pending) {
        const original = p.reverses_id ? originals.get(p.reverses_id) : undefined;
        const valued = expenseOf(p, original, lookups);
        let restatementId: string | undefined;
        if (lookups.closedYears.has(valued.fiscalYear)) {
          restatementId = opened.get(valued.fiscalYear);
          if (!restatementId) {
            restatementId = await openRestatement(tx, valued.fiscalYear, {
              reasonJa: tJa('ledger.restatementReason'),
              reasonEn: tEn('ledger.restatementReason'),
            });
            opened.set(valued.fiscalYear, restatementId);
          }
        }
        const row = await insertValuedExpense(tx, valued, {
          source: 'ledger',
          ledgerPostingId: p.id,
          restatementId,
        });
        originals.set(p.id, row);
        created++;
      }
      if (pending.length < BATCH) break;
    }
    for (const [fiscalYear, id] of opened) await sealRestatement(tx, id, fiscalYear);
    return {
      created,
      restatements: [...opened].map(([fiscalYear, restatementId]) => ({ fiscalYear, restatementId })),
    };
  });
}

/** The expenses of the postings that pending reversals reverse. */
async function originalsOf(ctx: Ctx, pending: Pending[]) {
  const ids = pending.flatMap((p) => (p.reverses_id ? [p.reverses_id] : []));
  const rows = ids.length
    ? await ctx.db
        .select()
        .from(expenses)
        .where(and(eq(expenses.orgId, ctx.orgId), inArray(expenses.ledgerPostingId, ids)))
    : [];
  return new Map(rows.map((r) => [r.ledgerPostingId as string, r]));
}
