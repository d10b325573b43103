import { describe, expect, it } from 'vitest';
import { clockTime, instantOf, parseClockTime } from './time';

describe("visit times on the authority's clock", () => {
  it('turns a typed time on a date into the instant, in winter and in summer', () => {
    expect(instantOf('2026-11-29', '09:30')).toBe('2026-11-29T09:30:00.000Z');
    expect(instantOf('2026-07-01', '09:30')).toBe('2026-07-01T08:30:00.000Z');
  });

  it('is right on the days the clocks change', () => {
    expect(instantOf('2026-03-29', '07:55')).toBe('2026-03-29T06:55:00.000Z');
    expect(instantOf('2026-10-25', '07:55')).toBe('2026-10-25T07:55:00.000Z');
  });

  it('reads back the wall-clock time of an instant', () => {
    expect(clockTime('2026-07-01T08:30:00Z')).toBe('09:30');
    expect(clockTime('2026-11-29T14:05:00Z')).toBe('14:05');
  });

  it('accepts only real 24-hour times', () => {
    expect(parseClockTime('9:05')).toEqual({ hour: 9, minute: 5 });
    expect(parseClockTime('24:00')).toBeNull();
    expect(parseClockTime('9.30')).toBeNull();
    expect(instantOf('2026-11-29', 'soon')).toBeNull();
  });
});
