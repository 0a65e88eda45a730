import { describe, expect, it } from 'vitest';
import {
  corporateNumberCheckDigit,
  corporateNumberValid,
  localGovCodeCheckDigit,
  localGovCodeValid,
} from './check-digits.js';

describe('corporate number (法人番号) check digit', () => {
  it('accepts real numbers: NEC, the National Tax Agency', () => {
    expect(corporateNumberValid('7010401022916')).toBe(true);
    expect(corporateNumberValid('7000012050002')).toBe(true);
  });

  it('computes the first digit from the other twelve', () => {
    expect(corporateNumberCheckDigit('010401022916')).toBe(7);
    expect(corporateNumberCheckDigit('000012050002')).toBe(7);
    // A sum divisible by 9 gives 9, never 0.
    expect(corporateNumberCheckDigit('000000000000')).toBe(9);
  });

  it('refuses a wrong check digit, a changed digit, the wrong length and non-digits', () => {
    expect(corporateNumberValid('8010401022916')).toBe(false);
    expect(corporateNumberValid('7010401022917')).toBe(false);
    expect(corporateNumberValid('701040102291')).toBe(false);
    expect(corporateNumberValid('70104010229160')).toBe(false);
    expect(corporateNumberValid('701040102291A')).toBe(false);
    expect(corporateNumberValid('')).toBe(false);
    expect(corporateNumberCheckDigit('01040102291')).toBeNull();
  });
});

describe('local-government code check digit', () => {
  it.each([
    ['070009', 'Fukushima Prefecture'],
    ['141305', 'Kawasaki City'],
    ['222135', 'Kakegawa City'],
    ['130001', 'Tokyo Metropolis'],
    ['330001', 'Okayama Prefecture (a sum divisible by 11 gives 1)'],
    ['011002', 'Sapporo City'],
    ['131016', 'Chiyoda City'],
  ])('accepts %s (%s)', (code) => {
    expect(localGovCodeValid(code)).toBe(true);
  });

  it('computes the last digit from the first five', () => {
    expect(localGovCodeCheckDigit('07000')).toBe(9);
    expect(localGovCodeCheckDigit('33000')).toBe(1);
    // 1×6 + 2×5 + 3×4 + 4×3 + 5×2 = 50, 50 mod 11 = 6, 11 − 6 = 5.
    expect(localGovCodeCheckDigit('12345')).toBe(5);
    // 6 × 2 = 12, remainder 1 gives 10, whose last digit 0 is the check digit.
    expect(localGovCodeCheckDigit('00006')).toBe(0);
  });

  it('refuses a wrong check digit, the wrong length and non-digits', () => {
    expect(localGovCodeValid('070008')).toBe(false);
    expect(localGovCodeValid('141306')).toBe(false);
    expect(localGovCodeValid('07000')).toBe(false);
    expect(localGovCodeValid('0700090')).toBe(false);
    expect(localGovCodeValid('07000a')).toBe(false);
    expect(localGovCodeCheckDigit('0700')).toBeNull();
  });
});
