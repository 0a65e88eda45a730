// The report form keeps the chosen drive and site in the URL (a promoter can bookmark their form).

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;

export type ReportSearch = { drive?: string; site?: string };

export function parseReportSearch(s: Record<string, unknown>): ReportSearch {
  return { drive: text(s.drive), site: text(s.site) };
}
