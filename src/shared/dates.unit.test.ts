import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from './dates.js';

describe('addMonths', () => {
  it('adds whole months, across years both ways', () => {
    expect(addMonths('2024-04-01', 24)).toBe('2026-04-01');
    expect(addMonths('2023-11-15', 3)).toBe('2024-02-15');
    expect(addMonths('2024-02-15', -3)).toBe('2023-11-15');
    expect(addMonths('2024-06-30', -30)).toBe('2021-12-30');
    expect(addMonths('2024-06-30', 0)).toBe('2024-06-30');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-05-31', 1)).toBe('2024-06-30');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });
});

describe('addDays', () => {
  it('adds days across months, years and leap days, both ways', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-03-01', -365)).toBe('2023-03-02');
    expect(addDays('2024-03-01', 0)).toBe('2024-03-01');
  });
});
