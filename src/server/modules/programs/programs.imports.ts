import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import type { FileImportOptions, ImportOptions, ImportReport } from '../../lib/csv-import.js';
import { AppError } from '../../lib/errors.js';
import { importCertifications, importCertificationsFile } from './certifications.import.js';
import { importGraduates, importGraduatesFile } from './cohorts.import.js';
import { importProjects, importProjectsFile } from './projects.import.js';
import { programFor } from './records.access.js';
import { importSessions, importSessionsFile } from './sessions.import.js';
import { importSurveyResponses, importSurveyResponsesFile } from './surveys.import.js';
import { surveys } from './surveys.table.js';
import { importTestimonials, importTestimonialsFile } from './testimonials.import.js';

/** The kinds of program records a CSV file can hold (docs/import-formats.md, one section each). */
export const PROGRAM_IMPORT_KINDS = [
  'graduates',
  'projects',
  'sessions',
  'certifications',
  'survey-responses',
  'testimonials',
] as const;
export type ProgramImportKind = (typeof PROGRAM_IMPORT_KINDS)[number];

/** Which program (by id or code) and, for survey responses, which survey (by id or code). */
export type ProgramImportTarget = {
  programId?: string;
  programCode?: string;
  surveyId?: string;
  surveyCode?: string;
};

const required = (path: string) =>
  new AppError('validation_failed', { fields: [{ path, code: 'required' }] });

function programOf(t: ProgramImportTarget) {
  if (t.programId) return { programId: t.programId };
  if (t.programCode) return { programCode: t.programCode };
  return undefined;
}

function surveyOf(t: ProgramImportTarget) {
  if (t.surveyId) return { surveyId: t.surveyId };
  if (t.surveyCode) return { surveyCode: t.surveyCode };
  throw required('survey');
}

/**
 * Imports one kind of program records from a CSV stream, with the import of the module that owns
 * them (all-or-nothing unless `partial`, UTF-8 or Shift_JIS, idempotent by the file's reference
 * column). Projects, sessions and testimonials need a program, survey responses a survey. Throws validation_failed (program,
 * survey required), not_found, forbidden, import_invalid.
 */
export function importProgramRecords(
  ctx: Ctx,
  kind: ProgramImportKind,
  input: Readable,
  options: ImportOptions & ProgramImportTarget,
): Promise<ImportReport> {
  const program = programOf(options);
  switch (kind) {
    case 'graduates':
      return importGraduates(ctx, input, { ...options, ...program });
    case 'certifications':
      return importCertifications(ctx, input, { ...options, ...program });
    case 'sessions':
      if (!program) throw required('program');
      return importSessions(ctx, input, { ...options, ...program });
    case 'projects':
      if (!program) throw required('program');
      return importProjects(ctx, input, { ...options, ...program });
    case 'testimonials':
      if (!program) throw required('program');
      return importTestimonials(ctx, input, { ...options, ...program });
    case 'survey-responses':
      return importSurveyResponses(ctx, input, { ...options, ...surveyOf(options) });
  }
}

/** importProgramRecords on a file: streams it and reports progress against its size. */
export function importProgramRecordsFile(
  ctx: Ctx,
  kind: ProgramImportKind,
  path: string,
  options: FileImportOptions & ProgramImportTarget,
): Promise<ImportReport> {
  const program = programOf(options);
  switch (kind) {
    case 'graduates':
      return importGraduatesFile(ctx, path, { ...options, ...program });
    case 'certifications':
      return importCertificationsFile(ctx, path, { ...options, ...program });
    case 'sessions':
      if (!program) throw required('program');
      return importSessionsFile(ctx, path, { ...options, ...program });
    case 'projects':
      if (!program) throw required('program');
      return importProjectsFile(ctx, path, { ...options, ...program });
    case 'testimonials':
      if (!program) throw required('program');
      return importTestimonialsFile(ctx, path, { ...options, ...program });
    case 'survey-responses':
      return importSurveyResponsesFile(ctx, path, { ...options, ...surveyOf(options) });
  }
}

/**
 * The survey of a program named by code (for the program page's import): not_found when the
 * program has no survey with that code. Checks programs.manage on the program's company.
 */
export async function programSurveyId(ctx: Ctx, programId: string, code: string): Promise<string> {
  await programFor(ctx, programId, 'programs.manage');
  const [s] = await ctx.db
    .select({ id: surveys.id })
    .from(surveys)
    .where(and(eq(surveys.orgId, ctx.orgId), eq(surveys.programId, programId), eq(surveys.code, code)));
  if (!s) throw new AppError('not_found', { params: { entity: 'survey' } });
  return s.id;
}
