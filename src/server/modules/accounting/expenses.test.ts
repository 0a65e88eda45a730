import { eq, sql } from 'drizzle-orm';
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
import { putFxRate } from '../ledger/fx.service.js';
import { expenses } from './accounting.table.js';
import type { ExpenseInput } from './expenses.schema.js';
import { createExpense, deleteExpense, getExpense, listExpenses, updateExpense } from './expenses.service.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let other: TestOrg;
let finance: Ctx;
let financeHttp: Session;

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const cash = (over: Partial<ExpenseInput> = {}): ExpenseInput => ({
  spentOn: '2024-06-10',
  companyId: org.companies.jp,
  descriptionJa: '寄付',
  type: 'cash_donation',
  amountMinor: 1_000_000,
  keidanrenField: 'education',
  ...over,
});
const count = async () =>
  Number((await database.db.select({ n: sql<number>`count(*)` }).from(expenses))[0].n);
const close = (orgId: string, fiscalYear: number) =>
  database.db.execute(
    sql`insert into fiscal_year_closes (org_id, fiscal_year, snapshot) values (${orgId}, ${fiscalYear}, '{}'::jsonb)`,
  );

/** A finance user whose grant covers one company only. */
function scoped(ctx: Ctx, companyId: string): Ctx {
  if (ctx.actor.kind !== 'user') throw new Error('user expected');
  const grants = [{ role: 'finance' as const, scopeType: 'company' as const, companyId, siteId: null }];
  return { ...ctx, actor: { ...ctx.actor, grants } };
}

async function refused(code: string, fn: () => Promise<unknown>, fields?: string[]) {
  const before = await count();
  const err = await fn().then(
    () => null,
    (e) => e,
  );
  expect(err?.code).toBe(code);
  if (fields)
    expect(err.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`).sort()).toEqual(
      fields.sort(),
    );
  expect(await count()).toBe(before);
}

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'EXPS');
  other = await createTestOrg(database, 'EXPO');
  app = await buildTestApp(database);
  finance = await ctxAs(database, org, 'finance');
  financeHttp = await signIn(app, org.users.finance.email);
  await putFxRate(finance, 2024, 'USD', { jpyPerUnit: '151.25' });
});

describe('valuing an expense', () => {
  it('values products at quantity × unit price and a dollar donation at the year’s rate, with defaults', async () => {
    const products = await createExpense(finance, {
      spentOn: '2025-03-31',
      companyId: org.companies.jp,
      descriptionJa: 'ノートPCの寄贈',
      type: 'product_donation',
      quantity: '12.5',
      unitPriceMinor: 80_001,
      costMinor: 500_000,
      keidanrenField: 'education',
    });
    expect(products).toMatchObject({
      fiscalYear: 2024,
      valuationBasis: 'market_unit_price',
      amountMinor: 1_000_013,
      amountJpy: 1_000_013,
      costJpy: 500_000,
      currency: 'JPY',
      quantity: '12.5',
      channel: 'gift',
      b4siRegion: 'asia_pacific',
      companyCode: 'JP01',
    });
    const dollars = await createExpense(finance, {
      ...cash({ companyId: org.companies.us, amountMinor: 10_050, spentOn: '2024-04-01' }),
    });
    expect(dollars).toMatchObject({ currency: 'USD', amountJpy: 15_201, b4siRegion: 'north_america' });
  });

  it('refuses what does not add up, field by field, and writes nothing', async () => {
    await refused(
      'validation_failed',
      () =>
        createExpense(finance, {
          ...cash({ amountMinor: undefined, descriptionJa: null }),
          type: 'product_donation',
          valuationBasis: 'actual_cash',
          keidanrenField: 'no_such_field',
          partnerId: null,
          recipientText: 'x',
        }),
      [
        'valuationBasis:basis_not_for_type',
        'amountMinor:required',
        'descriptionJa:description_required',
        'keidanrenField:classification_unknown',
      ],
    );
    await refused(
      'validation_failed',
      () => createExpense(finance, { ...cash(), type: 'employee_time', quantity: 10, unitPriceMinor: 3000 }),
      ['amountMinor:amount_mismatch'],
    );
    await refused(
      'validation_failed',
      () => createExpense(finance, cash({ currency: 'EUR', keidanrenField: undefined })),
      ['currency:fx_rate_missing', 'keidanrenField:required'],
    );
  });
});

describe('changing expenses', () => {
  it('values a change again, and deletes an open year’s expense', async () => {
    const e = await createExpense(finance, cash());
    const changed = await updateExpense(finance, e.id, {
      type: 'employee_time',
      quantity: 10,
      unitPriceMinor: 4500,
    });
    expect(changed).toMatchObject({
      valuationBasis: 'salary_cost_per_hour',
      amountMinor: 45_000,
      amountJpy: 45_000,
    });
    const moved = await updateExpense(finance, e.id, { spentOn: '2023-04-01' });
    expect(moved.fiscalYear).toBe(2023);
    await deleteExpense(finance, e.id);
    await expect(getExpense(finance, e.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('freezes a closed year: the service and the database both refuse', async () => {
    const kept = await createExpense(finance, cash({ spentOn: '2020-05-01' }));
    await close(org.orgId, 2020);
    await refused('fiscal_year_closed', () => createExpense(finance, cash({ spentOn: '2020-06-01' })));
    await refused('fiscal_year_closed', () => updateExpense(finance, kept.id, { amountMinor: 5 }));
    await refused('fiscal_year_closed', () => deleteExpense(finance, kept.id));
    const open = await createExpense(finance, cash({ spentOn: '2021-06-01' }));
    await refused('fiscal_year_closed', () => updateExpense(finance, open.id, { spentOn: '2020-12-01' }));
    const direct = [
      sql`update expenses set amount_minor = 1, amount_jpy = 1 where id = ${kept.id}`,
      sql`delete from expenses where id = ${kept.id}`,
      sql`update expenses set spent_on = '2020-12-01', fiscal_year = 2020 where id = ${open.id}`,
    ];
    for (const q of direct)
      await expect(database.db.execute(q)).rejects.toMatchObject({ cause: { code: '23514' } });
    expect((await getExpense(finance, kept.id)).closed).toBe(true);
  });
});

describe('scope and tenancy', () => {
  it('keeps a company-scoped finance user to its company', async () => {
    const jp = await createExpense(finance, cash());
    const us = scoped(finance, org.companies.us);
    await refused('forbidden', () => createExpense(us, cash()));
    await expect(getExpense(us, jp.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(updateExpense(us, jp.id, { amountMinor: 7 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      updateExpense(scoped(finance, org.companies.jp), jp.id, { companyId: org.companies.us }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const page = await listExpenses(us, { page: 1, size: 50 });
    expect(page.items.every((i) => i.companyId === org.companies.us)).toBe(true);
  });

  it('answers 404 for another organisation’s expense and 403 to those who may not manage', async () => {
    const otherFinance = await ctxAs(database, other, 'finance');
    const foreign = await createExpense(otherFinance, cash({ companyId: other.companies.jp }));
    expect(
      (await app.inject({ url: `/api/expenses/${foreign.id}`, headers: financeHttp.headers })).statusCode,
    ).toBe(404);
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/expenses/${foreign.id}`,
      headers: financeHttp.headers,
      payload: { amountMinor: 1 },
    });
    expect(patched.statusCode).toBe(404);
    const auditor = await signIn(app, org.users.auditor.email);
    expect((await app.inject({ url: '/api/expenses', headers: auditor.headers })).statusCode).toBe(200);
    const post = await app.inject({
      method: 'POST',
      url: '/api/expenses',
      headers: auditor.headers,
      payload: cash(),
    });
    expect(post.statusCode).toBe(403);
  });
});

describe('the API', () => {
  it('creates, lists with the sum in yen, attaches files, changes and deletes', async () => {
    const h = financeHttp.headers;
    const created = await app.inject({
      method: 'POST',
      url: '/api/expenses',
      headers: h,
      payload: cash({
        spentOn: '2024-07-01',
        amountMinor: 2_000,
        companyId: org.companies.us,
        keidanrenField: 'culture_arts',
      }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/expenses',
      headers: h,
      payload: { ...cash(), extra: 1 },
    });
    expect(unknown.statusCode).toBe(400);
    const list = await app.inject({
      url: '/api/expenses?fiscalYear=2024&keidanrenField=culture_arts',
      headers: h,
    });
    expect(list.json()).toMatchObject({
      total: 1,
      sumJpy: 3_025,
      items: [{ id, companyCode: 'US01', amountJpy: 3_025 }],
    });

    const upload = await app.inject({
      method: 'POST',
      url: '/api/files?purpose=expense_attachment&name=invoice.png',
      headers: { ...h, 'content-type': 'image/png' },
      payload: PNG,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const fileId = upload.json().id as string;
    const attached = await app.inject({
      method: 'PUT',
      url: `/api/expenses/${id}/files`,
      headers: h,
      payload: { fileIds: [fileId] },
    });
    expect(attached.json().attachments).toEqual([
      expect.objectContaining({ id: fileId, name: 'invoice.png' }),
    ]);
    const wrong = await app.inject({
      method: 'PUT',
      url: `/api/expenses/${id}/files`,
      headers: h,
      payload: { fileIds: [crypto.randomUUID()] },
    });
    expect(wrong.json().fields).toEqual([expect.objectContaining({ path: 'fileIds.0', code: 'not_found' })]);

    const ja = await app.inject({
      method: 'PATCH',
      url: `/api/expenses/${id}`,
      headers: { ...h, 'accept-language': 'ja' },
      payload: { currency: 'EUR' },
    });
    expect(ja.statusCode).toBe(400);
    expect(ja.json().fields[0]).toMatchObject({ path: 'currency', code: 'fx_rate_missing' });
    expect(ja.json().fields[0].message).toContain('為替レート');
    const removed = await app.inject({ method: 'DELETE', url: `/api/expenses/${id}`, headers: h });
    expect(removed.statusCode).toBe(204);
    const [row] = await database.db.select().from(expenses).where(eq(expenses.id, id));
    expect(row).toBeUndefined();
  });
});
