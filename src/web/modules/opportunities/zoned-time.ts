// Shifts are entered and shown in the opportunity's time zone (the site's, else the company's), not the
// browser's: an organiser in Tokyo posting for Texas types Texas wall-clock times.

const partsCache = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let fmt = partsCache.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsCache.set(timeZone, fmt);
  }
  return fmt;
}

/** The wall-clock date and time of an instant in a time zone: { date: YYYY-MM-DD, time: HH:mm }. */
export function toZoned(iso: string, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    partsFormat(timeZone)
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The zone's offset from UTC in milliseconds at an instant. */
function offsetAt(ms: number, timeZone: string): number {
  const p = Object.fromEntries(
    partsFormat(timeZone)
      .formatToParts(new Date(ms))
      .map((x) => [x.type, Number(x.value)]),
  );
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant (ISO, UTC) of a wall-clock date and time in a time zone. Around a daylight saving change
 * the offset of the moment itself is used, so a repeated hour resolves to one of its two instants.
 */
export function fromZoned(date: string, time: string, timeZone: string): string {
  const wall = Date.parse(`${date}T${time}:00Z`);
  const first = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(first, timeZone)).toISOString();
}

/** A date and time in a zone for people: "2026年5月1日(金) 10:00" or "Fri 1 May 2026, 10:00". */
export function formatInZone(iso: string, timeZone: string, locale: 'ja' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** A shift's span in its zone: the start in full, the end as a time (or in full on another day). */
export function formatSpan(startsAt: string, endsAt: string, timeZone: string, locale: 'ja' | 'en'): string {
  const start = formatInZone(startsAt, timeZone, locale);
  const sameDay = toZoned(startsAt, timeZone).date === toZoned(endsAt, timeZone).date;
  const end = sameDay ? toZoned(endsAt, timeZone).time : formatInZone(endsAt, timeZone, locale);
  return `${start} – ${end}`;
}

/** A day in a zone for people, without the time: "2026年5月1日" or "1 May 2026". */
export function formatDayInZone(iso: string, timeZone: string, locale: 'ja' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone,
    dateStyle: 'medium',
  }).format(new Date(iso));
}

/** A day in a zone with its weekday: "2026年5月1日(金)" or "Fri 1 May 2026". */
export function formatDayWithWeekday(iso: string, timeZone: string, locale: 'ja' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  }).format(new Date(iso));
}

/** Today in a time zone, YYYY-MM-DD. */
export function todayIn(timeZone: string): string {
  return toZoned(new Date().toISOString(), timeZone).date;
}

/** The zone's short name at an instant for people ("JST", "CDT", or "GMT+9"). */
export function zoneLabel(timeZone: string, locale: 'ja' | 'en', iso = new Date().toISOString()): string {
  const name = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    timeZone,
    timeZoneName: 'short',
  })
    .formatToParts(new Date(iso))
    .find((p) => p.type === 'timeZoneName')?.value;
  return name ? `${timeZone} (${name})` : timeZone;
}
