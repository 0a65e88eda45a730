import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../../lib/pagination.js';

export const COLLECTION_UNITS = ['points', 'count', 'kg'] as const;
export type CollectionUnit = (typeof COLLECTION_UNITS)[number];
export const DRIVE_STATUSES = ['planned', 'open', 'closed'] as const;
export type DriveStatus = (typeof DRIVE_STATUSES)[number];
/** Reports are accepted while a drive is open and up to this many days after its last day. */
export const REPORT_GRACE_DAYS = 30;

const Id = z.string().uuid();
const Code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/)
  .describe('Short code: letters, digits, - and _ (up to 40)');
const Name = z.string().trim().min(1).max(200);
const IsoDate = z.iso.date().describe('YYYY-MM-DD');
/** Exact decimals travel as strings; numbers are accepted and written out the same way. */
const Rate = z
  .union([z.number().min(0).max(1e10), z.string().trim()])
  .transform((v) => String(v))
  .pipe(z.string().regex(/^[0-9]{1,10}(\.[0-9]{1,4})?$/))
  .describe('Yen per unit, up to 4 decimals (e.g. 1 for a Bellmark point, "0.5")');

export const ItemParamsSchema = z.object({ id: Id });
export const DriveParamsSchema = z.object({ id: Id });
export const ReportParamsSchema = z.object({ id: Id, siteId: Id, itemId: Id });

export const CollectionItemSchema = z.object({
  id: Id,
  code: z.string(),
  nameJa: z.string().nullable(),
  nameEn: z.string().nullable(),
  unit: z.enum(COLLECTION_UNITS),
  yenPerUnit: z.string().nullable().describe('Exact decimal as text; null when the item is not valued'),
  active: z.boolean(),
  position: z.number().int(),
});
export type CollectionItem = z.infer<typeof CollectionItemSchema>;

export const ItemCreateSchema = z.strictObject({
  code: Code,
  nameJa: Name.nullable().optional(),
  nameEn: Name.nullable().optional(),
  unit: z.enum(COLLECTION_UNITS).describe('points (Bellmark), count (postcards, books) or kg (stamps)'),
  yenPerUnit: Rate.nullable().optional(),
  active: z.boolean().default(true),
  position: z.number().int().min(0).max(999).default(0).describe('Order in lists'),
});
export type ItemCreate = z.infer<typeof ItemCreateSchema>;

export const ItemUpdateSchema = z.strictObject({
  code: Code.optional(),
  nameJa: Name.nullable().optional(),
  nameEn: Name.nullable().optional(),
  unit: z.enum(COLLECTION_UNITS).optional().describe('Only while no report uses the item'),
  yenPerUnit: Rate.nullable().optional(),
  active: z.boolean().optional().describe('Inactive items are kept but not offered for new drives'),
  position: z.number().int().min(0).max(999).optional(),
});
export type ItemUpdate = z.infer<typeof ItemUpdateSchema>;

export const ItemListQuerySchema = z.object({
  active: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .describe('Only active (true) or inactive (false) items'),
});

const DriveItemInput = z.strictObject({
  itemId: Id,
  recipientId: Id.nullable().optional().describe('The organisation that receives what is collected'),
  yenPerUnit: Rate.nullable()
    .optional()
    .describe(
      "This drive's rate: left out, an item already in the drive keeps its rate and a new one takes the " +
        "item's current rate; null: not valued in this drive",
    ),
});

const driveFields = {
  code: Code.describe('Short code, e.g. DRIVE-2024'),
  titleJa: Name.nullable().optional(),
  titleEn: Name.nullable().optional(),
  startsOn: IsoDate.optional().describe('Default: 1 December of this year'),
  endsOn: IsoDate.optional().describe('Default: 31 January after startsOn'),
  siteIds: z.array(Id).max(500).describe('The sites that take part'),
  items: z.array(DriveItemInput).max(50).describe('What the drive collects and who receives each'),
};

export const DriveCreateSchema = z.strictObject(driveFields);
export type DriveCreate = z.infer<typeof DriveCreateSchema>;

export const DriveUpdateSchema = z.strictObject({
  code: driveFields.code.optional(),
  titleJa: driveFields.titleJa,
  titleEn: driveFields.titleEn,
  startsOn: IsoDate.optional(),
  endsOn: IsoDate.optional(),
  siteIds: driveFields.siteIds.optional().describe('Replaces the sites (one with reports stays)'),
  items: driveFields.items.optional().describe('Replaces the items (one with reports stays)'),
});
export type DriveUpdate = z.infer<typeof DriveUpdateSchema>;

const Names = { nameJa: z.string().nullable(), nameEn: z.string().nullable() };

export const DriveSiteSchema = z.object({
  siteId: Id,
  code: z.string(),
  ...Names,
  companyId: Id,
  companyCode: z.string(),
  companyNameJa: z.string(),
  companyNameEn: z.string(),
  canReport: z.boolean().describe('The caller may report for this site'),
});

export const PartnerRefSchema = z.object({ id: Id, code: z.string(), ...Names });

export const DriveItemSchema = z.object({
  itemId: Id,
  code: z.string(),
  ...Names,
  unit: z.enum(COLLECTION_UNITS),
  yenPerUnit: z
    .string()
    .nullable()
    .describe(
      "This drive's yen per unit (kept from when the item joined, or set for the drive); null: not valued",
    ),
  recipient: PartnerRefSchema.nullable(),
});

export const DriveSchema = z.object({
  id: Id,
  code: z.string(),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  fiscalYear: z.number().int().describe('The fiscal year of startsOn (the year it starts)'),
  fiscalYearLabel: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  reportsUntil: z.string().describe(`endsOn + ${REPORT_GRACE_DAYS} days: the last day reports are taken`),
  status: z.enum(DRIVE_STATUSES),
  acceptingReports: z.boolean().describe('Open, and today is on or before reportsUntil'),
  canManage: z.boolean(),
  sites: z.array(DriveSiteSchema),
  items: z.array(DriveItemSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Drive = z.infer<typeof DriveSchema>;

export const DriveListQuerySchema = PageQuerySchema.extend({
  status: z.enum(DRIVE_STATUSES).optional(),
  fiscalYear: z.coerce.number().int().min(1900).max(2999).optional(),
  reportable: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('Only drives taking reports at a site the caller reports for'),
});
export type DriveListQuery = z.infer<typeof DriveListQuerySchema>;

export const DriveSummarySchema = DriveSchema.omit({ sites: true, items: true }).extend({
  siteCount: z.number().int(),
  itemCount: z.number().int(),
  totalJpy: z.number().int().describe('Yen value of what was reported'),
});
export type DriveSummary = z.infer<typeof DriveSummarySchema>;
export const DrivePageSchema = pageOf(DriveSummarySchema);
export type DrivePage = z.infer<typeof DrivePageSchema>;

export const ReportBodySchema = z.strictObject({
  quantity: z
    .number()
    .min(0)
    .max(1e10)
    .describe('What the site collected, in the item’s unit (kg up to 3 decimals; points and count whole)'),
  note: z.string().trim().min(1).max(500).nullable().optional(),
});
export type ReportBody = z.infer<typeof ReportBodySchema>;

export const ReportSchema = z.object({
  id: Id,
  driveId: Id,
  siteId: Id,
  itemId: Id,
  quantity: z.number(),
  note: z.string().nullable(),
  reportedBy: z.string().describe('Who reported it last'),
  reportedAt: z.string(),
});
export type Report = z.infer<typeof ReportSchema>;

export const ReportListQuerySchema = z.object({ siteId: Id.optional() });
