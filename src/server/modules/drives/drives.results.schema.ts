import { z } from 'zod';
import { COLLECTION_UNITS, DRIVE_STATUSES, PartnerRefSchema } from './drives.schema.js';

const Id = z.string().uuid();
const Names = { nameJa: z.string().nullable(), nameEn: z.string().nullable() };
const Yen = z.number().int();

/** This year's yen value against the previous fiscal year's. */
const Change = {
  valueJpy: Yen.describe('round(Σ quantity × yen per unit), exact decimals, rounded once'),
  previousValueJpy: Yen.nullable().describe(
    'The same in the previous fiscal year; null without a drive then',
  ),
  changeJpy: Yen.nullable(),
  changePercent: z.number().nullable().describe('One decimal; null when last year was 0 or absent'),
};

export const ItemResultSchema = z.object({
  itemId: Id,
  code: z.string(),
  ...Names,
  unit: z.enum(COLLECTION_UNITS),
  yenPerUnit: z.string().nullable(),
  recipient: PartnerRefSchema.nullable(),
  quantity: z.number(),
  sitesReported: z.number().int(),
  previousQuantity: z.number().nullable(),
  quantityChange: z.number().nullable(),
  quantityChangePercent: z.number().nullable(),
  ...Change,
  valueJpy: Yen.nullable().describe('null when the item has no yen rate in this drive'),
});
export type ItemResult = z.infer<typeof ItemResultSchema>;

export const SiteResultSchema = z.object({
  siteId: Id,
  code: z.string(),
  ...Names,
  companyId: Id,
  companyCode: z.string(),
  itemsReported: z.number().int(),
  ...Change,
});
export type SiteResult = z.infer<typeof SiteResultSchema>;

export const CompanyResultSchema = z.object({
  companyId: Id,
  code: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  sitesReported: z.number().int(),
  ...Change,
});
export type CompanyResult = z.infer<typeof CompanyResultSchema>;

export const RecipientResultSchema = z.object({
  partnerId: Id.nullable().describe('null: items with no recipient set'),
  code: z.string().nullable(),
  ...Names,
  items: z.number().int(),
  ...Change,
});
export type RecipientResult = z.infer<typeof RecipientResultSchema>;

export const DriveResultsSchema = z.object({
  driveId: Id,
  code: z.string(),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  status: z.enum(DRIVE_STATUSES),
  fiscalYear: z.number().int(),
  fiscalYearLabel: z.string(),
  previous: z
    .object({
      fiscalYear: z.number().int(),
      fiscalYearLabel: z.string(),
      driveCodes: z.array(z.string()),
    })
    .nullable()
    .describe('The drives of the previous fiscal year compared with (null when there were none)'),
  totals: z.object({
    ...Change,
    reports: z.number().int(),
    sitesReported: z.number().int(),
    sites: z.number().int(),
  }),
  items: z.array(ItemResultSchema),
  sites: z.array(SiteResultSchema),
  companies: z.array(CompanyResultSchema),
  recipients: z.array(RecipientResultSchema),
});
export type DriveResults = z.infer<typeof DriveResultsSchema>;

/** A fiscal year's drives together (what the report reads). */
export type YearTotals = {
  fiscalYear: number;
  drives: { id: string; code: string; titleJa: string | null; titleEn: string | null; status: string }[];
  valueJpy: number;
  reports: number;
  items: {
    itemId: string;
    code: string;
    nameJa: string | null;
    nameEn: string | null;
    unit: (typeof COLLECTION_UNITS)[number];
    quantity: number;
    /** At each drive's own rate; null when no drive of the year valued the item. */
    valueJpy: number | null;
  }[];
  sites: {
    siteId: string;
    code: string;
    nameJa: string;
    nameEn: string;
    companyId: string;
    valueJpy: number;
  }[];
  companies: { companyId: string; code: string; nameJa: string; nameEn: string; valueJpy: number }[];
  recipients: {
    partnerId: string | null;
    code: string | null;
    nameJa: string | null;
    nameEn: string | null;
    valueJpy: number;
  }[];
};
