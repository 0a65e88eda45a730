import { describe, expect, it } from 'vitest';
import { formatSpan, fromZoned, toZoned } from './zoned-time';

describe('wall-clock times in an opportunity’s time zone', () => {
  it('turns a Tokyo date and time into the instant and back', () => {
    expect(fromZoned('2026-05-01', '00:30', 'Asia/Tokyo')).toBe('2026-04-30T15:30:00.000Z');
    expect(toZoned('2026-04-30T15:30:00.000Z', 'Asia/Tokyo')).toEqual({ date: '2026-05-01', time: '00:30' });
  });

  it('follows daylight saving in Chicago', () => {
    expect(fromZoned('2026-01-15', '09:00', 'America/Chicago')).toBe('2026-01-15T15:00:00.000Z');
    expect(fromZoned('2026-07-15', '09:00', 'America/Chicago')).toBe('2026-07-15T14:00:00.000Z');
    expect(toZoned('2026-07-15T14:00:00.000Z', 'America/Chicago')).toEqual({
      date: '2026-07-15',
      time: '09:00',
    });
    // The day the clocks go forward (8 March 2026): 03:30 exists, in daylight time.
    expect(fromZoned('2026-03-08', '03:30', 'America/Chicago')).toBe('2026-03-08T08:30:00.000Z');
    expect(fromZoned('2026-03-08', '01:30', 'America/Chicago')).toBe('2026-03-08T07:30:00.000Z');
  });

  it('shows a span on one day with the end as a time only', () => {
    const span = formatSpan('2026-04-30T15:30:00.000Z', '2026-04-30T17:30:00.000Z', 'Asia/Tokyo', 'en');
    expect(span).toMatch(/1 May 2026.*00:30 – 02:30$/);
  });
});
