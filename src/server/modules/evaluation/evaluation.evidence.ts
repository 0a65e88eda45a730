import { fiscalYearRange } from '../../../shared/fiscal-year.js';
import type { Ctx } from '../../lib/context.js';
import { ledgerSettings, ledgerToday } from '../ledger/ledger.values.js';
import { programFigures } from '../programs/figures.js';
import type { Evidence } from './evaluation.schema.js';

/**
 * The evidence a review reads: the program's figures for the reviewed fiscal year from the one
 * figures service (sessions, participants by kind, named employees, graduates, projects and
 * outcomes, survey indicators, testimonials) and the employees certified today. Expenses stay null
 * until the accounting module lands. Throws not_found, forbidden (programs.read on the program).
 */
export async function reviewEvidence(ctx: Ctx, programId: string, fiscalYear: number): Promise<Evidence> {
  const [settings, figures] = await Promise.all([
    ledgerSettings(ctx),
    programFigures(ctx, programId, { from: fiscalYear, to: fiscalYear }),
  ]);
  const { start, end } = fiscalYearRange(fiscalYear, settings.fiscalYearStartMonth);
  return {
    fiscalYear,
    from: start,
    to: end,
    collectedOn: ledgerToday(),
    figures: figures.years[0],
    certifiedNow: figures.certifiedNow,
    expenses: null,
  };
}
