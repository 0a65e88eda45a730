import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../../lib/pagination.js';
import { FiscalYear, IsoDate, optionalText } from './records.fields.js';

export const TestimonialCreateSchema = z.strictObject({
  speakerJa: optionalText(200).describe('Who said it, as it may be published ("高校2年生", "NEC社員")'),
  speakerEn: optionalText(200),
  quoteJa: optionalText(4000),
  quoteEn: optionalText(4000),
  consentOn: IsoDate.describe('The day the speaker agreed to publication (required; not in the future)'),
  consentFileId: z
    .string()
    .uuid()
    .nullable()
    .optional()
    .describe('The signed consent form: a file uploaded with purpose consent_record'),
  sessionId: z.string().uuid().nullable().optional().describe('The session of the program it was said at'),
  fiscalYear: FiscalYear.optional().describe('Defaults to the session’s fiscal year, else that of consentOn'),
});
export type TestimonialCreate = z.infer<typeof TestimonialCreateSchema>;

export const TestimonialListQuerySchema = PageQuerySchema.pick({ page: true, size: true }).extend({
  fiscalYear: z.coerce.number().int().min(1900).max(2200).optional(),
});

export const TestimonialSchema = z.object({
  id: z.string().uuid(),
  programId: z.string().uuid(),
  sessionId: z.string().uuid().nullable(),
  speakerJa: z.string().nullable(),
  speakerEn: z.string().nullable(),
  quoteJa: z.string().nullable(),
  quoteEn: z.string().nullable(),
  speaker: z.string().describe('In the caller’s language, else the other'),
  quote: z.string().describe('In the caller’s language, else the other'),
  fiscalYear: z.number().int(),
  fiscalYearLabel: z.string(),
  consentOn: z.string(),
  consentFileId: z.string().uuid().nullable(),
  createdAt: z.string(),
});
export type Testimonial = z.infer<typeof TestimonialSchema>;
export const TestimonialPageSchema = pageOf(TestimonialSchema);

/** Photo types a program photo may be (what a browser shows). */
export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export const PhotoCreateSchema = z.strictObject({
  fileId: z.string().uuid().describe('A file uploaded with POST /api/files?purpose=program_photo'),
  captionJa: optionalText(500),
  captionEn: optionalText(500),
  takenOn: IsoDate.nullable().optional().describe('Not in the future'),
  sessionId: z.string().uuid().nullable().optional(),
  fiscalYear: FiscalYear.optional().describe('Defaults to the session’s, else that of takenOn, else today’s'),
});
export type PhotoCreate = z.infer<typeof PhotoCreateSchema>;

export const PhotoSchema = z.object({
  id: z.string().uuid(),
  programId: z.string().uuid(),
  sessionId: z.string().uuid().nullable(),
  fileId: z.string().uuid(),
  name: z.string().describe('The file’s name'),
  contentType: z.string(),
  size: z.number().int(),
  captionJa: z.string().nullable(),
  captionEn: z.string().nullable(),
  caption: z.string(),
  takenOn: z.string().nullable(),
  fiscalYear: z.number().int(),
  fiscalYearLabel: z.string(),
  imageUrl: z.string().describe('GET it for the image'),
});
export type Photo = z.infer<typeof PhotoSchema>;
export const PhotoPageSchema = pageOf(PhotoSchema);
export const PhotoListQuerySchema = TestimonialListQuerySchema;
