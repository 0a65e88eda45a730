import type { Locale } from '../../../shared/fiscal-year.js';
import { createI18n } from '../../../shared/i18n/index.js';
import type { NoticeParams } from './notifications.table.js';

export type NotificationParams = Record<string, string | number | null>;

const i18n = createI18n('ja');
const TAG: Record<Locale, string> = { ja: 'ja-JP', en: 'en-GB' };

/** Resolves bilingual parameters to one language (falling back to the other when one is missing or empty). */
export function paramsIn(params: NoticeParams, locale: Locale): NotificationParams {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) =>
      v !== null && typeof v === 'object'
        ? [k, v[locale] || v[locale === 'ja' ? 'en' : 'ja'] || null]
        : [k, v],
    ),
  );
}

/**
 * An instant as a reader in `locale` expects it, in the time zone of the place it happens:
 * "2026年6月13日(土) 10:00 JST", "Sat, 13 June 2026 at 10:00 GMT+9".
 */
export function formatStart(startsAt: string, timeZone: string, locale: Locale): string {
  const instant = new Date(startsAt);
  try {
    return startFormat(locale, timeZone).format(instant);
  } catch {
    return startFormat(locale, 'UTC').format(instant);
  }
}

/** Formatters are costly to build and are reused: one per language and time zone. */
const startFormats = new Map<string, Intl.DateTimeFormat>();
function startFormat(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone}`;
  let format = startFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(TAG[locale], {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    });
    startFormats.set(key, format);
  }
  return format;
}

/** A calendar date (YYYY-MM-DD) written out: "2026年6月13日", "13 June 2026". */
export function formatDate(date: string, locale: Locale): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(TAG[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

// Every variable the texts use, so that a missing one reads as nothing rather than as "{{start}}".
const BLANKS: NotificationParams = {
  title: '',
  start: '',
  position: '',
  hours: '',
  date: '',
  organisation: '',
  name: '',
  orgName: '',
};

/**
 * The values the texts interpolate, in one language: bilingual pairs resolved, `start` formatted from
 * `startsAt` in `timeZone`, `date` and `hours` written out, and `noteLine` from an optional `note`.
 */
export function textParams(params: NoticeParams, locale: Locale): NotificationParams {
  const out: NotificationParams = { ...BLANKS, ...paramsIn(params, locale) };
  if (typeof out.startsAt === 'string' && !Number.isNaN(Date.parse(out.startsAt))) {
    out.start = formatStart(out.startsAt, typeof out.timeZone === 'string' ? out.timeZone : 'UTC', locale);
  }
  if (typeof out.date === 'string' && /^\d{4}-\d\d-\d\d/.test(out.date))
    out.date = formatDate(out.date, locale);
  if (typeof out.hours === 'number') out.hours = new Intl.NumberFormat(TAG[locale]).format(out.hours);
  out.noteLine = out.note ? i18n.t('notifications:noteLine', { note: out.note, lng: locale }) : '';
  return out;
}

/** Renders a mail for a kind in a language: subject and plain-text body. `link` is absolute. */
export function renderMail(kind: string, locale: Locale, params: NotificationParams, link?: string) {
  const vars = { ...params, link: link ?? '', lng: locale };
  return {
    subject: i18n.t(`notifications:mail.${kind}.subject`, vars),
    textBody: i18n.t(`notifications:mail.${kind}.body`, vars),
  };
}

/** Renders the in-app title and body of a notification for its reader. */
export function renderNotice(kind: string, locale: Locale, params: NoticeParams) {
  const vars = { ...textParams(params, locale), lng: locale };
  return {
    title: i18n.t(`notifications:kind.${kind}.title`, vars),
    body: i18n.t(`notifications:kind.${kind}.body`, vars),
  };
}
