import { z } from 'zod';
import { FileUploadQuerySchema } from '../points/claims.schema.js';

/** What an upload is for: it decides who may upload it and who may read it back. */
export const FILE_PURPOSES = [
  'claim_receipt',
  'screening_evidence',
  'agreement_document',
  'program_photo',
  'consent_record',
  'expense_attachment',
  'metric_evidence',
] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

export const FileUploadSchema = FileUploadQuerySchema.extend({
  purpose: z
    .enum(FILE_PURPOSES)
    .default('claim_receipt')
    .describe(
      'claim_receipt (an employee’s own), agreement_document (partners.manage), screening_evidence (partners.screen), program_photo and consent_record (programs.manage), expense_attachment (expenses.manage), metric_evidence (goals.manage)',
    ),
});

export const FileParamsSchema = z.object({ id: z.string().uuid() });

export const FileDownloadQuerySchema = z.object({
  download: z.enum(['0', '1']).optional().describe('1: as an attachment rather than inline'),
});
