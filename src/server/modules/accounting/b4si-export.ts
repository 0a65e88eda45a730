import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import { csvCell as cell } from '../../lib/csv-export.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import { minorDigits } from '../ledger/ledger.values.js';
import { b4siCondition, b4siInputOf, b4siValue, marketValuedCondition } from './totals.rules.js';

/** The columns, in order: stable English codes, for the B4SI tools and spreadsheets that read them. */
export const B4SI_COLUMNS = [
  'expense_id',
  'spent_on',
  'fiscal_year',
  'company_code',
  'program_code',
  'recipient',
  'description_ja',
  'description_en',
  'expense_type',
  'valuation_basis',
  'b4si_input',
  'b4si_cause',
  'b4si_motivation',
  'b4si_region',
  'currency',
  'amount',
  'amount_jpy',
  'cost_jpy',
  'b4si_value_jpy',
  'valued_at_market',
  'source',
  'external_ref',
  'restatement_id',
  'adjusts_expense_id',
] as const;

/** Minor units as the decimal amount people write: 2550 USD → "25.50", 10000 JPY → "10000". */
function decimal(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(amountMinor);
  const sign = amountMinor < 0 ? '-' : '';
  const abs = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

type Row = Record<string, unknown> & { amount_minor: unknown; currency: string; type: string };

/**
 * Every expense B4SI counts in a fiscal year (start year; political donations are left out), one
 * row each with its B4SI input, cause, motivation, region, the value B4SI counts (in-kind at cost
 * when known) and `valued_at_market` = true for an item counted at its market price or external
 * rate because its cost is unknown. The `b4si_value_jpy` column sums to the B4SI total. UTF-8 with
 * BOM, CRLF, text cells guarded against formulas.
 */
export async function b4siCsv(ctx: Ctx, startYear: number): Promise<{ fileName: string; body: string }> {
  const rows = await rowsOf<Row>(
    ctx.db,
    sql`select expenses.id, expenses.spent_on::text as spent_on, expenses.fiscal_year, gc.code as company_code,
        pg.code as program_code, coalesce(pt.name_ja, pt.name_en, expenses.recipient_text) as recipient,
        expenses.description_ja, expenses.description_en, expenses.type, expenses.valuation_basis,
        expenses.b4si_cause, expenses.b4si_motivation, expenses.b4si_region, expenses.currency,
        expenses.amount_minor, expenses.amount_jpy, expenses.cost_jpy, ${b4siValue} as b4si_value,
        (${marketValuedCondition}) as at_market, expenses.source, expenses.external_ref,
        expenses.restatement_id, expenses.adjusts_expense_id
      from expenses
      join group_companies gc on gc.org_id = expenses.org_id and gc.id = expenses.company_id
      left join programs pg on pg.org_id = expenses.org_id and pg.id = expenses.program_id
      left join partners pt on pt.org_id = expenses.org_id and pt.id = expenses.partner_id
      where expenses.org_id = ${ctx.orgId} and expenses.fiscal_year = ${startYear} and ${b4siCondition}
      order by expenses.spent_on, expenses.created_at, expenses.id`,
  );
  const records = rows.map((r) => [
    r.id,
    r.spent_on,
    toNumber(r.fiscal_year),
    cell(r.company_code as string),
    cell(r.program_code as string | null),
    cell(r.recipient as string | null),
    cell(r.description_ja as string | null),
    cell(r.description_en as string | null),
    r.type,
    r.valuation_basis,
    b4siInputOf(r.type),
    r.b4si_cause ?? '',
    r.b4si_motivation ?? '',
    r.b4si_region ?? '',
    r.currency,
    decimal(toNumber(r.amount_minor), r.currency),
    toNumber(r.amount_jpy),
    r.cost_jpy === null ? '' : toNumber(r.cost_jpy),
    toNumber(r.b4si_value),
    r.at_market === true || r.at_market === 't' ? 'true' : 'false',
    r.source,
    cell(r.external_ref as string | null),
    r.restatement_id ?? '',
    r.adjusts_expense_id ?? '',
  ]);
  const body = stringify([[...B4SI_COLUMNS], ...records], { record_delimiter: 'windows' });
  return { fileName: `b4si-${startYear}.csv`, body: `\uFEFF${body}` };
}
