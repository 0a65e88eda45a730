import { and, count, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { toNumber } from '../../lib/sql.js';
import { openTestDatabase } from '../../test/db.js';
import { buildTestApp, createTestOrg, ctxAs, signIn, type TestOrg } from '../../test/factories.js';
import { expenses, fiscalYearCloses, restatements } from './accounting.table.js';
import { closeYear } from './closing.js';
import { createExpense } from './expenses.service.js';
import { createRestatement, listRestatements, restatementsForReport } from './restatements.js';
import { expenseTotals } from './totals.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let finance: Ctx;
let product: string;
let gift: string;
const NOW = new Date('2026-11-21T03:00:00Z');
const PAGE = { page: 1, size: 50 };

const line = (over: object = {}) => ({
  spentOn: '2022-12-01',
  companyId: org.companies.jp,
  descriptionJa: '計上漏れ',
  descriptionEn: 'Missed donation',
  type: 'cash_donation' as const,
  amountMinor: 40_000,
  keidanrenField: 'environment',
  ...over,
});

const rowCount = async () => {
  const [{ n }] = await database.db
    .select({ n: count() })
    .from(expenses)
    .where(eq(expenses.orgId, org.orgId));
  return toNumber(n);
};

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database);
  org = await createTestOrg(database, 'RST');
  finance = await ctxAs(database, org, 'finance');
  gift = (await createExpense(finance, line({ spentOn: '2022-06-01', amountMinor: 500_000 }))).id;
  product = (
    await createExpense(finance, {
      ...line({ spentOn: '2022-07-01', amountMinor: undefined }),
      type: 'product_donation',
      quantity: '2.5',
      unitPriceMinor: 40_000,
      costMinor: 60_000,
    })
  ).id;
  await createExpense(finance, line({ spentOn: '2023-05-01', amountMinor: 1 }));
  await closeYear(finance, 2022, NOW);
});

describe('restatements', () => {
  it('are for closed years only', async () => {
    await expect(
      createRestatement(finance, 2023, { reasonEn: 'late', lines: [line({ spentOn: '2023-06-01' })] }),
    ).rejects.toMatchObject({ code: 'fiscal_year_not_closed', status: 409 });
  });

  it('refuse bad input and change nothing', async () => {
    const before = await rowCount();
    await expect(createRestatement(finance, 2022, { reasonJa: ' ', lines: [line()] })).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [{ path: 'reasonJa', code: 'required' }],
    });
    const other = await createTestOrg(database, 'RST2');
    const theirs = await createExpense(
      await ctxAs(database, other, 'finance'),
      line({ spentOn: '2022-05-01', companyId: other.companies.jp }),
    );
    const err = await createRestatement(finance, 2022, {
      reasonEn: 'fix',
      lines: [
        line({ spentOn: '2023-06-01' }),
        line({ keidanrenField: 'nope' }),
        { adjustsExpenseId: theirs.id, reverse: true },
        line({ amountMinor: -5 }),
      ],
    }).catch((e) => e);
    expect(err).toMatchObject({ code: 'validation_failed' });
    expect(err.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`)).toEqual([
      'lines.0.spentOn:not_in_year',
      'lines.1.keidanrenField:classification_unknown',
      'lines.2.adjustsExpenseId:not_found',
      'lines.3.amountMinor:amount_not_positive',
    ]);
    await expect(
      createRestatement(await ctxAs(database, org, 'csr_manager'), 2022, { reasonEn: 'x', lines: [line()] }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await rowCount()).toBe(before);
    const [{ n }] = await database.db
      .select({ n: count() })
      .from(restatements)
      .where(eq(restatements.orgId, org.orgId));
    expect(toNumber(n)).toBe(0);
  });

  it('add their lines to the closed year, take expenses back, and store the figures after', async () => {
    const before = await expenseTotals(finance, 2022);
    expect(before.totalJpy).toBe(600_000);
    expect(before.b4si.inKindJpy).toBe(60_000);
    const r = await createRestatement(finance, 2022, {
      reasonJa: '製品寄贈の取り消しと計上漏れ',
      reasonEn: 'Product donation withdrawn; a missed donation',
      lines: [
        { adjustsExpenseId: product, reverse: true },
        line(),
        line({ adjustsExpenseId: gift, amountMinor: -100_000 }),
      ],
    });
    expect(r).toMatchObject({
      fiscalYear: 2022,
      automatic: false,
      totalJpyBefore: 600_000,
      totalJpyAfter: 440_000,
    });
    expect(r.lines.map((l) => l.amountJpy).sort()).toEqual([-100_000, -100_000, 40_000]);
    expect(r.lines.find((l) => l.adjustsExpenseId === product)).toMatchObject({
      type: 'product_donation',
      amountJpy: -100_000,
      source: 'app',
    });
    const after = await expenseTotals(finance, 2022);
    expect(after.totalJpy).toBe(440_000);
    expect(after.b4si.inKindJpy).toBe(0);
    expect(after.b4si.marketValued).toEqual({ count: 0, amountJpy: 0 });
    const [sealed] = await database.db.select().from(restatements).where(eq(restatements.id, r.id));
    expect((sealed.snapshot as { expenses: typeof after }).expenses).toEqual(after);
    const [close] = await database.db
      .select()
      .from(fiscalYearCloses)
      .where(eq(fiscalYearCloses.orgId, org.orgId));
    expect((close.snapshot as { expenses: typeof after }).expenses.totalJpy).toBe(600_000);
  });

  it('chain their totals, list oldest first and give the report its notes', async () => {
    await createRestatement(finance, 2022, {
      reasonEn: 'Second look',
      lines: [line({ amountMinor: 10_000 })],
    });
    const page = await listRestatements(finance, 2022, PAGE);
    expect(page.total).toBe(2);
    expect(page.items.map((i) => [i.totalJpyBefore, i.totalJpyAfter])).toEqual([
      [600_000, 440_000],
      [440_000, 450_000],
    ]);
    expect(page.items[1]).toMatchObject({ reasonJa: null, reasonEn: 'Second look', createdBy: 'finance' });
    const notes = await restatementsForReport(finance, 2022);
    expect(notes.map((n) => n.totalJpyAfter)).toEqual([440_000, 450_000]);
  });

  it('once sealed, take no more rows even with direct SQL', async () => {
    const [r] = await database.db
      .select()
      .from(restatements)
      .where(eq(restatements.orgId, org.orgId))
      .limit(1);
    type PgError = { constraint?: string; cause?: { constraint?: string } };
    const err: PgError | undefined = await database.db
      .execute(
        sql`insert into expenses (org_id, company_id, spent_on, fiscal_year, description_en, type, valuation_basis,
          channel, currency, amount_minor, amount_jpy, keidanren_field, restatement_id)
          values (${org.orgId}, ${org.companies.jp}, '2022-08-01', 2022, 'late', 'cash_donation', 'actual_cash',
          'gift', 'JPY', 5, 5, 'other', ${r.id})`,
      )
      .then(() => undefined)
      .catch((e: PgError) => e);
    expect(err?.cause?.constraint ?? err?.constraint).toBe('fiscal_year_closed');
  });

  it('are created and listed through the API', async () => {
    const s = await signIn(app, org.users.finance.email);
    const created = await app.inject({
      method: 'POST',
      url: '/api/accounting/years/2022/restatements',
      headers: s.headers,
      payload: { reasonJa: '追加', reasonEn: 'Added', lines: [line({ amountMinor: 1_000 })] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ totalJpyBefore: 450_000, totalJpyAfter: 451_000 });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/accounting/years/2022/restatements',
      headers: s.headers,
      payload: { reasonEn: 'x', lines: [line()], extra: 1 },
    });
    expect(unknown.statusCode).toBe(400);
    const list = await app.inject({
      method: 'GET',
      url: '/api/accounting/years/2022/restatements',
      headers: s.headers,
    });
    expect(list.json().total).toBe(3);
    const auditor = await signIn(app, org.users.auditor.email);
    const read = await app.inject({
      method: 'GET',
      url: '/api/accounting/years/2022/restatements',
      headers: auditor.headers,
    });
    expect(read.statusCode).toBe(200);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/accounting/years/2022/restatements',
      headers: auditor.headers,
      payload: { reasonEn: 'x', lines: [line()] },
    });
    expect(refused.statusCode).toBe(403);
    const years = await app.inject({ method: 'GET', url: '/api/accounting/years', headers: s.headers });
    expect(
      years.json().items.find((y: { fiscalYear: number }) => y.fiscalYear === 2022).restatementCount,
    ).toBe(3);
    const other = await createTestOrg(database, 'RST3');
    const theirs = await listRestatements(await ctxAs(database, other, 'finance'), 2022, PAGE);
    expect(theirs.total).toBe(0);
    const scoped = and(eq(expenses.orgId, other.orgId));
    expect((await database.db.select().from(expenses).where(scoped)).length).toBe(0);
  });
});
