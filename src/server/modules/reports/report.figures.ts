import { and, eq, sql } from 'drizzle-orm';
import {
  type FiscalYearSettings,
  fiscalYearLabel,
  fiscalYearRange,
  reportYearNumber,
} from '../../../shared/fiscal-year.js';
import { type Ctx, readConcurrently } from '../../lib/context.js';
import { fiscalYearCloses } from '../accounting/accounting.table.js';
import { expenseTotals } from '../accounting/totals.js';
import { goalsForYear } from '../goals/goals.report.js';
import { targets } from '../goals/goals.table.js';
import { ledgerSettings } from '../ledger/ledger.values.js';
import { participationFigures, registrationFigures } from '../volunteering/kpi.queries.js';
import { disasterFigures, driveFigures, programLines } from './report.figures.parts.js';
import { type ReportFigures, ReportFiguresSchema } from './report.schema.js';

/** The organisation's fiscal-year conventions, as the shared helpers take them. */
export async function fiscalSettings(ctx: Ctx): Promise<FiscalYearSettings> {
  const s = await ledgerSettings(ctx);
  return { startMonth: s.fiscalYearStartMonth, labelJa: s.fyLabelJa, labelEn: s.fyLabelEn };
}

/**
 * The report's figures run as the system: the caller's right to the report (reports.read
 * organisation-wide, or years.close for a close) is checked once by the caller, and the report is the
 * whole group's, whatever the scope of the modules' own read permissions.
 */
const asReport = (ctx: Ctx): Ctx => ({ ...ctx, actor: { kind: 'system', label: 'report' } });

/** Refs of the volunteering figures (drill-down keys). */
export const VOLUNTEERING_REFS = {
  newRegistrants: 'volunteering.newRegistrants',
  registrantsSincePlanStart: 'volunteering.registrantsSincePlanStart',
  participants: 'volunteering.participants',
  previousParticipants: 'volunteering.previousParticipants',
  participantsChange: 'volunteering.participants',
  hours: 'volunteering.hours',
} as const;

/** The plan's start: the earliest target's period start, or null when there is no target. */
export async function planStartOf(ctx: Ctx): Promise<string | null> {
  const [row] = await ctx.db
    .select({ start: sql<string | null>`min(${targets.periodStart})` })
    .from(targets)
    .where(eq(targets.orgId, ctx.orgId));
  return row?.start ?? null;
}

/** The Volunteer Support Service's figures of the year for the whole group (kpi.queries, the one source). */
async function volunteeringFigures(ctx: Ctx, startYear: number, settings: FiscalYearSettings) {
  const current = fiscalYearRange(startYear, settings.startMonth);
  const previous = fiscalYearRange(startYear - 1, settings.startMonth);
  const planStart = await planStartOf(ctx);
  const registrations = await registrationFigures(ctx, {
    current,
    previous,
    since: planStart ?? current.start,
    scope: {},
  });
  const participation = await participationFigures(ctx, {
    current: { fiscalYear: startYear },
    previous: { fiscalYear: startYear - 1 },
    scope: {},
  });
  let newRegistrants = 0;
  let since = 0;
  for (const r of registrations.byCompany.values()) {
    newRegistrants += r.current.newRegistrants;
    since += r.current.registrantsSince;
  }
  let participants = 0;
  let previousParticipants = 0;
  let minutes = 0;
  for (const p of participation.values()) {
    participants += p.current.participants;
    previousParticipants += p.previous.participants;
    minutes += p.current.minutes;
  }
  return {
    newRegistrants,
    registrantsSincePlanStart: planStart ? since : 0,
    planStart,
    participants,
    previousParticipants,
    participantsChange: participants - previousParticipants,
    hours: Math.round((minutes / 60) * 100) / 100,
    refs: { ...VOLUNTEERING_REFS },
  };
}

/**
 * Every figure of a fiscal year's report, computed live from the records (what a close snapshots):
 * expenses three ways (accounting/totals.ts), the volunteering figures, the goals with their progress
 * (goals/goals.report.ts), each program with records in the year, disaster campaigns active in the
 * year and the year's collection drives. `startYear` is the year the fiscal year starts.
 * `closedAt` is the close's time when the year is closed, else null.
 */
export async function reportFigures(ctx: Ctx, startYear: number): Promise<ReportFigures> {
  const rctx = asReport(ctx);
  const settings = await fiscalSettings(rctx);
  const range = fiscalYearRange(startYear, settings.startMonth);
  // Independent parts: at once on the pool (the ledger's disaster totals and leverage are the heavy
  // ones), in order inside a close's transaction.
  const [expenses, volunteering, goals, programs, disaster, drives, closedAt] = await readConcurrently(rctx, [
    () => expenseTotals(rctx, startYear),
    () => volunteeringFigures(rctx, startYear, settings),
    () => goalsForYear(rctx, startYear),
    () => programLines(rctx, startYear, range),
    () => disasterFigures(rctx, range),
    () => driveFigures(rctx, startYear),
    () => closedAtOf(rctx, startYear),
  ]);
  return ReportFiguresSchema.parse({
    fiscalYear: reportYearNumber(startYear, settings),
    startYear,
    period: {
      ...range,
      labelJa: fiscalYearLabel(startYear, 'ja', settings),
      labelEn: fiscalYearLabel(startYear, 'en', settings),
    },
    computedAt: new Date().toISOString(),
    closedAt,
    expenses,
    volunteering,
    goals: goals.goals,
    nextYearGoals: goals.nextYearGoals,
    progress: goals.progress,
    programs,
    disaster,
    drives,
  });
}

/** When the year was closed (ISO), or null while it is open. */
export async function closedAtOf(ctx: Ctx, startYear: number): Promise<string | null> {
  const [row] = await ctx.db
    .select({ closedAt: fiscalYearCloses.closedAt })
    .from(fiscalYearCloses)
    .where(and(eq(fiscalYearCloses.orgId, ctx.orgId), eq(fiscalYearCloses.fiscalYear, startYear)));
  return row ? row.closedAt.toISOString() : null;
}
