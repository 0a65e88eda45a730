// The drill-down keeps its figure and page in the URL: the report page links to it, and an auditor can
// bookmark or share the list of records behind a figure.

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
const whole = (v: unknown, max = Number.MAX_SAFE_INTEGER): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
};

export type RecordsSearch = { figure?: string; page?: number; size?: number };

export function parseRecordsSearch(s: Record<string, unknown>): RecordsSearch {
  return { figure: text(s.figure), page: whole(s.page), size: whole(s.size, 200) };
}
