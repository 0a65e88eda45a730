import { describe, expect, it } from 'vitest';
import { isPrefectureCode, PREFECTURES, prefectureName } from '../../../shared/prefectures.js';
import { isCountryCode, isCurrencyCode, isTimeZone } from './organisations.schema.js';
import { fiscalYearOn } from './organisations.service.js';

const org = (fiscalYearStartMonth: number, fyLabelJa = 'start', fyLabelEn = 'end') =>
  ({ fiscalYearStartMonth, fyLabelJa, fyLabelEn }) as never;

describe('reference checks', () => {
  it('knows IANA zones, their aliases and UTC, and nothing else', () => {
    for (const tz of ['Asia/Tokyo', 'America/Chicago', 'Asia/Kolkata', 'Asia/Calcutta', 'UTC', 'Etc/UTC'])
      expect(isTimeZone(tz), tz).toBe(true);
    for (const tz of ['Tokyo', 'Mars/Olympus', '', 'JST', '+09:00', 'asia/tokyo/x'])
      expect(isTimeZone(tz), tz).toBe(false);
  });

  it('knows ISO country and currency codes', () => {
    expect(['JP', 'US', 'IN', 'TH'].every(isCountryCode)).toBe(true);
    expect(['QQ', 'XX', 'jp', 'JPN'].some(isCountryCode)).toBe(false);
    expect(['JPY', 'USD', 'INR', 'THB'].every(isCurrencyCode)).toBe(true);
    expect(['ABC', 'YEN', 'jpy'].some(isCurrencyCode)).toBe(false);
  });

  it('lists the 47 prefectures in JIS order', () => {
    expect(PREFECTURES).toHaveLength(47);
    expect(PREFECTURES.map((p) => Number(p.code))).toEqual(Array.from({ length: 47 }, (_, i) => i + 1));
    expect(new Set(PREFECTURES.map((p) => p.nameEn)).size).toBe(47);
    expect(prefectureName('01', 'ja')).toBe('北海道');
    expect(prefectureName('47', 'en')).toBe('Okinawa');
    expect(['00', '48', '1', '13 ', 'ab'].some(isPrefectureCode)).toBe(false);
  });
});

describe('current fiscal year', () => {
  it('labels April-to-March years by their start in Japanese and their end in English', () => {
    expect(fiscalYearOn(org(4), new Date('2024-01-15T00:00:00Z'))).toEqual({
      startYear: 2023,
      start: '2023-04-01',
      end: '2024-03-31',
      labelJa: '2023年度',
      labelEn: 'fiscal 2024',
    });
    expect(fiscalYearOn(org(4), new Date('2024-04-01T00:00:00Z')).labelJa).toBe('2024年度');
  });

  it('follows the organisation’s start month and label settings', () => {
    expect(fiscalYearOn(org(1, 'end', 'start'), new Date('2024-12-31T12:00:00Z'))).toMatchObject({
      startYear: 2024,
      end: '2024-12-31',
      labelJa: '2024年度',
      labelEn: 'fiscal 2024',
    });
    expect(fiscalYearOn(org(10), new Date('2024-09-30T00:00:00Z'))).toMatchObject({
      start: '2023-10-01',
      end: '2024-09-30',
    });
  });
});
