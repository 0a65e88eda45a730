import { headerReader, looseKey, type ImportHeader, type ImportIssue } from '../../lib/csv-import.js';
import type { ConfirmedStatus } from './donations.schema.js';

/**
 * The columns of the donation payments CSV (docs/import-formats.md), each with the header names
 * accepted (the first alias is the Japanese header of the export). The first four are read; the
 * others are what the export adds for people to read (who, to whom, how much), and are ignored.
 */
export const PAYMENT_COLUMNS = {
  event_id: { required: true, aliases: ['イベントID', '明細ID', '通知ID'] },
  donation_id: { required: true, aliases: ['寄付ID', '寄附ID'] },
  status: { required: true, aliases: ['状態', 'ステータス', '入金状況'] },
  external_ref: { required: false, aliases: ['決済番号', '外部参照', '参照番号'] },
  employee_number: { required: false, aliases: ['社員番号', '従業員番号'] },
  employee_name: { required: false, aliases: ['氏名'] },
  recipient: { required: false, aliases: ['寄付先'] },
  organisation: { required: false, aliases: ['団体'] },
  method: { required: false, aliases: ['方法'] },
  amount: { required: false, aliases: ['金額'] },
  currency: { required: false, aliases: ['通貨'] },
  value_jpy: { required: false, aliases: ['円換算額'] },
  pledged_on: { required: false, aliases: ['申込日'] },
} as const;

export type PaymentColumn = keyof typeof PAYMENT_COLUMNS;
export type PaymentHeader = ImportHeader<PaymentColumn>;

/** Status words as payroll and providers write them, in English or Japanese. */
const STATUSES = new Map<string, ConfirmedStatus>([
  ['paid', 'paid'],
  ['failed', 'failed'],
  ['refunded', 'refunded'],
  ['入金済', 'paid'],
  ['入金済み', 'paid'],
  ['支払済', 'paid'],
  ['支払済み', 'paid'],
  ['失敗', 'failed'],
  ['返金', 'refunded'],
  ['返金済', 'refunded'],
  ['返金済み', 'refunded'],
]);

/** Maps a header record to the known columns; reports unknown, repeated and missing columns. */
export const readPaymentHeader = headerReader(PAYMENT_COLUMNS);

/** The donations of the organisation, by id (what a row may name). */
export type PaymentLookups = { donations: Set<string> };

/** One valid row, ready to apply. */
export type PaymentRow = {
  row: number;
  eventId: string;
  donationId: string;
  status: ConfirmedStatus;
  externalRef: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Validates one record; returns the row to apply or every issue found in it. */
export function validatePayment(
  record: string[],
  row: number,
  header: PaymentHeader,
  lookups: PaymentLookups,
): { value: PaymentRow | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const get = (c: PaymentColumn) => {
    const i = header.index[c];
    return i === undefined ? '' : (record[i] ?? '').trim();
  };
  const add = (c: PaymentColumn, code: string, value = get(c)) => {
    const i = header.index[c];
    issues.push({
      path: `rows.${row}.${c}`,
      row,
      column: i === undefined ? c : header.names[i],
      code,
      value,
    });
  };
  if (record.length !== header.names.length) {
    const counts = { found: record.length, expected: header.names.length };
    issues.push({ path: `rows.${row}`, row, column: '', code: 'column_count', ...(counts as object) });
  }
  const eventId = get('event_id');
  if (!eventId) add('event_id', 'required');
  else if (eventId.length > 200) add('event_id', 'too_big');
  const donationId = get('donation_id').toLowerCase();
  if (!donationId) add('donation_id', 'required');
  else if (!UUID.test(donationId) || !lookups.donations.has(donationId))
    add('donation_id', 'unknown_donation');
  const status = STATUSES.get(looseKey(get('status')));
  if (!get('status')) add('status', 'required');
  else if (!status) add('status', 'invalid_donation_status');
  const externalRef = get('external_ref') || null;
  if (externalRef && externalRef.length > 200) add('external_ref', 'too_big');
  if (issues.length) return { value: null, issues };
  return { value: { row, eventId, donationId, status: status!, externalRef }, issues };
}
