import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import { COMPANY_TYPES } from '../accounting/totals.rules.js';
import { EXPENSE_FX_RATES, FIRST_EXPENSE_YEAR } from './demo.accounting-data.js';
import { type ExpenseRow, type ExpenseWorld, generateYear, yearTarget } from './demo.accounting-rows.js';
import { bulkInsert } from './demo.bulk.js';
import { DEMO_SEED, mulberry32 } from './demo.generator.js';
import { dayOf, fyEnd, fyOfDay, fyStart } from './demo.time.js';

const COLUMNS = `id uuid, orgId uuid, companyId uuid, spentOn date, fiscalYear smallint, programId uuid,
  partnerId uuid, recipientText text, descriptionJa text, descriptionEn text, type text, valuationBasis text,
  channel text, quantity numeric, unitPriceMinor bigint, currency text, amountMinor bigint, amountJpy bigint,
  costMinor bigint, costJpy bigint, keidanrenField text, companyField text, b4siCause text,
  b4siMotivation text, b4siRegion text, source text, externalRef text, createdAt timestamptz,
  updatedAt timestamptz`;

const typeList = sql.raw(COMPANY_TYPES.map((t) => `'${t}'`).join(', '));

/**
 * What each year already holds by the company's method, plus what the ledger will post for it: the
 * company donations and matches not yet posted as expenses, at their company-side yen value (what
 * the ledger sync writes; accounting/ledger-sync.ts). The demo's generated rows make up the rest.
 */
async function heldByYear(tx: Tx, orgId: string): Promise<Map<number, number>> {
  const rows = await rowsOf<{ fy: number; jpy: unknown }>(
    tx,
    sql`select fy, sum(jpy) as jpy from (
        select fiscal_year as fy, amount_jpy as jpy from expenses
          where org_id = ${orgId} and type in (${typeList})
        union all
        select p.fiscal_year, -e.value_jpy from ledger_postings p
          join ledger_entries e on e.posting_id = p.id
          join ledger_accounts a on a.id = e.account_id and a.kind = 'company_giving'
          where p.org_id = ${orgId} and p.kind in ('company_donation', 'match')
            and not exists (select 1 from expenses x where x.org_id = p.org_id and x.ledger_posting_id = p.id)
      ) t group by fy`,
  );
  return new Map(rows.map((r) => [Number(r.fy), toNumber(r.jpy)]));
}

/** Finance's rates for the currencies of the organisation's companies, inserted where missing, then read. */
async function ratesOf(tx: Tx, orgId: string, currencies: string[]) {
  const wanted = Object.entries(EXPENSE_FX_RATES)
    .filter(([c]) => currencies.includes(c))
    .flatMap(([currency, years]) => Object.entries(years).map(([fy, rate]) => ({ currency, fy, rate })));
  if (wanted.length > 0)
    await tx.execute(sql`insert into fx_rates (org_id, fiscal_year, currency, jpy_per_unit)
      values ${sql.join(
        wanted.map((r) => sql`(${orgId}, ${Number(r.fy)}, ${r.currency}, ${r.rate}::numeric)`),
        sql`, `,
      )}
      on conflict do nothing`);
  const rows = await rowsOf<{ fy: number; currency: string; rate: string }>(
    tx,
    sql`select fiscal_year as fy, currency, jpy_per_unit::text as rate from fx_rates where org_id = ${orgId}`,
  );
  return new Map(rows.map((r) => [`${r.currency}:${Number(r.fy)}`, r.rate]));
}

async function loadWorld(tx: Tx, orgId: string): Promise<Omit<ExpenseWorld, 'rates' | 'rng'>> {
  const companies = await rowsOf<{ id: string; code: string; country: string; currency: string }>(
    tx,
    sql`select id, code, country, currency from group_companies where org_id = ${orgId} order by code`,
  );
  const programs = await rowsOf<ExpenseWorld['programs'][number]>(
    tx,
    sql`select id, code, company_id as "companyId", start_year as "startYear", keidanren_field as "keidanrenField",
        company_field as "companyField", b4si_cause as "b4siCause", b4si_motivation as "b4siMotivation",
        coalesce(name_ja, name_en) as "nameJa", coalesce(name_en, name_ja) as "nameEn"
      from programs where org_id = ${orgId} order by code`,
  );
  const partners = await rowsOf<{ id: string; code: string }>(
    tx,
    sql`select id, code from partners where org_id = ${orgId} order by code`,
  );
  return { companies, programs, partners: partners.map((p) => p.id) };
}

export type AccountingDemoSummary = { expenses: number; totalsJpy: Record<number, number> };

/**
 * The demo's community-investment expenses (issue #6): a few hundred generated rows a fiscal year from
 * 2016 to the year of `today` (every type, across the companies, programs, partners and fields, some in
 * USD, INR and THB at finance's rates), such that each year's total by the company's method, with what
 * the ledger posts for the year (company donations and matches), is COMPANY_TOTALS_JPY exactly — the
 * year in progress its elapsed share. Deterministic (fixed seed); written with set-based inserts.
 */
export async function insertAccountingDemo(
  tx: Tx,
  orgId: string,
  today: string,
): Promise<AccountingDemoSummary> {
  const base = await loadWorld(tx, orgId);
  if (base.companies.length === 0) return { expenses: 0, totalsJpy: {} };
  const currencies = [...new Set(base.companies.map((c) => c.currency).filter((c) => c !== 'JPY'))];
  const world: ExpenseWorld = {
    ...base,
    rates: await ratesOf(tx, orgId, currencies),
    rng: mulberry32(DEMO_SEED ^ 0x65787073),
  };
  const held = await heldByYear(tx, orgId);
  const todayDay = dayOf(today);
  const rows: ExpenseRow[] = [];
  const totalsJpy: Record<number, number> = {};
  for (let fy = FIRST_EXPENSE_YEAR; fy <= fyOfDay(todayDay); fy++) {
    const last = Math.min(fyEnd(fy), todayDay);
    const share = (last - fyStart(fy) + 1) / (fyEnd(fy) - fyStart(fy) + 1);
    const target = yearTarget(fy, share);
    const year = generateYear(world, fy, last, target - (held.get(fy) ?? 0), share);
    rows.push(...year);
    totalsJpy[fy] = target;
  }
  await bulkInsert(tx, 'expenses', COLUMNS, rows, (r) => ({ ...r, orgId }), { rowsPerStatement: 2000 });
  return { expenses: rows.length, totalsJpy };
}
