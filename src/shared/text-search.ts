/**
 * Search text for names in Japanese and English: NFKC (full-width to half-width), lower case,
 * katakana folded to hiragana, whitespace removed. Bigrams of that text are indexed with GIN,
 * so a query of two characters or more in kanji, kana or Latin letters finds what contains it
 * (see docs/decisions/0003-search-bigrams.md).
 */
export function normaliseForSearch(input: string): string {
  return input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/\s+/g, '');
}

/** The distinct bigrams of already-normalised text; text of one character gives itself. */
export function bigrams(normalised: string): string[] {
  const chars = Array.from(normalised);
  if (chars.length < 2) return chars.length ? [chars[0]] : [];
  const out = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) out.add(chars[i] + chars[i + 1]);
  return [...out];
}

/** Joins several fields with a separator that never appears in a query, so no bigram spans two fields. */
export function searchDocument(fields: Array<string | null | undefined>): { text: string; grams: string[] } {
  const parts = fields.filter((f): f is string => !!f).map(normaliseForSearch);
  const grams = new Set<string>();
  for (const p of parts) for (const g of bigrams(p)) grams.add(g);
  return { text: parts.join('\u0001'), grams: [...grams] };
}
