import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from './records.fields.js';
import { setIndicators, setQuestions } from './surveys.questions.js';
import { surveyResults } from './surveys.results.js';
import {
  IndicatorsPutSchema,
  QuestionsPutSchema,
  SurveyCreateSchema,
  SurveyDetailSchema,
  SurveyListQuerySchema,
  SurveyListSchema,
  SurveyResultsSchema,
  SurveyUpdateSchema,
} from './surveys.schema.js';
import { createSurvey, getSurvey, listSurveys, updateSurvey } from './surveys.service.js';

/**
 * Surveys of programs: questions, indicators and results. Responses are imported through
 * POST /api/programs/{id}/imports/survey-responses?survey=CODE (programs.routes.ts).
 */
export async function surveysRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['program surveys'];
  app.get(
    '/api/programs/:id/surveys',
    {
      schema: {
        tags,
        summary: 'Surveys of a program',
        params: IdParams,
        querystring: SurveyListQuerySchema,
        response: { 200: SurveyListSchema },
      },
      config: { permission: 'programs.read' },
    },
    async (req) => listSurveys(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/api/programs/:id/surveys',
    {
      schema: {
        tags,
        summary: 'Add a survey to a program',
        params: IdParams,
        body: SurveyCreateSchema,
        response: { 201: SurveyDetailSchema },
      },
      config: { permission: 'programs.manage' },
    },
    async (req, reply) => reply.code(201).send(await createSurvey(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/surveys/:id',
    {
      schema: {
        tags,
        summary: 'A survey with its questions and indicators',
        params: IdParams,
        response: { 200: SurveyDetailSchema },
      },
      config: { permission: 'programs.read' },
    },
    async (req) => getSurvey(req.ctx, req.params.id),
  );
  app.patch(
    '/api/surveys/:id',
    {
      schema: {
        tags,
        summary: 'Change a survey',
        params: IdParams,
        body: SurveyUpdateSchema,
        response: { 200: SurveyDetailSchema },
      },
      config: { permission: 'programs.manage' },
    },
    async (req) => updateSurvey(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/api/surveys/:id/questions',
    {
      schema: {
        tags,
        summary: 'Replace the questions (matched by code; a question with answers keeps its kind)',
        params: IdParams,
        body: QuestionsPutSchema,
        response: { 200: SurveyDetailSchema },
      },
      config: { permission: 'programs.manage' },
    },
    async (req) => setQuestions(req.ctx, req.params.id, req.body.items),
  );
  app.put(
    '/api/surveys/:id/indicators',
    {
      schema: {
        tags,
        summary: 'Replace the indicators',
        params: IdParams,
        body: IndicatorsPutSchema,
        response: { 200: SurveyDetailSchema },
      },
      config: { permission: 'programs.manage' },
    },
    async (req) => setIndicators(req.ctx, req.params.id, req.body.items),
  );
  app.get(
    '/api/surveys/:id/results',
    {
      schema: {
        tags,
        summary: 'Distributions per question and indicator values (share 0..1, null when n = 0)',
        params: IdParams,
        response: { 200: SurveyResultsSchema },
      },
      config: { permission: 'programs.read' },
    },
    async (req) => surveyResults(req.ctx, req.params.id),
  );
}
