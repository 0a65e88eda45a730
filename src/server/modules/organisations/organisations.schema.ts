import { z } from 'zod';
import { PREFECTURE_CODES } from '../../../shared/prefectures.js';
import { PageQuerySchema } from '../../lib/pagination.js';

const Id = z.string().uuid();
export const IdParamsSchema = z.object({ id: Id });

export const CodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/)
  .describe('Short code: letters, digits, _ . -; unique in its parent');
const NameJa = z.string().trim().min(1).max(200).describe('Name in Japanese');
const NameEn = z.string().trim().min(1).max(200).describe('Name in English');
const TimeZone = z.string().trim().min(1).max(64).describe('IANA time zone, e.g. Asia/Tokyo');
const Currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/)
  .describe('ISO 4217 currency code, e.g. JPY');
const Country = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/)
  .describe('ISO 3166-1 alpha-2 country code, e.g. JP');
const Q = z.string().trim().max(100).optional().describe('Part of the code or a name');

/** True for an IANA zone that Intl knows (its canonical names, 'UTC', and aliases such as Asia/Kolkata). */
export function isTimeZone(tz: string): boolean {
  if (tz === 'UTC' || Intl.supportedValuesOf('timeZone').includes(tz)) return true;
  if (!/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const isCurrencyCode = (c: string) => Intl.supportedValuesOf('currency').includes(c);

/** True for an assigned ISO 3166-1 alpha-2 code (Intl names it). */
export function isCountryCode(c: string): boolean {
  if (!/^[A-Z]{2}$/.test(c)) return false;
  const name = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(c);
  return !!name && name !== c;
}

export const FY_LABELS = ['start', 'end'] as const;

export const FiscalYearSchema = z.object({
  startYear: z.number().int().describe('Calendar year in which the fiscal year starts'),
  start: z.string().describe('First day, YYYY-MM-DD'),
  end: z.string().describe('Last day, YYYY-MM-DD'),
  labelJa: z.string().describe('e.g. 2024年度'),
  labelEn: z.string().describe('e.g. fiscal 2025'),
});

export const OrganisationSchema = z.object({
  id: Id,
  code: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  defaultLocale: z.enum(['ja', 'en']),
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  fyLabelJa: z.enum(FY_LABELS).describe('Japanese label names the year the fiscal year starts or ends'),
  fyLabelEn: z.enum(FY_LABELS).describe('English label names the year the fiscal year starts or ends'),
  defaultCurrency: z.string(),
  pointValueMinor: z.number().int().describe('Value of one point in minor units of the default currency'),
  currentFiscalYear: FiscalYearSchema,
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export const OrganisationUpdateSchema = z.strictObject({
  nameJa: NameJa.optional(),
  nameEn: NameEn.optional(),
  defaultLocale: z.enum(['ja', 'en']).optional(),
  fiscalYearStartMonth: z.number().int().min(1).max(12).optional().describe('1 = January, 4 = April'),
  fyLabelJa: z.enum(FY_LABELS).optional(),
  fyLabelEn: z.enum(FY_LABELS).optional(),
  defaultCurrency: Currency.optional(),
  pointValueMinor: z.number().int().min(1).max(1_000_000).optional(),
});
export type OrganisationUpdate = z.infer<typeof OrganisationUpdateSchema>;

export const PrefectureListSchema = z.object({
  items: z.array(z.object({ code: z.string(), nameJa: z.string(), nameEn: z.string() })),
});

export const CompanySchema = z.object({
  id: Id,
  code: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  country: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  siteCount: z.number().int(),
  employeeCount: z.number().int().describe('Employee records of the company, including those who left'),
});
export type Company = z.infer<typeof CompanySchema>;

export const CompanyCreateSchema = z.strictObject({
  code: CodeSchema,
  nameJa: NameJa,
  nameEn: NameEn,
  country: Country,
  currency: Currency,
  timeZone: TimeZone,
});
export type CompanyCreate = z.infer<typeof CompanyCreateSchema>;
export const CompanyUpdateSchema = CompanyCreateSchema.partial();
export type CompanyUpdate = z.infer<typeof CompanyUpdateSchema>;

export const COMPANY_SORTS = ['code', 'nameJa', 'nameEn', 'country'] as const;
export const CompanyListQuerySchema = PageQuerySchema.extend({
  q: Q,
  sort: z
    .string()
    .max(40)
    .optional()
    .describe(`One of ${COMPANY_SORTS.join(', ')}; prefix - for descending`),
});
export type CompanyListQuery = z.infer<typeof CompanyListQuerySchema>;

export const SITE_KINDS = ['head_office', 'office', 'factory', 'lab', 'other'] as const;
export const SiteSchema = z.object({
  id: Id,
  companyId: Id,
  companyCode: z.string(),
  code: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  kind: z.enum(SITE_KINDS),
  prefecture: z.string().nullable().describe('JIS X 0401 code 01-47 for sites in Japan'),
  region: z.string().nullable().describe('State, province or region for sites elsewhere'),
  timeZone: z.string(),
});
export type Site = z.infer<typeof SiteSchema>;

const Prefecture = z
  .enum(PREFECTURE_CODES as [string, ...string[]])
  .nullable()
  .describe('JIS X 0401 prefecture code, 01 (Hokkaido) to 47 (Okinawa)');
const Region = z.string().trim().max(100).nullable();

export const SiteCreateSchema = z.strictObject({
  companyId: Id,
  code: CodeSchema,
  nameJa: NameJa,
  nameEn: NameEn,
  kind: z.enum(SITE_KINDS).default('office'),
  prefecture: Prefecture.optional(),
  region: Region.optional(),
  timeZone: TimeZone,
});
export type SiteCreate = z.infer<typeof SiteCreateSchema>;
export const SiteUpdateSchema = z.strictObject({
  code: CodeSchema.optional(),
  nameJa: NameJa.optional(),
  nameEn: NameEn.optional(),
  kind: z.enum(SITE_KINDS).optional(),
  prefecture: Prefecture.optional(),
  region: Region.optional(),
  timeZone: TimeZone.optional(),
});
export type SiteUpdate = z.infer<typeof SiteUpdateSchema>;

export const SITE_SORTS = ['code', 'nameJa', 'nameEn', 'kind', 'prefecture'] as const;
export const SiteListQuerySchema = PageQuerySchema.extend({
  companyId: Id.optional().describe('Only the sites of this group company'),
  q: Q,
  sort: z
    .string()
    .max(40)
    .optional()
    .describe(`One of ${SITE_SORTS.join(', ')}; prefix - for descending`),
});
export type SiteListQuery = z.infer<typeof SiteListQuerySchema>;

export const DepartmentSchema = z.object({
  id: Id,
  companyId: Id,
  companyCode: z.string(),
  parentId: Id.nullable(),
  code: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
});
export type Department = z.infer<typeof DepartmentSchema>;

export const DepartmentCreateSchema = z.strictObject({
  companyId: Id,
  parentId: Id.nullable().optional().describe('A department of the same group company'),
  code: CodeSchema,
  nameJa: NameJa,
  nameEn: NameEn,
});
export type DepartmentCreate = z.infer<typeof DepartmentCreateSchema>;
export const DepartmentUpdateSchema = DepartmentCreateSchema.omit({ companyId: true }).partial();
export type DepartmentUpdate = z.infer<typeof DepartmentUpdateSchema>;

export const DEPARTMENT_SORTS = ['code', 'nameJa', 'nameEn'] as const;
export const DepartmentListQuerySchema = PageQuerySchema.extend({
  companyId: Id.optional().describe('Only the departments of this group company'),
  q: Q,
  sort: z
    .string()
    .max(40)
    .optional()
    .describe(`One of ${DEPARTMENT_SORTS.join(', ')}; prefix - for descending`),
});
export type DepartmentListQuery = z.infer<typeof DepartmentListQuerySchema>;
