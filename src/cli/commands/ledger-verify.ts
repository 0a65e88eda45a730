import { runLedgerCheck } from '../../server/modules/ledger/ledger.checks.js';
import { verifyLedger } from '../../server/modules/ledger/ledger.verify.js';
import { cliCtx, resolveOrganisation, withSession } from '../open.js';
import { type Output, UsageError } from '../output.js';
import type { Register } from './command.js';

type Options = { org?: string; json?: boolean };
type LedgerCheck = {
  ok: boolean;
  entries: number;
  problems: { code: string; count: number; sample: string[] }[];
};

function printCheck(out: Output, check: LedgerCheck, scope: string): void {
  if (check.ok) {
    out.line(out.t('ledger.sound', { entries: check.entries, scope }));
    return;
  }
  const count = check.problems.reduce((n, p) => n + p.count, 0);
  out.line(out.t('ledger.problems', { count, entries: check.entries, scope }));
  for (const p of check.problems) {
    const label = out.t(`finance:checks.problem.${p.code}`, { defaultValue: p.code });
    out.line(out.t('ledger.problem', { code: p.code, label, count: p.count }));
    if (p.sample.length) out.line(out.t('ledger.sample', { ids: p.sample.join(', ') }));
  }
}

/**
 * `kyosei ledger verify [--org CODE] [--json]`: checks every invariant of the ledger. With --org the
 * result is recorded like the nightly check's (and alerts that organisation's administrators when it
 * fails); without, the whole database is checked, across organisations. Exits 1 naming each problem.
 */
export const registerLedgerVerify: Register = (ledger, { out, config }) => {
  ledger
    .command('verify')
    .description(out.t('ledger.verify'))
    .option('--org <code>', out.t('ledger.org'))
    .option('--json', out.t('ledger.json'))
    .action(async (opts: Options) => {
      await withSession(config, async ({ database }) => {
        let check: LedgerCheck;
        let scope: string;
        if (opts.org) {
          const org = await resolveOrganisation(database.db, opts.org);
          check = await runLedgerCheck(cliCtx(database, org, out.lang), 'cli');
          scope = org.code;
        } else {
          check = await verifyLedger(database.db);
          scope = out.t('ledger.everyOrganisation');
        }
        if (opts.json)
          out.line(
            JSON.stringify(
              { scope: opts.org ?? null, ok: check.ok, entries: check.entries, problems: check.problems },
              null,
              2,
            ),
          );
        else printCheck(out, check, scope);
        if (!check.ok)
          throw new UsageError('usage', {
            message: out.t('ledger.failed', { kinds: check.problems.length }),
          });
      });
    });
};
