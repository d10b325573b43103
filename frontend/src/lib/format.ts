/**
 * Dates, times and durations as GOV.UK writes them: "27 November 2026",
 * "9:30am", "1 hour 15 minutes". Times are shown in the authority's time zone.
 */

export const authorityTimeZone = 'Europe/London';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDateFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: authorityTimeZone });
const instantDateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: authorityTimeZone });
const timeParts = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: authorityTimeZone });

/** A Date scalar (YYYY-MM-DD) as "27 November 2026"; "" for none. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  return dateFormat.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

/** "9:30am", "12pm" (GOV.UK style). */
export function formatTime(instant: string | null | undefined): string {
  if (!instant) return '';
  const parts = timeParts.formatToParts(new Date(instant));
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  const period = (parts.find((p) => p.type === 'dayPeriod')?.value ?? '').toLowerCase().replaceAll('.', '').replaceAll(' ', '');
  return `${hour}${minute === '00' ? '' : `:${minute}`}${period}`;
}

/** A Time scalar (RFC 3339) as "27 November 2026". */
export function formatInstantDate(instant: string | null | undefined): string {
  return instant ? instantDateFormat.format(new Date(instant)) : '';
}

/** A Time scalar as "Fri 27 Nov, 9:30am". */
export function formatVisitTime(instant: string | null | undefined): string {
  return instant ? `${shortDateFormat.format(new Date(instant))}, ${formatTime(instant)}` : '';
}

/** Minutes as "45 minutes", "1 hour", "1 hour 15 minutes". */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = hours === 0 ? '' : `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  const m = rest === 0 && hours > 0 ? '' : `${rest} ${rest === 1 ? 'minute' : 'minutes'}`;
  return [h, m].filter(Boolean).join(' ');
}

/** "under review" → "Under review". */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "UNDER_REVIEW" → "Under review". */
export function humanise(value: string | null | undefined): string {
  if (!value) return '';
  return sentenceCase(value.toLowerCase().replaceAll('_', ' '));
}

/** "1 person", "3 people". */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
