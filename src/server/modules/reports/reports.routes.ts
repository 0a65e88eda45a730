import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client.js';
import { systemCtx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { organisations } from '../organisations/organisations.table.js';
import {
  copyBlocks,
  createBlock,
  deleteBlock,
  listBlocks,
  moveBlock,
  updateBlock,
} from './blocks.service.js';
import { figureRecords, figureRecordsCsv } from './drilldown.js';
import { publishReport, unpublishReport, missingTranslations } from './publish.service.js';
import { reportDocument } from './report.document.js';
import { ReportBlockSchema, ReportDocumentSchema } from './report.schema.js';
import {
  BlockCreateSchema,
  BlockListSchema,
  BlockMoveSchema,
  BlockParamsSchema,
  BlockUpdateSchema,
  CopyBlocksResultSchema,
  CopyBlocksSchema,
  LangQuerySchema,
  MissingListSchema,
  PublicReportParamsSchema,
  RecordsQuerySchema,
  RecordsSchema,
  ReportParamsSchema,
  ReportStateSchema,
  ReportUpdateSchema,
  ReportYearSchema,
} from './reports.api.schema.js';
import { z } from 'zod';
import {
  assertReportAccess,
  listReportYears,
  reportRow,
  startYearOf,
  updateReport,
} from './reports.service.js';

/**
 * The reports API (docs/reports.md). `{fy}` is the report number; services take the start year.
 */
export async function reportsRoutes(root: FastifyInstance, opts: { database: Database }) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  const read = { permission: 'reports.read' as const };
  const manage = { permission: 'reports.manage' as const };

  app.get(
    '/api/reports',
    {
      schema: {
        tags,
        summary: 'Fiscal years and the state of their reports',
        response: { 200: z.object({ items: z.array(ReportYearSchema) }) },
      },
      config: read,
    },
    async (req) => listReportYears(req.ctx, async (ctx, y) => (await missingTranslations(ctx, y)).length),
  );
  app.get(
    '/api/reports/:fy',
    {
      schema: {
        tags,
        summary: 'The report of a fiscal year in one language (draft or published)',
        params: ReportParamsSchema,
        querystring: LangQuerySchema,
        response: { 200: ReportDocumentSchema },
      },
      config: read,
    },
    async (req) => {
      assertReportAccess(req.ctx, 'reports.read');
      return reportDocument(
        req.ctx,
        await startYearOf(req.ctx, req.params.fy),
        req.query.lang ?? req.ctx.locale,
      );
    },
  );
  app.patch(
    '/api/reports/:fy',
    {
      schema: {
        tags,
        summary: 'How Japanese amounts read',
        params: ReportParamsSchema,
        body: ReportUpdateSchema,
        response: { 200: ReportStateSchema },
      },
      config: manage,
    },
    async (req) => {
      const startYear = await startYearOf(req.ctx, req.params.fy);
      const row = await updateReport(req.ctx, startYear, req.body);
      return stateOf(row, req.params.fy);
    },
  );
  app.get(
    '/api/reports/:fy/blocks',
    {
      schema: {
        tags,
        summary: 'The texts of a report',
        params: ReportParamsSchema,
        response: { 200: BlockListSchema },
      },
      config: read,
    },
    async (req) => ({ items: await listBlocks(req.ctx, await startYearOf(req.ctx, req.params.fy)) }),
  );
  app.post(
    '/api/reports/:fy/blocks',
    {
      schema: {
        tags,
        summary: 'Add a text block',
        params: ReportParamsSchema,
        body: BlockCreateSchema,
        response: { 201: ReportBlockSchema },
      },
      config: manage,
    },
    async (req, reply) =>
      reply.code(201).send(await createBlock(req.ctx, await startYearOf(req.ctx, req.params.fy), req.body)),
  );
  app.patch(
    '/api/reports/:fy/blocks/:id',
    {
      schema: {
        tags,
        summary: 'Change a text block',
        params: BlockParamsSchema,
        body: BlockUpdateSchema,
        response: { 200: ReportBlockSchema },
      },
      config: manage,
    },
    async (req) => updateBlock(req.ctx, await startYearOf(req.ctx, req.params.fy), req.params.id, req.body),
  );
  app.post(
    '/api/reports/:fy/blocks/:id/move',
    {
      schema: {
        tags,
        summary: 'Move a text block one place up or down in its section',
        params: BlockParamsSchema,
        body: BlockMoveSchema,
        response: { 200: BlockListSchema },
      },
      config: manage,
    },
    async (req) => ({
      items: await moveBlock(req.ctx, await startYearOf(req.ctx, req.params.fy), req.params.id, req.body),
    }),
  );
  app.delete(
    '/api/reports/:fy/blocks/:id',
    { schema: { tags, summary: 'Remove a text block', params: BlockParamsSchema }, config: manage },
    async (req, reply) => {
      await deleteBlock(req.ctx, await startYearOf(req.ctx, req.params.fy), req.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    '/api/reports/:fy/copy-blocks',
    {
      schema: {
        tags,
        summary: 'Copy the blocks of another year',
        params: ReportParamsSchema,
        body: CopyBlocksSchema,
        response: { 200: CopyBlocksResultSchema },
      },
      config: manage,
    },
    async (req) =>
      copyBlocks(
        req.ctx,
        await startYearOf(req.ctx, req.params.fy),
        await startYearOf(req.ctx, req.body.fromFiscalYear),
      ),
  );
  app.get(
    '/api/reports/:fy/translations',
    {
      schema: {
        tags,
        summary: 'Texts of the report written in one language only',
        params: ReportParamsSchema,
        response: { 200: MissingListSchema },
      },
      config: read,
    },
    async (req) => ({ items: await missingTranslations(req.ctx, await startYearOf(req.ctx, req.params.fy)) }),
  );
  for (const action of ['publish', 'unpublish'] as const)
    app.post(
      `/api/reports/:fy/${action}`,
      {
        schema: {
          tags,
          summary:
            action === 'publish'
              ? 'Publish the report of a closed year'
              : 'Take a published report back to draft',
          params: ReportParamsSchema,
          response: { 200: ReportStateSchema },
        },
        config: manage,
      },
      async (req) => {
        const startYear = await startYearOf(req.ctx, req.params.fy);
        return action === 'publish' ? publishReport(req.ctx, startYear) : unpublishReport(req.ctx, startYear);
      },
    );
  app.get(
    '/api/reports/:fy/records',
    {
      schema: {
        tags,
        summary: 'The records behind one figure of the report (JSON page, or every row as CSV)',
        params: ReportParamsSchema,
        querystring: RecordsQuerySchema,
        response: { 200: RecordsSchema.or(z.string()) },
      },
      config: read,
    },
    async (req, reply) => {
      const startYear = await startYearOf(req.ctx, req.params.fy);
      const q = req.query;
      if (q.format === 'csv') {
        const csv = await figureRecordsCsv(req.ctx, startYear, q.figure, q.lang ?? req.ctx.locale);
        const name = `report-${req.params.fy}-${q.figure.replace(/[^A-Za-z0-9_.-]/g, '_')}.csv`;
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(csv);
      }
      return figureRecords(req.ctx, startYear, q);
    },
  );
  app.get(
    '/api/public/reports/:orgCode/:fy',
    {
      schema: {
        tags,
        summary: 'A published report (no sign-in)',
        params: PublicReportParamsSchema,
        querystring: LangQuerySchema,
        response: { 200: ReportDocumentSchema },
        security: [],
      },
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (req) => {
      const lang = req.query.lang ?? req.locale;
      const doc = await publishedReport(opts.database, req.params.orgCode, req.params.fy, lang);
      return doc;
    },
  );
}

/** A published report of an organisation by its code, or not_found (unknown, or a draft). */
export async function publishedReport(database: Database, orgCode: string, fy: number, lang: 'ja' | 'en') {
  const [org] = await database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.code, orgCode));
  const missing = new AppError('not_found', { params: { entity: 'report' } });
  if (!org) throw missing;
  const ctx = systemCtx(database.db, org.id, 'public report', lang);
  const startYear = await startYearOf(ctx, fy);
  if ((await reportRow(ctx, startYear)).status !== 'published') throw missing;
  return reportDocument(ctx, startYear, lang);
}

function stateOf(
  row: { fiscalYear: number; status: string; amountUnitJa: string; publishedAt: Date | null },
  fy: number,
) {
  return {
    fiscalYear: fy,
    startYear: row.fiscalYear,
    status: row.status as 'draft' | 'published',
    amountUnitJa: row.amountUnitJa as 'oku' | 'hyakuman',
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
  };
}
