import { and, count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { toNumber } from '../../lib/sql.js';
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
import { fxRates } from '../ledger/ledger.table.js';
import { reportFigures } from '../reports/report.figures.js';
import { fiscalYearCloses } from './accounting.table.js';
import { closeYear, listYears } from './closing.js';
import { createExpense } from './expenses.service.js';
import { expenseTotals } from './totals.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let finance: Ctx;
let financeSession: Session;
const NOW = new Date('2026-11-21T03:00:00Z');

const cash = (spentOn: string, amountMinor: number, over: object = {}) => ({
  spentOn,
  companyId: org.companies.jp,
  descriptionJa: '寄付',
  descriptionEn: 'Donation',
  type: 'cash_donation' as const,
  amountMinor,
  keidanrenField: 'education',
  ...over,
});

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database);
  org = await createTestOrg(database, 'CLS');
  finance = await ctxAs(database, org, 'finance');
  financeSession = await signIn(app, org.users.finance.email);
  await createExpense(finance, cash('2023-06-01', 1_000_000));
  await createExpense(finance, cash('2023-09-01', 250_000, { keidanrenField: 'culture_arts' }));
  await createExpense(finance, {
    ...cash('2023-10-01', 0),
    amountMinor: undefined,
    type: 'product_donation',
    quantity: 10,
    unitPriceMinor: 5_000,
  });
  await createExpense(finance, cash('2024-05-01', 70_000));
  await database.db
    .insert(fxRates)
    .values({ orgId: org.orgId, fiscalYear: 2023, currency: 'USD', jpyPerUnit: '140' });
});

describe('closing a fiscal year', () => {
  it('refuses a year that has not ended', async () => {
    await expect(closeYear(finance, 2026, NOW)).rejects.toMatchObject({
      code: 'fiscal_year_not_ended',
      status: 409,
    });
  });

  it('refuses anyone without years.close organisation-wide', async () => {
    await expect(closeYear(await ctxAs(database, org, 'csr_manager'), 2023, NOW)).rejects.toMatchObject({
      code: 'forbidden',
    });
    const scoped: Ctx = {
      ...finance,
      actor: {
        kind: 'user',
        userId: org.users.finance.id,
        label: 'jp finance',
        employeeId: null,
        grants: [{ role: 'finance', scopeType: 'company', companyId: org.companies.jp, siteId: null }],
      },
    };
    await expect(closeYear(scoped, 2023, NOW)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('stores the report figures as the snapshot, audited, and refuses a second close', async () => {
    const live = await reportFigures(finance, 2023);
    const closed = await closeYear(finance, 2023, NOW);
    expect(closed).toMatchObject({ fiscalYear: 2023, totalJpy: 1_300_000 });
    const [row] = await database.db
      .select()
      .from(fiscalYearCloses)
      .where(and(eq(fiscalYearCloses.orgId, org.orgId), eq(fiscalYearCloses.fiscalYear, 2023)));
    const snapshot = row.snapshot as typeof live;
    expect(snapshot.expenses).toEqual(live.expenses);
    expect(snapshot.closedAt).toBe(closed.closedAt);
    expect(row.closedBy).toBe(org.users.finance.id);
    const [{ n }] = await database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.orgId), eq(auditLog.action, 'fiscal_year.close')));
    expect(toNumber(n)).toBe(1);
    await expect(closeYear(finance, 2023, NOW)).rejects.toMatchObject({
      code: 'fiscal_year_closed',
      status: 409,
    });
  });

  it('lists the years with their expenses, close and restatements', async () => {
    const years = await listYears(finance, NOW);
    expect(years.map((y) => y.fiscalYear)).toEqual([2026, 2025, 2024, 2023]);
    expect(years.find((y) => y.fiscalYear === 2023)).toMatchObject({
      reportYear: 2024,
      labelJa: '2023年度',
      labelEn: 'fiscal 2024',
      ended: true,
      closed: true,
      closedBy: 'finance',
      expenseCount: 3,
      totalJpy: 1_300_000,
      restatementCount: 0,
    });
    expect(years.find((y) => y.fiscalYear === 2026)).toMatchObject({
      ended: false,
      closed: false,
      expenseCount: 0,
    });
  });
});

describe('accounting routes', () => {
  it('answer the years, the totals and the B4SI CSV to finance, and refuse the rest', async () => {
    const years = await app.inject({
      method: 'GET',
      url: '/api/accounting/years',
      headers: financeSession.headers,
    });
    expect(years.statusCode).toBe(200);
    expect(years.json().items.find((y: { fiscalYear: number }) => y.fiscalYear === 2023).closed).toBe(true);
    const totals = await app.inject({
      method: 'GET',
      url: '/api/accounting/2023/totals',
      headers: financeSession.headers,
    });
    expect(totals.statusCode).toBe(200);
    expect(totals.json()).toMatchObject({ totalJpy: 1_300_000, totalRef: 'expenses.total' });
    const csv = await app.inject({
      method: 'GET',
      url: '/api/accounting/2023/b4si.csv',
      headers: financeSession.headers,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFFexpense_id,spent_on,')).toBe(true);
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    const header = lines[0].slice(1).split(',');
    const values = lines.slice(1).map((l) => l.split(','));
    const sum = values.reduce((n, v) => n + Number(v[header.indexOf('b4si_value_jpy')]), 0);
    expect(sum).toBe(totals.json().b4si.totalJpy);
    const product = values.find((v) => v[header.indexOf('expense_type')] === 'product_donation');
    expect(product?.[header.indexOf('valued_at_market')]).toBe('true');
    expect(product?.[header.indexOf('b4si_input')]).toBe('inKind');

    const employee = await signIn(app, org.users.employee.email);
    for (const url of [
      '/api/accounting/years',
      '/api/accounting/2023/totals',
      '/api/accounting/2023/b4si.csv',
    ])
      expect((await app.inject({ method: 'GET', url, headers: employee.headers })).statusCode).toBe(403);
    const csr = await signIn(app, org.users.csr_manager.email);
    const close = await app.inject({
      method: 'POST',
      url: '/api/accounting/years/2024/close',
      headers: csr.headers,
    });
    expect(close.statusCode).toBe(403);
  });

  it('close a year through the API in the caller’s language, and answer 409 when closed', async () => {
    const ok = await app.inject({
      method: 'POST',
      url: '/api/accounting/years/2024/close',
      headers: financeSession.headers,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ fiscalYear: 2024, totalJpy: 70_000 });
    const again = await app.inject({
      method: 'POST',
      url: '/api/accounting/years/2024/close',
      headers: { ...financeSession.headers, 'accept-language': 'ja' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'fiscal_year_closed' });
    expect(again.json().detail ?? again.json().title).toContain('2024年度');
  });

  it('keep organisations apart', async () => {
    const other = await createTestOrg(database, 'CLS2');
    const theirs = await ctxAs(database, other, 'finance');
    expect((await expenseTotals(theirs, 2023)).totalJpy).toBe(0);
    expect((await listYears(theirs, NOW)).every((y) => !y.closed)).toBe(true);
    await expect(closeYear(theirs, 2023, NOW)).resolves.toMatchObject({ totalJpy: 0 });
  });
});
