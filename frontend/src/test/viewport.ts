import { vi } from 'vitest';

/** Makes min-width media queries answer as a screen of this width would. */
export function setViewportWidth(width: number): void {
  vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => {
    const minEm = /min-width:\s*([\d.]+)em/.exec(query);
    const matches = minEm ? width >= Number(minEm[1]) * 16 : false;
    return {
      matches,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    } as MediaQueryList;
  });
}
