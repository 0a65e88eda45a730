import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client.js';
import { systemCtx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { organisations } from '../organisations/organisations.table.js';
import { EXPORT_FORMATS, exportReport, type ReportExport } from './export.formats.js';
import { LangQuerySchema, PublicReportParamsSchema, ReportParamsSchema } from './reports.api.schema.js';
import { assertReportAccess, reportRow, startYearOf } from './reports.service.js';

const SUMMARY: Record<(typeof EXPORT_FORMATS)[number], string> = {
  json: 'The report as JSON (the report document)',
  csv: 'Every figure, one per line (section, ref, label, value, unit), UTF-8 with a BOM',
  xlsx: 'Every figure, one sheet per section',
  pdf: 'The report page printed to PDF (A4)',
  zip: 'The static HTML bundle of both languages (ja/index.html, en/index.html, style.css)',
};

function send(reply: FastifyReply, out: ReportExport) {
  return reply
    .header('content-type', out.contentType)
    .header('content-disposition', `attachment; filename="${out.filename}"`)
    .header('cache-control', 'private, no-store')
    .send(out.body);
}

/**
 * Exports of a report: `GET /api/reports/{fy}/export.{json|csv|xlsx|pdf|zip}?lang=` for readers
 * (reports.read, drafts too), and the same under `/api/public/reports/{orgCode}/{fy}/` for a
 * published report without signing in.
 */
export async function reportExportRoutes(root: FastifyInstance, opts: { database: Database }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  for (const format of EXPORT_FORMATS) {
    app.get(
      `/api/reports/:fy/export.${format}`,
      {
        schema: { tags, summary: SUMMARY[format], params: ReportParamsSchema, querystring: LangQuerySchema },
        config: { permission: 'reports.read' },
      },
      async (req, reply) => {
        assertReportAccess(req.ctx, 'reports.read');
        const startYear = await startYearOf(req.ctx, req.params.fy);
        return send(reply, await exportReport(req.ctx, startYear, req.query.lang ?? req.ctx.locale, format));
      },
    );
    app.get(
      `/api/public/reports/:orgCode/:fy/export.${format}`,
      {
        schema: {
          tags,
          summary: `${SUMMARY[format]}: a published report, no sign-in`,
          params: PublicReportParamsSchema,
          querystring: LangQuerySchema,
          security: [],
        },
        config: {
          public: true,
          rateLimit: { max: format === 'pdf' || format === 'zip' ? 10 : 60, timeWindow: '1 minute' },
        },
      },
      async (req, reply) => {
        const missing = new AppError('not_found', { params: { entity: 'report' } });
        const [org] = await opts.database.db
          .select({ id: organisations.id })
          .from(organisations)
          .where(eq(organisations.code, req.params.orgCode));
        if (!org) throw missing;
        const lang = req.query.lang ?? req.locale;
        const ctx = { ...systemCtx(opts.database.db, org.id, 'public report', lang), requestId: req.id };
        const startYear = await startYearOf(ctx, req.params.fy);
        if ((await reportRow(ctx, startYear)).status !== 'published') throw missing;
        return send(reply, await exportReport(ctx, startYear, lang, format));
      },
    );
  }
}
