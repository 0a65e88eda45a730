import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../../lib/pagination.js';
import { FiscalYear, IsoDate, optionalText, RecordCode } from './records.fields.js';

export const GRADUATE_KINDS = ['individual', 'group'] as const;
export type GraduateKind = (typeof GRADUATE_KINDS)[number];

export const CohortCreateSchema = z.strictObject({
  code: RecordCode.describe('The cohort’s code, unique in the program (e.g. 2023)'),
  nameJa: optionalText(200),
  nameEn: optionalText(200),
  fiscalYear: FiscalYear,
  startsOn: IsoDate.nullable().optional(),
  endsOn: IsoDate.nullable().optional().describe('On or after startsOn'),
});
export type CohortCreate = z.infer<typeof CohortCreateSchema>;

export const CohortUpdateSchema = z.strictObject({
  code: RecordCode.optional(),
  nameJa: optionalText(200),
  nameEn: optionalText(200),
  fiscalYear: FiscalYear.optional(),
  startsOn: IsoDate.nullable().optional(),
  endsOn: IsoDate.nullable().optional(),
});
export type CohortUpdate = z.infer<typeof CohortUpdateSchema>;

export const CohortSchema = z.object({
  id: z.string().uuid(),
  programId: z.string().uuid(),
  code: z.string(),
  nameJa: z.string().nullable(),
  nameEn: z.string().nullable(),
  name: z.string().describe('In the caller’s language, else the other, else the code'),
  fiscalYear: z.number().int(),
  fiscalYearLabel: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  graduates: z.number().int().describe('Graduates recorded in the cohort'),
  supportedVentures: z.number().int().describe('Of them, those the program went on to support'),
});
export type Cohort = z.infer<typeof CohortSchema>;

export const CohortListQuerySchema = PageQuerySchema.pick({ page: true, size: true });

export const CohortListSchema = pageOf(CohortSchema).extend({
  graduatesTotal: z.number().int().describe('Graduates of every cohort of the program'),
});

const GraduateFields = {
  kind: z.enum(GRADUATE_KINDS).default('group'),
  nameJa: optionalText(200),
  nameEn: optionalText(200),
  ventureJa: optionalText(200).describe('The venture or organisation the graduate runs'),
  ventureEn: optionalText(200),
  supportedFiscalYear: FiscalYear.nullable()
    .optional()
    .describe('The fiscal year the program supported the venture (not before the cohort’s)'),
};

export const GraduateCreateSchema = z.strictObject({
  ref: RecordCode.optional().describe('The key imports match on; made from the cohort code when left out'),
  ...GraduateFields,
});
export type GraduateCreate = z.infer<typeof GraduateCreateSchema>;

export const GraduateUpdateSchema = z.strictObject({
  kind: z.enum(GRADUATE_KINDS).optional(),
  nameJa: GraduateFields.nameJa,
  nameEn: GraduateFields.nameEn,
  ventureJa: GraduateFields.ventureJa,
  ventureEn: GraduateFields.ventureEn,
  supportedFiscalYear: GraduateFields.supportedFiscalYear,
  cohortId: z.string().uuid().optional().describe('Move to another cohort of the same program'),
});
export type GraduateUpdate = z.infer<typeof GraduateUpdateSchema>;

export const GraduateSchema = z.object({
  id: z.string().uuid(),
  cohortId: z.string().uuid(),
  programId: z.string().uuid(),
  ref: z.string(),
  kind: z.enum(GRADUATE_KINDS),
  nameJa: z.string().nullable(),
  nameEn: z.string().nullable(),
  ventureJa: z.string().nullable(),
  ventureEn: z.string().nullable(),
  supportedFiscalYear: z.number().int().nullable(),
  supportedFiscalYearLabel: z.string().nullable(),
});
export type Graduate = z.infer<typeof GraduateSchema>;

export const GraduateListQuerySchema = PageQuerySchema.pick({ page: true, size: true }).extend({
  q: z.string().trim().max(100).optional().describe('Part of the name or venture'),
  supported: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .describe('Only graduates the program supported (true) or did not (false)'),
});

export const GraduateListSchema = pageOf(GraduateSchema);
