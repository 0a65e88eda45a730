import { sql } from 'drizzle-orm';
import { expenseRefRule } from '../accounting/totals.rules.js';
import { col, columns, type DrillResolver, list } from './drilldown.types.js';

/** Headings of the method lines. */
const LINE_LABELS: Record<string, [string, string]> = {
  cash: ['現金', 'Cash'],
  products: ['製品', 'Products'],
  facilities: ['施設開放', 'Facilities'],
  time: ['社員の時間', 'Employee time'],
  inKind: ['現物', 'In kind'],
  management: ['管理費', 'Management costs'],
  gifts: ['寄付', 'Gifts'],
  ownPrograms: ['自主プログラム', 'Own programs'],
  disasterRelief: ['災害被災地支援', 'Disaster relief'],
};

const EXPENSE_COLUMNS = columns(
  ['spentOn', '日付', 'Date'],
  ['company', '会社', 'Company'],
  ['type', '種別', 'Type'],
  ['valuationBasis', '評価方法', 'Valuation basis'],
  ['descriptionJa', '内容（日本語）', 'Description (Japanese)'],
  ['descriptionEn', '内容（英語）', 'Description (English)'],
  ['recipient', '寄付先', 'Recipient'],
  ['program', 'プログラム', 'Program'],
  ['keidanrenField', '経団連分野', 'Keidanren field'],
  ['companyField', '自社分野', 'Company field'],
  ['b4siCause', 'B4SI 分野', 'B4SI cause'],
  ['amountJpy', '金額（円）', 'Amount (yen)'],
  ['costJpy', '原価（円）', 'Cost (yen)'],
  ['source', '入力元', 'Source'],
  ['externalRef', '外部参照', 'External reference'],
  ['restated', '修正再表示', 'Restatement'],
);

const EXPENSE_SELECT = list([
  col(sql`expenses.spent_on::text`, 'spentOn'),
  col(sql`gc.code`, 'company'),
  col(sql`expenses.type`, 'type'),
  col(sql`expenses.valuation_basis`, 'valuationBasis'),
  col(sql`expenses.description_ja`, 'descriptionJa'),
  col(sql`expenses.description_en`, 'descriptionEn'),
  col(sql`coalesce(pt.name_ja, pt.name_en, expenses.recipient_text)`, 'recipient'),
  col(sql`pg.code`, 'program'),
  col(sql`expenses.keidanren_field`, 'keidanrenField'),
  col(sql`expenses.company_field`, 'companyField'),
  col(sql`expenses.b4si_cause`, 'b4siCause'),
  col(sql`expenses.amount_jpy::float8`, 'amountJpy'),
  col(sql`expenses.cost_jpy::float8`, 'costJpy'),
  col(sql`expenses.source`, 'source'),
  col(sql`expenses.external_ref`, 'externalRef'),
  col(sql`expenses.restatement_id is not null`, 'restated'),
]);

/**
 * `expenses.*` refs (accounting/totals.ts emits them), listed by the rule the totals use
 * (`expenseRefRule` in accounting/totals.rules.ts), so a figure and its records always agree.
 */
export const expenseDrill: DrillResolver = async (ctx, parts, y) => {
  const rule = expenseRefRule(['expenses', ...parts].join('.'));
  if (!rule) return null;
  return {
    ...labelOf(parts),
    columns: EXPENSE_COLUMNS,
    from: sql`from expenses
      join group_companies gc on gc.org_id = expenses.org_id and gc.id = expenses.company_id
      left join partners pt on pt.org_id = expenses.org_id and pt.id = expenses.partner_id
      left join programs pg on pg.org_id = expenses.org_id and pg.id = expenses.program_id
      where expenses.org_id = ${ctx.orgId} and ${rule.fiscalYear ? sql`expenses.fiscal_year = ${rule.fiscalYear}` : sql`expenses.fiscal_year between ${y.fromYear} and ${y.startYear}`}
        and ${rule.where}`,
    select: EXPENSE_SELECT,
    orderBy: sql`expenses.spent_on, expenses.created_at, expenses.id`,
    value: sql`coalesce(sum(${rule.value}), 0)`,
  };
};

/** A heading for the list: the line's name, with the code of a classification. */
function labelOf(parts: string[]): { labelJa: string; labelEn: string } {
  const [a, b, c] = parts;
  const known = LINE_LABELS[parts.length === 1 ? a : (b ?? '')];
  if (parts.length <= 2 && known && a !== 'field' && a !== 'companyField')
    return { labelJa: known[0], labelEn: known[1] };
  const heads: Record<string, [string, string]> = {
    total: ['社会貢献活動費', 'Community investment'],
    field: ['分野', 'Field'],
    companyField: ['自社分野', 'Company field'],
    trend: ['年度', 'Fiscal year starting'],
    expenseType: ['費目', 'Expense type'],
    keidanren: ['経団連方式', 'Keidanren method'],
    b4si: ['B4SI', 'B4SI'],
  };
  const [ja, en] = heads[a] ?? [a, a];
  const rest = [b, c].filter(Boolean).join(' ');
  return { labelJa: rest ? `${ja}: ${rest}` : ja, labelEn: rest ? `${en}: ${rest}` : en };
}
