import { expireEndedYears, expireFiscalYear } from '../../server/modules/points/points.expiry.js';
import type { ExpiryResult } from '../../server/modules/points/points.schema.js';
import { cliCtx, resolveOrganisation, withSession } from '../open.js';
import type { Output } from '../output.js';
import { type Register, wholeNumber } from './command.js';

type Options = { fiscalYear?: string; org?: string };

function printResult(out: Output, r: ExpiryResult) {
  const key = r.accounts > 0 ? 'points:cli.expired' : 'points:cli.nothingExpired';
  out.line(out.t(key, { year: r.label, accounts: r.accounts, points: r.points }));
}

/**
 * `kyosei points expire [--fiscal-year N] [--org CODE]`: expires the points left in an ended fiscal
 * year (named by the calendar year it starts in), or in every ended year that still holds points.
 * Safe to run again: a second run posts nothing.
 */
export const registerPointsExpire: Register = (points, { out, config }) => {
  points
    .command('expire')
    .description(out.t('points:cli.expire'))
    .option('--fiscal-year <year>', out.t('points:cli.fiscalYear'))
    .option('--org <code>', out.t('program.org'))
    .action(async (opts: Options) => {
      const fiscalYear = wholeNumber(opts.fiscalYear, '--fiscal-year', 2000, 2100);
      await withSession(config, async ({ database }) => {
        const org = await resolveOrganisation(database.db, opts.org);
        const ctx = cliCtx(database, org, out.lang);
        if (fiscalYear !== undefined) {
          printResult(out, await expireFiscalYear(ctx, fiscalYear));
          return;
        }
        const results = await expireEndedYears(ctx);
        if (results.length === 0) out.line(out.t('points:cli.noEndedYears'));
        for (const r of results) printResult(out, r);
      });
    });
};
