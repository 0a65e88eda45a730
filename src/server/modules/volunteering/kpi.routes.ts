import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { VolunteeringKpiQuerySchema, VolunteeringKpisSchema } from './kpi.schema.js';
import { volunteeringKpis } from './kpi.service.js';

/** The Volunteer Support Service's KPIs for a fiscal year and scope. */
export async function kpiRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/volunteering/kpis',
    {
      schema: {
        tags: ['volunteering KPIs'],
        summary:
          'New registrants, registrants since a date, registered total, participants, participations and hours for a fiscal year, with the year before, by field and by company',
        querystring: VolunteeringKpiQuerySchema,
        response: { 200: VolunteeringKpisSchema },
      },
      config: { permission: 'kpi.read' },
    },
    async (req) => volunteeringKpis(req.ctx, req.query),
  );
}
