import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';
import {
  type FileImportOptions,
  type Importer,
  type ImportOptions,
  type ImportReport,
  runFileImport,
  runImport,
} from '../../lib/csv-import.js';
import { ledgerSettings, ledgerToday } from '../ledger/ledger.values.js';
import { programSessions, programTestimonials } from './records.table.js';
import { type ProgramTarget, programTarget } from './records.access.js';
import {
  quoteKey,
  readTestimonialHeader,
  type TestimonialColumn,
  type TestimonialImportRow,
  type TestimonialLookups,
  testimonialKey,
  validateTestimonial,
} from './testimonials.import-columns.js';

/** The lookups, with the quotes the program already has (`ja:` and `en:` keys). */
type Lookups = TestimonialLookups & { programId: string; quotes: Set<string> };

const keysOf = (t: { quoteJa: string | null; quoteEn: string | null }) => [
  ...(t.quoteJa ? [`ja:${quoteKey(t.quoteJa)}`] : []),
  ...(t.quoteEn ? [`en:${quoteKey(t.quoteEn)}`] : []),
];

async function loadLookups(ctx: Ctx, programId: string): Promise<Lookups> {
  const [settings, sessions, quotes] = await Promise.all([
    ledgerSettings(ctx),
    ctx.db
      .select({ id: programSessions.id, ref: programSessions.externalRef, fy: programSessions.fiscalYear })
      .from(programSessions)
      .where(and(eq(programSessions.orgId, ctx.orgId), eq(programSessions.programId, programId))),
    ctx.db
      .select({ quoteJa: programTestimonials.quoteJa, quoteEn: programTestimonials.quoteEn })
      .from(programTestimonials)
      .where(and(eq(programTestimonials.orgId, ctx.orgId), eq(programTestimonials.programId, programId))),
  ]);
  return {
    programId,
    startMonth: settings.fiscalYearStartMonth,
    today: ledgerToday(),
    sessions: new Map(sessions.map((s) => [s.ref, { id: s.id, fiscalYear: s.fy }])),
    quotes: new Set(quotes.flatMap(keysOf)),
  };
}

/** Adds the testimonials whose quote (Japanese or English) the program does not have yet. */
async function write(ctx: Ctx, rows: TestimonialImportRow[], lookups: Lookups) {
  const fresh: TestimonialImportRow[] = [];
  for (const r of rows) {
    const keys = keysOf(r);
    if (keys.some((k) => lookups.quotes.has(k))) continue;
    for (const k of keys) lookups.quotes.add(k);
    fresh.push(r);
  }
  if (fresh.length)
    await ctx.db
      .insert(programTestimonials)
      .values(fresh.map((r) => ({ orgId: ctx.orgId, programId: lookups.programId, ...r })));
  return { created: fresh.length, updated: 0 };
}

function importer(program: {
  id: string;
  companyId: string;
}): Importer<TestimonialColumn, Lookups, TestimonialImportRow, null> {
  let lookups: Lookups | undefined;
  return {
    permission: 'programs.manage',
    scope: { companyId: program.companyId },
    auditAs: { action: 'program_testimonial.import', entityType: 'program_testimonial' },
    readHeader: readTestimonialHeader,
    loadLookups: async (ctx) => {
      lookups = await loadLookups(ctx, program.id);
      return lookups;
    },
    validate: validateTestimonial,
    key: { column: 'quote_ja', of: testimonialKey },
    plan: () => null,
    write: (ctx, rows) => write(ctx, rows, lookups as Lookups),
  };
}

/**
 * Imports a program's testimonials from a CSV stream (docs/import-formats.md, "testimonials"): each
 * row needs a quote and the day its speaker consented (not in the future). A row whose quote (the same
 * Japanese or English text) the program already has is left unchanged, so a rerun of the same file
 * adds nothing; testimonials are not edited by an import (remove one on the screen to replace it).
 * All-or-nothing unless `partial`; one audit record. Throws not_found, forbidden (programs.manage on
 * the program's company), import_invalid (row and column of each bad value).
 */
export async function importTestimonials(
  ctx: Ctx,
  input: Readable,
  options: ImportOptions & ProgramTarget,
): Promise<ImportReport> {
  return runImport(ctx, importer(await programTarget(ctx, options)), input, options);
}

/** importTestimonials on a file: streams it and reports progress against its size. */
export async function importTestimonialsFile(
  ctx: Ctx,
  path: string,
  options: FileImportOptions & ProgramTarget,
): Promise<ImportReport> {
  return runFileImport(ctx, importer(await programTarget(ctx, options)), path, options);
}
