import { type SQL, sql } from 'drizzle-orm';
import type { ExpenseType } from './accounting.table.js';

/**
 * The three methods' rules over the `expenses` table (docs/accounting.md), as SQL fragments shared by
 * the totals, the B4SI export and the report's drill-down, so that a figure and its records always
 * agree. Every fragment names the columns as `expenses.<column>` (no alias for the table).
 */

/** The company's method (the seeds): cash, products at their amount, facilities at their amount. */
export const COMPANY_GROUPS = {
  cash: ['cash_donation', 'sponsorship'],
  products: ['product_donation'],
  facilities: ['facility_opening'],
} as const satisfies Record<string, readonly ExpenseType[]>;
export type CompanyGroup = keyof typeof COMPANY_GROUPS;
export const COMPANY_TYPES: readonly ExpenseType[] = Object.values(COMPANY_GROUPS).flat();

/** B4SI's inputs, by expense type. */
export const B4SI_INPUTS = {
  cash: ['cash_donation', 'sponsorship'],
  time: ['employee_time'],
  inKind: ['product_donation', 'facility_opening'],
  management: ['management_costs'],
} as const satisfies Record<string, readonly ExpenseType[]>;
export type B4siInput = keyof typeof B4SI_INPUTS;

export const IN_KIND_TYPES: readonly ExpenseType[] = B4SI_INPUTS.inKind;

const inList = (xs: readonly string[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );

/** The rows the company's method counts. */
export const companyCondition: SQL = sql`expenses.type in (${inList(COMPANY_TYPES)})`;
/** Keidanren counts every type except political donations. */
export const keidanrenCondition: SQL = sql`not expenses.political`;
/** B4SI counts every type except political donations. */
export const b4siCondition: SQL = sql`not expenses.political`;
/** The bases that value an item at a market price (products) or an external rate (facilities). */
export const MARKET_BASES = ['market_unit_price', 'equivalent_external_rate'] as const;
/** Items valued at market without a cost: B4SI counts them at that amount and flags them. */
export const marketValuedCondition: SQL = sql`expenses.valuation_basis in (${inList(MARKET_BASES)}) and expenses.cost_jpy is null`;
/** B4SI's value of a row: in-kind at cost when the cost is known, else the amount. */
export const b4siValue: SQL = sql`case when expenses.type in (${inList(IN_KIND_TYPES)}) then coalesce(expenses.cost_jpy, expenses.amount_jpy) else expenses.amount_jpy end`;

/** The company's method's group of an expense type, if it counts. */
export function companyGroupOf(type: string): CompanyGroup | undefined {
  return (Object.keys(COMPANY_GROUPS) as CompanyGroup[]).find((g) =>
    (COMPANY_GROUPS[g] as readonly string[]).includes(type),
  );
}

/** B4SI's input of an expense type. */
export function b4siInputOf(type: string): B4siInput {
  return (Object.keys(B4SI_INPUTS) as B4siInput[]).find((g) =>
    (B4SI_INPUTS[g] as readonly string[]).includes(type),
  ) as B4siInput;
}

/** The code of an unclassified row in a breakdown by an optional classification. */
export const UNCLASSIFIED = 'none';

const column = (name: string, code: string): SQL =>
  code === UNCLASSIFIED
    ? sql`${sql.raw(`expenses.${name}`)} is null`
    : sql`${sql.raw(`expenses.${name}`)} = ${code}`;

/** What a figure's ref counts: the rows (`where`) and the value of each (`value`), in yen. */
export type RefRule = { where: SQL; value: SQL };

const amount = sql`expenses.amount_jpy`;

/**
 * The rule behind an expenses figure's ref (`expenses.total`, `expenses.type.cash`,
 * `expenses.field.education`, `expenses.b4si.cause.health`, `expenses.trend.2023`...), for the rows
 * of one fiscal year (`expenses.trend.<year>` names its own year). Undefined for an unknown ref.
 */
export function expenseRefRule(ref: string): (RefRule & { fiscalYear?: number }) | undefined {
  const parts = ref.split('.');
  if (parts[0] !== 'expenses') return undefined;
  const [, a, b, c] = parts;
  if (a === 'total' && parts.length === 2) return { where: companyCondition, value: amount };
  if (a === 'type' && b && b in COMPANY_GROUPS && parts.length === 3)
    return { where: sql`expenses.type in (${inList(COMPANY_GROUPS[b as CompanyGroup])})`, value: amount };
  if (a === 'expenseType' && b && parts.length === 3)
    return { where: sql`expenses.type = ${b}`, value: amount };
  if (a === 'field' && b && parts.length === 3)
    return { where: sql`${companyCondition} and ${column('keidanren_field', b)}`, value: amount };
  if (a === 'companyField' && b && parts.length === 3)
    return { where: sql`${companyCondition} and ${column('company_field', b)}`, value: amount };
  if (a === 'trend' && b && /^\d{4}$/.test(b) && parts.length === 3)
    return { where: companyCondition, value: amount, fiscalYear: Number(b) };
  if (a === 'keidanren') return keidanrenRule(b, c, parts.length);
  if (a === 'b4si') return b4siRule(b, c, parts.length);
  return undefined;
}

function keidanrenRule(b: string | undefined, c: string | undefined, n: number): RefRule | undefined {
  const where = (extra?: SQL) => (extra ? sql`${keidanrenCondition} and ${extra}` : keidanrenCondition);
  if (b === 'total' && n === 3) return { where: where(), value: amount };
  if (b === 'gifts' && n === 3) return { where: where(sql`expenses.channel = 'gift'`), value: amount };
  if (b === 'ownPrograms' && n === 3)
    return { where: where(sql`expenses.channel = 'own_program'`), value: amount };
  if (b === 'disasterRelief' && n === 3)
    return { where: where(sql`expenses.keidanren_field = 'disaster_relief'`), value: amount };
  if (b === 'field' && c && n === 4) return { where: where(column('keidanren_field', c)), value: amount };
  return undefined;
}

function b4siRule(b: string | undefined, c: string | undefined, n: number): RefRule | undefined {
  const where = (extra?: SQL) => (extra ? sql`${b4siCondition} and ${extra}` : b4siCondition);
  if (b === 'total' && n === 3) return { where: where(), value: b4siValue };
  if (b && b in B4SI_INPUTS && n === 3)
    return { where: where(sql`expenses.type in (${inList(B4SI_INPUTS[b as B4siInput])})`), value: b4siValue };
  if (b === 'marketValued' && n === 3) return { where: where(marketValuedCondition), value: amount };
  const columns: Record<string, string> = {
    cause: 'b4si_cause',
    motivation: 'b4si_motivation',
    region: 'b4si_region',
  };
  if (b && columns[b] && c && n === 4) return { where: where(column(columns[b], c)), value: b4siValue };
  return undefined;
}
