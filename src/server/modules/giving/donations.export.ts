import { stringify } from 'csv-stringify/sync';
import { asc } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { csvCell as cell } from '../../lib/csv-export.js';
import { ledgerToday, minorDigits } from '../ledger/ledger.values.js';
import { employees } from '../people/people.table.js';
import { PAYMENT_COLUMNS, type PaymentColumn } from './donations.import-columns.js';
import { donationsWhere } from './donations.list.js';
import type { DonationCsvQuery } from './donations.schema.js';
import { selectDonations } from './donations.view.js';
import { donations } from './giving.table.js';

/** At most this many rows in one file (a payroll run is far smaller). */
export const EXPORT_LIMIT = 100_000;

/** Minor units as the decimal amount people write: 2550 USD → "25.50", 10000 JPY → "10000". */
function decimal(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(amountMinor);
  const sign = amountMinor < 0 ? '-' : '';
  const abs = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/**
 * The selected donations as a CSV worklist for payroll or the payment provider (UTF-8 with BOM, CRLF),
 * in the layout `kyosei import donation-payments` reads back: `event_id` is filled in (one per
 * donation and day), `status` holds the current status for the payer to overwrite with paid or
 * failed; the columns after `external_ref` are for reading and ignored by the import. The header is
 * in the caller's language (the import reads both).
 */
export async function donationsCsv(
  ctx: Ctx,
  q: DonationCsvQuery,
): Promise<{ fileName: string; body: string }> {
  const ja = (q.lang ?? ctx.locale) === 'ja';
  const today = ledgerToday();
  const where = donationsWhere(ctx, q);
  const rows =
    where === false
      ? []
      : await selectDonations(ctx)
          .where(where)
          .orderBy(asc(employees.employeeNumber), asc(donations.pledgedAt), asc(donations.id))
          .limit(EXPORT_LIMIT);
  const records = rows.map((r) => {
    const pick = (jaText: string | null, enText: string | null) =>
      (ja ? jaText || enText : enText || jaText) ?? '';
    const organisation = pick(r.partnerNameJa, r.partnerNameEn);
    return {
      event_id: `${r.id}:${today}`,
      donation_id: r.id,
      status: r.status,
      external_ref: cell(r.externalRef),
      employee_number: cell(r.employeeNumber),
      employee_name: cell(pick(r.employeeNameJa, r.employeeNameEn)),
      recipient: cell(r.campaignId ? pick(r.campaignTitleJa, r.campaignTitleEn) : organisation),
      organisation: cell(organisation),
      method: r.method,
      amount: r.points !== null ? String(r.points) : decimal(r.amountMinor ?? 0, r.currency ?? 'JPY'),
      currency: r.points !== null ? 'PTS' : (r.currency ?? ''),
      value_jpy: r.valueJpy,
      pledged_on: ledgerToday(r.pledgedAt),
    };
  });
  const columns = (Object.keys(PAYMENT_COLUMNS) as PaymentColumn[]).map((key) => ({
    key,
    header: ja ? PAYMENT_COLUMNS[key].aliases[0] : key,
  }));
  const body = stringify(records, { bom: true, header: true, record_delimiter: 'windows', columns });
  return { fileName: `donations_${q.status ?? 'all'}_${today}.csv`, body };
}
