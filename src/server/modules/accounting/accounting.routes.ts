import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assertHolds } from '../../lib/authz.js';
import { contentDisposition } from '../files/files.service.js';
import { ExpenseFiguresSchema } from '../reports/report.schema.js';
import { b4siCsv } from './b4si-export.js';
import { closeYear, listYears } from './closing.js';
import {
  AccountingYearsSchema,
  FiscalYearParamsSchema,
  LedgerSyncResultSchema,
  YearCloseSchema,
} from './closing.schema.js';
import { syncLedgerExpenses } from './ledger-sync.js';
import { createRestatement, listRestatements } from './restatements.js';
import {
  RestatementCreateSchema,
  RestatementListQuerySchema,
  RestatementPageSchema,
  RestatementSchema,
} from './restatements.schema.js';
import { expenseTotals } from './totals.js';

/**
 * Accounting beyond single expenses: the totals three ways, the B4SI export, the ledger sync,
 * closing a year and restatements. `{fiscalYear}` is the year the fiscal year starts.
 */
export async function accountingRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounting'];

  app.get(
    '/api/accounting/years',
    {
      schema: {
        tags,
        summary: 'Fiscal years with their expenses, close and restatements, latest first',
        response: { 200: AccountingYearsSchema },
      },
      config: { permission: 'expenses.read' },
    },
    async (req) => ({ items: await listYears(req.ctx) }),
  );
  app.get(
    '/api/accounting/:fiscalYear/totals',
    {
      schema: {
        tags,
        summary: "A fiscal year's totals: the company's method, Keidanren's and B4SI's (with leverage)",
        params: FiscalYearParamsSchema,
        response: { 200: ExpenseFiguresSchema },
      },
      config: { permission: 'expenses.read' },
    },
    async (req) => expenseTotals(req.ctx, req.params.fiscalYear),
  );
  app.get(
    '/api/accounting/:fiscalYear/b4si.csv',
    {
      schema: {
        tags,
        summary: 'Every expense B4SI counts in the year, with its B4SI columns (UTF-8 with BOM)',
        description:
          '`valued_at_market` marks items counted at market price or external rate (no cost known).',
        params: FiscalYearParamsSchema,
        produces: ['text/csv'],
      },
      config: { permission: 'expenses.read' },
    },
    async (req, reply) => {
      const { fileName, body } = await b4siCsv(req.ctx, req.params.fiscalYear);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(fileName, 'attachment'))
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );
  app.post(
    '/api/accounting/ledger-sync',
    {
      schema: {
        tags,
        summary: "Post the giving ledger's company donations and matches as expenses now",
        description:
          'Also runs every 10 minutes and at the start of a close. Closed years get a restatement.',
        response: { 200: LedgerSyncResultSchema },
      },
      config: { permission: 'expenses.manage' },
    },
    async (req) => {
      assertHolds(req.ctx, 'expenses.manage', {});
      return syncLedgerExpenses(req.ctx);
    },
  );
  app.post(
    '/api/accounting/years/:fiscalYear/close',
    {
      schema: {
        tags,
        summary:
          'Close an ended fiscal year: its expenses and figures are frozen, the report snapshot stored',
        params: FiscalYearParamsSchema,
        response: { 200: YearCloseSchema },
      },
      config: { permission: 'years.close' },
    },
    async (req) => closeYear(req.ctx, req.params.fiscalYear),
  );
  app.get(
    '/api/accounting/years/:fiscalYear/restatements',
    {
      schema: {
        tags,
        summary: "A closed year's restatements, oldest first, with their lines and totals before and after",
        params: FiscalYearParamsSchema,
        querystring: RestatementListQuerySchema,
        response: { 200: RestatementPageSchema },
      },
      config: { permission: 'expenses.read' },
    },
    async (req) => listRestatements(req.ctx, req.params.fiscalYear, req.query),
  );
  app.post(
    '/api/accounting/years/:fiscalYear/restatements',
    {
      schema: {
        tags,
        summary: 'Correct a closed year: a reason and expense lines (which may adjust its expenses)',
        params: FiscalYearParamsSchema,
        body: RestatementCreateSchema,
        response: { 201: RestatementSchema },
      },
      config: { permission: 'years.close' },
    },
    async (req, reply) =>
      reply.code(201).send(await createRestatement(req.ctx, req.params.fiscalYear, req.body)),
  );
}
