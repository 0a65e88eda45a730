import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Database, openPglite, openPostgres } from '../server/db/client.js';
import { migrate } from '../server/db/migrate.js';
import { account } from '../server/modules/ledger/ledger.keys.js';
import { post } from '../server/modules/ledger/ledger.post.js';
import { LEDGER_PROBLEMS } from '../server/modules/ledger/ledger.verify.js';
import { partners } from '../server/modules/partners/partners.table.js';
import { createTestOrg, ctxAs, type TestOrg } from '../server/test/factories.js';
import { runKyosei } from './test/kyosei.js';

/**
 * `kyosei ledger verify` on a throwaway database: sound first, then corrupted in every way the check
 * knows. The database refuses such states (triggers, foreign keys, unique keys), so this copy has
 * them switched off or dropped before each corruption is written.
 */
let dir: string;
let env: Record<string, string>;
let open: () => Promise<Database>;
let dropDatabase: (() => Promise<void>) | undefined;
let org: TestOrg;
let grantId: string;
const FY = 2026;

const kyosei = (args: string[]) => runKyosei(args, env);

/** Runs fn on the database with every user trigger of the ledger switched off, then on again. */
async function corrupt(fn: (db: Database['db']) => Promise<void>) {
  const database = await open();
  try {
    await database.db.transaction(async (tx) => {
      for (const table of ['ledger_entries', 'ledger_postings'])
        await tx.execute(sql.raw(`alter table ${table} disable trigger user`));
      await fn(tx as unknown as Database['db']);
      for (const table of ['ledger_entries', 'ledger_postings'])
        await tx.execute(sql.raw(`alter table ${table} enable trigger user`));
    });
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kyosei-verify-'));
  const url = inject('postgresUrl');
  if (url) {
    const name = `kyosei_verify_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${name}`;
    env = { DATABASE_URL: target.toString() };
    open = async () => openPostgres(target.toString(), { max: 1 });
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    env = { KYOSEI_DATA_DIR: dir };
    open = () => openPglite(join(dir, 'pglite'));
  }
  const database = await open();
  try {
    await migrate(database);
    org = await createTestOrg(database, 'VERIFY');
    const ctx = await ctxAs(database, org, 'finance');
    const employeeId = org.users.employee.employeeId;
    const [partner] = await database.db
      .insert(partners)
      .values({ orgId: org.orgId, code: 'RC', nameJa: '赤十字', kind: 'npo', eligibleUntil: '2099-12-31' })
      .returning();
    const granted = await post(ctx, {
      kind: 'grant',
      idempotencyKey: 'grant-1',
      request: {},
      fiscalYear: FY,
      links: { employeeId },
      lines: [
        { account: account.pointsGranted(FY), amount: -100 },
        { account: account.employeePoints(employeeId, FY), amount: 100 },
      ],
    });
    grantId = granted.posting.id;
    await post(ctx, {
      kind: 'company_donation',
      idempotencyKey: 'company-1',
      request: {},
      links: { partnerId: partner.id },
      lines: [
        { account: account.companyGiving(org.companies.jp, 'JPY'), amount: -2_000 },
        { account: account.payable(partner.id, null, 'JPY'), amount: 2_000 },
      ],
    });
  } finally {
    await database.close();
  }
}, 120_000);

afterAll(async () => {
  await dropDatabase?.();
  rmSync(dir, { recursive: true, force: true });
});

describe('kyosei ledger verify', { timeout: 120_000 }, () => {
  it('says the ledger is sound and exits 0', async () => {
    const one = await kyosei(['ledger', 'verify', '--org', 'VERIFY', '--lang', 'en']);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toContain('The ledger is sound: 4 entries checked (VERIFY).');
    const all = await kyosei(['ledger', 'verify', '--json']);
    expect(all.code, all.stderr).toBe(0);
    expect(JSON.parse(all.stdout)).toEqual({ scope: null, ok: true, entries: 4, problems: [] });
    const unknown = await kyosei(['ledger', 'verify', '--org', 'NOPE', '--lang', 'en']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No organisation has the code NOPE.');
  });

  it('finds every kind of problem, names each with its count and samples, and exits 1', async () => {
    await corrupt(async (db) => {
      const ids = async (q: string) =>
        ((await db.execute(sql.raw(q))) as unknown as { rows: { id: string }[] }).rows;
      const [points] = await ids(`select id from ledger_accounts where kind = 'employee_points'`);
      const [granted] = await ids(`select id from ledger_accounts where kind = 'points_granted'`);
      const [payable] = await ids(`select id from ledger_accounts where kind = 'payable'`);
      const [giving] = await ids(`select id from ledger_accounts where kind = 'company_giving'`);
      // Foreign and unique keys would refuse orphans, unit mismatches and a reused key: this copy drops them.
      await db.execute(sql`alter table ledger_entries drop constraint ledger_entries_posting_fk,
        drop constraint ledger_entries_account_fk`);
      await db.execute(sql`alter table ledger_postings drop constraint ledger_postings_idempotency_key`);
      const posting = async (key: string, kind = 'grant', reversesId: string | null = null) => {
        const [row] = (
          (await db.execute(sql`insert into ledger_postings (org_id, kind, idempotency_key, request_hash, effective_on,
            fiscal_year, point_value_jpy, reverses_id)
            values (${org.orgId}, ${kind}, ${key}, 'x', '2026-05-01', ${FY}, 100, ${reversesId}) returning id`)) as unknown as {
            rows: { id: string }[];
          }
        ).rows;
        return row.id;
      };
      const entry = (postingId: string, accountId: string, unit: string, amount: number, value: number) =>
        db.execute(sql`insert into ledger_entries (org_id, posting_id, account_id, unit, amount, value_jpy)
          values (${org.orgId}, ${postingId}, ${accountId}, ${unit}, ${amount}, ${value})`);
      await entry(grantId, points.id, 'PTS', 5, 500); // unbalanced_posting (and unbalanced_value)
      const value = await posting('corrupt-value');
      await entry(value, granted.id, 'PTS', 1, 100);
      await entry(value, granted.id, 'PTS', -1, -50); // unbalanced_value only
      await posting('corrupt-empty'); // posting_without_entries
      await entry(crypto.randomUUID(), granted.id, 'PTS', 1, 100); // orphan_entry
      const unit = await posting('corrupt-unit');
      await entry(unit, granted.id, 'JPY', 1, 1);
      await entry(unit, granted.id, 'JPY', -1, -1); // unit_mismatch
      await db.execute(sql`update ledger_accounts set balance = balance + 7 where id = ${points.id}`); // balance_mismatch
      const overdraw = await posting('corrupt-overdraw', 'payout');
      await entry(overdraw, payable.id, 'JPY', -5_000, -5_000);
      await entry(overdraw, giving.id, 'JPY', 5_000, 5_000); // negative_balance
      await posting('grant-1'); // duplicate_idempotency_key
      const bad = await posting('corrupt-reversal', 'expiry', grantId);
      await entry(bad, points.id, 'PTS', -100, -10_000);
      await entry(bad, granted.id, 'PTS', 100, 10_000); // bad_reversal: another kind
      await db.execute(
        sql`update ledger_giving_totals set value_jpy = value_jpy + 1 where account_id = ${payable.id}`,
      ); // giving_totals_mismatch
    });
    const json = await kyosei(['ledger', 'verify', '--org', 'VERIFY', '--json', '--lang', 'en']);
    expect(json.code).toBe(1);
    const result = JSON.parse(json.stdout);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p: { code: string }) => p.code).sort()).toEqual([...LEDGER_PROBLEMS].sort());
    for (const p of result.problems) {
      expect(p.count, p.code).toBeGreaterThan(0);
      expect(p.sample.length, p.code).toBeGreaterThan(0);
    }
    expect(json.stderr).toContain('The ledger check failed: 10 kinds of problem');

    const text = await kyosei(['ledger', 'verify', '--lang', 'ja']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('台帳検査で');
    expect(text.stdout).toContain('  duplicate_idempotency_key: 重複した冪等キー: 1 件');
    expect(text.stdout).toContain('    例: grant-1');
    expect(text.stdout).toContain('  orphan_entry: 仕訳または勘定のない明細: 1 件');
    expect(text.stderr).toContain('台帳検査に失敗しました');

    const database = await open();
    try {
      const rows = (await database.db.execute(
        sql`select source, ok from ledger_checks where org_id = ${org.orgId} order by ran_at`,
      )) as unknown as { rows: { source: string; ok: boolean }[] };
      expect(rows.rows).toEqual([
        { source: 'cli', ok: true },
        { source: 'cli', ok: false },
      ]);
    } finally {
      await database.close();
    }
  });
});
