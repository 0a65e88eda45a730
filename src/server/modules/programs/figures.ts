import { sql } from 'drizzle-orm';
import { fiscalYearOf } from '../../../shared/fiscal-year.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import { latestReview } from '../evaluation/evaluation.view.js';
import { ledgerSettings, ledgerToday } from '../ledger/ledger.values.js';
import { certifiedCount } from './certifications.service.js';
import { cohortFigures } from './cohorts.figures.js';
import {
  type FiguresRange,
  PARTICIPANT_KINDS,
  type ParticipantKind,
  type ProgramFigures,
  type YearFigures,
} from './figures.schema.js';
import { projectFigures } from './projects.figures.js';
import { programFor } from './records.access.js';
import { surveyIndicatorFigures } from './surveys.results.js';

/** At most this many fiscal years in one request. */
export const MAX_YEARS = 50;

type SessionYearRow = {
  fy: number;
  sessions: unknown;
  employees: unknown;
  testimonials: unknown;
  requests: unknown;
  counts: Record<string, unknown> | string | null;
};

/**
 * Sessions, participants by kind, distinct named employees, testimonials and class requests
 * completed (by the fiscal year of their class day) per fiscal year of the range, in one query.
 */
async function sessionYearFigures(ctx: Ctx, programId: string, range: FiguresRange, startMonth: number) {
  const org = ctx.orgId;
  const rows = await rowsOf<SessionYearRow>(
    ctx.db,
    sql`with years as (select generate_series(${range.from}::int, ${range.to}::int) as fy),
      s as not materialized (
        select id, fiscal_year from program_sessions
        where org_id = ${org} and program_id = ${programId} and fiscal_year between ${range.from} and ${range.to}
      ),
      n as (select fiscal_year, count(*) as n from s group by 1),
      c as (
        select fiscal_year, json_object_agg(participant_kind, n) as counts from (
          select s.fiscal_year, c.participant_kind, sum(c.count) as n
          from s join program_session_counts c on c.session_id = s.id and c.org_id = ${org}
          group by 1, 2) k
        group by 1
      ),
      a as (
        select fiscal_year, count(*) as n from (
          select distinct s.fiscal_year, a.employee_id
          from s join program_session_attendees a on a.session_id = s.id and a.org_id = ${org}) d
        group by 1
      ),
      t as (
        select fiscal_year, count(*) as n from program_testimonials
        where org_id = ${org} and program_id = ${programId} and fiscal_year between ${range.from} and ${range.to}
        group by 1
      ),
      r as (
        select extract(year from scheduled_on - make_interval(months => ${startMonth - 1}::int))::int as fiscal_year,
          count(*) as n
        from class_requests
        where org_id = ${org} and program_id = ${programId} and status = 'completed'
        group by 1
      )
      select y.fy, coalesce(n.n, 0) as sessions, coalesce(a.n, 0) as employees, coalesce(t.n, 0) as testimonials,
        coalesce(r.n, 0) as requests, c.counts
      from years y
        left join n on n.fiscal_year = y.fy
        left join a on a.fiscal_year = y.fy
        left join t on t.fiscal_year = y.fy
        left join r on r.fiscal_year = y.fy
        left join c on c.fiscal_year = y.fy
      order by y.fy`,
  );
  return rows.map((r) => {
    const raw =
      typeof r.counts === 'string' ? (JSON.parse(r.counts) as Record<string, unknown>) : (r.counts ?? {});
    const participants = Object.fromEntries(PARTICIPANT_KINDS.map((k) => [k, toNumber(raw[k])])) as Record<
      ParticipantKind,
      number
    >;
    return {
      fiscalYear: toNumber(r.fy),
      sessions: toNumber(r.sessions),
      participants,
      participantsTotal: PARTICIPANT_KINDS.filter((k) => k !== 'organisations').reduce(
        (s, k) => s + participants[k],
        0,
      ),
      employees: toNumber(r.employees),
      testimonials: toNumber(r.testimonials),
      classRequestsCompleted: toNumber(r.requests),
    };
  });
}

/**
 * The range asked for, defaulting to the ten fiscal years up to `current` (or from `from`).
 * Throws validation_failed (from after to, more than MAX_YEARS years).
 */
export function figuresRange(range: Partial<FiguresRange>, current: number): FiguresRange {
  const to = range.to ?? (range.from !== undefined ? range.from + 9 : current);
  const from = range.from ?? to - 9;
  if (from > to)
    throw new AppError('validation_failed', { fields: [{ path: 'from', code: 'ends_before_start' }] });
  if (to - from >= MAX_YEARS)
    throw new AppError('validation_failed', { fields: [{ path: 'from', code: 'too_big' }] });
  return { from, to };
}

/**
 * THE figures of a program per fiscal year (start year) of the range, straight from its records:
 * sessions and participants by kind, distinct named employees, graduates (of the year and
 * cumulative) and supported ventures, projects and outcome quantities, class requests completed,
 * testimonials, survey indicators; and the employees certified today and the latest final review.
 * One entry per year, zeros included. Used by the program page, reviews' evidence and reports.
 * Throws not_found, forbidden (programs.read on the program's company), validation_failed (range).
 */
export async function programFigures(
  ctx: Ctx,
  programId: string,
  range: Partial<FiguresRange> = {},
): Promise<ProgramFigures> {
  const [, settings] = await Promise.all([programFor(ctx, programId, 'programs.read'), ledgerSettings(ctx)]);
  const today = ledgerToday();
  const years = figuresRange(range, fiscalYearOf(today, settings.fiscalYearStartMonth));
  const [sessions, cohorts, projects, surveys, certifiedNow, review] = await Promise.all([
    sessionYearFigures(ctx, programId, years, settings.fiscalYearStartMonth),
    cohortFigures(ctx, programId, years),
    projectFigures(ctx, programId, years),
    surveyIndicatorFigures(ctx, programId, years),
    certifiedCount(ctx, programId, today),
    latestReview(ctx, programId),
  ]);
  const out: YearFigures[] = sessions.map((s, i) => ({
    ...s,
    graduates: cohorts[i].graduates,
    graduatesCumulative: cohorts[i].graduatesCumulative,
    supportedVentures: cohorts[i].supportedVentures,
    projects: projects[i].projects,
    outcomesQuantity: projects[i].outcomesQuantity,
    surveyIndicators: surveys[i].indicators,
  }));
  return {
    programId,
    from: years.from,
    to: years.to,
    years: out,
    certifiedNow,
    latestReview: review
      ? { decision: review.decision, reviewedOn: review.reviewedOn, nextReviewOn: review.nextReviewOn }
      : null,
  };
}
