import type { FastifyError, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MAX_RECEIPT_BYTES, RECEIPT_CONTENT_TYPES } from '../../../shared/receipts.js';
import { AppError } from '../../lib/errors.js';
import { StoredFileSchema } from '../points/claims.schema.js';
import { FileDownloadQuerySchema, FileParamsSchema, FileUploadSchema } from './files.schema.js';
import { contentDisposition, MAX_FILE_LABEL, readDocument, storeFile } from './files.service.js';

/** Errors of reading the upload's body, in the words of a file upload rather than of a JSON request. */
function uploadError(error: FastifyError): Error {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return new AppError('file_too_large', { params: { max: MAX_FILE_LABEL } });
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('file_type_not_allowed');
  return error;
}

/**
 * Uploads: the raw bytes of a file in the request body, its type in Content-Type, its purpose in the
 * query (who may upload depends on it: see files.service.ts). The parser for the accepted types is
 * registered in this plugin's scope only. Downloads serve documents (agreements, screening evidence,
 * program photos, consent records) to those who may read them; a receipt is read through its claim
 * (GET /api/claims/{id}/receipt).
 */
export async function filesRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser(
    [...RECEIPT_CONTENT_TYPES],
    { parseAs: 'buffer', bodyLimit: MAX_RECEIPT_BYTES },
    (_req, body, done) => done(null, body),
  );
  app.post(
    '/api/files',
    {
      schema: {
        tags: ['files'],
        summary:
          'Upload a file (a receipt, an agreement document, screening evidence, a program photo, a consent record): the file’s bytes as the body, Content-Type image/jpeg, image/png, image/webp, image/heic or application/pdf, at most 5 MB',
        consumes: [...RECEIPT_CONTENT_TYPES],
        querystring: FileUploadSchema,
        response: { 201: StoredFileSchema },
      },
      bodyLimit: MAX_RECEIPT_BYTES,
      config: { permission: 'giving.join' },
      errorHandler: (error) => {
        throw uploadError(error);
      },
    },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('file_type_not_allowed');
      const file = await storeFile(req.ctx, {
        name: req.query.name,
        contentType: req.headers['content-type'],
        content: req.body,
        purpose: req.query.purpose,
      });
      return reply.code(201).send(file);
    },
  );
  app.get(
    '/api/files/:id',
    {
      schema: {
        tags: ['files'],
        summary:
          'A document with its own content type: agreement documents and screening evidence (partners.read), program photos (programs.read), consent records (programs.manage)',
        params: FileParamsSchema,
        querystring: FileDownloadQuerySchema,
        produces: [...RECEIPT_CONTENT_TYPES],
      },
      config: { permission: 'partners.read' },
    },
    async (req, reply) => {
      const file = await readDocument(req.ctx, req.params.id);
      return reply
        .type(file.contentType)
        .header(
          'content-disposition',
          contentDisposition(file.name, req.query.download === '1' ? 'attachment' : 'inline'),
        )
        .header('content-length', file.size)
        .header('etag', `"${file.sha256}"`)
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );
}
