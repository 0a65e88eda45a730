import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../lib/context.js';

/** A column of a drill-down list: its key in each item and its heading in both languages. */
export type DrillColumn = { key: string; labelJa: string; labelEn: string };

/**
 * What a drill-down reads: the fiscal year `startYear` (dates `start`..`end`, inclusive); figures that
 * add up several years (a goal's period) read `fromYear`..`startYear`.
 */
export type DrillYear = {
  startYear: number;
  fromYear: number;
  start: string;
  end: string;
  planStart: string | null;
  today: string;
};

/**
 * How to list the records behind one figure: `from` is the FROM ... WHERE part (the rows of the figure,
 * one per listed record), `select` their columns (aliased as the column keys), `value` the aggregate over
 * the same rows that gives the figure (so the list and the figure can never disagree).
 */
export type DrillSpec = {
  labelJa: string;
  labelEn: string;
  columns: DrillColumn[];
  from: SQL;
  select: SQL;
  orderBy: SQL;
  value: SQL;
};

/** Resolves the rest of a ref (after its prefix) to a spec, or null when it names nothing. */
export type DrillResolver = (ctx: Ctx, parts: string[], year: DrillYear) => Promise<DrillSpec | null>;

/** `expr as "key"`, for the select lists. */
export const col = (expr: SQL, key: string): SQL => sql`${expr} as ${sql.identifier(key)}`;

/** A list of columns: [key, labelJa, labelEn]. */
export const columns = (...cs: [string, string, string][]): DrillColumn[] =>
  cs.map(([key, labelJa, labelEn]) => ({ key, labelJa, labelEn }));

/** Comma-joined SQL fragments. */
export const list = (parts: SQL[]): SQL => sql.join(parts, sql`, `);

/** `('a', 'b')` bound as parameters. */
export const inList = (values: readonly string[]): SQL =>
  sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
