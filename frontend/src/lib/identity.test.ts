import { describe, expect, it } from 'vitest';
import { isValidNhsNumber, looksLikeNhsNumber, nhsDigits, normalisePostcode } from './identity';

describe('isValidNhsNumber', () => {
  it('accepts a number whose check digit is right, however it is spaced', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber('943-476-5919')).toBe(true);
    expect(isValidNhsNumber('4010232137')).toBe(true);
  });
  it('refuses a wrong check digit, the wrong length and letters', () => {
    expect(isValidNhsNumber('4010232138')).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
    expect(isValidNhsNumber('94347659190')).toBe(false);
    expect(isValidNhsNumber('94347659A9')).toBe(false);
    expect(isValidNhsNumber('')).toBe(false);
  });
  it('refuses a number whose check digit would be 10', () => {
    expect(isValidNhsNumber('1000000010')).toBe(false);
  });
  it('strips spaces and hyphens', () => {
    expect(nhsDigits(' 943 476-5919 ')).toBe('9434765919');
    expect(looksLikeNhsNumber('943 476 5919')).toBe(true);
    expect(looksLikeNhsNumber('Smith')).toBe(false);
  });
});

describe('normalisePostcode', () => {
  it('writes a postcode in upper case with one space', () => {
    expect(normalisePostcode('la94qt')).toBe('LA9 4QT');
    expect(normalisePostcode(' LA9  4QT ')).toBe('LA9 4QT');
    expect(normalisePostcode('sw1a1aa')).toBe('SW1A 1AA');
    expect(normalisePostcode('M1 1AE')).toBe('M1 1AE');
    expect(normalisePostcode('DN55 1PT')).toBe('DN55 1PT');
  });
  it('refuses what is not a postcode', () => {
    expect(normalisePostcode('not a postcode')).toBeNull();
    expect(normalisePostcode('LA9')).toBeNull();
    expect(normalisePostcode('12345')).toBeNull();
  });
});
