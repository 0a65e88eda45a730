import { z } from 'zod';
import { FIELDS } from '../../../shared/fields.js';

const Id = z.string().uuid();
const IsoDate = z.iso.date().describe('YYYY-MM-DD');
const Count = z.number().int().min(0);

export const KPI_SCOPE_LEVELS = ['group', 'company', 'site'] as const;
export type KpiScopeLevel = (typeof KPI_SCOPE_LEVELS)[number];

export const VolunteeringKpiQuerySchema = z.object({
  fiscalYear: z.coerce
    .number()
    .int()
    .min(1900)
    .max(2200)
    .describe('The fiscal year by the calendar year it starts in (2023 = April 2023 to March 2024)'),
  companyId: Id.optional().describe('Only this group company (a company grant defaults to its own)'),
  siteId: Id.optional().describe('Only this site (a site grant defaults to its own)'),
  since: IsoDate.optional().describe(
    '"Registrants since" counts joining dates from this day; default: the start of fiscal year − 2',
  ),
});
export type VolunteeringKpiQuery = z.infer<typeof VolunteeringKpiQuerySchema>;

/** The six figures, for a whole scope or one part of it. */
export const KpiFiguresSchema = z.object({
  newRegistrants: Count.describe('Registrations with a joining date in the fiscal year'),
  registrantsSince: Count.describe('Registrations with a joining date from `since` to the end of the year'),
  registeredTotal: Count.describe('Joined on or before the end of the year and not left by then'),
  participants: Count.describe(
    'Distinct employees with an attended shift starting in the year (in the opportunity’s time zone) or an approved hour log dated in it',
  ),
  participations: Count.describe('Attended sign-ups plus approved hour logs'),
  hours: z.number().min(0).describe('Their minutes / 60, rounded to 2 decimals'),
});
export type KpiFigures = z.infer<typeof KpiFiguresSchema>;

const FiscalYearSchema = z.object({
  fiscalYear: z.number().int(),
  labelJa: z.string().describe('2023年度'),
  labelEn: z.string().describe('fiscal 2024'),
  start: IsoDate,
  end: IsoDate,
});

export const KpiScopeSchema = z.object({
  level: z.enum(KPI_SCOPE_LEVELS),
  companyId: Id.nullable(),
  companyCode: z.string().nullable(),
  siteId: Id.nullable(),
  siteCode: z.string().nullable(),
  nameJa: z.string().describe('The organisation, company or site'),
  nameEn: z.string(),
});
export type KpiScope = z.infer<typeof KpiScopeSchema>;

export const VolunteeringKpisSchema = FiscalYearSchema.extend({
  scope: KpiScopeSchema,
  since: IsoDate,
  ...KpiFiguresSchema.shape,
  previous: FiscalYearSchema.extend(KpiFiguresSchema.shape).describe('The same figures for fiscal year − 1'),
  byField: z
    .array(KpiFiguresSchema.extend({ field: z.enum(FIELDS) }))
    .describe(
      'Participations and hours by the opportunity’s or log’s field; registrants by their interest fields and participants by the fields they took part in (a person may count in several)',
    ),
  byCompany: z
    .array(
      KpiFiguresSchema.extend({
        companyId: Id,
        companyCode: z.string(),
        nameJa: z.string(),
        nameEn: z.string(),
      }),
    )
    .describe('By the employee’s group company; every company of the scope, zeros included'),
});
export type VolunteeringKpis = z.infer<typeof VolunteeringKpisSchema>;
