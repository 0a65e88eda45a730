import { eq } from 'drizzle-orm';
import { fiscalYearLabel, fiscalYearOf, fiscalYearRange } from '../../../shared/fiscal-year.js';
import { PREFECTURES } from '../../../shared/prefectures.js';
import { audit } from '../../lib/audit.js';
import { assertHolds } from '../../lib/authz.js';
import type { Db } from '../../db/client.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { isCurrencyCode, type Organisation, type OrganisationUpdate } from './organisations.schema.js';
import { organisations } from './organisations.table.js';
import { changedKeys, notFoundError, throwIfInvalid } from './problems.js';

type OrgRow = typeof organisations.$inferSelect;

/** The fiscal year that contains a day (UTC), with its labels in both languages. */
export function fiscalYearOn(row: OrgRow, day: Date) {
  const settings = {
    startMonth: row.fiscalYearStartMonth,
    labelJa: row.fyLabelJa as 'start' | 'end',
    labelEn: row.fyLabelEn as 'start' | 'end',
  };
  const startYear = fiscalYearOf(day.toISOString().slice(0, 10), settings.startMonth);
  return {
    startYear,
    ...fiscalYearRange(startYear, settings.startMonth),
    labelJa: fiscalYearLabel(startYear, 'ja', settings),
    labelEn: fiscalYearLabel(startYear, 'en', settings),
  };
}

function view(row: OrgRow, now: Date): Organisation {
  return {
    id: row.id,
    code: row.code,
    nameJa: row.nameJa,
    nameEn: row.nameEn,
    defaultLocale: row.defaultLocale as 'ja' | 'en',
    fiscalYearStartMonth: row.fiscalYearStartMonth,
    fyLabelJa: row.fyLabelJa as 'start' | 'end',
    fyLabelEn: row.fyLabelEn as 'start' | 'end',
    defaultCurrency: row.defaultCurrency,
    pointValueMinor: row.pointValueMinor,
    currentFiscalYear: fiscalYearOn(row, now),
  };
}

async function load(ctx: Ctx, forUpdate = false): Promise<OrgRow> {
  const query = ctx.db.select().from(organisations).where(eq(organisations.id, ctx.orgId));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFoundError('organisation');
  return row;
}

/** The caller's organisation with its settings and the current fiscal year. */
export async function getOrganisation(ctx: Ctx, now = new Date()): Promise<Organisation> {
  return view(await load(ctx), now);
}

/**
 * Changes the organisation's names and settings. Only an organisation-wide org.manage grant may.
 * Throws forbidden, validation_failed (defaultCurrency not an ISO 4217 code).
 */
export async function updateOrganisation(
  ctx: Ctx,
  input: OrganisationUpdate,
  now = new Date(),
): Promise<Organisation> {
  assertHolds(ctx, 'org.manage', {});
  if (input.defaultCurrency && !isCurrencyCode(input.defaultCurrency)) {
    throwIfInvalid('organisation', [{ path: 'defaultCurrency', code: 'invalid_value' }]);
  }
  return inTransaction(ctx, async (tx) => {
    const before = await load(tx, true);
    const keys = changedKeys(before, input);
    if (!keys.length) return view(before, now);
    const patch = Object.fromEntries(keys.map((k) => [k, input[k as keyof OrganisationUpdate]]));
    const [after] = await tx.db
      .update(organisations)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(organisations.id, tx.orgId))
      .returning();
    await audit(tx, {
      action: 'organisation.update',
      entityType: 'organisation',
      entityId: tx.orgId,
      before,
      after,
    });
    return view(after, now);
  });
}

/** The 47 prefectures with their JIS codes, a reference list for site forms. */
export function listPrefectures() {
  return { items: PREFECTURES.map((p) => ({ code: p.code, nameJa: p.nameJa, nameEn: p.nameEn })) };
}

/**
 * Creates an organisation (a new tenant) with default settings, and writes its first audit record.
 * Throws duplicate when the code is taken.
 */
export async function createOrganisation(
  db: Db,
  input: { code: string; nameJa: string; nameEn: string; defaultLocale?: 'ja' | 'en' },
  actorLabel: string,
): Promise<OrgRow> {
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.code, input.code));
    if (taken)
      throw new AppError('duplicate', {
        params: { entity: 'organisation' },
        fields: [{ path: 'code', code: 'duplicate' }],
      });
    const [row] = await tx.insert(organisations).values(input).returning();
    await audit(
      { orgId: row.id, actor: { kind: 'system', label: actorLabel }, locale: 'en', db: tx },
      { action: 'organisation.create', entityType: 'organisation', entityId: row.id, after: row },
    );
    return row;
  });
}
