import { z } from 'zod';
import { FIELDS } from '../../../shared/fields.js';
import { OPPORTUNITY_MODES, OPPORTUNITY_STATUSES, VISIBILITIES } from '../../../shared/volunteering.js';
import { PageQuerySchema, pageOf } from '../../lib/pagination.js';

const Id = z.string().uuid();
const Instant = z.iso.datetime({ offset: true }).describe('ISO 8601 date and time with offset');
const IsoDate = z.iso.date().describe('YYYY-MM-DD');
const Title = z.string().trim().min(1).max(200);
const Description = z.string().trim().min(1).max(10_000);
const Prefecture = z.string().regex(/^(0[1-9]|[1-3][0-9]|4[0-7])$/);
const Url = z
  .string()
  .trim()
  .max(2000)
  .regex(/^https?:\/\/\S+$/)
  .describe('http(s) link');
const SkillCode = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/)
  .describe('Code of a volunteer skill');

export const OpportunityParamsSchema = z.object({ id: Id });
export const ShiftParamsSchema = z.object({ id: Id });

export const ShiftInputSchema = z.strictObject({
  id: Id.optional().describe('An existing shift of the opportunity (updates only); leave out to add one'),
  startsAt: Instant,
  endsAt: Instant.describe('After startsAt'),
  capacity: z.number().int().min(1).max(100_000).describe('Seats; more sign-ups go to the waitlist'),
});
export type ShiftInput = z.infer<typeof ShiftInputSchema>;

const fields = {
  companyId: Id.describe('The group company that runs it'),
  siteId: Id.nullable().optional().describe('A site of that company (required for site-scoped organisers)'),
  titleJa: Title.nullable().optional(),
  titleEn: Title.nullable().optional(),
  descriptionJa: Description.nullable().optional(),
  descriptionEn: Description.nullable().optional(),
  organiser: z.string().trim().min(1).max(200).describe('Who runs it (team or person)'),
  partnerName: z.string().trim().min(1).max(200).nullable().optional().describe('Partner organisation'),
  field: z.enum(FIELDS),
  sdgs: z.array(z.number().int().min(1).max(17)).max(17).default([]).describe('SDG goal numbers 1 to 17'),
  mode: z.enum(OPPORTUNITY_MODES),
  address: z.string().trim().min(1).max(500).nullable().optional(),
  prefecture: Prefecture.nullable().optional().describe('JIS prefecture code 01..47 (in Japan)'),
  region: z.string().trim().min(1).max(100).nullable().optional().describe('Region outside Japan'),
  onlineUrl: Url.nullable().optional().describe('Required for online and hybrid'),
  signupDeadline: Instant.nullable().optional(),
  cancelDeadline: Instant.nullable().optional(),
  requiredSkills: z.array(SkillCode).max(30).default([]),
  familyAllowed: z.boolean().default(false),
  transportByPoints: z.boolean().default(false),
  visibility: z.enum(VISIBILITIES).default('group'),
  visibleCompanyIds: z.array(Id).max(200).default([]).describe('For visibility companies'),
};

export const OpportunityCreateSchema = z.strictObject({
  ...fields,
  shifts: z
    .array(ShiftInputSchema.omit({ id: true }))
    .min(1)
    .max(200),
});
export type OpportunityCreate = z.infer<typeof OpportunityCreateSchema>;

export const OpportunityUpdateSchema = z.strictObject({
  companyId: fields.companyId.optional(),
  siteId: fields.siteId,
  titleJa: fields.titleJa,
  titleEn: fields.titleEn,
  descriptionJa: fields.descriptionJa,
  descriptionEn: fields.descriptionEn,
  organiser: fields.organiser.optional(),
  partnerName: fields.partnerName,
  field: fields.field.optional(),
  sdgs: z.array(z.number().int().min(1).max(17)).max(17).optional(),
  mode: fields.mode.optional(),
  address: fields.address,
  prefecture: fields.prefecture,
  region: fields.region,
  onlineUrl: fields.onlineUrl,
  signupDeadline: fields.signupDeadline,
  cancelDeadline: fields.cancelDeadline,
  requiredSkills: z.array(SkillCode).max(30).optional(),
  familyAllowed: z.boolean().optional(),
  transportByPoints: z.boolean().optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  visibleCompanyIds: z.array(Id).max(200).optional(),
  shifts: z
    .array(ShiftInputSchema)
    .min(1)
    .max(200)
    .optional()
    .describe('The full list: shifts without id are added, missing ones removed'),
});
export type OpportunityUpdate = z.infer<typeof OpportunityUpdateSchema>;

export const RECOMMENDATION_REASONS = ['field', 'skills', 'region', 'online', 'availability'] as const;
export type RecommendationReason = (typeof RECOMMENDATION_REASONS)[number];

export const OpportunitySummarySchema = z.object({
  id: Id,
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  field: z.enum(FIELDS),
  mode: z.enum(OPPORTUNITY_MODES),
  prefecture: z.string().nullable(),
  region: z.string().nullable(),
  companyId: Id,
  companyCode: z.string(),
  siteId: Id.nullable(),
  status: z.enum(OPPORTUNITY_STATUSES),
  timeZone: z.string(),
  firstStartsAt: z.string().nullable(),
  lastEndsAt: z.string().nullable(),
  signupDeadline: z.string().nullable(),
  seatsLeft: z.number().int().describe('Free seats over the shifts that have not started'),
  capacity: z.number().int().describe('Seats over all shifts'),
  shiftCount: z.number().int(),
  sdgs: z.array(z.number().int()),
  requiredSkills: z.array(z.string()),
  score: z.number().optional().describe('Recommendation score (recommended=true only)'),
  reasons: z
    .array(z.enum(RECOMMENDATION_REASONS))
    .optional()
    .describe('What in the caller’s profile matched (recommended=true only)'),
});
export type OpportunitySummary = z.infer<typeof OpportunitySummarySchema>;

export const OpportunityPageSchema = pageOf(OpportunitySummarySchema).extend({
  totalExact: z
    .boolean()
    .describe('False when there are more matches than `total` (counting stops at 1,000)'),
});
export type OpportunityPage = z.infer<typeof OpportunityPageSchema>;

export const MySignupSchema = z.object({
  id: Id,
  status: z.enum(['confirmed', 'waitlisted']),
  waitlistPosition: z.number().int().nullable().describe('1-based, null unless waitlisted'),
  attendance: z.enum(['attended', 'absent']).nullable(),
  minutes: z.number().int().nullable(),
});

export const ShiftSchema = z.object({
  id: Id,
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int(),
  confirmed: z.number().int(),
  seatsLeft: z.number().int(),
  waitlisted: z.number().int(),
  mySignup: MySignupSchema.nullable().describe('The caller’s live sign-up for this shift'),
});
export type Shift = z.infer<typeof ShiftSchema>;

export const OpportunitySchema = z.object({
  id: Id,
  companyId: Id,
  companyCode: z.string(),
  siteId: Id.nullable(),
  siteCode: z.string().nullable(),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  descriptionJa: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  organiser: z.string(),
  partnerName: z.string().nullable(),
  field: z.enum(FIELDS),
  sdgs: z.array(z.number().int()),
  mode: z.enum(OPPORTUNITY_MODES),
  address: z.string().nullable(),
  prefecture: z.string().nullable(),
  region: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  timeZone: z.string().describe('IANA time zone the shifts are shown in'),
  signupDeadline: z.string().nullable(),
  cancelDeadline: z.string().nullable(),
  requiredSkills: z.array(z.string()),
  familyAllowed: z.boolean(),
  transportByPoints: z.boolean(),
  visibility: z.enum(VISIBILITIES),
  visibleCompanyIds: z.array(Id),
  status: z.enum(OPPORTUNITY_STATUSES),
  firstStartsAt: z.string().nullable(),
  lastEndsAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  canManage: z.boolean().describe('The caller may edit it and run its transitions'),
  shifts: z.array(ShiftSchema),
});
export type Opportunity = z.infer<typeof OpportunitySchema>;

export const OPPORTUNITY_SORTS = ['firstStartsAt', 'signupDeadline', 'createdAt'] as const;

const Flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

export const OpportunityListQuerySchema = PageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Words in a title, description, organiser or partner (Japanese: two characters or more)'),
  field: z.enum(FIELDS).optional(),
  mode: z.enum(OPPORTUNITY_MODES).optional(),
  from: IsoDate.optional().describe('Has a shift on or after this day (in its own time zone)'),
  to: IsoDate.optional().describe('Has a shift on or before this day (in its own time zone)'),
  prefecture: Prefecture.optional(),
  region: z.string().trim().min(1).max(100).optional(),
  skill: z
    .union([SkillCode, z.array(SkillCode).max(10)])
    .optional()
    .describe('Requires every given skill code'),
  status: z.enum(OPPORTUNITY_STATUSES).optional().describe('Employees: published (default) or completed'),
  companyId: Id.optional(),
  mine: Flag.describe('Only opportunities the caller’s scope manages, any status'),
  recommended: Flag.describe('Open opportunities ranked by the caller’s volunteer profile'),
  sort: z
    .string()
    .max(40)
    .optional()
    .describe(`One of ${OPPORTUNITY_SORTS.join(', ')}; prefix - for descending`),
});
export type OpportunityListQuery = z.infer<typeof OpportunityListQuerySchema>;

export const CalendarFeedSchema = z.object({
  url: z.string().describe('Private iCalendar feed of your confirmed shifts; keep it secret'),
});
export const CalendarQuerySchema = z.object({
  lang: z.enum(['ja', 'en']).optional().describe('Language of the title and description (default: yours)'),
});
export const CalendarTokenParamsSchema = z.object({ token: z.string().min(16).max(100) });
