import { createI18n, resources } from '../../src/shared/i18n/index.js';

export type Locale = 'ja' | 'en';
export const LOCALES: readonly Locale[] = ['ja', 'en'];

const instances = { ja: createI18n('ja'), en: createI18n('en') };

function has(locale: Locale, ns: string, key: string): boolean {
  let node: unknown = resources[locale][ns];
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

/**
 * A text from the app's own catalogues (`src/shared/i18n/web.*.json`, or `errors:` keys), so the specs
 * expect what the app shows without typing it twice. A key missing from the catalogue fails loudly
 * instead of falling back to the other language.
 */
export function t(locale: Locale, key: string, params?: Record<string, unknown>): string {
  const [ns, bare] = key.includes(':') ? key.split(':', 2) : ['web', key];
  if (!has(locale, ns, bare))
    throw new Error(`i18n key ${ns}:${bare} is missing from the ${locale} catalogue`);
  return instances[locale].t(bare, { ns, ...params });
}

/** The other language. */
export const other = (locale: Locale): Locale => (locale === 'ja' ? 'en' : 'ja');

/** A text as a regular expression that matches it literally. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A case-sensitive exact-match regular expression for a text, for getByRole({ name }). */
export function exact(text: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);
}

/**
 * A catalogue text as an exact-match regular expression in which the named parameters match anything
 * (for names such as "Sign up for the shift of {{when}}" when the test does not format `when` itself).
 */
export function like(locale: Locale, key: string, anyOf: string[], params: Record<string, unknown> = {}) {
  const hole = '\u0000';
  const text = t(locale, key, { ...params, ...Object.fromEntries(anyOf.map((name) => [name, hole])) });
  return new RegExp(`^\\s*${text.split(hole).map(escapeRegExp).join('.+')}\\s*$`);
}
