import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../../lib/pagination.js';
import { PARTNER_KINDS } from './partners.schema.js';

// Contracts of agreements with partners: comprehensive partnerships (包括連携協定), memoranda,
// sponsorships and pro bono engagements, with their parties and signed documents.

export const AGREEMENT_KINDS = [
  'comprehensive_partnership',
  'memorandum',
  'sponsorship',
  'pro_bono',
] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export const AGREEMENT_STATUSES = ['draft', 'active', 'expired', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

const Id = z.string().uuid();
const IsoDate = z.iso.date().describe('YYYY-MM-DD');
const Title = z.string().trim().min(1).max(300).nullable().optional();
const Scope = z.string().trim().min(1).max(4000).nullable().optional();

export const AgreementParamsSchema = z.object({ id: Id });

const fields = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/)
    .describe('Short code: letters, digits, - and _ (up to 40)'),
  kind: z.enum(AGREEMENT_KINDS),
  companyId: Id.describe('The group company that signed: who may change it is scoped by it'),
  titleJa: Title,
  titleEn: Title,
  scopeJa: Scope.describe('What the parties work on together'),
  scopeEn: Scope,
  signedOn: IsoDate.nullable().optional().describe('Required once the agreement is not a draft'),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable().optional().describe('Null: open-ended'),
  status: z.enum(AGREEMENT_STATUSES),
  partnerIds: z.array(Id).min(1).max(20).describe('The partners party to it (at least one)'),
};

export const AgreementCreateSchema = z.strictObject({ ...fields, status: fields.status.default('draft') });
export type AgreementCreate = z.infer<typeof AgreementCreateSchema>;

export const AgreementUpdateSchema = z.strictObject({
  code: fields.code.optional(),
  kind: fields.kind.optional(),
  companyId: fields.companyId.optional(),
  titleJa: fields.titleJa,
  titleEn: fields.titleEn,
  scopeJa: fields.scopeJa,
  scopeEn: fields.scopeEn,
  signedOn: fields.signedOn,
  startsOn: fields.startsOn.optional(),
  endsOn: fields.endsOn,
  status: fields.status.optional(),
  partnerIds: fields.partnerIds.optional(),
});
export type AgreementUpdate = z.infer<typeof AgreementUpdateSchema>;

export const AgreementDocumentsSchema = z.strictObject({
  fileIds: z
    .array(Id)
    .max(20)
    .describe('Files uploaded with POST /api/files?purpose=agreement_document; replaces the list'),
});
export type AgreementDocuments = z.infer<typeof AgreementDocumentsSchema>;

const PartySchema = z.object({
  id: Id,
  code: z.string(),
  nameJa: z.string().nullable(),
  nameEn: z.string().nullable(),
  kind: z.enum(PARTNER_KINDS),
});

const DocumentSchema = z.object({
  fileId: Id,
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  addedAt: z.string(),
});

export const AgreementSchema = z.object({
  id: Id,
  code: z.string(),
  kind: z.enum(AGREEMENT_KINDS),
  company: z.object({ id: Id, code: z.string(), nameJa: z.string(), nameEn: z.string() }),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  scopeJa: z.string().nullable(),
  scopeEn: z.string().nullable(),
  signedOn: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  status: z.enum(AGREEMENT_STATUSES),
  lapsed: z.boolean().describe('Active but its end date has passed: due to be marked expired or renewed'),
  parties: z.array(PartySchema),
  documents: z.array(DocumentSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Agreement = z.infer<typeof AgreementSchema>;

export const AGREEMENT_SORTS = ['code', 'startsOn', 'endsOn', 'createdAt'] as const;

export const AgreementListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(100).optional().describe('Part of the code or a title'),
  kind: z.enum(AGREEMENT_KINDS).optional(),
  status: z.enum(AGREEMENT_STATUSES).optional(),
  partnerId: Id.optional().describe('Only agreements this partner is party to'),
  companyId: Id.optional(),
  sort: z
    .string()
    .max(40)
    .optional()
    .describe(`One of ${AGREEMENT_SORTS.join(', ')}; prefix - for descending (default -startsOn)`),
});
export type AgreementListQuery = z.infer<typeof AgreementListQuerySchema>;

export const AgreementPageSchema = pageOf(AgreementSchema);
export type AgreementPage = z.infer<typeof AgreementPageSchema>;
