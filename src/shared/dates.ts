import dayjs from 'dayjs';

const ISO_DATE = 'YYYY-MM-DD';

/**
 * An ISO date (YYYY-MM-DD) plus whole months (negative to go back), kept inside a shorter month:
 * 31 Jan + 1 month = 28/29 Feb, 31 Mar - 1 month = 28/29 Feb.
 */
export function addMonths(isoDate: string, months: number): string {
  return dayjs(isoDate).add(months, 'month').format(ISO_DATE);
}

/** An ISO date (YYYY-MM-DD) plus whole days (negative to go back). */
export function addDays(isoDate: string, days: number): string {
  return dayjs(isoDate).add(days, 'day').format(ISO_DATE);
}
