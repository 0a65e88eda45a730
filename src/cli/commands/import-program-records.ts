import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CSV_ENCODINGS, type CsvEncoding } from '../../server/lib/csv-source.js';
import {
  importProgramRecordsFile,
  PROGRAM_IMPORT_KINDS,
  type ProgramImportKind,
} from '../../server/modules/programs/programs.imports.js';
import { cliCtx, resolveOrganisation, withSession } from '../open.js';
import { UsageError } from '../output.js';
import type { Register } from './command.js';
import { printReport, progress } from './import-employees.js';

type Options = {
  kind?: string;
  program?: string;
  survey?: string;
  dryRun?: boolean;
  encoding?: string;
  partial?: boolean;
  org?: string;
};

const encodingOf = (value: string | undefined): CsvEncoding | undefined => {
  const encoding = value
    ?.toLowerCase()
    .replace(/^(utf8)$/, 'utf-8')
    .replace(/^(sjis|shift-jis|cp932)$/, 'shift_jis');
  if (encoding && !(CSV_ENCODINGS as readonly string[]).includes(encoding))
    throw new UsageError('badEncoding', { encoding: value! });
  return encoding as CsvEncoding | undefined;
};

/** The kinds whose rows go to one program, named by --program. */
const NEEDS_PROGRAM: readonly ProgramImportKind[] = ['projects', 'sessions', 'testimonials'];

/**
 * `kyosei import program-records FILE.csv --kind graduates|projects|sessions|certifications|
 * survey-responses|testimonials [--program CODE] [--survey CODE]`: one command over the program record imports of each module
 * (docs/import-formats.md), with the options, progress and report of every import.
 */
export const registerImportProgramRecords: Register = (imports, { out, config }) => {
  imports
    .command('program-records')
    .description(out.t('command.importProgramRecords'))
    .argument('<file>', out.t('command.file'))
    .requiredOption('--kind <kind>', out.t('command.recordKind', { kinds: PROGRAM_IMPORT_KINDS.join(', ') }))
    .option('--program <code>', out.t('command.programCode'))
    .option('--survey <code>', out.t('command.surveyCode'))
    .option('--dry-run', out.t('command.dryRun'))
    .option('--encoding <encoding>', out.t('command.encoding'))
    .option('--partial', out.t('command.partial'))
    .option('--org <code>', out.t('program.org'))
    .action(async (file: string, opts: Options) => {
      const kind = opts.kind as ProgramImportKind;
      if (!PROGRAM_IMPORT_KINDS.includes(kind))
        throw new UsageError('badRecordKind', {
          kind: String(opts.kind),
          kinds: PROGRAM_IMPORT_KINDS.join(', '),
        });
      if (NEEDS_PROGRAM.includes(kind) && !opts.program)
        throw new UsageError('optionRequired', { option: '--program' });
      if (kind === 'survey-responses' && !opts.survey)
        throw new UsageError('optionRequired', { option: '--survey' });
      const path = resolve(file);
      if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError('fileNotFound', { path: file });
      const encoding = encodingOf(opts.encoding);
      await withSession(config, async ({ database }) => {
        const org = await resolveOrganisation(database.db, opts.org);
        const ctx = cliCtx(database, org, out.lang);
        out.note(out.t('message.importing', { fileName: file }));
        const bar = progress(out, statSync(path).size);
        try {
          const report = await importProgramRecordsFile(ctx, kind, path, {
            programCode: opts.program,
            surveyCode: opts.survey,
            encoding,
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
