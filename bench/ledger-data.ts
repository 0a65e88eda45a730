import { randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import type { Database } from '../src/server/db/client.js';
import { systemCtx } from '../src/server/lib/context.js';
import { rowsOf, toNumber } from '../src/server/lib/sql.js';
import { newSecret, sha256 } from '../src/server/lib/tokens.js';
import { bulkInsert } from '../src/server/modules/demo/demo.bulk.js';
import { importEmployeesFile } from '../src/server/modules/people/employees.import.js';
import { postGrant } from '../src/server/modules/points/points.service.js';
import { currentFiscalYear } from '../src/server/modules/ledger/ledger.values.js';
import { type Bench, fmtInt, note, secs, time } from './lib.js';

/** Years of points per employee: this fiscal year and the four before it. */
export const YEARS = 5;
/** Postings per employee and year: a grant, three points donations, two claims, and an expiry (this year a third claim). */
const SLOTS = 7;
/** Entries per employee and year: 2 + 3 x 4 + 2 x 2 + 2. */
export const ENTRIES_PER_EMPLOYEE = YEARS * 20;
/** Employees that post donations in the throughput measurement (one per client), and employees that read balances. */
export const WRITERS = 100;
export const READERS = 300;
const PARTNERS = 10;

export type LedgerData = {
  orgId: string;
  fiscalYear: number;
  /** Session tokens of the writers, then of the readers. */
  writerTokens: string[];
  readerTokens: string[];
  writers: Array<{ userId: string; employeeId: string }>;
  readers: Array<{ userId: string; employeeId: string }>;
  /** An open campaign without matching, and one that matches 100% (no caps). */
  campaignId: string;
  matchedCampaignId: string;
  /** The first beneficiary of both campaigns, and the account its payable is kept in. */
  partnerId: string;
  entries: number;
};

/**
 * The points plan of every employee, as a ledger written over five fiscal years, planned in one
 * statement: per employee and year a grant of 600-999 points, three points donations (20-99 points,
 * to one of ten organisations), two claims (10-49 points) and, for the ended years, the expiry of
 * what was left; this year a third claim instead. 20 entries per employee and year.
 */
function planSql(orgId: string, cur: number): string {
  const d = (k: string) => `(20 + (pe.rn * 7 + ${k} * 13 + y.fy) % 80)`;
  const c = (k: string) => `(10 + (pe.rn * 3 + ${k} * 5 + y.fy) % 40)`;
  return `
  create unlogged table bench_ledger_plan as
  select gen_random_uuid() as posting_id, pe.rn, pe.id as employee_id, y.fy, s.slot,
    case when s.slot = 0 then 'grant' when s.slot <= 3 then 'point_donation'
      when s.slot <= 5 or y.fy = ${cur} then 'claim' else 'expiry' end as kind,
    case when s.slot = 0 then 600 + pe.rn % 400
      when s.slot <= 3 then ${d('s.slot')}
      when s.slot <= 5 or y.fy = ${cur} then ${c('s.slot')}
      else 600 + pe.rn % 400 - ${d('1')} - ${d('2')} - ${d('3')} - ${c('4')} - ${c('5')} end as amount,
    (pe.rn + s.slot) % ${PARTNERS} as partner,
    least(make_date(y.fy, 4, 1) + ((pe.rn * 7 + s.slot * 31) % 360), current_date - 1) as posted_on
  from bench_people pe cross join generate_series(${cur - YEARS + 1}, ${cur}) y(fy)
    cross join generate_series(0, ${SLOTS - 1}) s(slot);
  create index on bench_ledger_plan (fy);
  create unlogged table bench_emp_accounts as
  select rn, fy, gen_random_uuid() as id, employee_id,
    sum(case when kind = 'grant' then amount else -amount end) as balance
  from bench_ledger_plan group by rn, fy, employee_id;
  create unique index on bench_emp_accounts (rn, fy);
  insert into ledger_accounts (id, org_id, kind, unit, employee_id, fiscal_year, balance)
  select id, '${orgId}', 'employee_points', 'PTS', employee_id, fy, balance from bench_emp_accounts;
  create unlogged table bench_partners as
  select row_number() over (order by code)::int - 1 as n, id as partner_id, gen_random_uuid() as account_id
  from partners where org_id = '${orgId}';
  insert into ledger_accounts (id, org_id, kind, unit, partner_id)
  select account_id, '${orgId}', 'payable', 'JPY', partner_id from bench_partners;
  create unlogged table bench_shared as
  select r.role, y.fy, gen_random_uuid() as id, r.kind, r.unit
  from generate_series(${cur - YEARS + 1}, ${cur}) y(fy)
  cross join (values ('granted', 'points_granted', 'PTS'), ('donated', 'points_donated', 'PTS'),
    ('reimbursed', 'points_reimbursed', 'PTS'), ('expired', 'points_expired', 'PTS'),
    ('funding', 'points_funding', 'JPY')) r(role, kind, unit);
  insert into ledger_accounts (id, org_id, kind, unit, fiscal_year)
  select id, '${orgId}', kind, unit, fy from bench_shared;`;
}

/** One fiscal year's postings and entries, from the plan, in the order they were posted. */
function yearSql(orgId: string, fy: number): string {
  return `
  insert into ledger_postings (id, org_id, kind, idempotency_key, request_hash, effective_on, fiscal_year,
    point_value_jpy, employee_id, partner_id, posted_at)
  select p.posting_id, '${orgId}', p.kind, 'bench:' || p.fy || ':' || p.rn || ':' || p.slot, 'bench',
    case when p.kind = 'expiry' then make_date(p.fy + 1, 3, 31) else p.posted_on end, p.fy, 100, p.employee_id,
    case when p.kind = 'point_donation' then bp.partner_id end,
    p.posted_on + time '10:00' + p.slot * interval '1 minute'
  from bench_ledger_plan p join bench_partners bp on bp.n = p.partner
  where p.fy = ${fy} order by p.posted_on, p.rn, p.slot;
  insert into ledger_entries (org_id, posting_id, account_id, unit, amount, value_jpy)
  select '${orgId}', p.posting_id, coalesce(ea.id, sa.id, bp.account_id),
    case when l.role in ('funding', 'payable') then 'JPY' else 'PTS' end,
    l.amount, l.amount * case when l.role in ('funding', 'payable') then 1 else 100 end
  from bench_ledger_plan p
  cross join lateral (select v.role, v.amount from (values
      ('grant', 'granted', -p.amount), ('grant', 'emp', p.amount),
      ('point_donation', 'emp', -p.amount), ('point_donation', 'donated', p.amount),
      ('point_donation', 'funding', -p.amount * 100), ('point_donation', 'payable', p.amount * 100),
      ('claim', 'emp', -p.amount), ('claim', 'reimbursed', p.amount),
      ('expiry', 'emp', -p.amount), ('expiry', 'expired', p.amount)) v(kind, role, amount)
    where v.kind = p.kind) l
  left join bench_emp_accounts ea on l.role = 'emp' and ea.rn = p.rn and ea.fy = p.fy
  left join bench_shared sa on sa.role = l.role and sa.fy = p.fy
  left join bench_partners bp on l.role = 'payable' and bp.n = p.partner
  where p.fy = ${fy} order by p.posted_on, p.rn, p.slot;`;
}

const rows = async <T>(database: Database, query: SQL) => rowsOf<T>(database.db, query);

/** Accounts (role employee), grants and sessions for the writers and readers: the bench's clients. */
async function clients(database: Database, orgId: string) {
  const people = await rows<{ id: string }>(
    database,
    sql`select id from bench_people where rn < ${WRITERS + READERS} order by rn`,
  );
  const accounts = people.map((p, i) => ({
    id: randomUUID(),
    orgId,
    email: `bench-ledger-${i}@bench.example`,
    displayName: `Bench donor ${i}`,
    employeeId: p.id,
    token: newSecret('ks_'),
  }));
  await bulkInsert(
    database.db,
    'users',
    'id uuid, orgId uuid, email text, displayName text, employeeId uuid',
    accounts,
    (a) => a,
  );
  await bulkInsert(
    database.db,
    'role_grants',
    'orgId uuid, userId uuid, role text, scopeType text',
    accounts,
    (a) => ({
      orgId,
      userId: a.id,
      role: 'employee',
      scopeType: 'org',
    }),
  );
  const expiresAt = new Date(Date.now() + 86_400_000);
  await bulkInsert(
    database.db,
    'sessions',
    'id text, orgId uuid, userId uuid, csrfToken text, expiresAt timestamptz',
    accounts,
    (a) => ({ id: sha256(a.token), orgId, userId: a.id, csrfToken: newSecret('', 24), expiresAt }),
  );
  return accounts.map((a) => ({ userId: a.id, employeeId: a.employeeId, token: a.token }));
}

/**
 * The ledger of the bench in a migrated PostgreSQL database holding the synthetic organisation: its
 * employees through the import service, ten organisations and two open campaigns, then 20 entries
 * per employee and year over five years (10,000,000 entries for 100,000 employees), written
 * set-based with the ledger's triggers and foreign keys off (session_replication_role = replica), the
 * stored balances computed from the same plan and the giving totals from the entries; then the
 * clients, and VACUUM ANALYZE.
 */
export async function buildLedgerData(
  bench: Bench,
  database: Database,
  url: string,
  orgId: string,
): Promise<LedgerData> {
  const csv = await bench.csv(bench.employees);
  const imported = await time(() => importEmployeesFile(systemCtx(database.db, orgId, 'bench'), csv, {}));
  note(`${fmtInt(imported.value.created)} employees imported in ${secs(imported.ms)}`);
  const ctx = systemCtx(database.db, orgId, 'bench');
  const fiscalYear = await currentFiscalYear(ctx);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create unlogged table bench_people as
      select (row_number() over (order by employee_number))::int - 1 as rn, id from employees where org_id = '${orgId}';
      create unique index bench_people_rn on bench_people (rn);`);
    await client.query(`insert into partners (org_id, code, name_ja, name_en, kind, eligible_until)
      select '${orgId}', 'NPO' || lpad(n::text, 2, '0'), 'ベンチ支援会 ' || n, 'Bench relief ' || n, 'npo', current_date + 365
      from generate_series(0, ${PARTNERS - 1}) n`);
    const plan = await time(() => client.query(planSql(orgId, fiscalYear)));
    note(`planned ${fmtInt(bench.employees * YEARS * SLOTS)} postings in ${secs(plan.ms)}`);
    await client.query('set session_replication_role = replica');
    for (let fy = fiscalYear - YEARS + 1; fy <= fiscalYear; fy++) {
      const t = await time(() => client.query(yearSql(orgId, fy)));
      note(
        `fiscal year ${fy}: ${fmtInt(bench.employees * SLOTS)} postings and ${fmtInt(bench.employees * 20)} entries in ${secs(t.ms)}`,
      );
    }
    await client.query('set session_replication_role = origin');
    // The giving totals per donor, which the entries' trigger would have kept (decision 0016).
    const totals = await time(() =>
      client.query(
        `insert into ledger_giving_totals select * from ledger_giving_totals_expected where org_id = '${orgId}'`,
      ),
    );
    note(`giving totals per donor: ${fmtInt(totals.value.rowCount ?? 0)} rows in ${secs(totals.ms)}`);
    await client.query('drop table bench_ledger_plan, bench_emp_accounts, bench_shared, bench_partners');
  } finally {
    await client.end();
  }
  const [partner] = await rows<{ id: string }>(
    database,
    sql`select id from partners where org_id = ${orgId} order by code limit 1`,
  );
  const campaignRows = await rows<{ id: string; code: string }>(
    database,
    sql.raw(
      `insert into campaigns (org_id, company_id, code, kind, fund_type, title_ja, title_en, starts_on, ends_on, status, match_ratio_percent)
       select '${orgId}', (select id from group_companies where org_id = '${orgId}' order by code limit 1), c.code, 'disaster', 'relief_work',
         c.title_ja, c.title_en, current_date - 30, current_date + 60, 'open', c.ratio
       from (values ('BENCH-A', '能登半島地震 支援', 'Noto earthquake relief', null::smallint),
         ('BENCH-M', 'マウイ山火事 支援', 'Maui wildfire relief', 100::smallint)) c(code, title_ja, title_en, ratio)
       returning id, code`,
    ),
  );
  const byCode = new Map(campaignRows.map((r) => [r.code, r.id]));
  await bulkInsert(
    database.db,
    'campaign_beneficiaries',
    'orgId uuid, campaignId uuid, partnerId uuid, position smallint',
    campaignRows,
    (c) => ({
      orgId,
      campaignId: c.id,
      partnerId: partner.id,
      position: 1,
    }),
  );
  const people = await clients(database, orgId);
  // The writers give a point per request for a while: a grant that lasts (through the grant service).
  for (const [i, w] of people.slice(0, WRITERS).entries())
    await postGrant(ctx, {
      employeeId: w.employeeId,
      fiscalYear,
      points: 1_000_000,
      reference: `bench-writer-${i}`,
    });
  const vacuum = await time(() => database.exec('vacuum analyze'));
  const [{ n }] = await rows<{ n: unknown }>(database, sql`select count(*) as n from ledger_entries`);
  note(`${fmtInt(toNumber(n))} ledger entries; VACUUM ANALYZE ${secs(vacuum.ms)}`);
  return {
    orgId,
    fiscalYear,
    writerTokens: people.slice(0, WRITERS).map((p) => p.token),
    readerTokens: people.slice(WRITERS).map((p) => p.token),
    writers: people.slice(0, WRITERS),
    readers: people.slice(WRITERS),
    campaignId: byCode.get('BENCH-A') as string,
    matchedCampaignId: byCode.get('BENCH-M') as string,
    partnerId: partner.id,
    entries: toNumber(n),
  };
}
