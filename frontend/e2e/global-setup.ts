import { existsSync } from 'node:fs';
import { chromiumPath } from '../playwright.config';
import { startServer } from './server';

/**
 * Starts the real server once for the whole run; tests read its address from
 * E2E_BASE_URL (workers inherit the environment). The returned function is
 * Playwright's global teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`e2e: no Chromium at ${chromiumPath}. Install Debian's: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  const server = await startServer();
  process.env.E2E_BASE_URL = server.baseURL;
  return () => server.stop();
}
