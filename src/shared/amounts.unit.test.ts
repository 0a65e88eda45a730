import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatCount,
  formatDay,
  formatDecimal,
  formatPercent,
  formatPeriod,
  formatYen,
  formatYenExact,
  formatYenShort,
  inYenUnit,
  yenUnit,
} from './amounts';

describe('amounts as the report reads them', () => {
  it('reads the seeds’ Japanese totals in 億円, rounded to 0.1億', () => {
    expect(formatYen(670_000_000, 'ja', 'oku')).toBe('6.7億円');
    expect(formatYen(520_000_000, 'ja', 'oku')).toBe('5.2億円');
    expect(formatYen(612_345_678, 'ja', 'oku')).toBe('6.1億円');
    expect(formatYen(665_000_000, 'ja', 'oku')).toBe('6.7億円');
    expect(formatYen(664_999_999, 'ja', 'oku')).toBe('6.6億円');
    expect(formatYen(1_234_000_000, 'ja', 'oku')).toBe('12.3億円');
  });

  it('reads 百万円 when the organisation chooses it', () => {
    expect(formatYen(828_000_000, 'ja', 'hyakuman')).toBe('828百万円');
    expect(formatYen(827_600_000, 'ja', 'hyakuman')).toBe('828百万円');
    expect(formatYen(1_234_400_000, 'ja', 'hyakuman')).toBe('1,234百万円');
  });

  it('reads English amounts in million yen', () => {
    expect(formatYen(828_000_000, 'en')).toBe('828 million yen');
    expect(formatYen(828_400_000, 'en')).toBe('828 million yen');
    expect(formatYen(670_000_000, 'en')).toBe('670 million yen');
    expect(formatYen(5_000_000, 'en')).toBe('5 million yen');
    expect(formatYen(15_000_000, 'en')).toBe('15 million yen');
    expect(formatYen(1_500_000, 'en')).toBe('1.5 million yen');
    expect(formatYen(1_234_000_000, 'en')).toBe('1,234 million yen');
    expect(formatYen(850_000, 'en')).toBe('850,000 yen');
  });

  it('never reads a small amount as a fraction of the unit', () => {
    expect(formatYen(5_000_000, 'ja', 'oku')).toBe('500万円');
    expect(formatYen(15_000_000, 'ja', 'oku')).toBe('0.2億円');
    expect(formatYen(9_990_000, 'ja', 'oku')).toBe('999万円');
    expect(formatYen(500_000, 'ja', 'hyakuman')).toBe('50万円');
    expect(formatYen(8_000, 'ja', 'oku')).toBe('8,000円');
    expect(formatYen(0, 'ja', 'oku')).toBe('0円');
    expect(formatYen(0, 'en')).toBe('0 yen');
  });

  it('reads donations in 万円 in Japanese whatever the unit of totals', () => {
    expect(formatYenShort(15_000_000, 'ja')).toBe('1,500万円');
    expect(formatYenShort(5_000_000, 'ja')).toBe('500万円');
    expect(formatYenShort(310_000, 'ja')).toBe('31万円');
    expect(formatYenShort(250_000_000, 'ja')).toBe('2.5億円');
    expect(formatYenShort(15_000_000, 'en')).toBe('15 million yen');
  });

  it('keeps the sign of a negative amount (a restatement’s difference)', () => {
    expect(formatYen(-120_000_000, 'ja', 'oku')).toBe('-1.2億円');
    expect(formatYen(-3_000_000, 'en')).toBe('-3 million yen');
  });

  it('gives charts their unit and values in it', () => {
    expect(yenUnit('ja', 'oku')).toEqual({ divisor: 100_000_000, label: '億円' });
    expect(yenUnit('en', 'oku').label).toBe('million yen');
    expect(inYenUnit(612_345_678, 'ja', 'oku')).toBe(6.1);
    expect(inYenUnit(828_400_000, 'ja', 'hyakuman')).toBe(828);
    expect(inYenUnit(828_400_000, 'en')).toBe(828);
  });

  it('formats counts, changes, decimals, percentages and exact yen', () => {
    expect(formatCount(8721, 'en')).toBe('8,721');
    expect(formatCount(1338, 'ja')).toBe('1,338');
    expect(formatChange(3480, 'en')).toBe('+3,480');
    expect(formatChange(-12, 'ja')).toBe('-12');
    expect(formatChange(0, 'en')).toBe('±0');
    expect(formatDecimal(1234.56, 'en')).toBe('1,234.6');
    expect(formatDecimal(12, 'ja')).toBe('12');
    expect(formatPercent(0.9, 'en')).toBe('90%');
    expect(formatPercent(0.875, 'ja', 1)).toBe('87.5%');
    expect(formatPercent(0.08, 'en', 1)).toBe('8.0%');
    expect(formatPercent(Number.NaN, 'en')).toBe('0%');
    expect(formatYenExact(671_234_567, 'ja')).toBe('671,234,567円');
    expect(formatYenExact(671_234_567, 'en')).toBe('671,234,567 yen');
  });

  it('names periods and days in each language', () => {
    expect(formatPeriod('2021-04-01', '2026-03-31', 'ja')).toBe('2021年4月～2026年3月');
    expect(formatPeriod('2021-04-01', '2026-03-31', 'en')).toBe('April 2021 to March 2026');
    expect(formatDay('2024-06-30T01:02:03Z', 'ja')).toBe('2024年6月30日');
    expect(formatDay('2024-06-30', 'en')).toBe('30 June 2024');
  });
});
