/** The problem+json body every error answers with (RFC 9457), as documented in the OpenAPI document. */
export const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'detail', 'fields'],
  properties: {
    type: { type: 'string', description: 'urn:kyosei:problem:<code>' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', description: 'Stable error code, e.g. validation_failed, not_found, forbidden' },
    detail: {
      type: 'string',
      description: 'The message in the caller’s language (Accept-Language or the account’s)',
    },
    instance: { type: 'string' },
    requestId: { type: 'string', description: 'Also in the x-request-id header and in audit records' },
    fields: {
      type: 'array',
      description: 'The offending fields (or CSV rows and columns)',
      items: {
        type: 'object',
        required: ['path', 'code', 'message'],
        properties: {
          path: { type: 'string' },
          code: { type: 'string' },
          message: { type: 'string' },
          row: { type: 'integer' },
          column: { type: 'string' },
        },
      },
    },
  },
} as const;

type Operation = { responses?: Record<string, unknown> };
type Document = { paths?: Record<string, Record<string, Operation>>; components?: Record<string, any> };

/** Adds the Problem schema and a `default` error response to every operation of a generated document. */
export function withProblems<T>(document: T): T {
  const doc = document as Document;
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, Problem: PROBLEM_SCHEMA } };
  for (const methods of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(methods)) {
      operation.responses = {
        ...operation.responses,
        default: {
          description: 'An error, as problem+json',
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      };
    }
  }
  return document;
}
