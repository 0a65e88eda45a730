import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { openTestDatabase } from '../../test/db.js';
import { createTestOrg, ctxAs, type TestOrg } from '../../test/factories.js';
import { fxRates } from '../ledger/ledger.table.js';
import { expenses, fiscalYearCloses, restatements } from './accounting.table.js';
import { closeYear } from './closing.js';
import { createExpense, deleteExpense, updateExpense } from './expenses.service.js';
import { expenseTotals } from './totals.js';

// A closed fiscal year never moves: through the services and, whatever the path, in the database
// (the triggers of migration 0016).

let database: Database;
let org: TestOrg;
let finance: Ctx;
let kept: string;

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

/** The PostgreSQL error code and constraint of a refused statement. */
async function refusal(statement: Promise<unknown>) {
  const err = (await statement.then(
    () => null,
    (e) => e,
  )) as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } } | null;
  const pg = err?.cause?.code ? err.cause : err;
  return { code: pg?.code, constraint: pg?.constraint };
}

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'FRZ');
  finance = await ctxAs(database, org, 'finance');
  kept = (await createExpense(finance, cash('2023-06-01', 1_000_000))).id;
  await createExpense(finance, cash('2023-09-01', 300_000));
  await createExpense(finance, cash('2024-05-01', 70_000));
  await database.db
    .insert(fxRates)
    .values({ orgId: org.orgId, fiscalYear: 2023, currency: 'USD', jpyPerUnit: '140' });
  await closeYear(finance, 2023, new Date('2026-11-21T03:00:00Z'));
});

describe('a closed year is frozen', () => {
  it('through the services: no expense added, changed or deleted', async () => {
    await expect(createExpense(finance, cash('2023-12-01', 5_000))).rejects.toMatchObject({
      code: 'fiscal_year_closed',
    });
    await expect(updateExpense(finance, kept, { amountMinor: 2 })).rejects.toMatchObject({
      code: 'fiscal_year_closed',
    });
    await expect(deleteExpense(finance, kept)).rejects.toMatchObject({ code: 'fiscal_year_closed' });
    await expect(
      updateExpense(finance, (await createExpense(finance, cash('2024-06-01', 9))).id, {
        spentOn: '2023-07-01',
      }),
    ).rejects.toMatchObject({ code: 'fiscal_year_closed' });
    expect((await expenseTotals(finance, 2023)).totalJpy).toBe(1_300_000);
  });

  it('with direct SQL: the triggers refuse every change of its rows, rates and close', async () => {
    const closed = { code: '23514', constraint: 'fiscal_year_closed' };
    const db = database.db;
    expect(
      await refusal(db.update(expenses).set({ amountMinor: 1, amountJpy: 1 }).where(eq(expenses.id, kept))),
    ).toEqual(closed);
    expect(await refusal(db.delete(expenses).where(eq(expenses.id, kept)))).toEqual(closed);
    expect(
      await refusal(
        db.insert(expenses).values({
          orgId: org.orgId,
          companyId: org.companies.jp,
          spentOn: '2023-11-11',
          fiscalYear: 2023,
          descriptionEn: 'sneaked in',
          type: 'cash_donation',
          valuationBasis: 'actual_cash',
          channel: 'gift',
          currency: 'JPY',
          amountMinor: 1,
          amountJpy: 1,
          keidanrenField: 'other',
        }),
      ),
    ).toEqual(closed);
    expect(
      await refusal(db.update(fxRates).set({ jpyPerUnit: '150' }).where(eq(fxRates.orgId, org.orgId))),
    ).toEqual(closed);
    expect(
      await refusal(
        db.insert(fxRates).values({ orgId: org.orgId, fiscalYear: 2023, currency: 'EUR', jpyPerUnit: '160' }),
      ),
    ).toEqual(closed);
    // A close is never rewritten nor removed (see the next test for the error code).
    await expect(
      db.update(fiscalYearCloses).set({ snapshot: {} }).where(eq(fiscalYearCloses.orgId, org.orgId)),
    ).rejects.toThrow();
    await expect(db.delete(fiscalYearCloses).where(eq(fiscalYearCloses.orgId, org.orgId))).rejects.toThrow();
    const [close] = await db.select().from(fiscalYearCloses).where(eq(fiscalYearCloses.orgId, org.orgId));
    expect((close.snapshot as { expenses: { totalJpy: number } }).expenses.totalJpy).toBe(1_300_000);
    // Moving a row of an open year into the closed one is refused too.
    expect(
      await refusal(
        db
          .update(expenses)
          .set({ fiscalYear: 2023 })
          .where(and(eq(expenses.orgId, org.orgId), eq(expenses.fiscalYear, 2024))),
      ),
    ).toEqual(closed);
  });

  it('with direct SQL: a change of a close raises fiscal_year_closed', async () => {
    const closed = { code: '23514', constraint: 'fiscal_year_closed' };
    const where = eq(fiscalYearCloses.orgId, org.orgId);
    expect(await refusal(database.db.update(fiscalYearCloses).set({ snapshot: {} }).where(where))).toEqual(
      closed,
    );
  });

  it('with direct SQL: only an unsealed restatement of that year may add rows, and a sealed one never changes', async () => {
    const db = database.db;
    const row = (restatementId: string) => ({
      orgId: org.orgId,
      companyId: org.companies.jp,
      spentOn: '2023-11-11',
      fiscalYear: 2023,
      descriptionEn: 'correction',
      type: 'cash_donation',
      valuationBasis: 'actual_cash',
      channel: 'gift',
      currency: 'JPY',
      amountMinor: 10,
      amountJpy: 10,
      keidanrenField: 'other',
      restatementId,
    });
    await db
      .transaction(async (tx) => {
        const [r] = await tx
          .insert(restatements)
          .values({ orgId: org.orgId, fiscalYear: 2023, reasonEn: 'test' })
          .returning();
        await tx.insert(expenses).values(row(r.id));
        await tx
          .update(restatements)
          .set({ snapshot: { sealed: true } })
          .where(eq(restatements.id, r.id));
        tx.rollback();
      })
      .catch((e) => {
        if (!String(e).includes('Rollback')) throw e;
      });
    const [sealed] = await db
      .insert(restatements)
      .values({ orgId: org.orgId, fiscalYear: 2023, reasonEn: 'sealed', snapshot: { sealed: true } })
      .returning();
    const closed = { code: '23514', constraint: 'fiscal_year_closed' };
    expect(await refusal(db.insert(expenses).values(row(sealed.id)))).toEqual(closed);
    expect(
      await refusal(db.update(restatements).set({ snapshot: {} }).where(eq(restatements.id, sealed.id))),
    ).toEqual(closed);
    expect(
      await refusal(db.update(restatements).set({ reasonEn: 'other' }).where(eq(restatements.id, sealed.id))),
    ).toEqual(closed);
    expect(await refusal(db.delete(restatements).where(eq(restatements.id, sealed.id)))).toEqual(closed);
    await db.execute(sql`select 1`);
  });
});
