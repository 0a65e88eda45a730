import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import { openTestDatabase } from '../../test/db.js';
import { createTestOrg, ctxAs, type TestOrg } from '../../test/factories.js';
import { expenseTotals } from '../accounting/totals.js';
import { expenses } from '../accounting/accounting.table.js';
import { groupCompanies } from '../organisations/organisations.table.js';
import { partners } from '../partners/partners.table.js';
import { COMPANY_TOTALS_JPY, FIELD_WEIGHTS } from './demo.accounting-data.js';
import { insertAccountingDemo } from './demo.accounting.js';
import { insertDemoPrograms } from './demo.programs.js';
import { DEMO_COMPANIES } from './demo.structure.js';

const TODAY = '2025-06-30';
let database: Database;
let org: TestOrg;

/** The demo's companies, programs and two partners; a 2023 expense already there (as a ledger one would be). */
async function world(code: string): Promise<TestOrg> {
  const o = await createTestOrg(database, code);
  await database.db.insert(groupCompanies).values(
    DEMO_COMPANIES.map((c) => ({
      orgId: o.orgId,
      code: c.code,
      nameJa: c.nameJa,
      nameEn: c.nameEn,
      country: c.country,
      currency: c.currency,
      timeZone: c.timeZone,
    })),
  );
  await database.db.insert(partners).values([
    { orgId: o.orgId, code: 'JPF', nameJa: 'ジャパン・プラットフォーム', kind: 'npo' },
    { orgId: o.orgId, code: 'ITF', nameEn: 'International Tennis Federation', kind: 'international' },
  ]);
  await database.db.insert(expenses).values({
    orgId: o.orgId,
    companyId: o.companies.jp,
    spentOn: '2024-01-20',
    fiscalYear: 2023,
    descriptionJa: '能登半島地震への寄付',
    type: 'cash_donation',
    valuationBasis: 'actual_cash',
    channel: 'gift',
    currency: 'JPY',
    amountMinor: 15_000_000,
    amountJpy: 15_000_000,
    keidanrenField: 'disaster_relief',
  });
  await database.db.transaction(async (tx) => {
    await insertDemoPrograms(tx, o.orgId, TODAY);
    await insertAccountingDemo(tx, o.orgId, TODAY);
  });
  return o;
}

/** The company's method, written out here (cash, products, facilities: docs/accounting.md). */
const types = sql.raw(`'cash_donation', 'sponsorship', 'product_donation', 'facility_opening'`);
/** The company's method, computed here from the rows (docs/accounting.md). */
const companyTotals = async (orgId: string) =>
  rowsOf<{ fy: number; total: unknown }>(
    database.db,
    sql`select fiscal_year as fy, sum(amount_jpy) as total from expenses
      where org_id = ${orgId} and type in (${types}) group by 1 order by 1`,
  );

beforeAll(async () => {
  database = await openTestDatabase();
  org = await world('DEMOACC');
});

describe('the demo expenses', () => {
  it('give the seeds’ totals by the company’s method: 6.7億, 5.2億, 6.1億 and about 828 million yen', async () => {
    const totals = new Map((await companyTotals(org.orgId)).map((r) => [Number(r.fy), toNumber(r.total)]));
    const oku = (fy: number) => Math.round(totals.get(fy)! / 10_000_000) / 10;
    expect([oku(2016), oku(2017), oku(2018)]).toEqual([6.7, 5.2, 6.1]);
    expect(totals.get(2023)).toBeGreaterThanOrEqual(827_500_000);
    expect(totals.get(2023)).toBeLessThan(828_500_000);
    for (let fy = 2016; fy <= 2024; fy++) expect(totals.get(fy)).toBe(COMPANY_TOTALS_JPY[fy]);
    // The year in progress (from April to June 2025) holds its share, and nothing after today.
    expect(totals.get(2025)).toBeLessThan(COMPANY_TOTALS_JPY[2025] / 3);
    const [late] = await rowsOf<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from expenses where org_id = ${org.orgId} and spent_on > ${TODAY}::date`,
    );
    expect(late.n).toBe(0);
  });

  it('lead with education, culture and sports by Keidanren field', async () => {
    const fields = await rowsOf<{ field: string }>(
      database.db,
      sql`select keidanren_field as field from expenses
        where org_id = ${org.orgId} and fiscal_year = 2023 and type in (${types})
        group by 1 order by sum(amount_jpy) desc`,
    );
    expect(fields.slice(0, 3).map((f) => f.field)).toEqual(Object.keys(FIELD_WEIGHTS).slice(0, 3));
    expect(fields.slice(0, 4).map((f) => f.field)).toContain('academic_research');
    // The accounting module's totals read the same.
    const totals = await expenseTotals(await ctxAs(database, org, 'auditor'), 2023);
    expect(totals.totalJpy).toBe(COMPANY_TOTALS_JPY[2023]);
    expect(totals.byField.slice(0, 3).map((f) => f.code)).toEqual(fields.slice(0, 3).map((f) => f.field));
  });

  it('hold many rows of every type, some abroad at finance’s rates and some in-kind costs', async () => {
    const [r] = await rowsOf<Record<string, number>>(
      database.db,
      sql`select count(*)::int as rows, count(distinct type)::int as types, count(distinct company_id)::int as companies,
          count(distinct program_id)::int as programs, count(partner_id)::int as with_partner,
          count(*) filter (where x.currency <> 'JPY')::int as foreign,
          count(distinct x.currency)::int as currencies, count(cost_jpy)::int as costs,
          count(*) filter (where x.currency <> 'JPY' and x.amount_jpy <> round(x.amount_minor * f.jpy_per_unit / 100))::int as off_rate
        from expenses x left join fx_rates f on f.org_id = x.org_id and f.currency = x.currency and f.fiscal_year = x.fiscal_year
        where x.org_id = ${org.orgId}`,
    );
    expect(r.rows).toBeGreaterThan(3000);
    expect(r.types).toBe(6);
    expect(r.companies).toBeGreaterThanOrEqual(8);
    expect(r.programs).toBeGreaterThanOrEqual(8);
    expect(r.with_partner).toBeGreaterThan(100);
    expect(r.foreign).toBeGreaterThan(100);
    expect(r.currencies).toBe(4);
    expect(r.costs).toBeGreaterThan(100);
    expect(r.off_rate).toBe(0);
  });

  it('is the same on every load', async () => {
    const again = await world('DEMOACC2');
    const amounts = async (orgId: string) =>
      (
        await rowsOf<{ a: unknown }>(
          database.db,
          sql`select amount_minor as a from expenses where org_id = ${orgId} order by fiscal_year, external_ref, amount_minor`,
        )
      ).map((r) => toNumber(r.a));
    expect(await amounts(again.orgId)).toEqual(await amounts(org.orgId));
  });
});
