import type { Locale } from '../../../shared/fiscal-year';

/** A bilingual text in the UI language, falling back to the other language when it is missing. */
export function pick(locale: Locale, ja: string | null | undefined, en: string | null | undefined): string {
  return (locale === 'ja' ? (ja ?? en) : (en ?? ja)) ?? '';
}

/** The badge colour of a guideline's or screening's status. */
export const STATUS_COLOR: Record<string, string> = {
  draft: 'yellow',
  active: 'teal',
  retired: 'gray',
  passed: 'teal',
  failed: 'red',
};
