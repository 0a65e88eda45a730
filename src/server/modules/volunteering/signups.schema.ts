import { z } from 'zod';
import { FIELDS } from '../../../shared/fields.js';
import { ATTENDANCE, HOUR_LOG_STATUSES } from '../../../shared/volunteering.js';
import { PageQuerySchema } from '../../lib/pagination.js';

// Contracts of participation: sign-ups, attendance and check-in, hours logged outside the system,
// and the employee's own history and certificate.

const Id = z.string().uuid();
const IsoDate = z.iso.date().describe('YYYY-MM-DD');
const Instant = z.string().describe('ISO 8601 instant with offset');
const Minutes = z.number().int().min(1).max(1440);
const Hours = z.number().describe('Minutes / 60, rounded to 2 decimals');

export const LIVE_SIGNUP_STATUSES = ['confirmed', 'waitlisted'] as const;
export const SIGNUP_RESULT_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;

export const ShiftParamsSchema = z.object({ id: Id });
export const SignupParamsSchema = z.object({ id: Id });
export const HourLogParamsSchema = z.object({ id: Id });
export const CheckinParamsSchema = z.object({ code: z.string().min(8).max(100) });

export const SignupOverlapSchema = z.object({
  shiftId: Id,
  opportunityId: Id,
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  startsAt: Instant,
  endsAt: Instant,
});
export type SignupOverlap = z.infer<typeof SignupOverlapSchema>;

export const SignupSchema = z.object({
  id: Id,
  shiftId: Id,
  opportunityId: Id,
  status: z.enum(SIGNUP_RESULT_STATUSES),
  waitlistPosition: z.number().int().min(1).nullable().describe('1-based place on the waitlist'),
  overlaps: z
    .array(SignupOverlapSchema)
    .describe('The caller’s other confirmed shifts at the same time: a warning, not an error'),
});
export type Signup = z.infer<typeof SignupSchema>;

export const RosterItemSchema = z.object({
  id: Id,
  employeeId: Id,
  employeeNumber: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  companyCode: z.string(),
  status: z.enum(LIVE_SIGNUP_STATUSES),
  waitlistPosition: z.number().int().min(1).nullable(),
  attendance: z.enum(ATTENDANCE).nullable(),
  minutes: Minutes.nullable().describe('Credited minutes of an attended sign-up'),
  checkedInAt: Instant.nullable(),
});
export type RosterItem = z.infer<typeof RosterItemSchema>;

export const RosterShiftSchema = z.object({
  id: Id,
  opportunityId: Id,
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  opportunityStatus: z.string(),
  timeZone: z.string(),
  startsAt: Instant,
  endsAt: Instant,
  capacity: z.number().int(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  shiftMinutes: Minutes.describe('The minutes an attended sign-up gets unless edited'),
  canManage: z.boolean().describe('Whether the caller may take attendance and show the check-in code'),
});

export const RosterSchema = z.object({ shift: RosterShiftSchema, items: z.array(RosterItemSchema) });
export type Roster = z.infer<typeof RosterSchema>;

export const AttendanceUpdateSchema = z.strictObject({
  attendance: z.enum(ATTENDANCE).nullable().describe('null clears the record'),
  minutes: Minutes.optional().describe('Only with attended; defaults to the shift length'),
});
export type AttendanceUpdate = z.infer<typeof AttendanceUpdateSchema>;

export const CheckinLinkSchema = z.object({ url: z.string(), code: z.string() });

export const CheckinResultSchema = z.object({
  signupId: Id,
  shiftId: Id,
  opportunityId: Id,
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  timeZone: z.string(),
  startsAt: Instant,
  endsAt: Instant,
  minutes: Minutes,
  checkedInAt: Instant,
  alreadyCheckedIn: z.boolean().describe('True when this call changed nothing'),
});
export type CheckinResult = z.infer<typeof CheckinResultSchema>;

export const HourLogCreateSchema = z.strictObject({
  activityDate: IsoDate.describe('The day of the activity; not in the future'),
  organisationName: z.string().trim().min(1).max(200).describe('Who the activity was for or with'),
  field: z.enum(FIELDS),
  minutes: Minutes,
  description: z.string().trim().min(1).max(2000),
});
export type HourLogCreate = z.infer<typeof HourLogCreateSchema>;

export const HourLogSchema = z.object({
  id: Id,
  employeeId: Id,
  activityDate: IsoDate,
  organisationName: z.string(),
  field: z.enum(FIELDS),
  minutes: Minutes,
  hours: Hours,
  description: z.string(),
  status: z.enum(HOUR_LOG_STATUSES),
  reviewNote: z.string().nullable(),
  reviewedAt: Instant.nullable(),
  createdAt: Instant,
  employee: z.object({
    employeeNumber: z.string(),
    nameJa: z.string(),
    nameEn: z.string(),
    companyCode: z.string(),
    siteCode: z.string().nullable(),
  }),
  canReview: z.boolean().describe('Whether the caller may approve or reject it now'),
});
export type HourLog = z.infer<typeof HourLogSchema>;

export const HourLogListQuerySchema = PageQuerySchema.extend({
  status: z.enum(HOUR_LOG_STATUSES).optional(),
  companyId: Id.optional(),
  siteId: Id.optional(),
});
export type HourLogListQuery = z.infer<typeof HourLogListQuerySchema>;

export const HourLogReviewSchema = z.strictObject({
  note: z.string().trim().max(1000).optional().describe('Shown to the employee'),
});

export const HISTORY_STATUSES = [
  'confirmed',
  'waitlisted',
  'attended',
  'absent',
  'pending',
  'approved',
  'rejected',
] as const;
export type HistoryStatus = (typeof HISTORY_STATUSES)[number];

export const HistoryItemSchema = z.object({
  kind: z.enum(['signup', 'hour_log']),
  id: Id,
  date: IsoDate.describe('The shift’s day in the opportunity’s time zone, or the logged day'),
  fiscalYear: z.number().int().describe('The calendar year the fiscal year starts in'),
  status: z.enum(HISTORY_STATUSES),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  organisationName: z.string().nullable(),
  field: z.enum(FIELDS),
  opportunityId: Id.nullable(),
  shiftId: Id.nullable(),
  startsAt: Instant.nullable(),
  endsAt: Instant.nullable(),
  timeZone: z.string().nullable(),
  waitlistPosition: z.number().int().nullable(),
  minutes: z.number().int().nullable(),
  hours: Hours.describe('Counted hours: 0 unless attended or approved'),
  counts: z.boolean().describe('Whether the row counts in the totals'),
  reviewNote: z.string().nullable(),
});
export type HistoryItem = z.infer<typeof HistoryItemSchema>;

export const FiscalYearTotalSchema = z.object({
  fiscalYear: z.number().int(),
  labelJa: z.string(),
  labelEn: z.string(),
  hours: Hours,
  participations: z.number().int(),
});
export type FiscalYearTotal = z.infer<typeof FiscalYearTotalSchema>;

export const HistoryQuerySchema = z.object({
  fiscalYear: z.coerce.number().int().min(1900).max(2999).optional().describe('Only this fiscal year’s rows'),
});

export const HistorySchema = z.object({
  items: z.array(HistoryItemSchema),
  totals: z
    .array(FiscalYearTotalSchema)
    .describe('The current fiscal year and every one with counted hours, newest first'),
});
export type History = z.infer<typeof HistorySchema>;

export const CertificateActivitySchema = z.object({
  kind: z.enum(['signup', 'hour_log']),
  id: Id.describe('The sign-up or hour log'),
  date: IsoDate,
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  organisationName: z.string().nullable(),
  field: z.enum(FIELDS),
  hours: Hours,
});

export const CertificateSchema = z.object({
  fiscalYear: z.number().int(),
  labelJa: z.string(),
  labelEn: z.string(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  organisation: z.object({ nameJa: z.string(), nameEn: z.string() }),
  company: z.object({ nameJa: z.string(), nameEn: z.string() }),
  employee: z.object({ employeeNumber: z.string(), nameJa: z.string(), nameEn: z.string() }),
  hours: Hours,
  participations: z.number().int(),
  activities: z.array(CertificateActivitySchema),
  issuedOn: IsoDate.describe('Today in the employee’s company time zone'),
});
export type Certificate = z.infer<typeof CertificateSchema>;
