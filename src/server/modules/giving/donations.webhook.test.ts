import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase } from '../../test/db.js';
import { buildTestApp } from '../../test/factories.js';
import { ledgerPostings } from '../ledger/ledger.table.js';
import { donate } from './donations.service.js';
import { type GivingFixture, givingFixture } from './donations.test-support.js';
import { SIGNATURE_HEADER, signatureHeader, verifySignature } from './donations.webhook.js';
import { donationEvents, donations } from './giving.table.js';

const SECRET = 'whsec_test_0123456789abcdef';
let database: Database;
let app: FastifyInstance;
let f: GivingFixture;
let campaignId: string;
let key = 0;

const pledge = async (amountMinor = 5000) =>
  (
    await donate(f.employee, {
      campaignId,
      amountMinor,
      currency: 'JPY',
      method: 'provider',
      idempotencyKey: `webhook-${++key}`,
    })
  ).donation.id;

const send = (body: string, signature?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/webhooks/donations',
    headers: { 'content-type': 'application/json', ...(signature ? { [SIGNATURE_HEADER]: signature } : {}) },
    payload: body,
  });

const statusOf = async (id: string) =>
  (await database.db.select({ status: donations.status }).from(donations).where(eq(donations.id, id)))[0]
    .status;

const postingsOf = (id: string) =>
  database.db.select().from(ledgerPostings).where(eq(ledgerPostings.donationId, id));

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { DONATION_WEBHOOK_SECRET: SECRET });
  f = await givingFixture(database, 'HOOK');
  campaignId = await f.campaign('MAUI', [await f.partner('RC')], { matchRatioPercent: 50 });
});
afterAll(() => app.close());

describe('signatures', () => {
  const body = Buffer.from('{"a":1}');
  it('accepts its own signature within five minutes and nothing else', () => {
    const now = 1_750_000_000;
    const header = signatureHeader(SECRET, body, now);
    expect(verifySignature(SECRET, header, body, now + 299)).toBe(true);
    expect(verifySignature(SECRET, header, body, now + 301)).toBe(false);
    expect(verifySignature('another-secret-of-some-length', header, body, now)).toBe(false);
    expect(verifySignature(SECRET, header, Buffer.from('{"a":2}'), now)).toBe(false);
    expect(verifySignature(SECRET, `t=${now},v1=nothex`, body, now)).toBe(false);
    expect(verifySignature(SECRET, undefined, body, now)).toBe(false);
    const rotated = `${header},v1=${'0'.repeat(64)}`;
    expect(verifySignature(SECRET, rotated, body, now)).toBe(true);
  });
});

describe('POST /api/webhooks/donations', () => {
  it('marks a pledge paid once, posting the money and the match, and answers a replayed event', async () => {
    const id = await pledge();
    const body = JSON.stringify({
      eventId: 'evt_100',
      donationId: id,
      status: 'paid',
      externalRef: 'pi_100',
    });
    const signature = signatureHeader(SECRET, body);
    const res = await send(body, signature);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ received: true, applied: true, donationId: id, status: 'paid' });
    expect((await postingsOf(id)).map((p) => p.kind).sort()).toEqual(['match', 'money_donation']);
    const replay = await send(body, signature);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ applied: false, status: 'paid' });
    expect(await postingsOf(id)).toHaveLength(2);
    const events = await database.db.select().from(donationEvents).where(eq(donationEvents.donationId, id));
    expect(events).toMatchObject([{ source: 'webhook', eventId: 'evt_100', status: 'paid' }]);
    const [row] = await database.db.select().from(donations).where(eq(donations.id, id));
    expect(row.externalRef).toBe('pi_100');
  });

  it('refuses a bad, missing or stale signature and changes nothing', async () => {
    const id = await pledge();
    const body = JSON.stringify({ eventId: 'evt_200', donationId: id, status: 'paid' });
    const forged = signatureHeader('not-the-secret-at-all', body);
    const stale = signatureHeader(SECRET, body, Math.floor(Date.now() / 1000) - 600);
    const tampered = signatureHeader(SECRET, body.replace('paid', 'failed'));
    for (const signature of [forged, stale, tampered, undefined]) {
      const res = await send(body, signature);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('webhook_signature_invalid');
    }
    expect(await statusOf(id)).toBe('pledged');
    expect(await postingsOf(id)).toHaveLength(0);
  });

  it('reports an unknown donation or a bad body as a field error, and a refused change as a conflict', async () => {
    const unknown = JSON.stringify({ eventId: 'evt_300', donationId: crypto.randomUUID(), status: 'paid' });
    const res = await send(unknown, signatureHeader(SECRET, unknown));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toMatchObject([{ path: 'donationId', code: 'unknown_donation' }]);
    const bad = JSON.stringify({ eventId: 'evt_301', donationId: 'x', status: 'done' });
    expect((await send(bad, signatureHeader(SECRET, bad))).statusCode).toBe(400);
    const id = await pledge();
    const refund = JSON.stringify({ eventId: 'evt_302', donationId: id, status: 'refunded' });
    const refused = await send(refund, signatureHeader(SECRET, refund));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('invalid_transition');
  });

  it('does not exist without a secret', async () => {
    const plain = await buildTestApp(database);
    const res = await plain.inject({ method: 'POST', url: '/api/webhooks/donations', payload: {} });
    expect(res.statusCode).toBe(404);
    await plain.close();
  });
});
