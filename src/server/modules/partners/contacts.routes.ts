import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ContactCreateSchema,
  ContactListSchema,
  ContactParamsSchema,
  ContactSchema,
  ContactUpdateSchema,
} from './contacts.schema.js';
import { createContact, deleteContact, listContacts, updateContact } from './contacts.service.js';
import { PartnerParamsSchema } from './partners.schema.js';

/** The people to talk to at a partner. */
export async function contactsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['partners'];

  app.get(
    '/api/partners/:id/contacts',
    {
      schema: {
        tags,
        summary: 'The contacts of a partner, the primary one first',
        params: PartnerParamsSchema,
        response: { 200: ContactListSchema },
      },
      config: { permission: 'partners.read' },
    },
    async (req) => ({ items: await listContacts(req.ctx, req.params.id) }),
  );
  app.post(
    '/api/partners/:id/contacts',
    {
      schema: {
        tags,
        summary: 'Add a contact',
        params: PartnerParamsSchema,
        body: ContactCreateSchema,
        response: { 201: ContactSchema },
      },
      config: { permission: 'partners.manage' },
    },
    async (req, reply) => reply.code(201).send(await createContact(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/api/partners/:id/contacts/:contactId',
    {
      schema: {
        tags,
        summary: 'Change a contact',
        params: ContactParamsSchema,
        body: ContactUpdateSchema,
        response: { 200: ContactSchema },
      },
      config: { permission: 'partners.manage' },
    },
    async (req) => updateContact(req.ctx, req.params.id, req.params.contactId, req.body),
  );
  app.delete(
    '/api/partners/:id/contacts/:contactId',
    {
      schema: { tags, summary: 'Remove a contact', params: ContactParamsSchema },
      config: { permission: 'partners.manage' },
    },
    async (req, reply) => {
      await deleteContact(req.ctx, req.params.id, req.params.contactId);
      return reply.code(204).send();
    },
  );
}
