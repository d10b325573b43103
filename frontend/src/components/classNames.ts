type ClassName = string | number | bigint | boolean | null | undefined;

/** Joins class names; anything but a non-empty string (as `a && 'b'` gives) is skipped. */
export function cx(...names: ClassName[]): string {
  return names.filter((name): name is string => typeof name === 'string' && name !== '').join(' ');
}

/** Joins ids for aria-describedby; undefined when there are none. */
export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const joined = ids.filter(Boolean).join(' ').trim();
  return joined === '' ? undefined : joined;
}
