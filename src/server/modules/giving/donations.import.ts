import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import {
  type FileImportOptions,
  type Importer,
  type ImportIssue,
  type ImportOptions,
  type ImportReport,
  invalid,
  runFileImport,
  runImport,
} from '../../lib/csv-import.js';
import { AppError } from '../../lib/errors.js';
import { confirmDonation } from './donations.confirm.js';
import {
  type PaymentColumn,
  type PaymentHeader,
  type PaymentLookups,
  type PaymentRow,
  readPaymentHeader,
  validatePayment,
} from './donations.import-columns.js';
import { donations } from './giving.table.js';

export type { ImportOptions, ImportReport };

/** The header's names of the columns a refused row is reported on. */
type Plan = Record<'event_id' | 'donation_id' | 'status' | 'external_ref', string>;

function plan(header: PaymentHeader): Plan {
  const name = (c: PaymentColumn) => {
    const i = header.index[c];
    return i === undefined ? c : header.names[i];
  };
  return {
    event_id: name('event_id'),
    donation_id: name('donation_id'),
    status: name('status'),
    external_ref: name('external_ref'),
  };
}

/** Why the ledger refused a row, as a field issue on the column that caused it. */
function refusal(err: AppError, r: PaymentRow, p: Plan): ImportIssue | null {
  const at = (column: keyof Plan, code: string, value: string | null, extra: object = {}) => ({
    path: `rows.${r.row}.${column}`,
    row: r.row,
    column: p[column],
    code,
    value: value ?? '',
    ...extra,
  });
  switch (err.code) {
    case 'invalid_transition':
      return at('status', 'donation_status_change', r.status, { from: err.params.from });
    case 'insufficient_balance':
      return at('status', 'refund_after_payout', r.status);
    case 'idempotency_key_reused':
      return at('event_id', 'event_reused', r.eventId);
    case 'duplicate':
      return at('external_ref', 'duplicate', r.externalRef);
    case 'not_found':
      return at('donation_id', 'unknown_donation', r.donationId);
    default:
      return null;
  }
}

/** Applies the rows in file order; a row the ledger refuses stops the import (nothing is kept). */
async function write(ctx: Ctx, rows: PaymentRow[], p: Plan) {
  let created = 0;
  for (const r of rows) {
    try {
      const { applied } = await confirmDonation(ctx, {
        donationId: r.donationId,
        status: r.status,
        eventId: r.eventId,
        externalRef: r.externalRef,
        source: 'import',
        payload: { row: r.row },
      });
      if (applied) created++;
    } catch (err) {
      const issue = err instanceof AppError ? refusal(err, r, p) : null;
      if (issue) throw invalid([issue], 1, 1);
      throw err;
    }
  }
  return { created, updated: 0 };
}

async function loadLookups(ctx: Ctx): Promise<PaymentLookups> {
  const rows = await ctx.db
    .select({ id: donations.id })
    .from(donations)
    .where(eq(donations.orgId, ctx.orgId));
  return { donations: new Set(rows.map((r) => r.id)) };
}

const paymentsImporter: Importer<PaymentColumn, PaymentLookups, PaymentRow, Plan> = {
  permission: 'ledger.manage',
  auditAs: { action: 'donations.import_payments', entityType: 'donation' },
  readHeader: readPaymentHeader,
  loadLookups,
  validate: validatePayment,
  key: { column: 'event_id', of: (row) => row.eventId },
  plan,
  write,
};

/**
 * Imports payment confirmations of money donations (docs/import-formats.md, "Donation payments"):
 * each row sets a donation paid, failed or refunded, once per event id (a file imported twice changes
 * nothing the second time: `created` counts the rows that changed a donation). All-or-nothing; a row
 * the ledger refuses (a refund after payout, a change not allowed) is reported by row and column.
 * Throws import_invalid, forbidden without organisation-wide ledger.manage.
 */
export function importDonationPayments(
  ctx: Ctx,
  input: Readable,
  options: ImportOptions,
): Promise<ImportReport> {
  return runImport(ctx, paymentsImporter, input, options);
}

/** importDonationPayments on a file: streams it and reports progress against its size. */
export function importDonationPaymentsFile(
  ctx: Ctx,
  path: string,
  options: FileImportOptions,
): Promise<ImportReport> {
  return runFileImport(ctx, paymentsImporter, path, options);
}
