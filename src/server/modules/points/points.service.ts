import { and, asc, count, desc, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import { fiscalYearLabel, fiscalYearRange, type Locale } from '../../../shared/fiscal-year.js';
import { audit } from '../../lib/audit.js';
import { assertHolds, holdsOn } from '../../lib/authz.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { offsetOf, type Page } from '../../lib/pagination.js';
import { likeEscape, toNumber } from '../../lib/sql.js';
import { users } from '../auth/auth.table.js';
import { account } from '../ledger/ledger.keys.js';
import { type Posting, type PostingInput, post } from '../ledger/ledger.post.js';
import { ledgerAccounts, ledgerEntries, ledgerPostings } from '../ledger/ledger.table.js';
import { type LedgerSettings, ledgerSettings, ledgerToday } from '../ledger/ledger.values.js';
import { employeeSearch } from '../people/people.search.js';
import { employees } from '../people/people.table.js';
import type { Grant, GrantCreate, GrantListQuery } from './points.schema.js';
import { employeesInScope } from '../people/people.scope.js';

/** A fiscal year as the screens show it: its label, its last day, and whether it is over. */
export type YearInfo = { label: string; expiresOn: string; ended: boolean };

export function yearInfo(
  s: LedgerSettings,
  fiscalYear: number,
  locale: Locale,
  today = ledgerToday(),
): YearInfo {
  const { end } = fiscalYearRange(fiscalYear, s.fiscalYearStartMonth);
  const label = fiscalYearLabel(fiscalYear, locale, {
    startMonth: s.fiscalYearStartMonth,
    labelJa: s.fyLabelJa,
    labelEn: s.fyLabelEn,
  });
  return { label, expiresOn: end, ended: end < today };
}

export const GRANT_KEY_PREFIX = 'grant:';
export const grantKey = (reference: string) => `${GRANT_KEY_PREFIX}${reference}`;

export type GrantInput = Omit<GrantCreate, 'note'> & { note?: string | null };

/** What a grant's posting is keyed on: the same reference with other content is refused. */
export function grantRequest(g: GrantInput) {
  return {
    employeeId: g.employeeId,
    fiscalYear: g.fiscalYear,
    points: g.points,
    note: g.note?.trim() || null,
  };
}

/** The posting of a grant (see the flows of docs/decisions/0009-ledger.md), dated today or the year's start. */
function grantPosting(g: GrantInput, s: LedgerSettings, today: string): PostingInput {
  const { start } = fiscalYearRange(g.fiscalYear, s.fiscalYearStartMonth);
  const request = grantRequest(g);
  return {
    kind: 'grant',
    idempotencyKey: grantKey(g.reference),
    request,
    fiscalYear: g.fiscalYear,
    effectiveOn: today > start ? today : start,
    memo: request.note,
    links: { employeeId: g.employeeId },
    lines: [
      { account: account.pointsGranted(g.fiscalYear), amount: -g.points },
      { account: account.employeePoints(g.employeeId, g.fiscalYear), amount: g.points },
    ],
  };
}

/**
 * Posts a grant once per reference, without permission checks or audit (callers do both: the API per
 * grant, the import once per file). A reference already posted with the same content answers that
 * posting (`replayed`), even when its year has ended since.
 * @throws AppError fiscal_year_ended (a new grant to a year that is over), idempotency_key_reused.
 */
export async function postGrant(ctx: Ctx, g: GrantInput): Promise<{ posting: Posting; replayed: boolean }> {
  return inTransaction(ctx, async (tx) => {
    const s = await ledgerSettings(tx);
    const today = ledgerToday();
    const [known] = await tx.db
      .select({ id: ledgerPostings.id })
      .from(ledgerPostings)
      .where(
        and(eq(ledgerPostings.orgId, tx.orgId), eq(ledgerPostings.idempotencyKey, grantKey(g.reference))),
      );
    const year = yearInfo(s, g.fiscalYear, tx.locale, today);
    if (!known && year.ended) throw new AppError('fiscal_year_ended', { params: { year: year.label } });
    return post(tx, grantPosting(g, s, today));
  });
}

async function employeeOf(ctx: Ctx, id: string) {
  const [e] = await ctx.db
    .select({ id: employees.id, companyId: employees.companyId, siteId: employees.siteId })
    .from(employees)
    .where(and(eq(employees.orgId, ctx.orgId), eq(employees.id, id)));
  return e;
}

/**
 * Grants points to an employee for a fiscal year (points.manage on the employee's company or site),
 * audited. The same reference with the same content answers the first grant and posts nothing.
 * @throws AppError not_found (employee), forbidden, fiscal_year_ended, idempotency_key_reused.
 */
export async function grantPoints(ctx: Ctx, input: GrantCreate): Promise<Grant> {
  const e = await employeeOf(ctx, input.employeeId);
  if (!e) throw new AppError('not_found', { params: { entity: 'employee' } });
  assertHolds(ctx, 'points.manage', { companyId: e.companyId, siteId: e.siteId });
  return inTransaction(ctx, async (tx) => {
    const { posting, replayed } = await postGrant(tx, input);
    if (!replayed) {
      await audit(tx, {
        action: 'points.grant',
        entityType: 'ledger_posting',
        entityId: posting.id,
        after: { reference: input.reference, ...grantRequest(input), effectiveOn: posting.effectiveOn },
      });
    }
    return (await grantRows(tx, [eq(ledgerPostings.id, posting.id)], 1, 0))[0];
  });
}

const grantWhere = (ctx: Ctx, extra: Array<SQL | undefined>) =>
  and(
    eq(ledgerPostings.orgId, ctx.orgId),
    eq(ledgerPostings.kind, 'grant'),
    isNull(ledgerPostings.reversesId),
    eq(ledgerAccounts.kind, 'employee_points'),
    ...extra,
  );

/** Grant postings with their employee's entry (one per grant) and employee. */
async function grantRows(ctx: Ctx, where: Array<SQL | undefined>, limit: number, offset: number) {
  const rows = await ctx.db
    .select({
      postingId: ledgerPostings.id,
      key: ledgerPostings.idempotencyKey,
      fiscalYear: ledgerPostings.fiscalYear,
      points: ledgerEntries.amount,
      valueJpy: ledgerEntries.valueJpy,
      note: ledgerPostings.memo,
      effectiveOn: ledgerPostings.effectiveOn,
      postedAt: ledgerPostings.postedAt,
      createdBy: users.displayName,
      reversed: sql<boolean>`exists (select 1 from ledger_postings r where r.reverses_id = ledger_postings.id)`,
      employee: {
        id: employees.id,
        employeeNumber: employees.employeeNumber,
        nameJa: employees.nameJa,
        nameEn: employees.nameEn,
        companyId: employees.companyId,
      },
    })
    .from(ledgerPostings)
    .innerJoin(ledgerEntries, eq(ledgerEntries.postingId, ledgerPostings.id))
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
    .innerJoin(employees, eq(employees.id, ledgerAccounts.employeeId))
    .leftJoin(users, eq(users.id, ledgerPostings.createdBy))
    .where(grantWhere(ctx, where))
    .orderBy(desc(ledgerPostings.postedAt), asc(ledgerPostings.id))
    .limit(limit)
    .offset(offset);
  return rows.map(({ key, postedAt, reversed, ...r }) => ({
    ...r,
    reference: key.slice(GRANT_KEY_PREFIX.length),
    postedAt: postedAt.toISOString(),
    reversed: !!reversed,
  }));
}

/** One grant (ledger.read on the employee's company or site). @throws AppError not_found */
export async function getGrant(ctx: Ctx, postingId: string): Promise<Grant> {
  const [g] = await grantRows(ctx, [eq(ledgerPostings.id, postingId)], 1, 0);
  const e = g && (await employeeOf(ctx, g.employee.id));
  if (!e || !holdsOn(ctx.actor, 'ledger.read', { companyId: e.companyId, siteId: e.siteId }))
    throw new AppError('not_found', { params: { entity: 'point_grant' } });
  return g;
}

/**
 * Grants in the caller's scope (ledger.read), newest first; `q` finds an employee (number, name) or
 * part of a grant reference.
 */
export async function listGrants(ctx: Ctx, query: GrantListQuery): Promise<Page<Grant>> {
  const scope = employeesInScope(ctx, 'ledger.read');
  if (scope === false) return { items: [], total: 0, page: query.page, size: query.size };
  const where = [
    scope,
    query.q
      ? or(
          employeeSearch(ctx.orgId, query.q).where,
          ilike(ledgerPostings.idempotencyKey, `${GRANT_KEY_PREFIX}%${likeEscape(query.q)}%`),
        )
      : undefined,
    query.fiscalYear ? eq(ledgerPostings.fiscalYear, query.fiscalYear) : undefined,
    query.companyId ? eq(employees.companyId, query.companyId) : undefined,
  ];
  const items = await grantRows(ctx, where, query.size, offsetOf(query));
  const [{ total }] = await ctx.db
    .select({ total: count() })
    .from(ledgerPostings)
    .innerJoin(ledgerEntries, eq(ledgerEntries.postingId, ledgerPostings.id))
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
    .innerJoin(employees, eq(employees.id, ledgerAccounts.employeeId))
    .where(grantWhere(ctx, where));
  return { items, total: toNumber(total), page: query.page, size: query.size };
}
