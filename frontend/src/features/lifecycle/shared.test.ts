import { describe, expect, it } from 'vitest';
import { dateAsInstant } from './shared';

describe('a typed date as an instant', () => {
  const now = new Date('2026-11-30T08:20:00Z');

  it('is now for today, so something done today is never in the future', () => {
    expect(dateAsInstant('2026-11-30', now)).toBe('2026-11-30T08:20:00.000Z');
  });

  it('is midday UTC for an earlier day', () => {
    expect(dateAsInstant('2026-11-27', now)).toBe('2026-11-27T12:00:00Z');
  });

  it('is nothing for no date', () => {
    expect(dateAsInstant(null, now)).toBeNull();
  });
});
