import { authorityTimeZone } from '../../lib/format';

/** Visit times: what the worker types is a wall-clock time in the authority's time zone. */

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: authorityTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(instant: Date): { date: string; time: string; asUTC: number } {
  const parts = Object.fromEntries(wallClock.formatToParts(instant).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}`;
  return { date, time, asUTC: Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute)) };
}

/** "14:05" for an instant, on the authority's clock. */
export function clockTime(instant: Date | string): string {
  return partsOf(typeof instant === 'string' ? new Date(instant) : instant).time;
}

/** "2026-11-29" for an instant, on the authority's clock. */
export function clockDate(instant: Date | string): string {
  return partsOf(typeof instant === 'string' ? new Date(instant) : instant).date;
}

/** Whether a typed time is a real 24-hour time ("9:05", "09:05", "21:30"). */
export function parseClockTime(value: string): { hour: number; minute: number } | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour < 24 && minute < 60 ? { hour, minute } : null;
}

/**
 * The instant (RFC 3339, UTC) of a wall-clock time on a date in the
 * authority's time zone, right across the clocks changing: the offset is
 * found by formatting a first guess and correcting by the difference.
 */
export function instantOf(date: string, time: string): string | null {
  const clock = parseClockTime(time);
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!clock || !day) return null;
  const wanted = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), clock.hour, clock.minute);
  let guess = wanted;
  for (let i = 0; i < 2; i++) guess += wanted - partsOf(new Date(guess)).asUTC;
  return new Date(guess).toISOString();
}
