export type Locale = 'ja' | 'en';
export type FyLabelConvention = 'start' | 'end';
export type FiscalYearSettings = {
  startMonth: number;
  labelJa: FyLabelConvention;
  labelEn: FyLabelConvention;
};

/** The fiscal year is named internally by the calendar year in which it starts. */
export function fiscalYearOf(isoDate: string, startMonth: number): number {
  const [y, m] = isoDate.split('-').map(Number);
  return m >= startMonth ? y : y - 1;
}

/** First and last day (ISO dates, inclusive) of the fiscal year that starts in startYear. */
export function fiscalYearRange(startYear: number, startMonth: number): { start: string; end: string } {
  const start = `${startYear}-${String(startMonth).padStart(2, '0')}-01`;
  const endMonthIndex = startMonth - 1; // month before startMonth, in the following year when startMonth > 1
  const endYear = startMonth === 1 ? startYear : startYear + 1;
  const endMonth = startMonth === 1 ? 12 : endMonthIndex;
  const lastDay = new Date(Date.UTC(endYear, endMonth, 0)).getUTCDate();
  return {
    start,
    end: `${endYear}-${String(endMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`,
  };
}

/**
 * The label people read: Japanese names the year a fiscal year starts (2023年度), NEC's English
 * pages the year it ends ("fiscal 2024"). Both conventions are organisation settings.
 */
export function fiscalYearLabel(startYear: number, locale: Locale, s: FiscalYearSettings): string {
  const endsIn = s.startMonth === 1 ? startYear : startYear + 1;
  if (locale === 'ja') return `${s.labelJa === 'start' ? startYear : endsIn}年度`;
  return `fiscal ${s.labelEn === 'start' ? startYear : endsIn}`;
}

/**
 * The number addressing a fiscal year in report URLs, the report API and the CLI: the organisation's
 * English label number (NEC: 2024 for April 2023 to March 2024), the same in both languages.
 */
export function reportYearNumber(startYear: number, s: FiscalYearSettings): number {
  const endsIn = s.startMonth === 1 ? startYear : startYear + 1;
  return s.labelEn === 'start' ? startYear : endsIn;
}

/** The start year of the fiscal year a report number addresses (the inverse of reportYearNumber). */
export function startYearOfReportNumber(n: number, s: FiscalYearSettings): number {
  return s.labelEn === 'start' || s.startMonth === 1 ? n : n - 1;
}
