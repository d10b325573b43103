/**
 * What identifies a person, checked as the server checks it
 * (ent/identity): the NHS number's Modulus 11 check digit and the shape of
 * a UK postcode. The server decides; these give instant feedback on the form.
 */

/** The NHS number as ten digits, without the spaces and hyphens people type between its groups. */
export function nhsDigits(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/** Whether the value is a valid NHS number: ten digits whose last is the Modulus 11 check digit of the first nine. */
export function isValidNhsNumber(value: string): boolean {
  const digits = nhsDigits(value);
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  // A remainder giving 10 has no check digit: no number is issued with it.
  return check !== 10 && check === Number(digits[9]);
}

const postcodeShape = /^(?:[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-Z]{2}|GIR0AA)$/;

/** The postcode in the Royal Mail's form ("la94qt" is "LA9 4QT"), or null when it is not a UK postcode. */
export function normalisePostcode(value: string): string | null {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  if (!postcodeShape.test(compact)) return null;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** Whether a search text is meant as an NHS number: ten digits once spaces are removed. */
export function looksLikeNhsNumber(value: string): boolean {
  return /^\d{10}$/.test(nhsDigits(value));
}
