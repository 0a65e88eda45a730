import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fiscalYearLabel } from '../../../shared/fiscal-year.js';
import { PageQuerySchema } from '../../lib/pagination.js';
import { ledgerSettings } from '../ledger/ledger.values.js';
import { createMetric, getMetric, listBindings, listMetrics, updateMetric } from './goals.metrics.js';
import { putProgress } from './goals.progress.js';
import { goalsForYear } from './goals.report.js';
import {
  BindingSchema,
  FiscalYearQuerySchema,
  IdParamsSchema,
  MetricCreateSchema,
  MetricListQuerySchema,
  MetricPageSchema,
  MetricSchema,
  MetricUpdateSchema,
  MetricValuePutSchema,
  MetricYearParamsSchema,
  OverviewSchema,
  ProgressParamsSchema,
  ProgressPutSchema,
  TargetCreateSchema,
  TargetDetailSchema,
  TargetListQuerySchema,
  TargetPageSchema,
  TargetUpdateSchema,
  YearlyGoalCreateSchema,
  YearlyGoalListSchema,
  YearlyGoalSchema,
  YearlyGoalUpdateSchema,
} from './goals.schema.js';
import { createTarget, deleteTarget, getTarget, listTargets, updateTarget } from './goals.targets.js';
import { deleteMetricValue, putMetricValue } from './goals.values.js';
import { createYearlyGoal, deleteYearlyGoal, listYearlyGoals, updateYearlyGoal } from './goals.yearly.js';

const read = { permission: 'goals.read' } as const;
const manage = { permission: 'goals.manage' } as const;

/** Goals and indicators: metrics and their values, targets, yearly goals, progress texts, the year's overview. */
export async function goalsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['goals'];

  app.get(
    '/api/goals/bindings',
    {
      schema: {
        tags,
        summary: 'The computed figures a metric may be bound to',
        response: { 200: z.array(BindingSchema) },
      },
      config: read,
    },
    async () => listBindings(),
  );
  app.get(
    '/api/goals/metrics',
    {
      schema: {
        tags,
        summary: 'Metrics, with the values of manual ones',
        querystring: MetricListQuerySchema,
        response: { 200: MetricPageSchema },
      },
      config: read,
    },
    async (req) => listMetrics(req.ctx, req.query),
  );
  app.post(
    '/api/goals/metrics',
    {
      schema: {
        tags,
        summary: 'Define a metric (bound or manual)',
        body: MetricCreateSchema,
        response: { 201: MetricSchema },
      },
      config: manage,
    },
    async (req, reply) => reply.code(201).send(await createMetric(req.ctx, req.body)),
  );
  app.get(
    '/api/goals/metrics/:id',
    {
      schema: { tags, summary: 'One metric', params: IdParamsSchema, response: { 200: MetricSchema } },
      config: read,
    },
    async (req) => getMetric(req.ctx, req.params.id),
  );
  app.patch(
    '/api/goals/metrics/:id',
    {
      schema: {
        tags,
        summary: 'Change a metric (not its kind)',
        params: IdParamsSchema,
        body: MetricUpdateSchema,
        response: { 200: MetricSchema },
      },
      config: manage,
    },
    async (req) => updateMetric(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/api/goals/metrics/:id/values/:fiscalYear',
    {
      schema: {
        tags,
        summary: 'Enter a manual metric’s value for a year, with evidence',
        params: MetricYearParamsSchema,
        body: MetricValuePutSchema,
        response: { 200: MetricSchema },
      },
      config: manage,
    },
    async (req) => putMetricValue(req.ctx, req.params.id, req.params.fiscalYear, req.body),
  );
  app.delete(
    '/api/goals/metrics/:id/values/:fiscalYear',
    {
      schema: {
        tags,
        summary: 'Remove a manual metric’s value for a year',
        params: MetricYearParamsSchema,
        response: { 200: MetricSchema },
      },
      config: manage,
    },
    async (req) => deleteMetricValue(req.ctx, req.params.id, req.params.fiscalYear),
  );
  app.get(
    '/api/goals/targets',
    {
      schema: {
        tags,
        summary: 'Medium- to long-term targets',
        querystring: TargetListQuerySchema,
        response: { 200: TargetPageSchema },
      },
      config: read,
    },
    async (req) => listTargets(req.ctx, req.query),
  );
  app.post(
    '/api/goals/targets',
    {
      schema: {
        tags,
        summary: 'Set a target',
        body: TargetCreateSchema,
        response: { 201: TargetDetailSchema },
      },
      config: manage,
    },
    async (req, reply) => reply.code(201).send(await createTarget(req.ctx, req.body)),
  );
  app.get(
    '/api/goals/targets/:id',
    {
      schema: {
        tags,
        summary: 'One target with its progress texts',
        params: IdParamsSchema,
        response: { 200: TargetDetailSchema },
      },
      config: read,
    },
    async (req) => getTarget(req.ctx, req.params.id),
  );
  app.patch(
    '/api/goals/targets/:id',
    {
      schema: {
        tags,
        summary: 'Change a target',
        params: IdParamsSchema,
        body: TargetUpdateSchema,
        response: { 200: TargetDetailSchema },
      },
      config: manage,
    },
    async (req) => updateTarget(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/goals/targets/:id',
    {
      schema: { tags, summary: 'Delete a target with its yearly goals and progress', params: IdParamsSchema },
      config: manage,
    },
    async (req, reply) => {
      await deleteTarget(req.ctx, req.params.id);
      return reply.code(204).send();
    },
  );
  app.put(
    '/api/goals/targets/:id/progress/:fiscalYear',
    {
      schema: {
        tags,
        summary: 'Write a target’s progress, achievements and issues for a year',
        params: ProgressParamsSchema,
        body: ProgressPutSchema,
        response: { 200: TargetDetailSchema },
      },
      config: manage,
    },
    async (req) => putProgress(req.ctx, req.params.id, req.params.fiscalYear, req.body),
  );
  app.get(
    '/api/goals/yearly',
    {
      schema: {
        tags,
        summary: 'The goals of a fiscal year',
        querystring: PageQuerySchema.extend(FiscalYearQuerySchema.shape),
        response: { 200: YearlyGoalListSchema },
      },
      config: read,
    },
    async (req) => listYearlyGoals(req.ctx, req.query),
  );
  app.post(
    '/api/goals/yearly',
    {
      schema: {
        tags,
        summary: 'Set a goal for a fiscal year',
        body: YearlyGoalCreateSchema,
        response: { 201: YearlyGoalSchema },
      },
      config: manage,
    },
    async (req, reply) => reply.code(201).send(await createYearlyGoal(req.ctx, req.body)),
  );
  app.patch(
    '/api/goals/yearly/:id',
    {
      schema: {
        tags,
        summary: 'Change a yearly goal',
        params: IdParamsSchema,
        body: YearlyGoalUpdateSchema,
        response: { 200: YearlyGoalSchema },
      },
      config: manage,
    },
    async (req) => updateYearlyGoal(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/goals/yearly/:id',
    { schema: { tags, summary: 'Delete a yearly goal', params: IdParamsSchema }, config: manage },
    async (req, reply) => {
      await deleteYearlyGoal(req.ctx, req.params.id);
      return reply.code(204).send();
    },
  );
  app.get(
    '/api/goals/overview',
    {
      schema: {
        tags,
        summary:
          'A fiscal year’s targets and goals with actuals and status, next year’s goals, progress texts',
        querystring: FiscalYearQuerySchema,
        response: { 200: OverviewSchema },
      },
      config: read,
    },
    async (req) => {
      const s = await ledgerSettings(req.ctx);
      const settings = { startMonth: s.fiscalYearStartMonth, labelJa: s.fyLabelJa, labelEn: s.fyLabelEn };
      const fy = req.query.fiscalYear;
      return {
        fiscalYear: fy,
        labelJa: fiscalYearLabel(fy, 'ja', settings),
        labelEn: fiscalYearLabel(fy, 'en', settings),
        ...(await goalsForYear(req.ctx, fy)),
      };
    },
  );
}
