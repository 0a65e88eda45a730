import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pageOf } from '../../lib/pagination.js';
import {
  RegistrationInputSchema,
  RegistrationParamsSchema,
  RegistrationSchema,
  SkillCreateSchema,
  SkillListQuerySchema,
  SkillListSchema,
  SkillSchema,
  SkillUpdateSchema,
  VolunteerListQuerySchema,
} from './registrations.schema.js';
import {
  getMyRegistration,
  getVolunteer,
  leaveService,
  listVolunteers,
  saveMyRegistration,
} from './registrations.service.js';
import { createSkill, listSkills, updateSkill } from './skills.service.js';

/** The volunteer database: each employee's registration, the managers' list, and the skills list. */
export async function registrationsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['volunteer registrations'];

  app.get(
    '/api/me/registration',
    {
      schema: {
        tags,
        summary: 'Your registration in the volunteer service (404 not_registered when you have not joined)',
        response: { 200: RegistrationSchema },
      },
      config: { permission: 'volunteering.join' },
    },
    async (req) => getMyRegistration(req.ctx),
  );
  app.put(
    '/api/me/registration',
    {
      schema: {
        tags,
        summary:
          'Join the volunteer service with a profile, or update it (joining again keeps the first date)',
        body: RegistrationInputSchema,
        response: { 200: RegistrationSchema },
      },
      config: { permission: 'volunteering.join' },
    },
    async (req) => saveMyRegistration(req.ctx, req.body),
  );
  app.delete(
    '/api/me/registration',
    {
      schema: {
        tags,
        summary: 'Leave the volunteer service: the history stays, e-mail from the service stops',
        response: { 200: RegistrationSchema },
      },
      config: { permission: 'volunteering.join' },
    },
    async (req) => leaveService(req.ctx),
  );
  app.get(
    '/api/volunteers',
    {
      schema: {
        tags,
        summary: 'The volunteer database in your scope: search, filter by field, skill, status and date',
        querystring: VolunteerListQuerySchema,
        response: { 200: pageOf(RegistrationSchema) },
      },
      config: { permission: 'volunteers.read' },
    },
    async (req) => listVolunteers(req.ctx, req.query),
  );
  app.get(
    '/api/volunteers/:id',
    {
      schema: {
        tags,
        summary: 'One registration of the volunteer database',
        params: RegistrationParamsSchema,
        response: { 200: RegistrationSchema },
      },
      config: { permission: 'volunteers.read' },
    },
    async (req) => getVolunteer(req.ctx, req.params.id),
  );

  const skillTags = ['volunteer skills'];
  app.get(
    '/api/volunteer-skills',
    {
      schema: {
        tags: skillTags,
        summary: 'The skills list volunteers choose from and opportunities require',
        querystring: SkillListQuerySchema,
        response: { 200: SkillListSchema },
      },
      config: { permission: 'opportunities.read' },
    },
    async (req) => ({ items: await listSkills(req.ctx, req.query) }),
  );
  app.post(
    '/api/volunteer-skills',
    {
      schema: {
        tags: skillTags,
        summary: 'Add a skill to the list (organisation-wide volunteers.manage)',
        body: SkillCreateSchema,
        response: { 201: SkillSchema },
      },
      config: { permission: 'volunteers.manage' },
    },
    async (req, reply) => reply.code(201).send(await createSkill(req.ctx, req.body)),
  );
  app.patch(
    '/api/volunteer-skills/:id',
    {
      schema: {
        tags: skillTags,
        summary: 'Rename a skill, or deactivate it (skills are retired, never deleted)',
        params: RegistrationParamsSchema,
        body: SkillUpdateSchema,
        response: { 200: SkillSchema },
      },
      config: { permission: 'volunteers.manage' },
    },
    async (req) => updateSkill(req.ctx, req.params.id, req.body),
  );
}
