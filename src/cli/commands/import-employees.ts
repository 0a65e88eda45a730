import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { CSV_ENCODINGS, type CsvEncoding } from '../../server/lib/csv-source.js';
import type { Ctx } from '../../server/lib/context.js';
import type { FileImportOptions, ImportReport } from '../../server/lib/csv-import.js';
import { importEmployeesFile } from '../../server/modules/people/employees.import.js';
import { cliCtx, resolveOrganisation, withSession } from '../open.js';
import { type Output, printIssues, UsageError } from '../output.js';
import type { Register } from './command.js';

type Options = { dryRun?: boolean; encoding?: string; partial?: boolean; org?: string };

/** A progress display: a bar on a terminal, a line every ten per cent (or 5 s) otherwise; on stderr. */
export function progress(out: Output, totalBytes: number) {
  if (out.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `{bar} {percentage}% | ${out.t('message.progressBar')}`,
        stream: out.stderr as NodeJS.WritableStream,
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(totalBytes, 1), 0, { rows: 0 });
    return {
      update: (rows: number, bytes: number) => bar.update(bytes, { rows }),
      stop: () => bar.stop(),
    };
  }
  let nextPercent = 10;
  let last = Date.now();
  return {
    update(rows: number, bytes: number) {
      const percent = totalBytes ? Math.floor((bytes / totalBytes) * 100) : 0;
      if (percent >= nextPercent || Date.now() - last > 5000) {
        out.note(out.t('message.progress', { rows, percent }));
        nextPercent = Math.floor(percent / 10) * 10 + 10;
        last = Date.now();
      }
    },
    stop: () => undefined,
  };
}

export function printReport(out: Output, r: ImportReport) {
  const counts = {
    fileName: r.fileName,
    encoding: r.encoding,
    rows: r.rows,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
  };
  out.line(out.t(r.dryRun ? 'message.importDryRun' : 'message.importDone', counts));
  if (r.issueCount > 0) {
    out.line(out.t('message.importPartial', { count: r.invalidRows }));
    printIssues(out, r.issues, r.issueCount);
  }
}

/**
 * `kyosei import <name> FILE.csv [--dry-run] [--encoding utf-8|shift_jis] [--partial] [--org CODE]`:
 * one sub-command of `import` over a CSV import service, with the same options, progress and report.
 */
export function csvImportCommand(
  name: string,
  descriptionKey: string,
  importFile: (ctx: Ctx, path: string, options: FileImportOptions) => Promise<ImportReport>,
): Register {
  return (imports, { out, config }) => {
    imports
      .command(name)
      .description(out.t(descriptionKey))
      .argument('<file>', out.t('command.file'))
      .option('--dry-run', out.t('command.dryRun'))
      .option('--encoding <encoding>', out.t('command.encoding'))
      .option('--partial', out.t('command.partial'))
      .option('--org <code>', out.t('program.org'))
      .action(async (file: string, opts: Options) => {
        const path = resolve(file);
        if (!existsSync(path) || !statSync(path).isFile())
          throw new UsageError('fileNotFound', { path: file });
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
            const report = await importFile(ctx, path, {
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
}

/** `kyosei import employees FILE.csv …`: the employee master (docs/import-formats.md). */
export const registerImportEmployees = csvImportCommand(
  'employees',
  'command.importEmployees',
  importEmployeesFile,
);
