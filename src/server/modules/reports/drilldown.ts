import { sql } from 'drizzle-orm';
import { fiscalYearRange } from '../../../shared/fiscal-year.js';
import type { Ctx } from '../../lib/context.js';
import { csvCell } from '../../lib/csv-export.js';
import { AppError } from '../../lib/errors.js';
import { rowsOf, toNumber } from '../../lib/sql.js';
import { ledgerToday } from '../ledger/ledger.values.js';
import { disasterDrill, driveDrill, volunteeringDrill } from './drilldown.activity.js';
import { expenseDrill } from './drilldown.expenses.js';
import { goalDrill } from './drilldown.goals.js';
import { programDrill } from './drilldown.programs.js';
import type { DrillResolver, DrillYear } from './drilldown.types.js';
import { closedAtOf, fiscalSettings, planStartOf } from './report.figures.js';
import type { ReportFigures } from './report.schema.js';
import type { Records, RecordsQuery } from './reports.api.schema.js';
import { assertReportAccess, reportFiguresFor } from './reports.service.js';

/** The drill-down registry: a ref's first segment names its resolver. */
export const DRILLDOWNS: Record<string, DrillResolver> = {
  expenses: expenseDrill,
  volunteering: volunteeringDrill,
  programs: programDrill,
  disaster: disasterDrill,
  drives: driveDrill,
  goals: goalDrill,
};

/**
 * The value a figure has in a report's figures (the snapshot of a closed year), by its ref; null when
 * the figures carry no such ref.
 */
export function figureValue(f: ReportFigures, ref: string): number | null {
  const e = f.expenses;
  if (ref === e.totalRef) return e.totalJpy;
  const lines = [
    ...e.byType,
    ...e.byField,
    ...e.byCompanyField,
    ...e.keidanren.byField,
    ...e.b4si.byCause,
    ...e.b4si.byMotivation,
    ...e.b4si.byRegion,
  ];
  const line = lines.find((l) => l.ref === ref);
  if (line) return line.amountJpy;
  const trend = e.trend.find((t) => t.ref === ref);
  if (trend) return trend.totalJpy;
  const v = f.volunteering as unknown as Record<string, unknown>;
  const key = ref.startsWith('volunteering.') ? ref.slice('volunteering.'.length) : '';
  if (key && f.volunteering.refs[key] === ref && typeof v[key] === 'number') return v[key] as number;
  for (const p of f.programs) {
    const fig = p.figures.find((x) => x.ref === ref);
    if (fig) return fig.value;
  }
  const d = f.disaster.find((x) => x.ref === ref);
  if (d) return d.companyDonationsJpy + d.matchingJpy + d.employeeDonationsJpy + d.pointDonationsJpy;
  const drive = f.drives.find((x) => x.ref === ref);
  if (drive) return drive.totalJpy;
  const goal = [...f.goals, ...f.nextYearGoals].find((g) => g.ref === ref);
  if (goal) return goal.actual;
  return null;
}

/** Every ref a report's figures emit (what the drill-down must resolve). */
export function figureRefs(f: ReportFigures): string[] {
  const e = f.expenses;
  return [
    e.totalRef,
    ...[
      ...e.byType,
      ...e.byField,
      ...e.byCompanyField,
      ...e.keidanren.byField,
      ...e.b4si.byCause,
      ...e.b4si.byMotivation,
      ...e.b4si.byRegion,
      ...e.trend,
    ].map((l) => l.ref),
    ...Object.values(f.volunteering.refs),
    ...f.programs.flatMap((p) => p.figures.map((x) => x.ref)),
    ...f.disaster.map((d) => d.ref),
    ...f.drives.map((d) => d.ref),
    ...[...f.goals, ...f.nextYearGoals].flatMap((g) => (g.ref ? [g.ref] : [])),
  ].filter((r, i, all) => all.indexOf(r) === i);
}

/** Most rows a CSV export of a drill-down carries. */
export const CSV_LIMIT = 100_000;

async function resolve(ctx: Ctx, startYear: number, figure: string, snapshot: ReportFigures | null) {
  const [prefix, ...parts] = figure.split('.');
  const resolver = Object.hasOwn(DRILLDOWNS, prefix) ? DRILLDOWNS[prefix] : undefined;
  const settings = await fiscalSettings(ctx);
  const range = fiscalYearRange(startYear, settings.startMonth);
  const year: DrillYear = {
    startYear,
    fromYear: startYear,
    ...range,
    planStart: snapshot ? snapshot.volunteering.planStart : await planStartOf(ctx),
    today: ledgerToday(),
  };
  const spec = resolver ? await resolver(ctx, parts, year) : null;
  if (!spec) throw new AppError('not_found', { params: { entity: 'figure' } });
  return spec;
}

/**
 * The records behind one figure of a fiscal year's report (start year), a page of them, with the
 * figure computed now from those records and, for a closed year, the value the report publishes.
 * Throws forbidden, not_found (a ref that names no figure).
 */
export async function figureRecords(
  ctx: Ctx,
  startYear: number,
  q: Pick<RecordsQuery, 'figure' | 'page' | 'size'>,
): Promise<Records> {
  assertReportAccess(ctx, 'reports.read');
  const closed = (await closedAtOf(ctx, startYear)) !== null;
  const snapshot = closed ? await reportFiguresFor(ctx, startYear) : null;
  const spec = await resolve(ctx, startYear, q.figure, snapshot);
  const [agg] = await rowsOf<{ n: unknown; v: unknown }>(
    ctx.db,
    sql`select count(*) as n, ${spec.value} as v ${spec.from}`,
  );
  const items = await rowsOf<Record<string, unknown>>(
    ctx.db,
    sql`select ${spec.select} ${spec.from} order by ${spec.orderBy} limit ${q.size} offset ${(q.page - 1) * q.size}`,
  );
  const total = toNumber(agg?.n);
  return {
    figure: q.figure,
    labelJa: spec.labelJa,
    labelEn: spec.labelEn,
    value: toNumber(agg?.v),
    publishedValue: snapshot ? figureValue(snapshot, q.figure) : null,
    count: total,
    columns: spec.columns,
    items: items.map(plain),
    total,
    page: q.page,
    size: q.size,
  };
}

/** JSON-safe cells: dates as ISO text (the specs cast their numbers to float8, a number on both drivers). */
function plain(row: Record<string, unknown>): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v === null || v === undefined) out[k] = null;
    else if (v instanceof Date) out[k] = v.toISOString();
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else if (typeof v === 'bigint') out[k] = toNumber(v);
    else out[k] = String(v);
  }
  return out;
}

/**
 * The records behind a figure as CSV (UTF-8 with BOM, headings in `lang`, formula-like text guarded),
 * every row up to CSV_LIMIT. Throws forbidden, not_found.
 */
export async function figureRecordsCsv(
  ctx: Ctx,
  startYear: number,
  figure: string,
  lang: 'ja' | 'en',
): Promise<string> {
  const page = await figureRecords(ctx, startYear, { figure, page: 1, size: CSV_LIMIT });
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const cell = (v: unknown) =>
    v === null || v === undefined ? '' : typeof v === 'string' ? quote(csvCell(v)) : quote(String(v));
  const lines = [
    page.columns.map((c) => quote(lang === 'ja' ? c.labelJa : c.labelEn)).join(','),
    ...page.items.map((item) => page.columns.map((c) => cell(item[c.key])).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
