import { fiscalYearOf } from '../../../shared/fiscal-year.js';
import { type Ctx, readConcurrently } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { latestReview } from '../evaluation/evaluation.view.js';
import { ledgerSettings, ledgerToday } from '../ledger/ledger.values.js';
import { certifiedCount } from './certifications.service.js';
import { cohortFigures } from './cohorts.figures.js';
import type { FiguresRange, ProgramFigures, YearFigures } from './figures.schema.js';
import { projectFigures } from './projects.figures.js';
import { programFor } from './records.access.js';
import { sessionFigures } from './sessions.figures.js';
import { surveyIndicatorFigures } from './surveys.results.js';

/** At most this many fiscal years in one request. */
export const MAX_YEARS = 50;

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
  const [, settings] = await readConcurrently(ctx, [
    () => programFor(ctx, programId, 'programs.read'),
    () => ledgerSettings(ctx),
  ]);
  const today = ledgerToday();
  const years = figuresRange(range, fiscalYearOf(today, settings.fiscalYearStartMonth));
  // At once on the pool, in order inside a transaction (a close computes them).
  const [sessions, cohorts, projects, surveys, certifiedNow, review] = await readConcurrently(ctx, [
    () => sessionFigures(ctx, programId, years, settings.fiscalYearStartMonth),
    () => cohortFigures(ctx, programId, years),
    () => projectFigures(ctx, programId, years),
    () => surveyIndicatorFigures(ctx, programId, years),
    () => certifiedCount(ctx, programId, today),
    () => latestReview(ctx, programId),
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
