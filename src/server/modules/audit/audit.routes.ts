import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditPageSchema, AuditQuerySchema } from './audit.schema.js';
import { listAudit } from './audit.service.js';

/** The audit log, for auditors and organisation-wide administrators. */
export async function auditRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit records, newest first: who changed what, when, before and after',
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema },
      },
      config: { permission: 'audit.read' },
    },
    async (req) => listAudit(req.ctx, req.query),
  );
}
