import { z } from 'zod';

const IsoDate = z.iso.date().describe('YYYY-MM-DD');

export const REQUESTER_KINDS = ['school', 'municipality', 'other'] as const;
export const AUDIENCES = ['students', 'guardians', 'teachers', 'public', 'mixed'] as const;
export const CLASS_REQUEST_STATUSES = [
  'requested',
  'assigned',
  'completed',
  'declined',
  'cancelled',
] as const;
export type ClassRequestStatus = (typeof CLASS_REQUEST_STATUSES)[number];
export const CLASS_COUNT_KINDS = ['students', 'guardians', 'teachers', 'public', 'other'] as const;

/** What the public page offers for an organisation: who it is and the classes one can request. */
export const ClassOfferSchema = z.object({
  organisation: z.object({ code: z.string(), nameJa: z.string(), nameEn: z.string() }),
  programs: z.array(
    z.object({
      code: z.string(),
      nameJa: z.string().nullable(),
      nameEn: z.string().nullable(),
      descriptionJa: z.string().nullable(),
      descriptionEn: z.string().nullable(),
    }),
  ),
});
export type ClassOffer = z.infer<typeof ClassOfferSchema>;

/** The public request form. `website` is a honeypot: people leave it empty, form-filling robots do not. */
export const ClassRequestSubmitSchema = z.strictObject({
  orgCode: z.string().trim().min(1).max(40),
  programCode: z.string().trim().min(1).max(40).optional().describe('Default: the one program offered'),
  requesterKind: z.enum(REQUESTER_KINDS),
  requesterOrganisation: z.string().trim().min(1).max(200).describe('School or municipality name'),
  contactName: z.string().trim().min(1).max(100),
  contactEmail: z.string().trim().email().max(254),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+()\- ]{6,30}$/)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  locale: z.enum(['ja', 'en']).optional().describe("The requester's language (default: the request's)"),
  preferredOn: IsoDate,
  alternativeOn: IsoDate.optional().or(z.literal('').transform(() => undefined)),
  place: z.string().trim().min(1).max(300),
  audience: z.enum(AUDIENCES),
  expectedParticipants: z.number().int().min(1).max(100000),
  message: z.string().trim().max(2000).optional(),
  website: z.string().max(500).optional().describe('Leave empty'),
});
export type ClassRequestSubmit = z.infer<typeof ClassRequestSubmitSchema>;

export const ClassRequestAcceptedSchema = z.object({
  reference: z.string().describe('Quote it when you contact the coordinators'),
  status: z.literal('requested'),
});

export const ClassRequestQuerySchema = z.object({
  status: z.enum(CLASS_REQUEST_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(200).default(50),
});
export type ClassRequestQuery = z.infer<typeof ClassRequestQuerySchema>;

export const ClassRequestSummarySchema = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  programId: z.string().uuid(),
  programCode: z.string(),
  programNameJa: z.string().nullable(),
  programNameEn: z.string().nullable(),
  certificationId: z.string().uuid(),
  requesterKind: z.enum(REQUESTER_KINDS),
  requesterOrganisation: z.string(),
  contactName: z.string(),
  preferredOn: IsoDate,
  alternativeOn: IsoDate.nullable(),
  scheduledOn: IsoDate.nullable(),
  audience: z.enum(AUDIENCES),
  expectedParticipants: z.number().int(),
  status: z.enum(CLASS_REQUEST_STATUSES),
  instructorCount: z.number().int(),
  createdAt: z.string(),
});
export type ClassRequestSummary = z.infer<typeof ClassRequestSummarySchema>;

export const InstructorSchema = z.object({
  employeeId: z.string().uuid(),
  holderId: z.string().uuid(),
  employeeNumber: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  expiresOn: IsoDate.nullable(),
});

export const ClassRequestDetailSchema = ClassRequestSummarySchema.extend({
  contactEmail: z.string(),
  contactPhone: z.string().nullable(),
  locale: z.enum(['ja', 'en']),
  place: z.string(),
  message: z.string().nullable(),
  coordinator: z.object({ id: z.string().uuid(), displayName: z.string() }).nullable(),
  sessionId: z.string().uuid().nullable(),
  declineReason: z.string().nullable(),
  instructors: z.array(InstructorSchema),
});
export type ClassRequestDetail = z.infer<typeof ClassRequestDetailSchema>;

export const ClassAssignSchema = z.strictObject({
  scheduledOn: IsoDate,
  employeeIds: z.array(z.string().uuid()).min(1).max(20),
});
export type ClassAssign = z.infer<typeof ClassAssignSchema>;

export const ClassDeclineSchema = z.strictObject({ reason: z.string().trim().min(1).max(1000) });

export const ClassCompleteSchema = z.strictObject({
  counts: z.strictObject(
    Object.fromEntries(CLASS_COUNT_KINDS.map((k) => [k, z.number().int().min(0).max(100000).optional()])) as {
      [K in (typeof CLASS_COUNT_KINDS)[number]]: z.ZodOptional<z.ZodNumber>;
    },
  ),
  notes: z.string().trim().max(2000).optional(),
});
export type ClassComplete = z.infer<typeof ClassCompleteSchema>;

/** The reference a requester quotes: CR- and the start of the request's id. */
export const referenceOf = (id: string) => `CR-${id.slice(0, 8).toUpperCase()}`;
