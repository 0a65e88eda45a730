import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition } from '../files/files.service.js';
import { driveResultsCsv } from './drives.export.js';
import { createItem, listItems, updateItem } from './drives.items.js';
import { listReports, reportCollection } from './drives.reports.js';
import { driveResults } from './drives.results.js';
import { DriveResultsSchema } from './drives.results.schema.js';
import {
  CollectionItemSchema,
  DriveCreateSchema,
  DriveListQuerySchema,
  DrivePageSchema,
  DriveParamsSchema,
  DriveSchema,
  DriveUpdateSchema,
  ItemCreateSchema,
  ItemListQuerySchema,
  ItemParamsSchema,
  ItemUpdateSchema,
  ReportBodySchema,
  ReportListQuerySchema,
  ReportParamsSchema,
  ReportSchema,
} from './drives.schema.js';
import { createDrive, setDriveStatus, updateDrive } from './drives.service.js';
import { getDrive, listDrives } from './drives.view.js';

export async function drivesRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['collection drives'];

  app.get(
    '/api/collection-items',
    {
      schema: {
        tags,
        summary: 'The managed list of items drives collect, with units and yen rates',
        querystring: ItemListQuerySchema,
        response: { 200: z.object({ items: z.array(CollectionItemSchema) }) },
      },
      config: { permission: 'drives.read' },
    },
    async (req) => ({ items: await listItems(req.ctx, req.query) }),
  );
  app.post(
    '/api/collection-items',
    {
      schema: {
        tags,
        summary: 'Add an item',
        body: ItemCreateSchema,
        response: { 201: CollectionItemSchema },
      },
      config: { permission: 'drives.manage' },
    },
    async (req, reply) => reply.code(201).send(await createItem(req.ctx, req.body)),
  );
  app.patch(
    '/api/collection-items/:id',
    {
      schema: {
        tags,
        summary: 'Change an item (its unit only while no report uses it)',
        params: ItemParamsSchema,
        body: ItemUpdateSchema,
        response: { 200: CollectionItemSchema },
      },
      config: { permission: 'drives.manage' },
    },
    async (req) => updateItem(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/drives',
    {
      schema: {
        tags,
        summary: 'Collection drives, newest first, with the yen value reported so far',
        querystring: DriveListQuerySchema,
        response: { 200: DrivePageSchema },
      },
      config: { permission: 'drives.read' },
    },
    async (req) => listDrives(req.ctx, req.query),
  );
  app.post(
    '/api/drives',
    {
      schema: {
        tags,
        summary: 'Create a drive (planned; 1 December – 31 January unless dates are given)',
        body: DriveCreateSchema,
        response: { 201: DriveSchema },
      },
      config: { permission: 'drives.manage' },
    },
    async (req, reply) => reply.code(201).send(await createDrive(req.ctx, req.body)),
  );
  app.get(
    '/api/drives/:id',
    {
      schema: {
        tags,
        summary: 'One drive with its sites and items',
        params: DriveParamsSchema,
        response: { 200: DriveSchema },
      },
      config: { permission: 'drives.read' },
    },
    async (req) => getDrive(req.ctx, req.params.id),
  );
  app.patch(
    '/api/drives/:id',
    {
      schema: {
        tags,
        summary: 'Change a drive (a closed one: titles and code only)',
        params: DriveParamsSchema,
        body: DriveUpdateSchema,
        response: { 200: DriveSchema },
      },
      config: { permission: 'drives.manage' },
    },
    async (req) => updateDrive(req.ctx, req.params.id, req.body),
  );
  for (const action of ['open', 'close'] as const) {
    app.post(
      `/api/drives/:id/${action}`,
      {
        schema: {
          tags,
          summary: action === 'open' ? 'Open (or reopen) a drive for reports' : 'Close a drive',
          params: DriveParamsSchema,
          response: { 200: DriveSchema },
        },
        config: { permission: 'drives.manage' },
      },
      async (req) => setDriveStatus(req.ctx, req.params.id, action),
    );
  }
  app.get(
    '/api/drives/:id/reports',
    {
      schema: {
        tags,
        summary: 'What the sites reported (one line per site and item)',
        params: DriveParamsSchema,
        querystring: ReportListQuerySchema,
        response: { 200: z.object({ items: z.array(ReportSchema) }) },
      },
      config: { permission: 'drives.read' },
    },
    async (req) => ({ items: await listReports(req.ctx, req.params.id, req.query) }),
  );
  app.put(
    '/api/drives/:id/reports/:siteId/:itemId',
    {
      schema: {
        tags,
        summary: 'Report (or correct) what a site collected of an item',
        description:
          'Scope: drives.report on the site. The drive must be open, until 30 days after its last day.',
        params: ReportParamsSchema,
        body: ReportBodySchema,
        response: { 200: ReportSchema },
      },
      config: { permission: 'drives.report' },
    },
    async (req) => reportCollection(req.ctx, req.params.id, req.params.siteId, req.params.itemId, req.body),
  );
  app.get(
    '/api/drives/:id/results',
    {
      schema: {
        tags,
        summary: 'Totals per item, site, company and recipient, yen value and the change from last year',
        params: DriveParamsSchema,
        response: { 200: DriveResultsSchema },
      },
      config: { permission: 'drives.read' },
    },
    async (req) => driveResults(req.ctx, req.params.id),
  );
  app.get(
    '/api/drives/:id/results.csv',
    {
      schema: {
        tags,
        summary: 'The results as CSV (UTF-8 with BOM)',
        params: DriveParamsSchema,
        querystring: z.object({ lang: z.enum(['ja', 'en']).optional().describe('Default: the caller’s') }),
        produces: ['text/csv'],
      },
      config: { permission: 'drives.read' },
    },
    async (req, reply) => {
      const { fileName, body } = await driveResultsCsv(req.ctx, req.params.id, req.query.lang);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(fileName, 'attachment'))
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );
}
