import { describe, expect, it } from 'vitest';
import { elapsedShare, targetStatus, yearlyStatus } from './goals.status.js';

describe('yearly goal status', () => {
  const base = { goal: 1200, previous: null, ended: true } as const;
  it('reports a goal in words', () => {
    expect(yearlyStatus({ ...base, comparison: 'none', goal: null, actual: null })).toBe('reported');
  });
  it('is in progress until the year has ended, or while the value is unknown', () => {
    expect(yearlyStatus({ ...base, comparison: 'at_least', actual: 5000, ended: false })).toBe('in_progress');
    expect(yearlyStatus({ ...base, comparison: 'at_least', actual: null })).toBe('in_progress');
  });
  it('compares at least and at most once the year has ended', () => {
    expect(yearlyStatus({ ...base, comparison: 'at_least', actual: 1200 })).toBe('achieved');
    expect(yearlyStatus({ ...base, comparison: 'at_least', actual: 1199 })).toBe('not_achieved');
    expect(yearlyStatus({ ...base, comparison: 'at_most', actual: 1200 })).toBe('achieved');
    expect(yearlyStatus({ ...base, comparison: 'at_most', actual: 1201 })).toBe('not_achieved');
  });
  it('needs strictly more than the year before for an increase', () => {
    const g = { comparison: 'increase', goal: null, ended: true } as const;
    expect(yearlyStatus({ ...g, actual: 11, previous: 10 })).toBe('achieved');
    expect(yearlyStatus({ ...g, actual: 10, previous: 10 })).toBe('not_achieved');
  });
});

describe('target status', () => {
  const t = { target: 10_000, periodStart: '2021-04-01', periodEnd: '2026-03-31' };
  it('shares the elapsed period by whole days', () => {
    expect(elapsedShare(t.periodStart, t.periodEnd, '2024-03-31')).toBeCloseTo(1096 / 1826, 6);
    expect(elapsedShare(t.periodStart, t.periodEnd, '2020-01-01')).toBe(0);
    expect(elapsedShare(t.periodStart, t.periodEnd, '2030-01-01')).toBe(1);
  });
  it('is achieved as soon as the actual reaches the target', () => {
    expect(targetStatus({ ...t, actual: 10_000, asOf: '2023-03-31' })).toBe('achieved');
  });
  it('is on track at or above the elapsed share of the target, else behind', () => {
    expect(targetStatus({ ...t, actual: 6_003, asOf: '2024-03-31' })).toBe('on_track');
    expect(targetStatus({ ...t, actual: 5_900, asOf: '2024-03-31' })).toBe('behind');
  });
  it('is not achieved after the period, in progress before it, reported without a measure', () => {
    expect(targetStatus({ ...t, actual: 9_999, asOf: '2026-03-31' })).toBe('not_achieved');
    expect(targetStatus({ ...t, actual: 0, asOf: '2021-03-31' })).toBe('in_progress');
    expect(targetStatus({ ...t, target: null, actual: null, asOf: '2024-03-31' })).toBe('reported');
  });
});
