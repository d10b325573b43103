import { describe, expect, it } from 'vitest';
import { firstName, onDay, relationship, sectionsInWords, times } from './words';

describe('the words of the homes (issue 13)', () => {
  it('says how someone relates to the person, from the bases they saw the record on', () => {
    expect(relationship(['PROVIDER_DUTY'])).toBe('your reablement worker');
    expect(relationship(['ALLOCATED', 'TEAM_MEMBER'])).toBe('your practitioner');
    expect(relationship([])).toBe('from the council');
  });

  it('names people by first name, and roles in words whole', () => {
    expect(firstName('Wes Adeyemi')).toBe('Wes');
    expect(firstName('a reablement worker')).toBe('a reablement worker');
  });

  it('lists sections in plain words, for the person or someone else', () => {
    expect(sectionsInWords(['OUTCOMES', 'VISITS'], 'their')).toBe('their goals and their visits');
    expect(sectionsInWords(['OUTCOMES', 'VISITS', 'RISKS'])).toBe('your goals, your visits and things that could get in the way');
  });

  it('says when, as people do', () => {
    expect(onDay('2026-11-30', '2026-11-30')).toBe('today');
    expect(onDay('2026-11-29', '2026-11-30')).toBe('yesterday');
    expect(onDay('2026-11-23', '2026-11-30')).toBe('on Monday 23 November');
    expect(times(1)).toBe('once');
    expect(times(3)).toBe('3 times');
  });
});
