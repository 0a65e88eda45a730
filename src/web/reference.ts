import type { Locale } from '../shared/fiscal-year';

// Option lists built from the browser's Intl data, so they are complete and in the UI language
// without catalogues of our own.

type Option = { value: string; label: string };
const tag = (locale: Locale) => (locale === 'ja' ? 'ja-JP' : 'en-GB');
const cache = new Map<string, Option[]>();

function cached(key: string, build: () => Option[]): Option[] {
  const hit = cache.get(key);
  if (hit) return hit;
  const value = build();
  cache.set(key, value);
  return value;
}

const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);
const collator = (locale: Locale) => new Intl.Collator(tag(locale));

/** ISO 3166 countries, "日本 (JP)", sorted by name. */
export function countryOptions(locale: Locale): Option[] {
  return cached(`country:${locale}`, () => {
    const names = new Intl.DisplayNames([tag(locale)], { type: 'region', fallback: 'none' });
    const out: Option[] = [];
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const name = NOT_COUNTRIES.has(code) ? undefined : names.of(code);
        if (name && name !== code) out.push({ value: code, label: `${name} (${code})` });
      }
    }
    return out.sort((x, y) => collator(locale).compare(x.label, y.label));
  });
}

/** ISO 4217 currencies in use, "JPY 日本円". */
export function currencyOptions(locale: Locale): Option[] {
  return cached(`currency:${locale}`, () => {
    const names = new Intl.DisplayNames([tag(locale)], { type: 'currency', fallback: 'code' });
    return Intl.supportedValuesOf('currency').map((code) => ({
      value: code,
      label: `${code} ${names.of(code) ?? ''}`.trim(),
    }));
  });
}

/** IANA time zones known to the browser. */
export function timeZoneOptions(): Option[] {
  return cached('tz', () => Intl.supportedValuesOf('timeZone').map((z) => ({ value: z, label: z })));
}

/** Month names, 1 to 12, as values '1'..'12'. */
export function monthOptions(locale: Locale): Option[] {
  return cached(`month:${locale}`, () => {
    const fmt = new Intl.DateTimeFormat(tag(locale), { month: 'long', timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, i) => ({
      value: String(i + 1),
      label: fmt.format(new Date(Date.UTC(2024, i, 1))),
    }));
  });
}
