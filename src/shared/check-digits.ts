// Check digits of Japanese identifiers, for the forms and the services. The database holds the same
// rules (kyosei_corporate_number_ok, kyosei_local_gov_code_ok in drizzle/0008) for its CHECK constraints.

const digitsOf = (v: string) => Array.from(v, (c) => c.charCodeAt(0) - 48);

/**
 * The check digit (the FIRST digit) of a 法人番号 from its other 12 digits: 9 − (Σ digit × weight) mod 9,
 * the weight 1 for odd and 2 for even positions counted from the right. Null when not 12 digits.
 */
export function corporateNumberCheckDigit(base: string): number | null {
  if (!/^[0-9]{12}$/.test(base)) return null;
  const d = digitsOf(base);
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += d[12 - n] * (n % 2 === 1 ? 1 : 2);
  return 9 - (sum % 9);
}

/** Whether a 法人番号 (corporate number) has 13 digits and its first is the right check digit. */
export function corporateNumberValid(v: string): boolean {
  return /^[0-9]{13}$/.test(v) && corporateNumberCheckDigit(v.slice(1)) === v.charCodeAt(0) - 48;
}

/**
 * The check digit (the LAST digit) of a 全国地方公共団体コード (JIS X 0402) from its first five:
 * (11 − (d1×6 + d2×5 + d3×4 + d4×3 + d5×2) mod 11) mod 10. Null when not 5 digits.
 */
export function localGovCodeCheckDigit(base: string): number | null {
  if (!/^[0-9]{5}$/.test(base)) return null;
  const sum = digitsOf(base).reduce((s, d, i) => s + d * (6 - i), 0);
  return (11 - (sum % 11)) % 10;
}

/** Whether a local-government code has 6 digits and its last is the right check digit. */
export function localGovCodeValid(v: string): boolean {
  return /^[0-9]{6}$/.test(v) && localGovCodeCheckDigit(v.slice(0, 5)) === v.charCodeAt(5) - 48;
}
