/**
 * Calendar arithmetic for the demo's volunteering history: dates as whole days since 1970-01-01 (UTC),
 * fiscal years starting in April, and wall-clock times in a time zone turned into instants.
 */
const DAY_MS = 86_400_000;

export const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
export const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** The demo organisation's fiscal year starts in April (the organisations table's default). */
export const FY_START_MONTH = 4;
export const fyStart = (year: number): number => dayOf(`${year}-04-01`);
/** The last day of the fiscal year that starts in April of `year`. */
export const fyEnd = (year: number): number => fyStart(year + 1) - 1;
export const fyOfDay = (day: number): number => {
  const [y, m] = isoOf(day).split('-').map(Number);
  return m >= FY_START_MONTH ? y : y - 1;
};

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(timeZone: string, ms: number): Record<string, number> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(ms)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Minutes the zone is ahead of UTC at that instant (negative west of Greenwich). */
function offsetMinutes(timeZone: string, ms: number): number {
  const p = partsIn(timeZone, ms);
  return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - ms) / 60_000);
}

/** The instant when clocks in `timeZone` show `minutes` past midnight of `day` (DST taken into account). */
export function zonedInstant(day: number, minutes: number, timeZone: string): Date {
  const wall = day * DAY_MS + minutes * 60_000;
  const first = wall - offsetMinutes(timeZone, wall) * 60_000;
  const second = wall - offsetMinutes(timeZone, first) * 60_000;
  return new Date(second);
}

/** The local calendar day of an instant in a time zone. */
export function localDayOf(instant: Date, timeZone: string): number {
  const p = partsIn(timeZone, instant.getTime());
  return Date.UTC(p.year, p.month - 1, p.day) / DAY_MS;
}

/** Today's date in Tokyo, where the demo group has its head office. */
export function todayInTokyo(now = new Date()): string {
  return isoOf(localDayOf(now, 'Asia/Tokyo'));
}

export const addMinutes = (instant: Date, minutes: number): Date =>
  new Date(instant.getTime() + minutes * 60_000);
