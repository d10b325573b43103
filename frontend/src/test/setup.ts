import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Vitest runs without globals here, so Testing Library cannot clean up by itself.
afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});
