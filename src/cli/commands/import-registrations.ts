import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CSV_ENCODINGS, type CsvEncoding } from '../../server/lib/csv-source.js';
import { importRegistrationsFile } from '../../server/modules/volunteering/registrations.import.js';
import { cliCtx, resolveOrganisation, withSession } from '../open.js';
import { UsageError } from '../output.js';
import type { Register } from './command.js';
import { printReport, progress } from './import-employees.js';

type Options = { dryRun?: boolean; encoding?: string; partial?: boolean; org?: string };

/** `kyosei import registrations FILE.csv [--dry-run] [--encoding utf-8|shift_jis] [--partial] [--org CODE]`. */
export const registerImportRegistrations: Register = (imports, { out, config }) => {
  imports
    .command('registrations')
    .description(out.t('command.importRegistrations'))
    .argument('<file>', out.t('command.file'))
    .option('--dry-run', out.t('command.dryRun'))
    .option('--encoding <encoding>', out.t('command.encoding'))
    .option('--partial', out.t('command.partial'))
    .option('--org <code>', out.t('program.org'))
    .action(async (file: string, opts: Options) => {
      const path = resolve(file);
      if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError('fileNotFound', { path: file });
      const encoding = opts.encoding
        ?.toLowerCase()
        .replace(/^(utf8)$/, 'utf-8')
        .replace(/^(sjis|shift-jis|cp932)$/, 'shift_jis');
      if (encoding && !(CSV_ENCODINGS as readonly string[]).includes(encoding))
        throw new UsageError('badEncoding', { encoding: opts.encoding! });
      await withSession(config, async ({ database }) => {
        const org = await resolveOrganisation(database.db, opts.org);
        const ctx = cliCtx(database, org, out.lang);
        out.note(out.t('message.importing', { fileName: file }));
        const bar = progress(out, statSync(path).size);
        try {
          const report = await importRegistrationsFile(ctx, path, {
            encoding: encoding as CsvEncoding | undefined,
            dryRun: opts.dryRun,
            partial: opts.partial,
            onProgress: (rows, bytes) => bar.update(rows, bytes),
          });
          bar.stop();
          printReport(out, report);
        } catch (err) {
          bar.stop();
          throw err;
        }
      });
    });
};
