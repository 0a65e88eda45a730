import type { i18n } from 'i18next';
import { ZodError } from 'zod';
import type { Locale } from '../shared/fiscal-year.js';
import { createI18n } from '../shared/i18n/index.js';
import { AppError, type FieldIssue } from '../server/lib/errors.js';

/** A mistake in how a command was called (unknown organisation, bad option): key in the cli catalogue. */
export class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'UsageError';
  }
}

/** Most issues printed for one error; the rest are counted. */
export const MAX_PRINTED_ISSUES = 100;

/** Where a command writes: the process's streams, or a test's buffers. */
export type CliStreams = {
  stdout: { write(chunk: string | Uint8Array): unknown };
  /** isTTY: a terminal, where a progress bar may redraw itself. */
  stderr: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean };
};

export type Output = CliStreams & {
  lang: Locale;
  t(key: string, params?: Record<string, unknown>): string;
  /** A line of the command's result, on stdout. */
  line(text?: string): void;
  /** A line of progress or diagnostics, on stderr. */
  note(text: string): void;
};

export function createOutput(
  lang: Locale,
  { stdout, stderr }: CliStreams = { stdout: process.stdout, stderr: process.stderr },
): Output {
  const i18n: i18n = createI18n(lang);
  return {
    lang,
    stdout,
    stderr,
    t: (key, params = {}) => i18n.t(key.includes(':') ? key : `cli:${key}`, { ...params, lng: lang }),
    line: (text = '') => stdout.write(`${text}\n`),
    note: (text) => stderr.write(`${text}\n`),
  };
}

function errorMessage(out: Output, err: AppError): string {
  const entity = err.params.entity;
  const named =
    typeof entity === 'string' ? out.t(`errors:entity.${entity}`, { defaultValue: entity }) : entity;
  return out.t(`errors:${err.code}`, { ...err.params, entity: named, requestId: '-', limit: '-' });
}

/** One issue as a line: CSV issues by row and column, others by field path. */
export function issueLine(out: Output, f: FieldIssue & { value?: string }): string {
  const message = f.message ?? out.t(`errors:field.${f.code}`, { ...f, defaultValue: f.code });
  if (f.row !== undefined && f.column) {
    return out.t(f.value ? 'message.issueValue' : 'message.issue', { ...f, message });
  }
  if (f.row !== undefined) return out.t('message.issueRow', { row: f.row, message });
  return `  ${f.path}: ${message}`;
}

/** Prints issues (at most MAX_PRINTED_ISSUES), then how many more there were. */
export function printIssues(out: Output, issues: FieldIssue[], total = issues.length, print = out.line) {
  for (const f of issues.slice(0, MAX_PRINTED_ISSUES)) print(issueLine(out, f));
  const shown = Math.min(issues.length, MAX_PRINTED_ISSUES);
  if (total > shown) print(out.t('message.moreIssues', { count: total - shown }));
}

/** Prints any error in the user's language on stderr. */
export function printError(out: Output, err: unknown): void {
  if (err instanceof UsageError) {
    out.note(out.t(`error.${err.key}`, err.params));
    return;
  }
  if (err instanceof ZodError) {
    const fields = err.issues.map((i) => ({ path: i.path.join('.'), code: i.code }));
    printError(out, new AppError('validation_failed', { fields }));
    return;
  }
  if (err instanceof AppError) {
    const params = err.params as Record<string, unknown>;
    if (err.code === 'import_invalid' && !params.rows) out.note(errorMessage(out, err));
    else if (err.code === 'import_invalid') out.note(out.t('message.importFailed', params));
    else out.note(errorMessage(out, err));
    const total = typeof params.count === 'number' ? params.count : err.fields.length;
    printIssues(out, err.fields, total, out.note);
    return;
  }
  const e = err as Error & { code?: string; port?: number };
  if (e?.code === 'EADDRINUSE') {
    out.note(out.t('error.portInUse', { port: e.port ?? '?' }));
    return;
  }
  out.note(out.t('error.unexpected', { message: e?.message ?? String(err) }));
  if (e?.stack) out.note(e.stack);
}
