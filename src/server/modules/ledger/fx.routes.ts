import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pageOf } from '../../lib/pagination.js';
import { listFxRates, putFxRate } from './fx.service.js';
import { FxListQuerySchema, FxParamsSchema, FxPutSchema, FxRateSchema } from './ledger.schema.js';

/** Exchange rates per fiscal year: the yen value of amounts in other currencies. */
export async function fxRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['exchange rates'];

  app.get(
    '/api/fx-rates',
    {
      schema: {
        tags,
        summary: 'Exchange rates, newest fiscal year first',
        querystring: FxListQuerySchema,
        response: { 200: pageOf(FxRateSchema) },
      },
      config: { permission: 'ledger.read' },
    },
    async (req) => listFxRates(req.ctx, req.query),
  );
  app.put(
    '/api/fx-rates/:fiscalYear/:currency',
    {
      schema: {
        tags,
        summary: 'Set a currency’s rate for a fiscal year (yen per unit, e.g. "151.25")',
        params: FxParamsSchema,
        body: FxPutSchema,
        response: { 200: FxRateSchema },
      },
      config: { permission: 'ledger.manage' },
    },
    async (req) => putFxRate(req.ctx, req.params.fiscalYear, req.params.currency, req.body),
  );
}
