import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { openTestDatabase } from '../../test/db.js';
import {
  buildTestApp,
  createTestOrg,
  ctxAs,
  type Session,
  signIn,
  type TestOrg,
} from '../../test/factories.js';
import { auditLog } from '../audit/audit.table.js';
import { putFxRate } from '../ledger/fx.service.js';
import { expenses } from './accounting.table.js';
import { importExpenses } from './expenses.import.js';

const FIXTURE = readFileSync(new URL('./fixtures/expenses-sjis.csv', import.meta.url));
const HEADER =
  'external_ref,spent_on,company_code,program_code,partner_code,recipient,description_ja,description_en,type,valuation_basis,quantity,unit_price,currency,amount,cost,keidanren_field,company_field,b4si_cause,b4si_motivation,b4si_region,channel,political';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let finance: Ctx;
let session: Session;

const rows = () =>
  database.db.select().from(expenses).where(eq(expenses.orgId, org.orgId)).orderBy(expenses.externalRef);
const post = (body: Buffer | string, query = '') =>
  app.inject({
    method: 'POST',
    url: `/api/expenses/imports${query}`,
    headers: { ...session.headers, 'content-type': 'text/csv' },
    payload: body,
  });
const csv = (...lines: string[]) => [HEADER, ...lines, ''].join('\n');

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'EXPI');
  app = await buildTestApp(database);
  finance = await ctxAs(database, org, 'finance');
  session = await signIn(app, org.users.finance.email);
});

describe('importing expenses from accounting', () => {
  it('reads the Shift_JIS fixture: a dry run writes nothing, the import writes every row once', async () => {
    const dry = await post(FIXTURE, '?dryRun=true&fileName=expenses-sjis.csv');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      encoding: 'shift_jis',
      rows: 20,
      created: 20,
      dryRun: true,
      committed: false,
    });
    expect(await rows()).toHaveLength(0);

    const first = await post(FIXTURE);
    expect(first.json()).toMatchObject({ rows: 20, created: 20, updated: 0, unchanged: 0, committed: true });
    const stored = await rows();
    expect(stored.every((r) => r.source === 'import' && r.fiscalYear === 2022)).toBe(true);
    const kits = stored.find((r) => r.externalRef === 'FX22-0002');
    expect(kits).toMatchObject({
      amountMinor: 1_800_000,
      costJpy: 960_000,
      valuationBasis: 'market_unit_price',
    });
    expect(stored.find((r) => r.externalRef === 'FX22-0007')).toMatchObject({
      quantity: '320.5000',
      amountJpy: 1_442_250,
    });
    expect(stored.find((r) => r.externalRef === 'FX22-0016')?.political).toBe(true);
    expect(stored.find((r) => r.externalRef === 'FX22-0018')?.b4siRegion).toBe('north_america');
    const total = stored.reduce((s, r) => s + r.amountJpy, 0);
    expect(total).toBe(65_442_250);

    const audits = async () =>
      (
        await database.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.orgId, org.orgId), eq(auditLog.action, 'expense.import')))
      ).length;
    const auditsBefore = await audits();
    const again = await post(FIXTURE);
    expect(again.json()).toMatchObject({ rows: 20, created: 0, updated: 0, unchanged: 20 });
    expect((await rows()).map((r) => r.updatedAt.getTime())).toEqual(
      stored.map((r) => r.updatedAt.getTime()),
    );
    expect(await audits()).toBe(auditsBefore + 1);
  });

  it('updates a changed row of an open year, values dollars at the year’s rate, and refuses a closed year’s', async () => {
    await putFxRate(finance, 2023, 'USD', { jpyPerUnit: '140.5' });
    const report = await importExpenses(
      finance,
      Readable.from([
        csv(
          'FX22-0001,2022-05-12,JP01,,,日本赤十字社,災害義援金,,cash_donation,,,,JPY,"5,500,000",,disaster_relief,,,,,,',
          'US-1,2023-07-04,US01,,,Food Bank,,Food drive,cash_donation,,,,,1234.56,,social_welfare,,,,,,',
        ),
      ]),
      { fileName: 'changes.csv' },
    );
    expect(report).toMatchObject({ rows: 2, created: 1, updated: 1 });
    const stored = await rows();
    expect(stored.find((r) => r.externalRef === 'FX22-0001')?.amountJpy).toBe(5_500_000);
    expect(stored.find((r) => r.externalRef === 'US-1')).toMatchObject({
      currency: 'USD',
      amountMinor: 123_456,
      amountJpy: 173_456,
    });

    await database.db.execute(
      sql`insert into fiscal_year_closes (org_id, fiscal_year, snapshot) values (${org.orgId}, 2022, '{}'::jsonb)`,
    );
    const closed = await post(
      csv(
        'FX22-0003,2022-06-03,JP01,,,川崎市社会福祉協議会,福祉施設への寄付,,cash_donation,,,,JPY,1,,social_welfare,,,,,,',
        'NEW-2022,2022-06-03,JP01,,,誰か,寄付,,cash_donation,,,,JPY,1,,social_welfare,,,,,,',
        'FX22-0004,2022-06-18,JP01,,,,本社ホールの地域開放(音楽会),Head office hall opened for a community concert,施設開放,外部相当額,16,"120,000",JPY,"1,920,000","400,000",culture_arts,education_culture_sports,arts_culture,community_investment,,自主プログラム,いいえ',
      ),
    );
    expect(closed.statusCode).toBe(422);
    expect(closed.json().fields.map((f: { row: number; code: string }) => `${f.row}:${f.code}`)).toEqual([
      '2:ref_in_closed_year',
      '3:fiscal_year_closed',
    ]);
    expect((await rows()).length).toBe(stored.length);
  });

  it('names the row and column of each bad value in the caller’s language, and writes nothing', async () => {
    const before = (await rows()).length;
    const ja = '外部参照,日付,会社コード,内容,種類,数量,単価,金額,経団連分野,通貨\n';
    const res = await app.inject({
      method: 'POST',
      url: '/api/expenses/imports',
      headers: { ...session.headers, 'content-type': 'text/csv', 'accept-language': 'ja' },
      payload: `${ja}B-1,2023-13-01,XX99,寄付,現金寄付,,,100,education,JPY\nB-2,2023-05-01,JP01,製品,製品寄贈,3,100,301,education,JPY\nB-3,2023-05-01,JP01,寄付,寄付金,,,50,no_field,EUR\n`,
    });
    expect(res.statusCode).toBe(422);
    const fields = res.json().fields as { row: number; column: string; code: string; message: string }[];
    expect(fields.map((f) => `${f.row}:${f.column}:${f.code}`)).toEqual([
      '2:日付:invalid_date',
      '2:会社コード:unknown_company',
      '3:金額:amount_mismatch',
      '4:経団連分野:classification_unknown',
      '4:通貨:fx_rate_missing',
    ]);
    expect(fields[2].message).toContain('300');
    expect((await rows()).length).toBe(before);
  });

  it('refuses a company-scoped finance user’s rows of another company', async () => {
    if (finance.actor.kind !== 'user') throw new Error('user expected');
    const scoped: Ctx = {
      ...finance,
      actor: {
        ...finance.actor,
        grants: [{ role: 'finance', scopeType: 'company', companyId: org.companies.us, siteId: null }],
      },
    };
    const attempt = importExpenses(
      scoped,
      Readable.from([csv('S-1,2023-05-01,JP01,,,x,寄付,,cash_donation,,,,JPY,100,,education,,,,,,')]),
      { fileName: 'scoped.csv' },
    );
    await expect(attempt).rejects.toMatchObject({
      code: 'import_invalid',
      fields: [expect.objectContaining({ row: 2, code: 'company_not_in_scope' })],
    });
  });
});
