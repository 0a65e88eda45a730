// The goals page keeps its fiscal year in the URL (/goals?fiscalYear=2023), like every list.

export type GoalsSearch = { fiscalYear?: number };

export function parseGoalsSearch(s: Record<string, unknown>): GoalsSearch {
  const n = typeof s.fiscalYear === 'number' ? s.fiscalYear : Number(s.fiscalYear);
  return { fiscalYear: Number.isInteger(n) && n >= 1900 && n <= 2200 ? n : undefined };
}
