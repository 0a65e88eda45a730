import {
  and,
  arrayContains,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  ilike,
  inArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { corporateNumberValid, localGovCodeValid } from '../../../shared/check-digits.js';
import type { Field } from '../../../shared/fields.js';
import { audit } from '../../lib/audit.js';
import { holds } from '../../lib/authz.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError, type FieldIssue } from '../../lib/errors.js';
import { offsetOf, type Page, sortSpec } from '../../lib/pagination.js';
import { isUniqueViolation, likeEscape } from '../../lib/sql.js';
import { campaignBeneficiaries } from '../giving/giving.table.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { organisations } from '../organisations/organisations.table.js';
import { partnerEligibleColumn, partnerEligibleNow } from './partners.eligibility.js';
import {
  PARTNER_SORTS,
  type Partner,
  type PartnerCreate,
  type PartnerKind,
  type PartnerListQuery,
  type PartnerStatus,
  type PartnerUpdate,
  type Recipient,
} from './partners.schema.js';
import { partners } from './partners.table.js';

type PartnerRow = typeof partners.$inferSelect;
type PartnerRowNow = PartnerRow & { eligibleNow: boolean };

/** Every column, and whether the partner is eligible today (the one condition of partners.eligibility.ts). */
const columnsNow = () => ({
  ...getTableColumns(partners),
  eligibleNow: partnerEligibleColumn(ledgerToday()),
});

export const partnerNotFound = () => new AppError('not_found', { params: { entity: 'partner' } });

const BANK_COLUMNS = [
  'bankName',
  'bankBranch',
  'bankAccountType',
  'bankAccountNumber',
  'bankAccountHolder',
] as const;

/** Bank details are for those who manage organisations or pay them out. */
const seesBank = (ctx: Ctx) => holds(ctx.actor, 'partners.manage') || holds(ctx.actor, 'ledger.read');

function view(ctx: Ctx, row: PartnerRowNow, campaignCount: number): Partner {
  const hasBank = BANK_COLUMNS.some((c) => row[c] !== null);
  return {
    id: row.id,
    code: row.code,
    nameJa: row.nameJa,
    nameEn: row.nameEn,
    kind: row.kind as PartnerKind,
    corporateNumber: row.corporateNumber,
    localGovCode: row.localGovCode,
    website: row.website,
    postalCode: row.postalCode,
    addressJa: row.addressJa,
    addressEn: row.addressEn,
    descriptionJa: row.descriptionJa,
    descriptionEn: row.descriptionEn,
    fields: row.fields as Field[],
    eligibleUntil: row.eligibleUntil,
    eligible: row.eligibleNow,
    status: row.status as PartnerStatus,
    bank:
      hasBank && seesBank(ctx)
        ? {
            bankName: row.bankName,
            bankBranch: row.bankBranch,
            bankAccountType: row.bankAccountType as 'ordinary' | 'current' | 'savings' | null,
            bankAccountNumber: row.bankAccountNumber,
            bankAccountHolder: row.bankAccountHolder,
          }
        : null,
    campaignCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function campaignCounts(ctx: Ctx, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await ctx.db
    .select({ partnerId: campaignBeneficiaries.partnerId, n: count() })
    .from(campaignBeneficiaries)
    .where(and(eq(campaignBeneficiaries.orgId, ctx.orgId), inArray(campaignBeneficiaries.partnerId, ids)))
    .groupBy(campaignBeneficiaries.partnerId);
  return new Map(rows.map((r) => [r.partnerId, Number(r.n)]));
}

async function findRow(ctx: Ctx, id: string, lock = false): Promise<PartnerRowNow | undefined> {
  const q = ctx.db
    .select(columnsNow())
    .from(partners)
    .where(and(eq(partners.orgId, ctx.orgId), eq(partners.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

type Checked = {
  nameJa: string | null;
  nameEn: string | null;
  corporateNumber: string | null;
  localGovCode: string | null;
};

/**
 * The name in the organisation's default language is required (the other one is optional); the
 * corporate number and the local-government code must carry the right check digit.
 */
async function checkValues(ctx: Ctx, p: Checked) {
  const [org] = await ctx.db
    .select({ locale: organisations.defaultLocale })
    .from(organisations)
    .where(eq(organisations.id, ctx.orgId));
  const path = org?.locale === 'en' ? 'nameEn' : 'nameJa';
  const issues: FieldIssue[] = p[path] ? [] : [{ path, code: 'required' }];
  if (p.corporateNumber && !corporateNumberValid(p.corporateNumber))
    issues.push({ path: 'corporateNumber', code: 'corporate_number_check_digit' });
  if (p.localGovCode && !localGovCodeValid(p.localGovCode))
    issues.push({ path: 'localGovCode', code: 'local_gov_code_check_digit' });
  if (issues.length) throw new AppError('validation_failed', { fields: issues });
}

const duplicateCode = () =>
  new AppError('duplicate', { params: { entity: 'partner' }, fields: [{ path: 'code', code: 'duplicate' }] });

function bankColumns(bank: PartnerCreate['bank']) {
  return Object.fromEntries(BANK_COLUMNS.map((c) => [c, bank ? bank[c] : null])) as Record<
    (typeof BANK_COLUMNS)[number],
    string | null
  >;
}

/** The organisations of the list: filter by text, kind, status and eligibility; paged and sorted. */
export async function listPartners(ctx: Ctx, query: PartnerListQuery): Promise<Page<Partner>> {
  const conditions: (SQL | undefined)[] = [eq(partners.orgId, ctx.orgId)];
  if (query.q) {
    const like = `%${likeEscape(query.q)}%`;
    conditions.push(
      or(
        ilike(partners.code, like),
        ilike(partners.nameJa, like),
        ilike(partners.nameEn, like),
        ilike(partners.corporateNumber, like),
        ilike(partners.localGovCode, like),
      ),
    );
  }
  if (query.kind) conditions.push(eq(partners.kind, query.kind));
  if (query.field) conditions.push(arrayContains(partners.fields, [query.field]));
  if (query.status) conditions.push(eq(partners.status, query.status));
  if (query.eligible !== undefined) {
    const now = partnerEligibleNow(ledgerToday());
    conditions.push(query.eligible ? now : sql`not coalesce(${now}, false)`);
  }
  const where = and(...conditions);
  const sort = sortSpec(query.sort, PARTNER_SORTS, 'code');
  const column = partners[sort.field];
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select(columnsNow())
      .from(partners)
      .where(where)
      .orderBy(sort.desc ? desc(column) : asc(column), asc(partners.id))
      .limit(query.size)
      .offset(offsetOf(query)),
    ctx.db.select({ total: count() }).from(partners).where(where),
  ]);
  const counts = await campaignCounts(
    ctx,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => view(ctx, r, counts.get(r.id) ?? 0)),
    total: Number(total),
    page: query.page,
    size: query.size,
  };
}

/** One organisation. Throws not_found. */
export async function getPartner(ctx: Ctx, id: string): Promise<Partner> {
  const row = await findRow(ctx, id);
  if (!row) throw partnerNotFound();
  return view(ctx, row, (await campaignCounts(ctx, [id])).get(id) ?? 0);
}

/** Organisations that may receive donations now (eligible and active), for donors to choose from. */
export async function listRecipients(ctx: Ctx, q?: string): Promise<Recipient[]> {
  const like = q ? `%${likeEscape(q)}%` : undefined;
  const rows = await ctx.db
    .select()
    .from(partners)
    .where(
      and(
        eq(partners.orgId, ctx.orgId),
        partnerEligibleNow(ledgerToday()),
        like
          ? or(ilike(partners.code, like), ilike(partners.nameJa, like), ilike(partners.nameEn, like))
          : undefined,
      ),
    )
    .orderBy(asc(partners.code))
    .limit(500);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    nameJa: r.nameJa,
    nameEn: r.nameEn,
    kind: r.kind as PartnerKind,
    website: r.website,
  }));
}

/**
 * Adds an organisation to the list; it is not eligible until a screening passes. Throws
 * validation_failed (name required, corporate_number_check_digit, local_gov_code_check_digit), duplicate (code).
 */
export async function createPartner(ctx: Ctx, input: PartnerCreate): Promise<Partner> {
  const values = {
    code: input.code,
    nameJa: input.nameJa ?? null,
    nameEn: input.nameEn ?? null,
    kind: input.kind,
    corporateNumber: input.corporateNumber ?? null,
    localGovCode: input.localGovCode ?? null,
    website: input.website ?? null,
    postalCode: input.postalCode ?? null,
    addressJa: input.addressJa ?? null,
    addressEn: input.addressEn ?? null,
    descriptionJa: input.descriptionJa ?? null,
    descriptionEn: input.descriptionEn ?? null,
    fields: [...new Set(input.fields)],
    status: input.status,
    ...bankColumns(input.bank),
  };
  await checkValues(ctx, values);
  return inTransaction(ctx, async (tx) => {
    const [created] = await tx.db
      .insert(partners)
      .values({ ...values, orgId: tx.orgId })
      .onConflictDoNothing({ target: [partners.orgId, partners.code] })
      .returning({ id: partners.id });
    if (!created) throw duplicateCode();
    const row = (await findRow(tx, created.id)) as PartnerRowNow;
    await audit(tx, { action: 'partner.create', entityType: 'partner', entityId: row.id, after: row });
    return view(tx, row, 0);
  });
}

/**
 * Changes an organisation: names, kind, identifiers, address, description, fields, status (active or
 * closed), bank details. Eligibility is not changed here: screening decides it. Throws not_found,
 * validation_failed (name required, check digits), duplicate (code).
 */
export async function updatePartner(ctx: Ctx, id: string, input: PartnerUpdate): Promise<Partner> {
  return inTransaction(ctx, async (tx) => {
    const before = await findRow(tx, id, true);
    if (!before) throw partnerNotFound();
    const { bank, fields, ...rest } = input;
    const patch = {
      ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
      ...(fields !== undefined ? { fields: [...new Set(fields)] } : {}),
      ...(bank !== undefined ? bankColumns(bank) : {}),
    } as Partial<PartnerRow>;
    await checkValues(tx, { ...before, ...patch });
    await tx.db
      .update(partners)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(partners.orgId, tx.orgId), eq(partners.id, id)))
      .catch((err) => {
        if (isUniqueViolation(err, 'partners_org_code')) throw duplicateCode();
        throw err;
      });
    const after = (await findRow(tx, id)) as PartnerRowNow;
    await audit(tx, { action: 'partner.update', entityType: 'partner', entityId: id, before, after });
    return view(tx, after, (await campaignCounts(tx, [id])).get(id) ?? 0);
  });
}
