import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { httpPlumbing } from './lib/http.js';
import { withProblems } from './lib/openapi-problems.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { usersRoutes } from './modules/auth/users.routes.js';
import { donationsRoutes } from './modules/giving/donations.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { organisationsRoutes } from './modules/organisations/organisations.routes.js';
import { peopleRoutes } from './modules/people/people.routes.js';
import { pointsRoutes } from './modules/points/points.routes.js';
import { kpiRoutes } from './modules/volunteering/kpi.routes.js';
import { fxRoutes } from './modules/ledger/fx.routes.js';
import { ledgerRoutes } from './modules/ledger/ledger.routes.js';
import { payoutsRoutes } from './modules/ledger/payouts.routes.js';
import { calendarRoutes } from './modules/volunteering/calendar.routes.js';
import { opportunitiesRoutes } from './modules/volunteering/opportunities.routes.js';
import { registrationsRoutes } from './modules/volunteering/registrations.routes.js';
import { participationRoutes } from './modules/volunteering/signups.routes.js';
import { campaignsRoutes } from './modules/giving/campaigns.routes.js';
import { agreementsRoutes } from './modules/partners/agreements.routes.js';
import { contactsRoutes } from './modules/partners/contacts.routes.js';
import { partnersRoutes } from './modules/partners/partners.routes.js';
import { guidelinesRoutes } from './modules/partners/guidelines.routes.js';
import { screeningRoutes } from './modules/partners/screening.routes.js';
import { filesRoutes } from './modules/files/files.routes.js';
import { claimsRoutes } from './modules/points/claims.routes.js';
import { certificationsRoutes } from './modules/programs/certifications.routes.js';
import { classRequestsRoutes } from './modules/programs/class-requests.routes.js';
import { sessionsRoutes } from './modules/programs/sessions.routes.js';
import { surveysRoutes } from './modules/programs/surveys.routes.js';
import { evaluationRoutes } from './modules/evaluation/evaluation.routes.js';
import { expensesRoutes } from './modules/accounting/expenses.routes.js';
import { accountingRoutes } from './modules/accounting/accounting.routes.js';
import { goalsRoutes } from './modules/goals/goals.routes.js';
import { reportsRoutes } from './modules/reports/reports.routes.js';
import { reportExportRoutes } from './modules/reports/export.routes.js';
import { reportPageRoutes } from './modules/reports/page.routes.js';
import { drivesRoutes } from './modules/drives/drives.routes.js';
import { cohortsRoutes } from './modules/programs/cohorts.routes.js';
import { projectsRoutes } from './modules/programs/projects.routes.js';
import { testimonialsRoutes } from './modules/programs/testimonials.routes.js';
import { programsRoutes } from './modules/programs/programs.routes.js';
import { referenceRoutes } from './modules/reference/reference.routes.js';

export type App = FastifyInstance;

export const OPENAPI_INFO = {
  title: 'Kyosei API',
  version: '1.0.0',
  description:
    'The corporate citizenship platform. Sign in with POST /api/auth/login (session cookie) or send a personal API token as `Authorization: Bearer <token>`. Errors are RFC 9457 problem+json with a stable `code`.',
};

/** Builds the Fastify instance (routes, plugins, web app) without listening. */
export async function buildApp({ config, database }: { config: Config; database: Database }): Promise<App> {
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'upgrade-insecure-requests': null,
      },
    },
    hsts: config.trustProxy,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: OPENAPI_INFO,
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kyosei_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => withProblems(jsonSchemaTransformObject(input)),
  });
  // The API reference page and its assets are public, like the document they show.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, public: true };
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { deepLinking: true },
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  );

  await app.register(httpPlumbing, { config, database });
  await app.register(healthRoutes, { database });
  await app.register(authRoutes, { config, database });
  await app.register(usersRoutes);
  await app.register(organisationsRoutes);
  await app.register(peopleRoutes);
  await app.register(auditRoutes);
  await app.register(notificationsRoutes, { config });
  await app.register(registrationsRoutes);
  await app.register(opportunitiesRoutes, { config });
  await app.register(calendarRoutes, { config, database });
  await app.register(participationRoutes, { config });
  await app.register(kpiRoutes);
  await app.register(donationsRoutes, { config, database });
  await app.register(pointsRoutes);
  await app.register(partnersRoutes);
  await app.register(contactsRoutes);
  await app.register(agreementsRoutes);
  await app.register(guidelinesRoutes);
  await app.register(screeningRoutes);
  await app.register(campaignsRoutes);
  await app.register(drivesRoutes);
  await app.register(ledgerRoutes);
  await app.register(payoutsRoutes);
  await app.register(fxRoutes);
  await app.register(filesRoutes);
  await app.register(claimsRoutes, { config });
  await app.register(referenceRoutes);
  await app.register(programsRoutes);
  await app.register(certificationsRoutes);
  await app.register(cohortsRoutes);
  await app.register(projectsRoutes);
  await app.register(testimonialsRoutes);
  await app.register(classRequestsRoutes, { database });
  await app.register(sessionsRoutes);
  await app.register(surveysRoutes);
  await app.register(evaluationRoutes);
  await app.register(expensesRoutes);
  await app.register(accountingRoutes);
  await app.register(goalsRoutes);
  await app.register(reportsRoutes, { database });
  await app.register(reportExportRoutes, { database });
  await app.register(reportPageRoutes, { database });

  if (existsSync(join(config.webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: false, index: false });
    app.addHook('onRequest', async (req, reply) => {
      const path = req.url.split('?')[0];
      if (
        req.method !== 'GET' ||
        path.startsWith('/api/') ||
        path.startsWith('/report/') ||
        path === '/healthz' ||
        path.includes('.')
      )
        return;
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }
  return app;
}
