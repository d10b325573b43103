import { describe, expect, it } from 'vitest';
import { londonDate, londonInstant, londonTime } from './time';

describe('times in the authority’s time zone', () => {
  it('reads a day and time in London as an instant, in winter and in summer', () => {
    expect(londonInstant('2026-01-15', '09:00')).toBe('2026-01-15T09:00:00.000Z');
    expect(londonInstant('2026-07-15', '09:00')).toBe('2026-07-15T08:00:00.000Z');
  });
  it('gives back the London day and time of an instant', () => {
    expect(londonDate('2026-07-15T23:30:00Z')).toBe('2026-07-16');
    expect(londonTime('2026-07-15T08:00:00Z')).toBe('09:00');
  });
});
