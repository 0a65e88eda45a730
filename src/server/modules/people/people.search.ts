import { and, eq, type SQL, sql } from 'drizzle-orm';
import { bigrams, normaliseForSearch, searchDocument } from '../../../shared/text-search.js';
import { likeEscape } from '../../lib/sql.js';
import { employees } from './people.table.js';

/** What employee search finds by: number, names, reading and e-mail. Every writer of employees uses it. */
export function employeeSearchDocument(e: {
  employeeNumber: string;
  nameJa: string;
  nameEn: string;
  nameKana: string;
  email: string;
}) {
  return searchDocument([e.employeeNumber, e.nameJa, e.nameEn, e.nameKana, e.email]);
}

export type EmployeeSearch = {
  /** Rows of the organisation whose search text contains the normalised query. */
  where: SQL;
  /** True for the row whose employee number is the query: order by it descending to put it first. */
  exact: SQL;
};

/**
 * The employee search: the query is normalised like the indexed text (NFKC, lower case, katakana as
 * hiragana, no spaces). From two characters on, the GIN index on the bigrams narrows the rows and
 * LIKE confirms the bigrams are contiguous; a single character is matched by LIKE alone.
 */
export function employeeSearch(orgId: string, q: string): EmployeeSearch {
  const normalised = normaliseForSearch(q);
  const conditions: SQL[] = [eq(employees.orgId, orgId)];
  if (Array.from(normalised).length >= 2) {
    const grams = bigrams(normalised).map((g) => sql`${g}`);
    conditions.push(sql`${employees.searchGrams} @> ARRAY[${sql.join(grams, sql`, `)}]::text[]`);
  }
  if (normalised) conditions.push(sql`${employees.searchText} like ${`%${likeEscape(normalised)}%`}`);
  return {
    where: and(...conditions)!,
    exact: sql`(lower(${employees.employeeNumber}) = ${normalised})`,
  };
}

/** The WHERE condition of an employee search in one organisation (the bench runs the same query). */
export function employeeSearchCondition(orgId: string, q: string): SQL {
  return employeeSearch(orgId, q).where;
}
