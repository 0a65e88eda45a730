import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { programFigures } from './figures.js';
import { FiguresQuerySchema, ProgramFiguresSchema } from './figures.schema.js';
import { importProgramRecords, PROGRAM_IMPORT_KINDS, programSurveyId } from './programs.imports.js';
import { setProgramPartners } from './programs.partners.js';
import {
  ProgramCreateSchema,
  ProgramListQuerySchema,
  ProgramPageSchema,
  ProgramPartnersSchema,
  ProgramSchema,
  ProgramUpdateSchema,
} from './programs.schema.js';
import { createProgram, getProgram, listPrograms, updateProgram } from './programs.service.js';
import { programFor } from './records.access.js';

const MAX_CSV_BYTES = 20 * 1024 * 1024;
const IdParams = z.object({ id: z.string().uuid() });

const ImportReportSchema = z.object({
  fileName: z.string(),
  encoding: z.string(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  invalidRows: z.number().int(),
  issues: z.array(z.object({ row: z.number(), column: z.string(), code: z.string() }).passthrough()),
  issueCount: z.number().int(),
  dryRun: z.boolean(),
  partial: z.boolean(),
  committed: z.boolean(),
});

/** Programs: the register, partners, figures per fiscal year and the imports of their records. */
export async function programsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  // The raw CSV (UTF-8 or Shift_JIS) of an import, in this plugin's scope only.
  app.addContentTypeParser(
    ['text/csv', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: MAX_CSV_BYTES },
    (_req, body, done) => done(null, body),
  );
  const tags = ['programs'];
  app.get(
    '/api/programs',
    {
      schema: {
        tags,
        summary: 'Programs: filter by text, status, framework, owning company, partner',
        querystring: ProgramListQuerySchema,
        response: { 200: ProgramPageSchema },
      },
      config: { permission: 'programs.read' },
    },
    async (req) => listPrograms(req.ctx, req.query),
  );
  app.post(
    '/api/programs',
    {
      schema: {
        tags,
        summary: 'Register a program (classification codes checked against /api/classifications)',
        body: ProgramCreateSchema,
        response: { 201: ProgramSchema },
      },
      config: { permission: 'programs.manage' },
    },
    async (req, reply) => reply.code(201).send(await createProgram(req.ctx, req.body)),
  );
  app.get(
    '/api/programs/:id',
    {
      schema: {
        tags,
        summary: 'One program with its classifications (labels) and partners',
        params: IdParams,
        response: { 200: ProgramSchema },
      },
      config: { permission: 'programs.read' },
    },
    async (req) => getProgram(req.ctx, req.params.id),
  );
  app.patch(
    '/api/programs/:id',
    {
      schema: {
        tags,
        summary: 'Change a program',
        params: IdParams,
        body: ProgramUpdateSchema,
        response: { 200: ProgramSchema },
      },
      config: { permission: 'programs.manage' },
    },
    async (req) => updateProgram(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/api/programs/:id/partners',
    {
      schema: {
        tags,
        summary:
          'Replace the partners of a program; new partners must be eligible now (422 partner_not_eligible)',
        params: IdParams,
        body: ProgramPartnersSchema,
        response: { 200: ProgramSchema },
      },
      config: { permission: 'programs.manage' },
    },
    async (req) => setProgramPartners(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/programs/:id/figures',
    {
      schema: {
        tags,
        summary:
          'Figures per fiscal year (default: the last ten): sessions, participants, graduates, projects, indicators…',
        params: IdParams,
        querystring: FiguresQuerySchema,
        response: { 200: ProgramFiguresSchema },
      },
      config: { permission: 'programs.read' },
    },
    async (req) => programFigures(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/api/programs/:id/imports/:kind',
    {
      schema: {
        tags,
        summary:
          'Import program records: the CSV file as the body (text/csv, UTF-8 or Shift_JIS); 422 lists each bad value',
        consumes: ['text/csv'],
        params: z.object({ id: z.string().uuid(), kind: z.enum(PROGRAM_IMPORT_KINDS) }),
        querystring: z.object({
          survey: z.string().trim().max(60).optional().describe('The survey code (kind survey-responses)'),
          fileName: z.string().max(200).optional(),
          dryRun: z.stringbool().optional().describe('Validate and count, then roll back'),
          partial: z.stringbool().optional().describe('Write the valid rows and report the others'),
        }),
        response: { 200: ImportReportSchema },
      },
      bodyLimit: MAX_CSV_BYTES,
      config: { permission: 'programs.manage' },
    },
    async (req) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('unsupported_media_type');
      const { id, kind } = req.params;
      const q = req.query;
      await programFor(req.ctx, id, 'programs.manage');
      const surveyId =
        kind === 'survey-responses'
          ? await (q.survey
              ? programSurveyId(req.ctx, id, q.survey)
              : Promise.reject(
                  new AppError('validation_failed', { fields: [{ path: 'survey', code: 'required' }] }),
                ))
          : undefined;
      return importProgramRecords(req.ctx, kind, Readable.from([req.body]), {
        programId: id,
        surveyId,
        fileName: q.fileName ?? `${kind}.csv`,
        dryRun: q.dryRun,
        partial: q.partial,
      });
    },
  );
}
