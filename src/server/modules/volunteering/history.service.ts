import { and, eq, gt, or, sql } from 'drizzle-orm';
import {
  type FiscalYearSettings,
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
} from '../../../shared/fiscal-year.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { toNumber } from '../../lib/sql.js';
import { groupCompanies, organisations } from '../organisations/organisations.table.js';
import { employees } from '../people/people.table.js';
import { hoursOf, requireEmployee, todayIn } from './participation.common.js';
import type { Certificate, FiscalYearTotal, History, HistoryItem, HistoryStatus } from './signups.schema.js';
import {
  opportunities,
  opportunityShifts,
  signups,
  volunteerHourLogs as logs,
} from './volunteering.table.js';

/** The employee, their company and organisation, and the organisation's fiscal-year settings. */
async function whoAndWhere(ctx: Ctx) {
  const employeeId = requireEmployee(ctx);
  const [row] = await ctx.db
    .select({
      employeeNumber: employees.employeeNumber,
      nameJa: employees.nameJa,
      nameEn: employees.nameEn,
      companyNameJa: groupCompanies.nameJa,
      companyNameEn: groupCompanies.nameEn,
      timeZone: groupCompanies.timeZone,
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
  const settings: FiscalYearSettings = {
    startMonth: row.startMonth,
    labelJa: row.labelJa as FiscalYearSettings['labelJa'],
    labelEn: row.labelEn as FiscalYearSettings['labelEn'],
  };
  return { employeeId, ...row, settings };
}

/** Every row of the employee's volunteering, newest first (fiscal years by the organisation's settings). */
async function historyRows(
  ctx: Ctx,
  employeeId: string,
  settings: FiscalYearSettings,
): Promise<HistoryItem[]> {
  const localDate = sql<string>`to_char(${opportunityShifts.startsAt} at time zone ${opportunities.timeZone}, 'YYYY-MM-DD')`;
  const position = sql<
    number | null
  >`case when ${signups.status} = 'waitlisted' then (select count(*) from signups w
    where w.org_id = ${signups.orgId} and w.shift_id = ${signups.shiftId} and w.status = 'waitlisted'
    and w.seq <= ${signups.seq}) end`;
  const signupRows = await ctx.db
    .select({
      id: signups.id,
      status: signups.status,
      attendance: signups.attendance,
      minutes: signups.minutes,
      position,
      date: localDate,
      shiftId: opportunityShifts.id,
      startsAt: opportunityShifts.startsAt,
      endsAt: opportunityShifts.endsAt,
      opportunityId: opportunities.id,
      titleJa: opportunities.titleJa,
      titleEn: opportunities.titleEn,
      organiser: opportunities.organiser,
      field: opportunities.field,
      timeZone: opportunities.timeZone,
    })
    .from(signups)
    .innerJoin(
      opportunityShifts,
      and(eq(opportunityShifts.orgId, signups.orgId), eq(opportunityShifts.id, signups.shiftId)),
    )
    .innerJoin(
      opportunities,
      and(
        eq(opportunities.orgId, opportunityShifts.orgId),
        eq(opportunities.id, opportunityShifts.opportunityId),
      ),
    )
    .where(
      and(
        eq(signups.orgId, ctx.orgId),
        eq(signups.employeeId, employeeId),
        or(
          eq(signups.status, 'confirmed'),
          and(eq(signups.status, 'waitlisted'), gt(opportunityShifts.endsAt, sql`now()`)),
        ),
      ),
    );
  const logRows = await ctx.db
    .select()
    .from(logs)
    .where(and(eq(logs.orgId, ctx.orgId), eq(logs.employeeId, employeeId)));
  const items: HistoryItem[] = [
    ...signupRows.map((r): HistoryItem => {
      const status = (r.attendance ?? r.status) as HistoryStatus;
      const counts = status === 'attended';
      return {
        kind: 'signup',
        id: r.id,
        date: r.date,
        fiscalYear: fiscalYearOf(r.date, settings.startMonth),
        status,
        titleJa: r.titleJa,
        titleEn: r.titleEn,
        organisationName: r.organiser,
        field: r.field as HistoryItem['field'],
        opportunityId: r.opportunityId,
        shiftId: r.shiftId,
        startsAt: r.startsAt.toISOString(),
        endsAt: r.endsAt.toISOString(),
        timeZone: r.timeZone,
        waitlistPosition: r.position === null ? null : toNumber(r.position),
        minutes: r.minutes,
        hours: counts && r.minutes ? hoursOf(r.minutes) : 0,
        counts,
        reviewNote: null,
      };
    }),
    ...logRows.map(
      (l): HistoryItem => ({
        kind: 'hour_log',
        id: l.id,
        date: l.activityDate,
        fiscalYear: fiscalYearOf(l.activityDate, settings.startMonth),
        status: l.status as HistoryStatus,
        titleJa: null,
        titleEn: null,
        organisationName: l.organisationName,
        field: l.field as HistoryItem['field'],
        opportunityId: null,
        shiftId: null,
        startsAt: null,
        endsAt: null,
        timeZone: null,
        waitlistPosition: null,
        minutes: l.minutes,
        hours: l.status === 'approved' ? hoursOf(l.minutes) : 0,
        counts: l.status === 'approved',
        reviewNote: l.reviewNote,
      }),
    ),
  ];
  const key = (i: HistoryItem) => `${i.date}|${i.startsAt ?? ''}`;
  return items.sort((a, b) => key(b).localeCompare(key(a)));
}

/** Minutes of counted rows summed first, then turned into hours: no rounding drift in totals. */
function totalOf(rows: HistoryItem[]) {
  const counted = rows.filter((r) => r.counts);
  return {
    hours: hoursOf(counted.reduce((sum, r) => sum + (r.minutes ?? 0), 0)),
    participations: counted.length,
  };
}

const labels = (fy: number, s: FiscalYearSettings) => ({
  labelJa: fiscalYearLabel(fy, 'ja', s),
  labelEn: fiscalYearLabel(fy, 'en', s),
});

/**
 * The caller's own volunteering: sign-ups (upcoming confirmed and waitlisted, attended, absent, or
 * awaiting attendance) and logged hours (pending, approved, rejected), newest first, optionally of one
 * fiscal year; and the counted totals per fiscal year (attended sign-ups and approved logs only),
 * the current fiscal year always included. Throws no_employee_record.
 */
export async function myHistory(ctx: Ctx, q: { fiscalYear?: number }): Promise<History> {
  const who = await whoAndWhere(ctx);
  const rows = await historyRows(ctx, who.employeeId, who.settings);
  const current = fiscalYearOf(todayIn(who.timeZone), who.settings.startMonth);
  const years = [...new Set([current, ...rows.filter((r) => r.counts).map((r) => r.fiscalYear)])];
  const totals: FiscalYearTotal[] = years
    .sort((a, b) => b - a)
    .map((fy) => ({
      fiscalYear: fy,
      ...labels(fy, who.settings),
      ...totalOf(rows.filter((r) => r.fiscalYear === fy)),
    }));
  const items = q.fiscalYear === undefined ? rows : rows.filter((r) => r.fiscalYear === q.fiscalYear);
  return { items, totals };
}

/**
 * What the printable participation certificate shows for one fiscal year (default: the current one):
 * the organisation, company and employee, the counted hours and activities, and the day it is issued.
 * Throws no_employee_record.
 */
export async function myCertificate(ctx: Ctx, q: { fiscalYear?: number }): Promise<Certificate> {
  const who = await whoAndWhere(ctx);
  const today = todayIn(who.timeZone);
  const fiscalYear = q.fiscalYear ?? fiscalYearOf(today, who.settings.startMonth);
  const rows = (await historyRows(ctx, who.employeeId, who.settings)).filter(
    (r) => r.counts && r.fiscalYear === fiscalYear,
  );
  const period = fiscalYearRange(fiscalYear, who.settings.startMonth);
  return {
    fiscalYear,
    ...labels(fiscalYear, who.settings),
    periodStart: period.start,
    periodEnd: period.end,
    organisation: { nameJa: who.orgNameJa, nameEn: who.orgNameEn },
    company: { nameJa: who.companyNameJa, nameEn: who.companyNameEn },
    employee: { employeeNumber: who.employeeNumber, nameJa: who.nameJa, nameEn: who.nameEn },
    ...totalOf(rows),
    activities: rows
      .map((r) => ({
        kind: r.kind,
        id: r.id,
        date: r.date,
        titleJa: r.titleJa,
        titleEn: r.titleEn,
        organisationName: r.organisationName,
        field: r.field,
        hours: r.hours,
      }))
      .reverse(),
    issuedOn: today,
  };
}
