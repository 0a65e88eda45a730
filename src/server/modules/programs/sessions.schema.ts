import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../../lib/pagination.js';
import { PARTICIPANT_KINDS, type ParticipantKind } from './figures.schema.js';
import { FiscalYear, IsoDate, optionalText, RecordCode } from './records.fields.js';

export { PARTICIPANT_KINDS, type ParticipantKind };

export const SESSION_KINDS = ['class', 'workshop', 'event', 'dialogue', 'meeting', 'other'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

const Count = z.number().int().min(0).max(10_000_000);

/** Employee time in decimal hours (up to 2 decimals), stored as whole minutes. */
const EmployeeHours = z
  .number()
  .min(0)
  .max(1_000_000)
  .multipleOf(0.01)
  .nullable()
  .optional()
  .describe(
    'Hours employees gave to the session, all together (stored as whole minutes; null: not recorded)',
  );

/** Participants by kind; a kind left out (or null) was not recorded. */
export const SessionCountsSchema = z
  .strictObject(
    Object.fromEntries(PARTICIPANT_KINDS.map((k) => [k, Count.nullable().optional()])) as Record<
      ParticipantKind,
      z.ZodOptional<z.ZodNullable<typeof Count>>
    >,
  )
  .describe('Participants by kind; employees must be at least the named attendees');
export type SessionCounts = Partial<Record<ParticipantKind, number | null>>;

const SessionFields = {
  kind: z.enum(SESSION_KINDS),
  titleJa: optionalText(200),
  titleEn: optionalText(200),
  startsOn: IsoDate,
  endsOn: IsoDate.optional().describe('On or after startsOn; defaults to startsOn'),
  placeJa: optionalText(200),
  placeEn: optionalText(200),
  partnerId: z.string().uuid().nullable().optional().describe('The school or venue partner'),
  projectId: z.string().uuid().nullable().optional().describe('A project of the same program'),
  notes: optionalText(2000),
  counts: SessionCountsSchema.optional(),
  employeeHours: EmployeeHours,
};

export const SessionCreateSchema = z.strictObject({
  ref: RecordCode.optional().describe('The key imports match on; made from the date when left out'),
  ...SessionFields,
  employeeIds: z.array(z.string().uuid()).max(5000).optional().describe('Employees who took part, by name'),
});
export type SessionCreate = z.infer<typeof SessionCreateSchema>;

export const SessionUpdateSchema = z.strictObject({
  ref: RecordCode.optional(),
  kind: SessionFields.kind.optional(),
  titleJa: SessionFields.titleJa,
  titleEn: SessionFields.titleEn,
  startsOn: IsoDate.optional(),
  endsOn: IsoDate.optional(),
  placeJa: SessionFields.placeJa,
  placeEn: SessionFields.placeEn,
  partnerId: SessionFields.partnerId,
  projectId: SessionFields.projectId,
  notes: SessionFields.notes,
  employeeHours: SessionFields.employeeHours,
  counts: SessionCountsSchema.optional().describe('Replaces the counts: a kind left out is cleared'),
  employeeIds: z.array(z.string().uuid()).max(5000).optional().describe('Replaces the named attendees'),
});
export type SessionUpdate = z.infer<typeof SessionUpdateSchema>;

export const AttendeesPutSchema = z.strictObject({
  employeeIds: z.array(z.string().uuid()).max(5000),
});

export const AttendeeSchema = z.object({
  employeeId: z.string().uuid(),
  employeeNumber: z.string(),
  name: z.string(),
});
export type Attendee = z.infer<typeof AttendeeSchema>;

export const SessionSchema = z.object({
  id: z.string().uuid(),
  programId: z.string().uuid(),
  ref: z.string(),
  kind: z.enum(SESSION_KINDS),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  title: z.string().describe('In the caller’s language, else the other'),
  startsOn: z.string(),
  endsOn: z.string(),
  fiscalYear: z.number().int(),
  fiscalYearLabel: z.string(),
  placeJa: z.string().nullable(),
  placeEn: z.string().nullable(),
  partnerId: z.string().uuid().nullable(),
  partnerName: z.string().nullable(),
  projectId: z.string().uuid().nullable(),
  notes: z.string().nullable(),
  counts: z.object(
    Object.fromEntries(PARTICIPANT_KINDS.map((k) => [k, z.number().int().nullable()])) as Record<
      ParticipantKind,
      z.ZodNullable<z.ZodNumber>
    >,
  ),
  participantsTotal: z.number().int().describe('Every recorded count except organisations'),
  attendeeCount: z.number().int().describe('Employees named as attendees'),
  employeeHours: z
    .number()
    .nullable()
    .describe('Hours employees gave to the session, all together (from whole minutes); null: not recorded'),
});
export type Session = z.infer<typeof SessionSchema>;

export const SessionDetailSchema = SessionSchema.extend({ attendees: z.array(AttendeeSchema) });
export type SessionDetail = z.infer<typeof SessionDetailSchema>;

export const SessionListQuerySchema = PageQuerySchema.pick({ page: true, size: true }).extend({
  fiscalYear: z.coerce.number().pipe(FiscalYear).optional(),
  kind: z.enum(SESSION_KINDS).optional(),
});
export type SessionListQuery = z.infer<typeof SessionListQuerySchema>;

export const SessionListSchema = pageOf(SessionSchema);
