import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition } from '../files/files.service.js';
import { addPhoto, deletePhoto, listPhotos, photoImage } from './photos.service.js';
import { IdParams } from './records.fields.js';
import {
  PHOTO_CONTENT_TYPES,
  PhotoCreateSchema,
  PhotoListQuerySchema,
  PhotoPageSchema,
  PhotoSchema,
  TestimonialCreateSchema,
  TestimonialListQuerySchema,
  TestimonialPageSchema,
  TestimonialSchema,
} from './testimonials.schema.js';
import { createTestimonial, deleteTestimonial, listTestimonials } from './testimonials.service.js';

/** Testimonials (quotes with the speaker's consent) and photos of a program. */
export async function testimonialsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['program records'];
  const read = { permission: 'programs.read' } as const;
  const manage = { permission: 'programs.manage' } as const;

  app.get(
    '/api/programs/:id/testimonials',
    {
      schema: {
        tags,
        summary: 'Testimonials of a program, newest fiscal year first',
        params: IdParams,
        querystring: TestimonialListQuerySchema,
        response: { 200: TestimonialPageSchema },
      },
      config: read,
    },
    async (req) => listTestimonials(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/api/programs/:id/testimonials',
    {
      schema: {
        tags,
        summary: 'Record a quote with the day its speaker consented to publication',
        params: IdParams,
        body: TestimonialCreateSchema,
        response: { 201: TestimonialSchema },
      },
      config: manage,
    },
    async (req, reply) => reply.code(201).send(await createTestimonial(req.ctx, req.params.id, req.body)),
  );
  app.delete(
    '/api/testimonials/:id',
    {
      schema: { tags, summary: 'Remove a testimonial', params: IdParams, response: { 204: z.null() } },
      config: manage,
    },
    async (req, reply) => {
      await deleteTestimonial(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/programs/:id/photos',
    {
      schema: {
        tags,
        summary: 'Photos of a program, newest first',
        params: IdParams,
        querystring: PhotoListQuerySchema,
        response: { 200: PhotoPageSchema },
      },
      config: read,
    },
    async (req) => listPhotos(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/api/programs/:id/photos',
    {
      schema: {
        tags,
        summary: 'Add a photo uploaded with POST /api/files?purpose=program_photo',
        params: IdParams,
        body: PhotoCreateSchema,
        response: { 201: PhotoSchema },
      },
      config: manage,
    },
    async (req, reply) => reply.code(201).send(await addPhoto(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/photos/:id/image',
    {
      schema: {
        tags,
        summary: 'The image of a program photo',
        params: IdParams,
        produces: [...PHOTO_CONTENT_TYPES],
      },
      config: read,
    },
    async (req, reply) => {
      const file = await photoImage(req.ctx, req.params.id);
      return reply
        .type(file.contentType)
        .header('content-disposition', contentDisposition(file.name, 'inline'))
        .header('content-length', file.size)
        .header('etag', `"${file.sha256}"`)
        .header('cache-control', 'private, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );
  app.delete(
    '/api/photos/:id',
    {
      schema: {
        tags,
        summary: 'Remove a photo from its program',
        params: IdParams,
        response: { 204: z.null() },
      },
      config: manage,
    },
    async (req, reply) => {
      await deletePhoto(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
