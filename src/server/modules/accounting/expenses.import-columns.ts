import { headerReader, type ImportHeader, looseKey } from '../../lib/csv-import.js';
import {
  EXPENSE_CHANNELS,
  EXPENSE_TYPES,
  type ExpenseChannel,
  type ExpenseType,
  type ValuationBasis,
  VALUATION_BASES,
} from './accounting.table.js';

/**
 * The columns of the expenses CSV (docs/import-formats.md, "Expenses"), each with the Japanese
 * headings accepted. Amounts (unit_price, amount, cost) are in the currency's main unit (yen,
 * dollars with cents as decimals), as accounting systems export them.
 */
export const EXPENSE_COLUMNS = {
  external_ref: { required: true, aliases: ['外部参照', '参照番号', '伝票番号'] },
  spent_on: { required: true, aliases: ['日付', '支出日', '計上日'] },
  company_code: { required: true, aliases: ['会社コード', '会社'] },
  program_code: { aliases: ['プログラムコード', 'プログラム'] },
  partner_code: { aliases: ['団体コード', '支援先コード'] },
  recipient: { aliases: ['支援先', '寄付先'] },
  description_ja: { aliases: ['内容', '摘要', '内容(日本語)'] },
  description_en: { aliases: ['内容(英語)', '摘要(英語)'] },
  type: { required: true, aliases: ['種類', '費用種類'] },
  valuation_basis: { aliases: ['評価方法', '評価基準'] },
  quantity: { aliases: ['数量'] },
  unit_price: { aliases: ['単価'] },
  currency: { aliases: ['通貨'] },
  amount: { aliases: ['金額'] },
  cost: { aliases: ['原価'] },
  keidanren_field: { aliases: ['経団連分野'] },
  company_field: { aliases: ['会社分野', '自社分野'] },
  b4si_cause: { aliases: ['B4SI分野'] },
  b4si_motivation: { aliases: ['B4SI動機'] },
  b4si_region: { aliases: ['B4SI地域'] },
  channel: { aliases: ['区分', '経団連区分'] },
  political: { aliases: ['政治寄付'] },
} as const;

export type ExpenseColumn = keyof typeof EXPENSE_COLUMNS;
export type ExpenseHeader = ImportHeader<ExpenseColumn>;

/** Maps a header record to the known columns; reports unknown, repeated and missing columns. */
export const readExpenseHeader = headerReader(EXPENSE_COLUMNS);

/** The words accepted for each type, basis and channel: the codes and the Japanese terms. */
const words = <T extends string>(codes: readonly T[], ja: Record<string, T>) =>
  new Map<string, T>(
    [...codes.map((c) => [c, c] as [string, T]), ...Object.entries(ja)].map(([k, v]) => [looseKey(k), v]),
  );

export const TYPE_WORDS = words<ExpenseType>(EXPENSE_TYPES, {
  現金寄付: 'cash_donation',
  寄付金: 'cash_donation',
  製品寄贈: 'product_donation',
  現物寄付: 'product_donation',
  施設開放: 'facility_opening',
  社員の時間: 'employee_time',
  従業員の時間: 'employee_time',
  運営費: 'management_costs',
  管理費: 'management_costs',
  協賛: 'sponsorship',
  協賛金: 'sponsorship',
});

export const BASIS_WORDS = words<ValuationBasis>(VALUATION_BASES, {
  実支出額: 'actual_cash',
  支出額: 'actual_cash',
  市場単価: 'market_unit_price',
  外部相当額: 'equivalent_external_rate',
  外部施設相当額: 'equivalent_external_rate',
  原価: 'cost_to_company',
  時間単価: 'salary_cost_per_hour',
});

export const CHANNEL_WORDS = words<ExpenseChannel>(EXPENSE_CHANNELS, {
  寄付: 'gift',
  自主プログラム: 'own_program',
});

export const BOOLEAN_WORDS = new Map<string, boolean>(
  [
    ['true', true],
    ['false', false],
    ['1', true],
    ['0', false],
    ['yes', true],
    ['no', false],
    ['はい', true],
    ['いいえ', false],
  ].map(([k, v]) => [looseKey(k as string), v as boolean]),
);

/** Where each field of an expense sits in the file, to name the column of a field's issue. */
export const COLUMN_OF_FIELD: Record<string, ExpenseColumn> = {
  spentOn: 'spent_on',
  companyId: 'company_code',
  programId: 'program_code',
  partnerId: 'partner_code',
  recipientText: 'recipient',
  descriptionJa: 'description_ja',
  descriptionEn: 'description_en',
  type: 'type',
  valuationBasis: 'valuation_basis',
  quantity: 'quantity',
  unitPriceMinor: 'unit_price',
  currency: 'currency',
  amountMinor: 'amount',
  costMinor: 'cost',
  keidanrenField: 'keidanren_field',
  companyField: 'company_field',
  b4siCause: 'b4si_cause',
  b4siMotivation: 'b4si_motivation',
  b4siRegion: 'b4si_region',
  channel: 'channel',
  political: 'political',
};

/**
 * A money cell in the currency's main unit ("1,234.5", "１２３４") to minor units, or null when it
 * is not a number with at most `digits` decimals.
 */
export function parseMoney(cell: string, digits: number): number | null {
  const s = cell.normalize('NFKC').replace(/[,\s¥￥$]/g, '');
  const m = /^(-?)(\d{1,15})(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > digits) return null;
  const minor = Number(m[2]) * 10 ** digits + Number(frac.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return null;
  return m[1] ? -minor : minor;
}
