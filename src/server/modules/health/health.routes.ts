import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../db/client.js';

const Health = z.object({ status: z.enum(['ok', 'unavailable']), database: z.string() });

export async function healthRoutes(app: FastifyInstance, { database }: { database: Database }) {
  app.get(
    '/healthz',
    {
      schema: { hide: true, response: { 200: Health, 503: Health } },
      config: { public: true },
    },
    async (_req, reply) => {
      try {
        await database.db.execute(sql`select 1`);
        return { status: 'ok' as const, database: database.kind };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const, database: database.kind });
      }
    },
  );
}
