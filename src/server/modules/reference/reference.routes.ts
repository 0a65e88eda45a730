import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ClassificationSchema } from '../programs/programs.schema.js';
import { listClassifications } from './reference.service.js';
import { CLASSIFICATION_SCHEMES } from './reference.table.js';

/** The shared reference data programs, expenses and reports are tagged with. */
export async function referenceRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/classifications',
    {
      schema: {
        tags: ['reference'],
        summary:
          'Classification terms (company fields, vision layers, Keidanren fields, B4SI cause areas, motivations, regions) with ja/en labels; retired terms included',
        querystring: z.object({ scheme: z.enum(CLASSIFICATION_SCHEMES).optional() }),
        response: { 200: z.object({ items: z.array(ClassificationSchema) }) },
      },
      config: { permission: 'org.read' },
    },
    async (req) => ({ items: await listClassifications(req.ctx, req.query.scheme) }),
  );
}
