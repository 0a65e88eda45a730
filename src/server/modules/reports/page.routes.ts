import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { type Ctx, systemCtx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { organisations } from '../organisations/organisations.table.js';
import { renderNotFoundHtml, renderReportHtml } from './page.render.js';
import { reportDocument } from './report.document.js';
import { assertReportAccess, reportRow, startYearOf } from './reports.service.js';

type Lang = 'ja' | 'en';

/**
 * Which organisation a report page is of: `?org=CODE`, else the signed-in reader's, else the
 * instance's single organisation. Null when none fits.
 */
async function organisationOf(database: Database, req: FastifyRequest, code?: string) {
  const columns = { id: organisations.id, code: organisations.code };
  if (code) {
    const [org] = await database.db.select(columns).from(organisations).where(eq(organisations.code, code));
    return org ?? null;
  }
  if (req.principal) {
    const [org] = await database.db
      .select(columns)
      .from(organisations)
      .where(eq(organisations.id, req.principal.orgId));
    return org ?? null;
  }
  const two = await database.db.select(columns).from(organisations).orderBy(asc(organisations.code)).limit(2);
  return two.length === 1 ? two[0] : null;
}

/** Does the caller read this organisation's reports (reports.read, organisation-wide)? */
function readerOf(req: FastifyRequest, orgId: string): boolean {
  if (!req.principal || req.principal.orgId !== orgId) return false;
  try {
    assertReportAccess(req.ctx, 'reports.read');
    return true;
  } catch {
    return false;
  }
}

/** The page's query string kept on links (the organisation, when named). */
const orgQuery = (code?: string) => (code ? `?org=${encodeURIComponent(code)}` : '');

/**
 * The report page: `GET /report/{lang}/{fy}` (fy = the report number), server-rendered HTML.
 * Public once published; a signed-in reader (reports.read) also sees a draft, under a banner, and
 * gets drill-down links on each figure to `/reports/{fy}/records?figure=`. Anyone else: 404.
 * Registered before the web app's fallback, which leaves `/report/` alone.
 */
export async function reportPageRoutes(root: FastifyInstance, opts: { database: Database }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/report/:lang/:fy',
    {
      schema: {
        hide: true,
        params: z.object({ lang: z.string(), fy: z.string() }),
        querystring: z.object({ org: z.string().max(40).optional() }),
      },
      config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { lang: langParam, fy: fyParam } = req.params;
      const lang: Lang | null = langParam === 'ja' || langParam === 'en' ? langParam : null;
      const fy = /^\d{4}$/.test(fyParam) ? Number(fyParam) : null;
      const notFound = () =>
        reply
          .code(404)
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(renderNotFoundHtml(lang ?? req.locale));
      if (!lang || fy === null) return notFound();
      const org = await organisationOf(opts.database, req, req.query.org);
      if (!org) return notFound();
      const reader = readerOf(req, org.id);
      const ctx: Ctx = { ...systemCtx(opts.database.db, org.id, 'report page', lang), requestId: req.id };
      const startYear = await startYearOf(ctx, fy);
      const row = await reportRow(ctx, startYear);
      if (row.status !== 'published' && !reader) return notFound();
      let doc: Awaited<ReturnType<typeof reportDocument>>;
      try {
        doc = await reportDocument(ctx, startYear, lang);
      } catch (err) {
        if (err instanceof AppError && err.status === 404) return notFound();
        throw err;
      }
      const other = lang === 'ja' ? 'en' : 'ja';
      const html = await renderReportHtml(doc, {
        viewer: reader ? 'reader' : 'public',
        drillBase: `/reports/${fy}/records`,
        otherLanguageHref: `/report/${other}/${fy}${orgQuery(req.query.org)}`,
      });
      return reply
        .type('text/html; charset=utf-8')
        .header('content-language', lang)
        .header('cache-control', reader || doc.status !== 'published' ? 'private, no-store' : 'no-cache')
        .send(html);
    },
  );
}
