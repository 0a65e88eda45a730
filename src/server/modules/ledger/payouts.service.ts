import { stringify } from 'csv-stringify/sync';
import { and, eq, sql } from 'drizzle-orm';
import { fiscalYearOf } from '../../../shared/fiscal-year.js';
import { audit } from '../../lib/audit.js';
import { actorUserId, type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import type { Page } from '../../lib/pagination.js';
import { isUniqueViolation, rowsOf, toNumber } from '../../lib/sql.js';
import { BANK_READY, payableRows } from './ledger.browse.js';
import { account } from './ledger.keys.js';
import { post, type PostingLine } from './ledger.post.js';
import type { PayoutCreate, PayoutDetail, PayoutListQuery, PayoutSummary } from './ledger.schema.js';
import { payoutLines, payouts } from './ledger.table.js';
import { jpyValue, ledgerSettings, ledgerToday, minorDigits } from './ledger.values.js';

type SummaryRow = {
  id: string;
  reference: string;
  currency: string;
  status: PayoutSummary['status'];
  paid_on: string | null;
  created_at: string | Date;
  updated_at: string | Date;
  created_by: string | null;
  paid_by: string | null;
  line_count: unknown;
  partner_count: unknown;
  total_minor: unknown;
  posting_id: string | null;
  total: unknown;
};

const iso = (v: string | Date) => new Date(v).toISOString();

async function summaries(ctx: Ctx, where: ReturnType<typeof sql>, limit: number, offset: number) {
  const rows = await rowsOf<SummaryRow>(
    ctx.db,
    sql`select po.id, po.reference, po.currency, po.status, po.paid_on::text as paid_on, po.created_at,
        po.updated_at, cu.display_name as created_by, pu.display_name as paid_by,
        (select count(*) from payout_lines l where l.payout_id = po.id) as line_count,
        (select count(distinct l.partner_id) from payout_lines l where l.payout_id = po.id) as partner_count,
        (select coalesce(sum(l.amount_minor), 0) from payout_lines l where l.payout_id = po.id) as total_minor,
        (select lp.id from ledger_postings lp where lp.org_id = po.org_id and lp.payout_id = po.id
          and lp.reverses_id is null limit 1) as posting_id,
        count(*) over () as total
      from payouts po
      left join users cu on cu.org_id = po.org_id and cu.id = po.created_by
      left join users pu on pu.org_id = po.org_id and pu.id = po.paid_by
      where po.org_id = ${ctx.orgId} and ${where}
      order by po.created_at desc, po.reference desc
      limit ${limit} offset ${offset}`,
  );
  const items: PayoutSummary[] = rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    currency: r.currency,
    status: r.status,
    paidOn: r.paid_on,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    createdBy: r.created_by,
    paidBy: r.paid_by,
    lineCount: toNumber(r.line_count),
    partnerCount: toNumber(r.partner_count),
    totalMinor: toNumber(r.total_minor),
    postingId: r.posting_id,
  }));
  return { items, total: rows.length ? toNumber(rows[0].total) : 0 };
}

/** The payouts, newest first. */
export async function listPayouts(ctx: Ctx, q: PayoutListQuery): Promise<Page<PayoutSummary>> {
  const parts = [sql`true`];
  if (q.status) parts.push(sql`po.status = ${q.status}`);
  if (q.currency) parts.push(sql`po.currency = ${q.currency}`);
  const { items, total } = await summaries(ctx, sql.join(parts, sql` and `), q.size, (q.page - 1) * q.size);
  return { items, total, page: q.page, size: q.size };
}

type LineRow = {
  id: string;
  account_id: string;
  amount_minor: unknown;
  open: boolean;
  partner_id: string;
  code: string;
  name_ja: string | null;
  name_en: string | null;
  bank_name: string | null;
  bank_branch: string | null;
  bank_account_type: string | null;
  bank_account_number: string | null;
  bank_account_holder: string | null;
  bank_ready: boolean;
  campaign_id: string | null;
  campaign_code: string | null;
  title_ja: string | null;
  title_en: string | null;
};

/** One payout with its lines and the bank details of each organisation. @throws AppError not_found */
export async function getPayout(ctx: Ctx, id: string): Promise<PayoutDetail> {
  const { items } = await summaries(ctx, sql`po.id = ${id}`, 1, 0);
  if (!items[0]) throw new AppError('not_found', { params: { entity: 'payout' } });
  const rows = await rowsOf<LineRow>(
    ctx.db,
    sql`select l.id, l.account_id, l.amount_minor, l.open, p.id as partner_id, p.code, p.name_ja, p.name_en,
        p.bank_name, p.bank_branch, p.bank_account_type, p.bank_account_number, p.bank_account_holder,
        ${BANK_READY} as bank_ready, c.id as campaign_id, c.code as campaign_code, c.title_ja, c.title_en
      from payout_lines l
      join partners p on p.org_id = l.org_id and p.id = l.partner_id
      join ledger_accounts a on a.org_id = l.org_id and a.id = l.account_id
      left join campaigns c on c.org_id = a.org_id and c.id = a.campaign_id
      where l.org_id = ${ctx.orgId} and l.payout_id = ${id}
      order by p.code, c.code nulls first`,
  );
  const lines = rows.map((r) => ({
    id: r.id,
    accountId: r.account_id,
    partner: {
      id: r.partner_id,
      code: r.code,
      nameJa: r.name_ja,
      nameEn: r.name_en,
      bankName: r.bank_name,
      bankBranch: r.bank_branch,
      bankAccountType: r.bank_account_type,
      bankAccountNumber: r.bank_account_number,
      bankAccountHolder: r.bank_account_holder,
      bankReady: r.bank_ready,
    },
    campaign: r.campaign_id
      ? { id: r.campaign_id, code: r.campaign_code ?? '', titleJa: r.title_ja, titleEn: r.title_en }
      : null,
    amountMinor: toNumber(r.amount_minor),
    open: r.open,
  }));
  const missingBank = new Set(lines.filter((l) => !l.partner.bankReady).map((l) => l.partner.id)).size;
  return { ...items[0], lines, missingBank };
}

async function nextReference(ctx: Ctx): Promise<string> {
  const prefix = `PO-${ledgerToday().replaceAll('-', '')}-`;
  const [row] = await rowsOf<{ n: unknown }>(
    ctx.db,
    sql`select count(*) as n from payouts where org_id = ${ctx.orgId} and reference like ${`${prefix}%`}`,
  );
  return `${prefix}${String(toNumber(row.n) + 1).padStart(3, '0')}`;
}

/**
 * A draft payout of one currency: a line for every payable owed something and not already in a draft
 * (optionally only some organisations). Organisations without bank details are included and flagged.
 * @throws AppError nothing_to_pay, conflict (another draft took the same accounts meanwhile)
 */
export async function createPayout(ctx: Ctx, input: PayoutCreate): Promise<PayoutDetail> {
  return inTransaction(ctx, async (tx) => {
    const owed = (await payableRows(tx, { currency: input.currency, partnerIds: input.partnerIds })).filter(
      (r) => !r.payout_id,
    );
    if (owed.length === 0) throw new AppError('nothing_to_pay');
    try {
      const [payout] = await tx.db
        .insert(payouts)
        .values({
          orgId: tx.orgId,
          reference: await nextReference(tx),
          currency: input.currency,
          createdBy: actorUserId(tx),
        })
        .returning();
      const lines = owed.map((r) => ({
        orgId: tx.orgId,
        payoutId: payout.id,
        partnerId: r.partner_id,
        accountId: r.account_id,
        currency: r.unit,
        amountMinor: toNumber(r.amount),
      }));
      await tx.db.insert(payoutLines).values(lines);
      await audit(tx, {
        action: 'create',
        entityType: 'payout',
        entityId: payout.id,
        after: {
          reference: payout.reference,
          currency: payout.currency,
          status: payout.status,
          lines: lines.map(({ partnerId, accountId, amountMinor }) => ({
            partnerId,
            accountId,
            amountMinor,
          })),
        },
      });
      return getPayout(tx, payout.id);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('conflict', { params: { detail: 'payout' } });
      throw err;
    }
  });
}

/** Locks a payout for a state change. @throws AppError not_found, invalid_transition unless a draft */
async function lockDraft(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(payouts)
    .where(and(eq(payouts.orgId, ctx.orgId), eq(payouts.id, id)))
    .for('update');
  if (!row) throw new AppError('not_found', { params: { entity: 'payout' } });
  if (row.status !== 'draft') throw new AppError('invalid_transition', { params: { from: row.status } });
  return row;
}

/**
 * Marks a draft paid: posts the payout (each line's payable down, the organisation's paid-out up, dated
 * the day paid), closes its lines and records who and when, in one transaction.
 * @throws AppError not_found, invalid_transition (not a draft), validation_failed (paidOn in the future),
 *   insufficient_balance (a payable fell below its line since the draft), fx_rate_missing
 */
export async function markPayoutPaid(ctx: Ctx, id: string, input: { paidOn: string }): Promise<PayoutDetail> {
  if (input.paidOn > ledgerToday())
    throw new AppError('validation_failed', { fields: [{ path: 'paidOn', code: 'future_date' }] });
  return inTransaction(ctx, async (tx) => {
    const payout = await lockDraft(tx, id);
    const lines = await rowsOf<{ partner_id: string; campaign_id: string | null; amount_minor: unknown }>(
      tx.db,
      sql`select l.partner_id, a.campaign_id, l.amount_minor from payout_lines l
        join ledger_accounts a on a.org_id = l.org_id and a.id = l.account_id
        where l.org_id = ${tx.orgId} and l.payout_id = ${id} and l.open order by l.id`,
    );
    const { fiscalYearStartMonth } = await ledgerSettings(tx);
    const fy = fiscalYearOf(input.paidOn, fiscalYearStartMonth);
    const cur = payout.currency;
    const entries: PostingLine[] = [];
    const paidTo = new Map<string, { amount: number; valueJpy: number }>();
    for (const l of lines) {
      const amount = toNumber(l.amount_minor);
      const valueJpy = await jpyValue(tx, amount, cur, fy);
      entries.push({
        account: account.payable(l.partner_id, l.campaign_id, cur),
        amount: -amount,
        valueJpy: -valueJpy,
      });
      const sum = paidTo.get(l.partner_id) ?? { amount: 0, valueJpy: 0 };
      paidTo.set(l.partner_id, { amount: sum.amount + amount, valueJpy: sum.valueJpy + valueJpy });
    }
    for (const [partnerId, sum] of paidTo)
      entries.push({ account: account.paidOut(partnerId, cur), amount: sum.amount, valueJpy: sum.valueJpy });
    const { posting } = await post(tx, {
      kind: 'payout',
      idempotencyKey: `payout:${id}`,
      request: { payoutId: id, paidOn: input.paidOn },
      effectiveOn: input.paidOn,
      memo: payout.reference,
      links: { payoutId: id },
      lines: entries,
    });
    await tx.db.update(payoutLines).set({ open: false }).where(eq(payoutLines.payoutId, id));
    await tx.db
      .update(payouts)
      .set({ status: 'paid', paidOn: input.paidOn, paidBy: actorUserId(tx), updatedAt: new Date() })
      .where(eq(payouts.id, id));
    await audit(tx, {
      action: 'paid',
      entityType: 'payout',
      entityId: id,
      before: { status: payout.status },
      after: { status: 'paid', paidOn: input.paidOn, postingId: posting.id },
    });
    return getPayout(tx, id);
  });
}

/** Cancels a draft: its lines close, nothing is posted. @throws AppError not_found, invalid_transition */
export async function cancelPayout(ctx: Ctx, id: string): Promise<PayoutDetail> {
  return inTransaction(ctx, async (tx) => {
    const payout = await lockDraft(tx, id);
    await tx.db.update(payoutLines).set({ open: false }).where(eq(payoutLines.payoutId, id));
    await tx.db.update(payouts).set({ status: 'cancelled', updatedAt: new Date() }).where(eq(payouts.id, id));
    await audit(tx, {
      action: 'cancel',
      entityType: 'payout',
      entityId: id,
      before: { status: payout.status },
      after: { status: 'cancelled' },
    });
    return getPayout(tx, id);
  });
}

/** Minor units as the decimal a bank file expects: 123456 JPY → "123456", 1050 USD → "10.50". */
export function decimalAmount(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

export const PAYOUT_CSV_COLUMNS = [
  'reference',
  'partner_code',
  'name_ja',
  'name_en',
  'bank_name',
  'bank_branch',
  'account_type',
  'account_number',
  'account_holder',
  'amount',
  'currency',
] as const;

/** The bank file of a payout: one transfer per organisation, UTF-8 with a BOM. @throws AppError not_found */
export async function payoutCsv(ctx: Ctx, id: string): Promise<{ fileName: string; body: string }> {
  const payout = await getPayout(ctx, id);
  const byPartner = new Map<string, { line: PayoutDetail['lines'][number]; amount: number }>();
  for (const line of payout.lines) {
    const sum = byPartner.get(line.partner.id);
    byPartner.set(line.partner.id, { line, amount: (sum?.amount ?? 0) + line.amountMinor });
  }
  const rows = [...byPartner.values()].map(({ line: { partner: p }, amount }) => [
    payout.reference,
    p.code,
    p.nameJa ?? '',
    p.nameEn ?? '',
    p.bankName ?? '',
    p.bankBranch ?? '',
    p.bankAccountType ?? '',
    p.bankAccountNumber ?? '',
    p.bankAccountHolder ?? '',
    decimalAmount(amount, payout.currency),
    payout.currency,
  ]);
  const body = stringify(rows, {
    bom: true,
    header: true,
    columns: [...PAYOUT_CSV_COLUMNS],
    record_delimiter: 'windows',
  });
  return { fileName: `${payout.reference}.csv`, body };
}
