import { createI18n, LOCALES } from '../shared/i18n/index';
import type { Locale } from '../shared/fiscal-year';
import { useTranslation } from 'react-i18next';

const STORAGE_KEY = 'kyosei.locale';

/** The language shown before sign-in: the last one chosen on this browser, else the browser's own. */
function initialLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored === 'ja' || stored === 'en') return stored;
  const preferred = globalThis.navigator?.languages ?? [];
  for (const tag of preferred) {
    if (tag.toLowerCase().startsWith('ja')) return 'ja';
    if (tag.toLowerCase().startsWith('en')) return 'en';
  }
  return 'ja';
}

/** The web app's i18next instance over the shared catalogues (namespaces web and errors). */
export const i18n = createI18n(initialLocale());

/** The UI language as ja or en. */
export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'ja';
}

/** Switches the UI language and remembers it on this browser (the server remembers it per user). */
export async function setLocale(locale: Locale): Promise<void> {
  if (!LOCALES.includes(locale)) return;
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

function syncDocument(lng: string) {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lng;
  document.title = i18n.t('app.name');
}
syncDocument(i18n.language);
i18n.on('languageChanged', syncDocument);

/** Formatters in the UI language: dates and numbers always go through Intl, never by hand. */
export type Formatters = {
  locale: Locale;
  /** A calendar date (YYYY-MM-DD) as people write it; no time-zone shift. */
  date: (iso: string | null | undefined) => string;
  /** An instant in the viewer's time zone. */
  dateTime: (iso: string | null | undefined) => string;
  number: (n: number) => string;
  /** An amount in minor units of a currency. */
  money: (minor: number, currency: string) => string;
  /** A name in the UI language from a record with nameJa and nameEn. */
  name: (r: { nameJa: string; nameEn: string } | null | undefined) => string;
  country: (code: string) => string;
  currency: (code: string) => string;
};

const cache = new Map<string, Formatters>();

/** The decimals a currency has (JPY 0, USD 2). */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits as number;
  } catch {
    return 0;
  }
}

export function formatters(locale: Locale): Formatters {
  const hit = cache.get(locale);
  if (hit) return hit;
  const tag = locale === 'ja' ? 'ja-JP' : 'en-GB';
  const dateFmt = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFmt = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const numberFmt = new Intl.NumberFormat(tag);
  const regions = new Intl.DisplayNames([tag], { type: 'region', fallback: 'code' });
  const currencies = new Intl.DisplayNames([tag], { type: 'currency', fallback: 'code' });
  const f: Formatters = {
    locale,
    date: (iso) => (iso ? dateFmt.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : ''),
    dateTime: (iso) => (iso ? dateTimeFmt.format(new Date(iso)) : ''),
    number: (n) => numberFmt.format(n),
    money: (minor, currency) => {
      const digits = currencyDigits(currency);
      return new Intl.NumberFormat(tag, { style: 'currency', currency }).format(minor / 10 ** digits);
    },
    name: (r) => (r ? (locale === 'ja' ? r.nameJa : r.nameEn) || r.nameJa || r.nameEn : ''),
    country: (code) => regions.of(code) ?? code,
    currency: (code) => currencies.of(code) ?? code,
  };
  cache.set(locale, f);
  return f;
}

/** The formatters for the current UI language; re-renders when the language changes. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return formatters(i18n.language === 'en' ? 'en' : 'ja');
}
