import { sql } from 'drizzle-orm';
import { check, date, foreignKey, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';

/**
 * The classifications programs, expenses and reports are tagged with (docs/decisions/0011): company
 * fields, vision layers, Keidanren survey fields and the B4SI cause areas, motivations and regions.
 * A versioned reference table shared by every organisation, seeded by migration 0010: a theme set
 * that goes out of use gets `retiredOn` and stays readable, so older records keep the theme in force
 * when they were recorded. Tables refer to a term by (scheme, code) with a generated constant scheme
 * column, so the database holds both that the term exists and that it is of the right scheme.
 */
export const classifications = pgTable(
  'classifications',
  {
    scheme: text().notNull(),
    code: text().notNull(),
    /** The set a term belongs to, e.g. the vision layers of 2021 or of 2018. */
    version: text().notNull(),
    labelJa: text().notNull(),
    labelEn: text().notNull(),
    position: smallint().notNull(),
    retiredOn: date({ mode: 'string' }),
  },
  (t) => [
    primaryKey({ name: 'classifications_pk', columns: [t.scheme, t.code] }),
    check(
      'classifications_scheme',
      sql`${t.scheme} in ('company_field', 'vision_layer', 'keidanren_field', 'b4si_cause', 'b4si_motivation', 'b4si_region')`,
    ),
    check('classifications_code', sql`${t.code} ~ '^[a-z][a-z0-9_]{0,39}$'`),
  ],
);

export const CLASSIFICATION_SCHEMES = [
  'company_field',
  'vision_layer',
  'keidanren_field',
  'b4si_cause',
  'b4si_motivation',
  'b4si_region',
] as const;
export type ClassificationScheme = (typeof CLASSIFICATION_SCHEMES)[number];

/** A constant column naming the classification scheme a term column refers to. */
export const scheme = (name: ClassificationScheme) =>
  text()
    .notNull()
    .generatedAlwaysAs(sql.raw(`'${name}'`));

/** The composite foreign key from (scheme column, term column) to the reference table. */
export const classification = (name: string, columns: [any, any]) =>
  foreignKey({ name, columns, foreignColumns: [classifications.scheme, classifications.code] });
