import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { openTestDatabase } from '../../test/db.js';
import { createTestOrg, ctxAs, type TestOrg } from '../../test/factories.js';
import { partners } from '../partners/partners.table.js';
import { balanceOf } from './ledger.accounts.js';
import { post, reverse } from './ledger.post.js';
import { ledgerAccounts, ledgerEntries, ledgerPostings } from './ledger.table.js';
import { convertMinor } from './ledger.values.js';
import { verifyLedger } from './ledger.verify.js';

let database: Database;
let org: TestOrg;
let ctx: Ctx;
let employeeId: string;
let partnerId: string;
const FY = 2026;

const grant = (key: string, points: number) =>
  post(ctx, {
    kind: 'grant',
    idempotencyKey: key,
    request: { points },
    fiscalYear: FY,
    links: { employeeId },
    lines: [
      { account: { kind: 'points_granted', unit: 'PTS', fiscalYear: FY }, amount: -points },
      { account: { kind: 'employee_points', unit: 'PTS', employeeId, fiscalYear: FY }, amount: points },
    ],
  });

const donate = (key: string, points: number) =>
  post(ctx, {
    kind: 'point_donation',
    idempotencyKey: key,
    request: { points },
    fiscalYear: FY,
    links: { employeeId, partnerId },
    lines: [
      { account: { kind: 'employee_points', unit: 'PTS', employeeId, fiscalYear: FY }, amount: -points },
      { account: { kind: 'points_donated', unit: 'PTS', fiscalYear: FY }, amount: points },
      { account: { kind: 'points_funding', unit: 'JPY', fiscalYear: FY }, amount: -points * 100 },
      { account: { kind: 'payable', unit: 'JPY', partnerId }, amount: points * 100 },
    ],
  });

const points = () => balanceOf(ctx, { kind: 'employee_points', unit: 'PTS', employeeId, fiscalYear: FY });

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'LEDGER');
  ctx = await ctxAs(database, org, 'finance');
  employeeId = org.users.employee.employeeId;
  const [p] = await database.db
    .insert(partners)
    .values({ orgId: org.orgId, code: 'RC', nameJa: '赤十字', kind: 'npo', eligibleUntil: '2099-12-31' })
    .returning();
  partnerId = p.id;
});

describe('ledger postings', () => {
  it('posts once per idempotency key and answers the same posting again', async () => {
    const first = await grant('grant-1', 50);
    const again = await grant('grant-1', 50);
    expect(again.replayed).toBe(true);
    expect(again.posting).toEqual(first.posting);
    expect(first.posting.entries.map((e) => e.valueJpy).sort()).toEqual([-5000, 5000]);
    expect(await points()).toBe(50);
    await expect(grant('grant-1', 60)).rejects.toMatchObject({ code: 'idempotency_key_reused' });
  });

  it('refuses an overdraft in the database and posts nothing', async () => {
    const before = await database.db.select().from(ledgerPostings);
    await expect(donate('donate-big', 51)).rejects.toMatchObject({ code: 'insufficient_points' });
    expect(await database.db.select().from(ledgerPostings)).toHaveLength(before.length);
    await donate('donate-ok', 20);
    expect(await points()).toBe(30);
    expect(await balanceOf(ctx, { kind: 'payable', unit: 'JPY', partnerId })).toBe(2000);
  });

  it('refuses a payable below zero, and a raw overdraft even without the service', async () => {
    await expect(
      post(ctx, {
        kind: 'payout',
        idempotencyKey: 'payout-too-much',
        request: {},
        links: { partnerId },
        lines: [
          { account: { kind: 'payable', unit: 'JPY', partnerId }, amount: -2001 },
          { account: { kind: 'paid_out', unit: 'JPY', partnerId }, amount: 2001 },
        ],
      }),
    ).rejects.toMatchObject({ code: 'insufficient_balance' });
    const [account] = await database.db
      .select()
      .from(ledgerAccounts)
      .where(eq(ledgerAccounts.employeeId, employeeId));
    await expect(
      database.db.update(ledgerAccounts).set({ balance: -1 }).where(eq(ledgerAccounts.id, account.id)),
    ).rejects.toThrow();
  });

  it('keeps entries and postings append-only, and refuses unbalanced postings at commit', async () => {
    await expect(database.db.update(ledgerEntries).set({ amount: 1 })).rejects.toThrow();
    await expect(database.db.delete(ledgerPostings)).rejects.toThrow();
    const [account] = await database.db
      .select()
      .from(ledgerAccounts)
      .where(eq(ledgerAccounts.employeeId, employeeId));
    const refused = await database.db
      .transaction(async (tx) => {
        const [p] = await tx
          .insert(ledgerPostings)
          .values({
            orgId: org.orgId,
            kind: 'grant',
            idempotencyKey: 'raw-unbalanced',
            requestHash: 'x',
            effectiveOn: '2026-05-01',
            fiscalYear: FY,
            pointValueJpy: 100,
          })
          .returning();
        await tx.execute(
          sql`insert into ledger_entries (org_id, posting_id, account_id, unit, amount, value_jpy)
              values (${org.orgId}, ${p.id}, ${account.id}, 'PTS', 5, 500)`,
        );
      })
      .catch((err: Error & { cause?: Error }) => err.cause?.message ?? err.message);
    expect(refused).toMatch(/does not sum to zero/);
  });

  it('reverses a posting once, netting its entries', async () => {
    const gift = await donate('donate-rev', 10);
    expect(await points()).toBe(20);
    const rev = await reverse(ctx, gift.posting.id, { idempotencyKey: 'rev-1' });
    expect(rev.posting.reversesId).toBe(gift.posting.id);
    expect(rev.posting.kind).toBe('point_donation');
    expect(await points()).toBe(30);
    await expect(reverse(ctx, gift.posting.id, { idempotencyKey: 'rev-2' })).rejects.toMatchObject({
      code: 'already_reversed',
    });
    await expect(reverse(ctx, rev.posting.id, { idempotencyKey: 'rev-3' })).rejects.toMatchObject({
      code: 'cannot_reverse_reversal',
    });
  });
});

describe('ledger check', () => {
  it('finds nothing wrong after the postings above, and finds a stored balance that drifted', async () => {
    const clean = await verifyLedger(database.db, org.orgId);
    expect(clean).toMatchObject({ ok: true, problems: [] });
    expect(clean.entries).toBeGreaterThan(10);
    const [account] = await database.db
      .select()
      .from(ledgerAccounts)
      .where(eq(ledgerAccounts.employeeId, employeeId));
    await database.db
      .transaction(async (tx) => {
        await tx
          .update(ledgerAccounts)
          .set({ balance: account.balance! + 7 })
          .where(eq(ledgerAccounts.id, account.id));
        const drifted = await verifyLedger(tx, org.orgId);
        expect(drifted.problems).toEqual([{ code: 'balance_mismatch', count: 1, sample: [account.id] }]);
        tx.rollback();
      })
      .catch((err) => {
        if (!String(err).includes('Rollback')) throw err;
      });
  });
});

describe('currency values', () => {
  it('converts minor units at a decimal rate exactly, rounding half away from zero', () => {
    expect(convertMinor(1050, 'USD', '150.5')).toBe(1580); // 10.50 x 150.5 = 1580.25
    expect(convertMinor(1, 'USD', '150')).toBe(2); // 0.01 x 150 = 1.5
    expect(convertMinor(-1, 'USD', '150')).toBe(-2);
    expect(convertMinor(1000, 'KWD', '480.123456')).toBe(480);
  });
});
