import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import { systemCtx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { confirmDonation } from './donations.confirm.js';
import { DonationWebhookEventSchema, DonationWebhookResultSchema } from './donations.schema.js';
import { donations } from './giving.table.js';

export const SIGNATURE_HEADER = 'x-kyosei-signature';
/** How old a signature may be: older ones are refused, so a captured request cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** The signature header for a body: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export function signatureHeader(secret: string, body: string | Buffer, t = Math.floor(Date.now() / 1000)) {
  const mac = createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');
  return `t=${t},v1=${mac}`;
}

/**
 * True when the header carries a v1 signature of `t.body` made with the secret, and t is within the
 * tolerance of now (either way). Several v1 values are allowed (a provider rotating its secret).
 */
export function verifySignature(
  secret: string,
  header: string | undefined,
  body: Buffer,
  now = Math.floor(Date.now() / 1000),
): boolean {
  if (!header) return false;
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(now - t) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = createHmac('sha256', secret).update(`${t}.`).update(body).digest();
  return parts
    .filter(([k, v]) => k === 'v1' && /^[0-9a-f]{64}$/i.test(v ?? ''))
    .some(([, v]) => timingSafeEqual(Buffer.from(v, 'hex'), expected));
}

/**
 * `POST /api/webhooks/donations`: payment confirmations from a provider, signed with
 * DONATION_WEBHOOK_SECRET (docs/webhooks.md). Public (no session), so it has its own plugin scope
 * where JSON bodies stay raw bytes for the signature. Without the secret the route does not exist.
 */
export async function donationWebhookRoutes(
  root: FastifyInstance,
  opts: { config: Config; database: Database },
) {
  const secret = opts.config.donationWebhookSecret;
  if (!secret) return;
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.post(
    '/api/webhooks/donations',
    {
      schema: {
        tags: ['donations'],
        summary: 'Payment confirmation of a money donation (signed; see docs/webhooks.md)',
        security: [],
        headers: z.object({ [SIGNATURE_HEADER]: z.string().optional() }),
        body: DonationWebhookEventSchema,
        response: { 200: DonationWebhookResultSchema },
      },
      config: { public: true },
      // The body is checked after the signature, from the raw bytes the signature covers.
      validatorCompiler: (route) =>
        route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : validatorCompiler(route as never),
    },
    async (req) => {
      const raw = req.body as unknown as Buffer;
      if (!verifySignature(secret, req.headers[SIGNATURE_HEADER] as string | undefined, raw))
        throw new AppError('webhook_signature_invalid');
      let json: unknown;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new AppError('bad_request');
      }
      const event = DonationWebhookEventSchema.parse(json);
      const [owner] = await opts.database.db
        .select({ orgId: donations.orgId })
        .from(donations)
        .where(eq(donations.id, event.donationId));
      if (!owner)
        throw new AppError('validation_failed', {
          fields: [{ path: 'donationId', code: 'unknown_donation' }],
        });
      const ctx = { ...systemCtx(opts.database.db, owner.orgId, 'webhook', req.locale), requestId: req.id };
      const { donation, applied } = await confirmDonation(ctx, {
        donationId: event.donationId,
        status: event.status,
        eventId: event.eventId,
        externalRef: event.externalRef,
        source: 'webhook',
        payload: json,
      });
      return { received: true as const, applied, donationId: donation.id, status: donation.status };
    },
  );
}
