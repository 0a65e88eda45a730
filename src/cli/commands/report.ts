import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CLI_FORMATS, type ExportFormat, exportReport } from '../../server/modules/reports/export.formats.js';
import { startYearOf } from '../../server/modules/reports/reports.service.js';
import { cliCtx, resolveOrganisation, withSession } from '../open.js';
import { UsageError } from '../output.js';
import { type Register, wholeNumber } from './command.js';

type Options = { fy?: string; format: string; out?: string; org?: string };

const TEXT_FORMATS: readonly ExportFormat[] = ['json', 'csv', 'html'];

/**
 * `kyosei report --fy N [--lang ja|en] [--format json|csv|xlsx|pdf|html|zip] [--out FILE] [--org CODE]`:
 * the report of a fiscal year (N = the organisation's report number, NEC: 2024 for April 2023 to
 * March 2024) with the same figures as `GET /api/reports/{N}?lang=`, drafts included (the CLI acts for
 * the operator). Text formats go to stdout without --out; xlsx, pdf and zip need --out.
 */
export const registerReport: Register = (program, { out, config }) => {
  program
    .command('report')
    .description(out.t('report:cli.command'))
    .requiredOption('--fy <number>', out.t('report:cli.fy'))
    .option('--format <format>', out.t('report:cli.format', { formats: CLI_FORMATS.join('|') }), 'json')
    .option('--out <file>', out.t('report:cli.out'))
    .option('--org <code>', out.t('program.org'))
    .action(async (opts: Options, cmd: Command) => {
      const fy = wholeNumber(opts.fy, '--fy', 1900, 2200) as number;
      const lang = cmd.optsWithGlobals().lang ?? out.lang;
      if (lang !== 'ja' && lang !== 'en')
        throw new UsageError('usage', { message: out.t('report:cli.badLang', { lang }) });
      const format = opts.format as ExportFormat;
      if (!CLI_FORMATS.includes(format))
        throw new UsageError('usage', {
          message: out.t('report:cli.badFormat', { format: opts.format, formats: CLI_FORMATS.join(', ') }),
        });
      if (!opts.out && !TEXT_FORMATS.includes(format))
        throw new UsageError('usage', { message: out.t('report:cli.needsOut', { format }) });
      await withSession(config, async ({ database }) => {
        const org = await resolveOrganisation(database.db, opts.org);
        const ctx = cliCtx(database, org, lang);
        const result = await exportReport(ctx, await startYearOf(ctx, fy), lang, format);
        if (!opts.out) {
          out.stdout.write(result.body);
          return;
        }
        writeFileSync(opts.out, result.body);
        out.line(out.t('report:cli.written', { file: opts.out, bytes: Buffer.byteLength(result.body) }));
      });
    });
};
