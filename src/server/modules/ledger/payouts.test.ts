import { and, eq } from 'drizzle-orm';
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
import { campaigns } from '../giving/giving.table.js';
import { partners } from '../partners/partners.table.js';
import { balanceOf } from './ledger.accounts.js';
import { account } from './ledger.keys.js';
import { post, reverse } from './ledger.post.js';
import { fxRates, ledgerPostings, payoutLines } from './ledger.table.js';
import { ledgerToday } from './ledger.values.js';
import { decimalAmount } from './payouts.service.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrg;
let ctx: Ctx;
let finance: Session;
let csr: Session;
let auditor: Session;
let redCross: string;
let smallNpo: string;
let usNgo: string;
let noto: string;
let smallGift: string;

const BANK = {
  bankName: 'みずほ銀行',
  bankBranch: '東京営業部',
  bankAccountType: 'ordinary',
  bankAccountNumber: '1234567',
  bankAccountHolder: 'ﾆﾎﾝｾｷｼﾞﾕｳｼﾞ',
};

/** The company gives `amount` (minor units) to a partner, optionally for a campaign. */
async function give(
  key: string,
  partnerId: string,
  campaignId: string | null,
  amount: number,
  currency = 'JPY',
) {
  const company = currency === 'JPY' ? org.companies.jp : org.companies.us;
  const valueJpy = currency === 'JPY' ? amount : Math.round((amount / 100) * 150);
  return post(ctx, {
    kind: 'company_donation',
    idempotencyKey: key,
    request: { key },
    links: { partnerId, campaignId },
    lines: [
      { account: account.companyGiving(company, currency), amount: -amount, valueJpy: -valueJpy },
      { account: account.payable(partnerId, campaignId, currency), amount, valueJpy },
    ],
  });
}

const api = (method: 'GET' | 'POST', url: string, as: Session, payload?: object) =>
  app.inject({ method, url, headers: as.headers, payload });

beforeAll(async () => {
  database = await openTestDatabase();
  org = await createTestOrg(database, 'PAYOUT');
  app = await buildTestApp(database);
  ctx = await ctxAs(database, org, 'finance');
  [finance, csr, auditor] = await Promise.all(
    (['finance', 'csr_manager', 'auditor'] as const).map((r) => signIn(app, org.users[r].email)),
  );
  const rows = await database.db
    .insert(partners)
    .values([
      {
        orgId: org.orgId,
        code: 'JRC',
        nameJa: '日本赤十字社',
        nameEn: 'Japanese Red Cross',
        kind: 'npo',
        eligibleUntil: '2099-12-31',
        ...BANK,
      },
      { orgId: org.orgId, code: 'SMALL', nameJa: '小さなNPO', kind: 'npo', eligibleUntil: '2099-12-31' },
      {
        orgId: org.orgId,
        code: 'USNGO',
        nameEn: 'Relief, "Inc."',
        kind: 'ngo',
        eligibleUntil: '2099-12-31',
        ...BANK,
      },
    ])
    .returning();
  [redCross, smallNpo, usNgo] = rows.map((r) => r.id);
  const [campaign] = await database.db
    .insert(campaigns)
    .values({
      orgId: org.orgId,
      companyId: org.companies.jp,
      code: 'NOTO',
      kind: 'disaster',
      fundType: 'relief_work',
      titleJa: '能登半島地震',
      titleEn: 'Noto earthquake',
      startsOn: '2024-01-01',
      endsOn: '2030-12-31',
    })
    .returning();
  noto = campaign.id;
  await give('g1', redCross, noto, 150_000);
  await give('g2', redCross, null, 50_000);
  smallGift = (await give('g3', smallNpo, noto, 20_000)).posting.id;
  await give('g4', usNgo, null, 1_050, 'USD');
});

describe('payouts', () => {
  let jpy: { id: string; reference: string };

  it('drafts a payout of everything owed in a currency, flagging organisations without bank details', async () => {
    const res = await api('POST', '/api/payouts', finance, { currency: 'JPY' });
    expect(res.statusCode, res.body).toBe(201);
    const payout = res.json();
    jpy = payout;
    expect(payout).toMatchObject({ status: 'draft', currency: 'JPY', totalMinor: 220_000, partnerCount: 2 });
    expect(payout.reference).toMatch(/^PO-\d{8}-001$/);
    expect(payout.lines).toHaveLength(3);
    expect(payout.missingBank).toBe(1);
    expect(
      payout.lines.find((l: { partner: { code: string } }) => l.partner.code === 'SMALL').partner.bankReady,
    ).toBe(false);
    const payables = (await api('GET', '/api/payables?currency=JPY', auditor)).json();
    expect(
      payables.items.every(
        (p: { openPayout: { reference: string } }) => p.openPayout?.reference === payout.reference,
      ),
    ).toBe(true);
    expect(payables.totals).toEqual([
      { currency: 'JPY', amountMinor: 220_000, unbatchedMinor: 0, partners: 2 },
    ]);
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'payout'), eq(auditLog.entityId, payout.id)));
    expect(entry.action).toBe('create');
  });

  it('refuses a draft when nothing is left to pay, and lets only finance managers draft', async () => {
    const again = await api('POST', '/api/payouts', finance, { currency: 'JPY' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('nothing_to_pay');
    expect((await api('POST', '/api/payouts', finance, { currency: 'EUR' })).json().code).toBe(
      'nothing_to_pay',
    );
    expect((await api('POST', '/api/payouts', csr, { currency: 'USD' })).statusCode).toBe(403);
    expect((await api('POST', '/api/payouts', finance, { currency: 'usd' })).statusCode).toBe(400);
    expect((await api('POST', '/api/payouts', finance, { currency: 'USD', extra: 1 })).statusCode).toBe(400);
  });

  it('writes the bank file: one transfer per organisation, UTF-8 with a BOM, fields quoted when needed', async () => {
    const res = await api('GET', `/api/payouts/${jpy.id}.csv`, auditor);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain(`${jpy.reference}.csv`);
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    const lines = res.body.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'reference,partner_code,name_ja,name_en,bank_name,bank_branch,account_type,account_number,account_holder,amount,currency',
    );
    expect(lines.slice(1)).toEqual([
      `${jpy.reference},JRC,日本赤十字社,Japanese Red Cross,みずほ銀行,東京営業部,ordinary,1234567,ﾆﾎﾝｾｷｼﾞﾕｳｼﾞ,200000,JPY`,
      `${jpy.reference},SMALL,小さなNPO,,,,,,,20000,JPY`,
    ]);
    expect(decimalAmount(1050, 'USD')).toBe('10.50');
    expect(decimalAmount(5, 'USD')).toBe('0.05');
    expect((await api('GET', `/api/payouts/${crypto.randomUUID()}.csv`, finance)).statusCode).toBe(404);
  });

  it('refuses to pay a line that a refund has since reduced, and the draft stays a draft', async () => {
    await reverse(ctx, smallGift, { idempotencyKey: 'refund-g3' });
    const res = await api('POST', `/api/payouts/${jpy.id}/paid`, finance, { paidOn: ledgerToday() });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('insufficient_balance');
    expect((await api('GET', `/api/payouts/${jpy.id}`, finance)).json().status).toBe('draft');
    expect(
      await database.db.select().from(ledgerPostings).where(eq(ledgerPostings.payoutId, jpy.id)),
    ).toEqual([]);
    await give('g3-again', smallNpo, noto, 20_000);
  });

  it('marked paid: posts the payout on the day paid, closes the lines, and the payables are back to zero', async () => {
    const extra = await give('g5', smallNpo, noto, 5_000);
    const res = await api('POST', `/api/payouts/${jpy.id}/paid`, finance, { paidOn: ledgerToday() });
    expect(res.statusCode, res.body).toBe(200);
    // The 5,000 given after the draft was not in it: it stays owed for the next payout.
    expect(await balanceOf(ctx, account.payable(smallNpo, noto, 'JPY'))).toBe(5_000);
    await reverse(ctx, extra.posting.id, { idempotencyKey: 'refund-g5' });
    const payout = (await api('GET', `/api/payouts/${jpy.id}`, auditor)).json();
    expect(payout).toMatchObject({ status: 'paid', paidOn: ledgerToday(), paidBy: 'finance' });
    expect(payout.lines.every((l: { open: boolean }) => !l.open)).toBe(true);
    for (const key of [
      account.payable(redCross, noto, 'JPY'),
      account.payable(redCross, null, 'JPY'),
      account.payable(smallNpo, noto, 'JPY'),
    ])
      expect(await balanceOf(ctx, key)).toBe(0);
    expect(await balanceOf(ctx, account.paidOut(redCross, 'JPY'))).toBe(200_000);
    expect(await balanceOf(ctx, account.paidOut(smallNpo, 'JPY'))).toBe(20_000);
    const postings = await database.db
      .select()
      .from(ledgerPostings)
      .where(eq(ledgerPostings.payoutId, jpy.id));
    expect(postings).toHaveLength(1);
    expect(postings[0]).toMatchObject({
      kind: 'payout',
      idempotencyKey: `payout:${jpy.id}`,
      effectiveOn: ledgerToday(),
      id: payout.postingId,
    });
    expect((await api('GET', '/api/payables?currency=JPY', finance)).json().items).toEqual([]);
  });

  it('refuses to pay or cancel a payout twice (invalid_transition)', async () => {
    const twice = await api('POST', `/api/payouts/${jpy.id}/paid`, finance, { paidOn: ledgerToday() });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('invalid_transition');
    expect((await api('POST', `/api/payouts/${jpy.id}/cancel`, finance)).json().code).toBe(
      'invalid_transition',
    );
    expect(
      await database.db.select().from(ledgerPostings).where(eq(ledgerPostings.payoutId, jpy.id)),
    ).toHaveLength(1);
  });

  it('cancels a draft without posting, and what it held goes into the next payout', async () => {
    const draft = (await api('POST', '/api/payouts', finance, { currency: 'USD' })).json();
    expect(draft.totalMinor).toBe(1_050);
    const cancelled = await api('POST', `/api/payouts/${draft.id}/cancel`, finance);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', postingId: null });
    expect(
      await database.db
        .select()
        .from(payoutLines)
        .where(and(eq(payoutLines.payoutId, draft.id), eq(payoutLines.open, true))),
    ).toEqual([]);
    expect(
      await database.db.select().from(ledgerPostings).where(eq(ledgerPostings.payoutId, draft.id)),
    ).toEqual([]);
    expect(
      (await api('POST', `/api/payouts/${draft.id}/paid`, finance, { paidOn: ledgerToday() })).json().code,
    ).toBe('invalid_transition');
    const next = await api('POST', '/api/payouts', finance, { currency: 'USD', partnerIds: [usNgo] });
    expect(next.statusCode).toBe(201);
    expect(next.json().reference).not.toBe(draft.reference);
  });

  it('values a payout in another currency at its year’s rate, and refuses a day in the future', async () => {
    const draft = (await api('GET', '/api/payouts?status=draft&currency=USD', finance)).json().items[0];
    const future = await api('POST', `/api/payouts/${draft.id}/paid`, finance, { paidOn: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields[0]).toMatchObject({ path: 'paidOn', code: 'future_date' });
    const paidOn = ledgerToday();
    const missing = await api('POST', `/api/payouts/${draft.id}/paid`, finance, { paidOn });
    expect(missing.json().code).toBe('fx_rate_missing');
    const fy = Number(paidOn.slice(0, 4)) - (Number(paidOn.slice(5, 7)) < 4 ? 1 : 0);
    await database.db
      .insert(fxRates)
      .values({ orgId: org.orgId, fiscalYear: fy, currency: 'USD', jpyPerUnit: '150.5' });
    const paid = (await api('POST', `/api/payouts/${draft.id}/paid`, finance, { paidOn })).json();
    expect(paid.status).toBe('paid');
    const detail = (await api('GET', `/api/ledger/postings/${paid.postingId}`, finance)).json();
    expect(
      detail.entries
        .map((e: { accountKind: string; amount: number; valueJpy: number }) => [
          e.accountKind,
          e.amount,
          e.valueJpy,
        ])
        .sort(),
    ).toEqual([
      ['paid_out', 1_050, 1_580],
      ['payable', -1_050, -1_580],
    ]);
  });

  it('only drafts for the organisations asked for, and lists payouts newest first', async () => {
    await give('g6', redCross, null, 1_000);
    await give('g7', smallNpo, null, 2_000);
    const only = (
      await api('POST', '/api/payouts', finance, { currency: 'JPY', partnerIds: [smallNpo] })
    ).json();
    expect(only.lines.map((l: { partner: { code: string } }) => l.partner.code)).toEqual(['SMALL']);
    const list = (await api('GET', '/api/payouts', auditor)).json();
    expect(list.total).toBe(4);
    expect(list.items[0].id).toBe(only.id);
    expect(list.items.map((p: { status: string }) => p.status).sort()).toEqual([
      'cancelled',
      'draft',
      'paid',
      'paid',
    ]);
  });
});
