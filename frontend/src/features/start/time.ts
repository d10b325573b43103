import { authorityTimeZone } from '../../lib/format';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: authorityTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function local(instant: Date) {
  const p = parts.formatToParts(instant);
  const get = (type: string) => p.find((x) => x.type === type)?.value ?? '00';
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** A calendar day (YYYY-MM-DD) and a time of day (HH:MM) in the authority's time zone, as an instant (RFC 3339), across the clock changes. */
export function londonInstant(date: string, time: string): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const [h = 0, mi = 0] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, h, mi);
  const seen = local(new Date(guess));
  const offset = Date.UTC(Number(seen.year), Number(seen.month) - 1, Number(seen.day), Number(seen.hour), Number(seen.minute)) - guess;
  return new Date(guess - offset).toISOString();
}

/** The authority's calendar day (YYYY-MM-DD) of an instant. */
export function londonDate(instant: string): string {
  const l = local(new Date(instant));
  return `${l.year}-${l.month}-${l.day}`;
}

/** The authority's time of day (HH:MM) of an instant. */
export function londonTime(instant: string): string {
  const l = local(new Date(instant));
  return `${l.hour}:${l.minute}`;
}
