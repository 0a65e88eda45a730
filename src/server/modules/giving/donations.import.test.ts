import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { openTestDatabase } from '../../test/db.js';
import { auditLog } from '../audit/audit.table.js';
import { donationsCsv } from './donations.export.js';
import { type ImportOptions, importDonationPayments } from './donations.import.js';
import { donate } from './donations.service.js';
import { type GivingFixture, givingFixture } from './donations.test-support.js';
import { donations } from './giving.table.js';

let database: Database;
let f: GivingFixture;
let campaignId: string;
let partnerId: string;
let key = 0;

const pledge = async (amountMinor: number) =>
  (await donate(f.employee, { campaignId, amountMinor, currency: 'JPY', idempotencyKey: `import-${++key}` }))
    .donation.id;

const run = (ctx: Ctx, data: string | Buffer, options: Partial<ImportOptions> = {}) =>
  importDonationPayments(ctx, Readable.from([Buffer.from(data)]), { fileName: 'payments.csv', ...options });

const statusOf = async (id: string) =>
  (await database.db.select({ status: donations.status }).from(donations).where(eq(donations.id, id)))[0]
    .status;

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

beforeAll(async () => {
  database = await openTestDatabase();
  f = await givingFixture(database, 'PAYIMP');
  partnerId = await f.partner('JPF');
  campaignId = await f.campaign('PAYROLL', [partnerId], { matchRatioPercent: 100 });
});

describe('importing donation payments', () => {
  it('applies each event once: a second import of the same file changes nothing', async () => {
    const [a, b, c] = [await pledge(1000), await pledge(2000), await pledge(3000)];
    const csv = [
      'event_id,donation_id,status,external_ref',
      `pay-001,${a},paid,PR-2024-001`,
      `pay-002,${b},paid,`,
      `pay-003,${c},failed,`,
    ].join('\n');
    const first = await run(f.finance, csv);
    expect(first).toMatchObject({ rows: 3, created: 3, unchanged: 0, committed: true });
    expect([await statusOf(a), await statusOf(b), await statusOf(c)]).toEqual(['paid', 'paid', 'failed']);
    expect(await f.payableOf(partnerId, campaignId)).toBe(2 * 3000);
    const second = await run(f.finance, csv);
    expect(second).toMatchObject({ rows: 3, created: 0, unchanged: 3 });
    expect(await f.payableOf(partnerId, campaignId)).toBe(2 * 3000);
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, f.org.orgId), eq(auditLog.action, 'donations.import_payments')));
    expect(audits).toHaveLength(2);
  });

  it('reads Japanese headers and status words in Shift_JIS', async () => {
    const a = await pledge(500);
    const csv = ['イベントID,寄付ID,状態,決済番号', `sj-1,${a},入金済,給与-7`].join('\r\n');
    const report = await run(f.finance, iconv.encode(csv, 'Shift_JIS'));
    expect(report).toMatchObject({ encoding: 'shift_jis', created: 1 });
    expect(await statusOf(a)).toBe('paid');
  });

  it('names the row and column of each bad value and imports nothing', async () => {
    const a = await pledge(700);
    const csv = [
      'event_id,donation_id,status',
      `bad-1,${a},paid`,
      `bad-2,${crypto.randomUUID()},paid`,
      `bad-3,not-an-id,paid`,
      `bad-4,${a},done`,
      `,${a},paid`,
      `bad-1,${a},paid`,
    ].join('\n');
    const err = await rejection(run(f.finance, csv));
    expect(err.code).toBe('import_invalid');
    expect(err.fields.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, 'donation_id', 'unknown_donation'],
      [4, 'donation_id', 'unknown_donation'],
      [5, 'status', 'invalid_donation_status'],
      [6, 'event_id', 'required'],
      [7, 'event_id', 'duplicate_in_file'],
    ]);
    expect(await statusOf(a)).toBe('pledged');
    const header = await rejection(run(f.finance, 'event,donation_id,status\n'));
    expect(header.fields.map((i) => i.code)).toEqual(['unknown_column', 'missing_column']);
  });

  it('refuses a refund after payout by row, keeping the rest of the file unapplied', async () => {
    const a = await pledge(4000);
    const b = await pledge(600);
    await run(f.finance, `event_id,donation_id,status\npay-a,${a},paid\n`);
    await f.payOut(partnerId, campaignId, await f.payableOf(partnerId, campaignId));
    const csv = ['event_id,donation_id,status', `pay-b,${b},paid`, `refund-a,${a},refunded`].join('\n');
    const err = await rejection(run(f.finance, csv));
    expect(err.fields).toMatchObject([{ row: 3, column: 'status', code: 'refund_after_payout' }]);
    expect([await statusOf(a), await statusOf(b)]).toEqual(['paid', 'pledged']);
    const change = await rejection(run(f.finance, `event_id,donation_id,status\nfail-a,${a},failed\n`));
    expect(change.fields).toMatchObject([{ row: 2, code: 'donation_status_change', from: 'paid' }]);
  });

  it('reads back the worklist it exports, once payroll has filled in the statuses', async () => {
    const ids = [await pledge(1500), await pledge(2500)];
    for (const lang of ['ja', 'en'] as const) {
      const { body } = await donationsCsv(f.finance, { status: 'pledged', method: 'payroll', lang });
      expect(body.startsWith('\uFEFF')).toBe(true);
      const header = body.slice(1).split('\r\n')[0];
      expect(header).toBe(
        lang === 'ja'
          ? 'イベントID,寄付ID,状態,決済番号,社員番号,氏名,寄付先,団体,方法,金額,通貨,円換算額,申込日'
          : 'event_id,donation_id,status,external_ref,employee_number,employee_name,recipient,organisation,method,amount,currency,value_jpy,pledged_on',
      );
      for (const id of ids) expect(body).toContain(id);
    }
    const { body } = await donationsCsv(f.finance, { status: 'pledged', method: 'payroll', lang: 'ja' });
    const filled = body.replaceAll(',pledged,', ',paid,');
    const report = await run(f.finance, filled);
    expect(report.created).toBeGreaterThanOrEqual(2);
    expect([await statusOf(ids[0]), await statusOf(ids[1])]).toEqual(['paid', 'paid']);
    expect((await run(f.finance, filled)).created).toBe(0);
  });

  it('needs ledger.manage across the organisation', async () => {
    const err = await rejection(run(f.employee, 'event_id,donation_id,status\n'));
    expect(err.code).toBe('forbidden');
  });
});
