import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Database } from '../src/server/db/client.js';
import { systemCtx } from '../src/server/lib/context.js';
import { rowsOf, toNumber } from '../src/server/lib/sql.js';
import { currentFiscalYear } from '../src/server/modules/ledger/ledger.values.js';
import { type Bench, fmtInt, note, secs, time } from './lib.js';
import { buildVolunteeringData } from './volunteering-data.js';

/** Fiscal years of ledger entries and expenses: this one and the four before it. */
export const YEARS = 5;
/** Per employee and year: a grant (2 entries), a points donation (4), a money donation (2), a claim (2). */
const ENTRIES_PER_EMPLOYEE_YEAR = 10;
export const EXPENSES = 500_000;
const PARTNERS = 10;

const FIELDS = [
  'education',
  'culture_arts',
  'health_sports',
  'academic_research',
  'social_welfare',
  'local_community',
  'environment',
  'international',
  'disaster_relief',
  'heritage',
  'other',
];
const TYPES = [
  'cash_donation',
  'sponsorship',
  'product_donation',
  'facility_opening',
  'employee_time',
  'management_costs',
];
const arr = (xs: string[]) => `array[${xs.map((x) => `'${x}'`).join(', ')}]`;

/**
 * The giving ledger: per employee and year a grant, a points donation and a money donation to one of
 * the year's two disaster campaigns, and a transport claim (10 entries), written set-based with the
 * ledger's triggers off (session_replication_role = replica), the point balances computed from the
 * same plan and the giving totals from the entries, as bench/ledger-data.ts does.
 */
export function ledgerSql(orgId: string, cur: number): string {
  const first = cur - YEARS + 1;
  return `
  create unlogged table br_people as
    select (row_number() over (order by employee_number))::int - 1 as rn, id from employees where org_id = '${orgId}';
  insert into partners (org_id, code, name_ja, name_en, kind, eligible_until)
    select '${orgId}', 'RB' || lpad(n::text, 2, '0'), 'レポート支援会 ' || n, 'Report relief ' || n, 'npo', current_date + 365
    from generate_series(0, ${PARTNERS - 1}) n;
  create unlogged table br_campaigns as
    select y.fy, k.k, gen_random_uuid() as id, 'RB-' || y.fy || '-' || k.k as code
    from generate_series(${first}, ${cur}) y(fy) cross join generate_series(0, 1) k(k);
  insert into campaigns (id, org_id, company_id, code, kind, fund_type, title_ja, title_en, starts_on, ends_on, status)
    select c.id, '${orgId}', (select id from group_companies where org_id = '${orgId}' order by code limit 1), c.code,
      'disaster', 'relief_work', '災害支援 ' || c.code, 'Disaster relief ' || c.code,
      make_date(c.fy, 5 + c.k * 5, 1), make_date(c.fy, 7 + c.k * 5, 28), 'closed'
    from br_campaigns c;
  create unlogged table br_payables as
    select c.fy, c.k, c.id as campaign_id, p.id as partner_id, gen_random_uuid() as account_id
    from br_campaigns c cross join lateral (select id from partners where org_id = '${orgId}' and code like 'RB%'
      order by code offset c.k * 3 limit 1) p;
  insert into ledger_accounts (id, org_id, kind, unit, partner_id, campaign_id)
    select account_id, '${orgId}', 'payable', 'JPY', partner_id, campaign_id from br_payables;
  create unlogged table br_shared as
    select r.role, y.fy, gen_random_uuid() as id, r.kind, r.unit from generate_series(${first}, ${cur}) y(fy)
    cross join (values ('granted', 'points_granted', 'PTS'), ('donated', 'points_donated', 'PTS'),
      ('reimbursed', 'points_reimbursed', 'PTS'), ('funding', 'points_funding', 'JPY')) r(role, kind, unit);
  insert into ledger_accounts (id, org_id, kind, unit, fiscal_year) select id, '${orgId}', kind, unit, fy from br_shared;
  insert into ledger_accounts (id, org_id, kind, unit)
    select gen_random_uuid(), '${orgId}', 'employee_giving', 'JPY';
  create unlogged table br_plan as
    select pe.rn, pe.id as employee_id, y.fy, 300 + pe.rn % 300 as grant_pts, 20 + (pe.rn * 7 + y.fy) % 80 as donated,
      10 + (pe.rn * 3 + y.fy) % 40 as claimed, 1000 * (1 + (pe.rn * 13 + y.fy) % 10) as money, (pe.rn + y.fy) % 2 as k,
      make_date(y.fy, 4, 1) + (pe.rn * 7) % 360 as day, gen_random_uuid() as account_id,
      gen_random_uuid() as p_grant, gen_random_uuid() as p_points, gen_random_uuid() as p_money, gen_random_uuid() as p_claim
    from br_people pe cross join generate_series(${first}, ${cur}) y(fy);
  insert into ledger_accounts (id, org_id, kind, unit, employee_id, fiscal_year, balance)
    select account_id, '${orgId}', 'employee_points', 'PTS', employee_id, fy, grant_pts - donated - claimed from br_plan;
  set session_replication_role = replica;
  insert into ledger_postings (id, org_id, kind, idempotency_key, request_hash, effective_on, fiscal_year,
      point_value_jpy, employee_id, campaign_id, partner_id, posted_at)
    select x.id, '${orgId}', x.kind, 'br:' || x.kind || ':' || p.fy || ':' || p.rn, 'bench', p.day, p.fy, 100,
      p.employee_id, case when x.kind in ('point_donation', 'money_donation') then c.campaign_id end,
      case when x.kind in ('point_donation', 'money_donation') then c.partner_id end, p.day + time '10:00'
    from br_plan p join br_payables c on c.fy = p.fy and c.k = p.k
    cross join lateral (values ('grant', p.p_grant), ('point_donation', p.p_points), ('money_donation', p.p_money),
      ('claim', p.p_claim)) x(kind, id);
  insert into ledger_entries (org_id, posting_id, account_id, unit, amount, value_jpy)
    select '${orgId}', l.posting_id, l.account_id, l.unit, l.amount, l.value
    from br_plan p join br_payables c on c.fy = p.fy and c.k = p.k
    cross join lateral (values
      (p.p_grant, (select id from br_shared where role = 'granted' and fy = p.fy), 'PTS', -p.grant_pts, -p.grant_pts * 100),
      (p.p_grant, p.account_id, 'PTS', p.grant_pts, p.grant_pts * 100),
      (p.p_points, p.account_id, 'PTS', -p.donated, -p.donated * 100),
      (p.p_points, (select id from br_shared where role = 'donated' and fy = p.fy), 'PTS', p.donated, p.donated * 100),
      (p.p_points, (select id from br_shared where role = 'funding' and fy = p.fy), 'JPY', -p.donated * 100, -p.donated * 100),
      (p.p_points, c.account_id, 'JPY', p.donated * 100, p.donated * 100),
      (p.p_money, (select id from ledger_accounts where org_id = '${orgId}' and kind = 'employee_giving'), 'JPY', -p.money, -p.money),
      (p.p_money, c.account_id, 'JPY', p.money, p.money),
      (p.p_claim, p.account_id, 'PTS', -p.claimed, -p.claimed * 100),
      (p.p_claim, (select id from br_shared where role = 'reimbursed' and fy = p.fy), 'PTS', p.claimed, p.claimed * 100)
    ) l(posting_id, account_id, unit, amount, value);
  set session_replication_role = origin;
  insert into ledger_giving_totals select * from ledger_giving_totals_expected where org_id = '${orgId}';
  drop table br_people, br_campaigns, br_payables, br_shared, br_plan;`;
}

/**
 * Expenses spread evenly over the five years, every type, field and company, valid under the table's
 * checks (quantity x unit price for the quantity bases, costs on some in-kind rows).
 */
export function expensesSql(orgId: string, cur: number): string {
  return `
  create unlogged table br_companies as
    select (row_number() over (order by code))::int - 1 as n, id from group_companies where org_id = '${orgId}';
  insert into expenses (org_id, company_id, spent_on, fiscal_year, description_ja, description_en, type,
      valuation_basis, channel, quantity, unit_price_minor, currency, amount_minor, amount_jpy, cost_minor, cost_jpy,
      keidanren_field, company_field, b4si_cause, b4si_motivation, b4si_region, source, external_ref)
    select '${orgId}', c.id, make_date(x.fy, 4, 1) + (g * 7) % 365, x.fy, 'ベンチの支出 ' || g, 'Bench expense ' || g,
      x.type, x.basis, case when g % 3 = 0 then 'own_program' else 'gift' end,
      x.qty, x.price, 'JPY', coalesce(x.qty * x.price, x.amount), coalesce(x.qty * x.price, x.amount),
      case when x.type = 'product_donation' and g % 2 = 0 then x.qty * x.price / 2 end,
      case when x.type = 'product_donation' and g % 2 = 0 then x.qty * x.price / 2 end,
      (${arr(FIELDS)})[1 + g % ${FIELDS.length}], 'education_culture_sports', 'education', 'charitable_gift',
      'asia_pacific', 'import', 'BR-' || g
    from generate_series(0, ${EXPENSES - 1}) g
    cross join lateral (select ${cur} - (g % ${YEARS}) as fy, (${arr(TYPES)})[1 + (g / ${YEARS}) % ${TYPES.length}] as type) t
    cross join lateral (select t.fy, t.type,
      case t.type when 'product_donation' then 'market_unit_price' when 'facility_opening' then 'equivalent_external_rate'
        when 'employee_time' then 'salary_cost_per_hour' else 'actual_cash' end as basis,
      case when t.type in ('product_donation', 'facility_opening', 'employee_time') then (1 + g % 20)::numeric end as qty,
      case when t.type in ('product_donation', 'facility_opening', 'employee_time') then 4800 + (g % 7) * 1000 end as price,
      10000 * (1 + g % 50) as amount) x
    join br_companies c on c.n = g % (select count(*) from br_companies);
  drop table br_companies;`;
}

export type ReportData = { orgId: string; startYear: number; counts: Record<string, number> };

/**
 * The report bench's data in a migrated PostgreSQL database holding the synthetic organisation: the
 * volunteering data set (employees through the import service, 1,000,000 sign-ups with their
 * attendance, registrations, hour logs: bench/volunteering-data.ts), then 5,000,000 ledger entries and
 * 500,000 expenses (INSERT ... SELECT over generate_series), and VACUUM ANALYZE. The year reported is
 * the last ended fiscal year.
 */
export async function buildReportData(
  bench: Bench,
  database: Database,
  url: string,
  orgId: string,
): Promise<ReportData> {
  await buildVolunteeringData(bench, 'report', database, orgId);
  const cur = await currentFiscalYear(systemCtx(database.db, orgId, 'bench'));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ledger = await time(() => client.query(ledgerSql(orgId, cur)));
    note(
      `ledger: ${fmtInt(bench.employees * YEARS * ENTRIES_PER_EMPLOYEE_YEAR)} entries planned, written in ${secs(ledger.ms)}`,
    );
    const spent = await time(() => client.query(expensesSql(orgId, cur)));
    note(`expenses: ${fmtInt(EXPENSES)} rows in ${secs(spent.ms)}`);
  } finally {
    await client.end();
  }
  const vacuum = await time(() => database.exec('vacuum analyze'));
  const [counts] = await rowsOf<Record<string, unknown>>(
    database.db,
    sql`select (select count(*) from employees) as employees, (select count(*) from signups) as signups,
      (select count(*) from signups where attendance = 'attended') as attended,
      (select count(*) from ledger_entries) as entries, (select count(*) from expenses) as expenses`,
  );
  const n = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, toNumber(v)]));
  note(
    `${fmtInt(n.employees)} employees, ${fmtInt(n.signups)} sign-ups (${fmtInt(n.attended)} attended), ` +
      `${fmtInt(n.entries)} ledger entries, ${fmtInt(n.expenses)} expenses; VACUUM ANALYZE ${secs(vacuum.ms)}`,
  );
  return { orgId, startYear: cur - 1, counts: n };
}
