/** Converting between the API's Date scalar (YYYY-MM-DD) and GOV.UK's day, month and year inputs. */

export interface DateFields {
  day: string;
  month: string;
  year: string;
}

export const noDate: DateFields = { day: '', month: '', year: '' };

/** "2026-11-27" → { day: "27", month: "11", year: "2026" }; empty parts for none. */
export function dateFields(date: string | null | undefined): DateFields {
  const match = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!match) return noDate;
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] ?? '' };
}

export function isBlankDate(fields: DateFields): boolean {
  return !fields.day.trim() && !fields.month.trim() && !fields.year.trim();
}

/**
 * The Date scalar for what was typed: null when all three parts are blank,
 * or the GOV.UK error message when it is not a real date.
 */
export function parseDateFields(fields: DateFields, name: string): { value: string | null } | { error: string } {
  if (isBlankDate(fields)) return { value: null };
  const missing = (['day', 'month', 'year'] as const).filter((part) => !fields[part].trim());
  if (missing.length > 0) return { error: `${name} must include a ${missing.join(' and ')}` };
  const [day, month, year] = [fields.day, fields.month, fields.year].map((part) => part.trim());
  if (![day, month, year].every((part) => /^\d+$/.test(part ?? '')) || (year ?? '').length !== 4) {
    return { error: `${name} must be a real date` };
  }
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { error: `${name} must be a real date` };
  }
  return { value: `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/**
 * A whole date typed in the date input as the instant its day starts
 * (UTC), plusDays later; null while any part is missing. For filters by
 * date ("from", and "to" as the next day's start).
 */
export function dayStart(parts: DateFields, plusDays = 0): string | null {
  const [y, m, d] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(y, m - 1, d + plusDays));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
