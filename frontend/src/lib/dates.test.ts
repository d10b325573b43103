import { describe, expect, it } from 'vitest';
import { dateFields, parseDateFields } from './dates';

describe('date inputs', () => {
  it('reads the API date into day, month and year, and back', () => {
    expect(dateFields('2027-03-05')).toEqual({ day: '5', month: '3', year: '2027' });
    expect(parseDateFields({ day: '5', month: '3', year: '2027' }, 'Target date')).toEqual({ value: '2027-03-05' });
    expect(parseDateFields({ day: ' ', month: '', year: '' }, 'Target date')).toEqual({ value: null });
  });

  it('says what is wrong in GOV.UK words', () => {
    expect(parseDateFields({ day: '31', month: '2', year: '2027' }, 'Target date')).toEqual({ error: 'Target date must be a real date' });
    expect(parseDateFields({ day: '1', month: '', year: '' }, 'Target date')).toEqual({ error: 'Target date must include a month and year' });
    expect(parseDateFields({ day: '1', month: '2', year: '27' }, 'Target date')).toEqual({ error: 'Target date must be a real date' });
  });
});
