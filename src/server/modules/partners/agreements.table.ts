import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { storedFiles } from '../files/files.table.js';
import { groupCompanies, organisations } from '../organisations/organisations.table.js';
import { partners } from './partners.table.js';

/**
 * An agreement between a group company and one or more partners: a comprehensive partnership
 * (包括連携協定) with a prefecture or city, a memorandum, a sponsorship or a pro bono engagement.
 */
export const partnerAgreements = pgTable(
  'partner_agreements',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    code: text().notNull(),
    kind: text().notNull(),
    /** The group company that signed: the scope of who may edit it. */
    companyId: uuid().notNull(),
    titleJa: text(),
    titleEn: text(),
    scopeJa: text(),
    scopeEn: text(),
    signedOn: date({ mode: 'string' }),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }),
    status: text().notNull().default('draft'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('partner_agreements_org_id').on(t.orgId, t.id),
    unique('partner_agreements_org_code').on(t.orgId, t.code),
    foreignKey({
      name: 'partner_agreements_company_fk',
      columns: [t.orgId, t.companyId],
      foreignColumns: [groupCompanies.orgId, groupCompanies.id],
    }),
    check('partner_agreements_code', sql`${t.code} ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'`),
    check(
      'partner_agreements_kind',
      sql`${t.kind} in ('comprehensive_partnership', 'memorandum', 'sponsorship', 'pro_bono')`,
    ),
    check('partner_agreements_status', sql`${t.status} in ('draft', 'active', 'expired', 'terminated')`),
    check('partner_agreements_title', sql`coalesce(${t.titleJa}, ${t.titleEn}) is not null`),
    check('partner_agreements_dates', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    check('partner_agreements_signed', sql`${t.status} = 'draft' or ${t.signedOn} is not null`),
  ],
);

/** The partners party to an agreement (a comprehensive agreement may have several). */
export const partnerAgreementParties = pgTable(
  'partner_agreement_parties',
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    agreementId: uuid().notNull(),
    partnerId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ name: 'partner_agreement_parties_pk', columns: [t.agreementId, t.partnerId] }),
    foreignKey({
      name: 'partner_agreement_parties_agreement_fk',
      columns: [t.orgId, t.agreementId],
      foreignColumns: [partnerAgreements.orgId, partnerAgreements.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'partner_agreement_parties_partner_fk',
      columns: [t.orgId, t.partnerId],
      foreignColumns: [partners.orgId, partners.id],
    }),
    index('partner_agreement_parties_partner_idx').on(t.orgId, t.partnerId),
  ],
);

/** The signed documents of an agreement (uploaded files, purpose agreement_document). */
export const partnerAgreementDocuments = pgTable(
  'partner_agreement_documents',
  {
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    agreementId: uuid().notNull(),
    fileId: uuid().notNull(),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'partner_agreement_documents_pk', columns: [t.agreementId, t.fileId] }),
    foreignKey({
      name: 'partner_agreement_documents_agreement_fk',
      columns: [t.orgId, t.agreementId],
      foreignColumns: [partnerAgreements.orgId, partnerAgreements.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'partner_agreement_documents_file_fk',
      columns: [t.orgId, t.fileId],
      foreignColumns: [storedFiles.orgId, storedFiles.id],
    }),
  ],
);
