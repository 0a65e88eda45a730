import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { type FiscalYearSettings, fiscalYearLabel, fiscalYearRange } from '../../../shared/fiscal-year.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { ledgerPostings } from '../ledger/ledger.table.js';
import { currentFiscalYear, ledgerToday } from '../ledger/ledger.values.js';
import { groupCompanies, organisations } from '../organisations/organisations.table.js';
import { partners } from '../partners/partners.table.js';
import { employees } from '../people/people.table.js';
import { requireEmployee } from '../volunteering/participation.common.js';
import type { DonationKind, DonationMethod, DonationReceipt } from './donations.schema.js';
import { campaigns, donations } from './giving.table.js';

async function donor(ctx: Ctx, employeeId: string) {
  const [row] = await ctx.db
    .select({
      employeeNumber: employees.employeeNumber,
      nameJa: employees.nameJa,
      nameEn: employees.nameEn,
      companyNameJa: groupCompanies.nameJa,
      companyNameEn: groupCompanies.nameEn,
      orgNameJa: organisations.nameJa,
      orgNameEn: organisations.nameEn,
      startMonth: organisations.fiscalYearStartMonth,
      labelJa: organisations.fyLabelJa,
      labelEn: organisations.fyLabelEn,
    })
    .from(employees)
    .innerJoin(
      groupCompanies,
      and(eq(groupCompanies.orgId, employees.orgId), eq(groupCompanies.id, employees.companyId)),
    )
    .innerJoin(organisations, eq(organisations.id, employees.orgId))
    .where(and(eq(employees.orgId, ctx.orgId), eq(employees.id, employeeId)));
  if (!row) throw new AppError('no_employee_record');
  return row;
}

/**
 * The donor's receipt for a fiscal year (default: the current one): every donation paid in that year
 * (by its ledger posting's date) and not refunded, oldest first, with totals in points and yen and
 * the money per currency. Read from the ledger's postings. Throws no_employee_record.
 */
export async function myDonationReceipt(ctx: Ctx, q: { fiscalYear?: number }): Promise<DonationReceipt> {
  const employeeId = requireEmployee(ctx);
  const who = await donor(ctx, employeeId);
  const fiscalYear = q.fiscalYear ?? (await currentFiscalYear(ctx));
  const rows = await ctx.db
    .select({
      id: donations.id,
      paidOn: ledgerPostings.effectiveOn,
      kind: donations.kind,
      method: donations.method,
      campaignId: campaigns.id,
      titleJa: campaigns.titleJa,
      titleEn: campaigns.titleEn,
      nameJa: partners.nameJa,
      nameEn: partners.nameEn,
      points: donations.points,
      amountMinor: donations.amountMinor,
      currency: donations.currency,
      valueJpy: donations.valueJpy,
    })
    .from(donations)
    .innerJoin(
      ledgerPostings,
      and(
        eq(ledgerPostings.orgId, donations.orgId),
        eq(ledgerPostings.donationId, donations.id),
        inArray(ledgerPostings.kind, ['point_donation', 'money_donation']),
        isNull(ledgerPostings.reversesId),
      ),
    )
    .innerJoin(partners, and(eq(partners.orgId, donations.orgId), eq(partners.id, donations.partnerId)))
    .leftJoin(campaigns, and(eq(campaigns.orgId, donations.orgId), eq(campaigns.id, donations.campaignId)))
    .where(
      and(
        eq(donations.orgId, ctx.orgId),
        eq(donations.employeeId, employeeId),
        eq(donations.status, 'paid'),
        eq(ledgerPostings.fiscalYear, fiscalYear),
      ),
    )
    .orderBy(asc(ledgerPostings.effectiveOn), asc(ledgerPostings.postedAt));
  const settings: FiscalYearSettings = {
    startMonth: who.startMonth,
    labelJa: who.labelJa as FiscalYearSettings['labelJa'],
    labelEn: who.labelEn as FiscalYearSettings['labelEn'],
  };
  const period = fiscalYearRange(fiscalYear, settings.startMonth);
  const byCurrency = new Map<string, { currency: string; amountMinor: number; valueJpy: number }>();
  let points = 0;
  let pointsJpy = 0;
  for (const r of rows) {
    if (r.kind === 'points') {
      points += r.points ?? 0;
      pointsJpy += r.valueJpy;
      continue;
    }
    const c = r.currency as string;
    const sum = byCurrency.get(c) ?? { currency: c, amountMinor: 0, valueJpy: 0 };
    sum.amountMinor += r.amountMinor ?? 0;
    sum.valueJpy += r.valueJpy;
    byCurrency.set(c, sum);
  }
  const money = [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
  const moneyJpy = money.reduce((s, m) => s + m.valueJpy, 0);
  return {
    fiscalYear,
    labelJa: fiscalYearLabel(fiscalYear, 'ja', settings),
    labelEn: fiscalYearLabel(fiscalYear, 'en', settings),
    periodStart: period.start,
    periodEnd: period.end,
    organisation: { nameJa: who.orgNameJa, nameEn: who.orgNameEn },
    company: { nameJa: who.companyNameJa, nameEn: who.companyNameEn },
    employee: { employeeNumber: who.employeeNumber, nameJa: who.nameJa, nameEn: who.nameEn },
    items: rows.map((r) => ({
      id: r.id,
      paidOn: r.paidOn,
      kind: r.kind as DonationKind,
      method: r.method as DonationMethod,
      campaign: r.campaignId ? { titleJa: r.titleJa, titleEn: r.titleEn } : null,
      partner: { nameJa: r.nameJa, nameEn: r.nameEn },
      points: r.points,
      amountMinor: r.amountMinor,
      currency: r.currency,
      valueJpy: r.valueJpy,
    })),
    totals: { points, pointsJpy, moneyJpy, totalJpy: pointsJpy + moneyJpy, byCurrency: money },
    issuedOn: ledgerToday(),
  };
}
