import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { importExpenses } from './expenses.import.js';
import {
  ExpenseCreateSchema,
  ExpenseFilesSchema,
  ExpenseImportQuerySchema,
  ExpenseImportReportSchema,
  ExpenseListQuerySchema,
  ExpensePageSchema,
  ExpenseSchema,
  ExpenseUpdateSchema,
} from './expenses.schema.js';
import {
  createExpense,
  deleteExpense,
  getExpense,
  listExpenses,
  setExpenseFiles,
  updateExpense,
} from './expenses.service.js';

const MAX_CSV_BYTES = 20 * 1024 * 1024;
const IdParams = z.object({ id: z.string().uuid() });
const read = { permission: 'expenses.read' } as const;
const manage = { permission: 'expenses.manage' } as const;

/** Community-investment expenses: entry, change, attachments and the CSV import from accounting. */
export async function expensesRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  // The raw CSV (UTF-8 or Shift_JIS) of an import, in this plugin's scope only.
  app.addContentTypeParser(
    ['text/csv', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: MAX_CSV_BYTES },
    (_req, body, done) => done(null, body),
  );
  const tags = ['expenses'];
  app.get(
    '/api/expenses',
    {
      schema: {
        tags,
        summary:
          'Expenses by fiscal year, company, type, field, program, source or text, with the sum in yen',
        querystring: ExpenseListQuerySchema,
        response: { 200: ExpensePageSchema },
      },
      config: read,
    },
    async (req) => listExpenses(req.ctx, req.query),
  );
  app.post(
    '/api/expenses',
    {
      schema: {
        tags,
        summary: 'Record an expense (valued: amount from quantity × unit price, yen at the year’s FX rate)',
        body: ExpenseCreateSchema,
        response: { 201: ExpenseSchema },
      },
      config: manage,
    },
    async (req, reply) => reply.code(201).send(await createExpense(req.ctx, req.body)),
  );
  app.post(
    '/api/expenses/imports',
    {
      schema: {
        tags,
        summary:
          'Import expenses from accounting: the CSV as the body (text/csv, UTF-8 or Shift_JIS); 422 lists each bad value',
        consumes: ['text/csv'],
        querystring: ExpenseImportQuerySchema,
        response: { 200: ExpenseImportReportSchema },
      },
      bodyLimit: MAX_CSV_BYTES,
      config: manage,
    },
    async (req) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('unsupported_media_type');
      return importExpenses(req.ctx, Readable.from([req.body]), {
        fileName: req.query.fileName ?? 'expenses.csv',
        dryRun: req.query.dryRun,
      });
    },
  );
  app.get(
    '/api/expenses/:id',
    {
      schema: {
        tags,
        summary: 'One expense with its attachments',
        params: IdParams,
        response: { 200: ExpenseSchema },
      },
      config: read,
    },
    async (req) => getExpense(req.ctx, req.params.id),
  );
  app.patch(
    '/api/expenses/:id',
    {
      schema: {
        tags,
        summary: 'Change an expense of an open fiscal year (valued again)',
        params: IdParams,
        body: ExpenseUpdateSchema,
        response: { 200: ExpenseSchema },
      },
      config: manage,
    },
    async (req) => updateExpense(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/expenses/:id',
    {
      schema: {
        tags,
        summary: 'Delete an expense of an open fiscal year',
        params: IdParams,
        response: { 204: z.null() },
      },
      config: manage,
    },
    async (req, reply) => {
      await deleteExpense(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.put(
    '/api/expenses/:id/files',
    {
      schema: {
        tags,
        summary: 'Replace the attachments (files uploaded with purpose expense_attachment)',
        params: IdParams,
        body: ExpenseFilesSchema,
        response: { 200: ExpenseSchema },
      },
      config: manage,
    },
    async (req) => setExpenseFiles(req.ctx, req.params.id, req.body.fileIds),
  );
}
