import { NodePackageImporter } from 'sass';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { serviceWorker } from './scripts/service-worker-plugin.ts';

// Where `npm run dev` sends API calls; the Go server serves the built app itself.
const apiOrigin = process.env.API_ORIGIN ?? 'http://127.0.0.1:8080';

export default defineConfig({
  // serviceWorker(): dist/sw.js, the offline app shell (see sw/service-worker.js).
  plugins: [react(), serviceWorker()],
  css: {
    // Lightning CSS both transforms and minifies. govuk-frontend's Sass still
    // carries a legacy rule it rejects; errorRecovery keeps the build going
    // (the rule is dropped with a warning) instead of failing it.
    transformer: 'lightningcss',
    lightningcss: { errorRecovery: true },
    preprocessorOptions: {
      scss: {
        importers: [new NodePackageImporter()],
        // govuk-frontend's own deprecation notices are not ours to fix.
        quietDeps: true,
      },
    },
  },
  build: {
    cssMinify: 'lightningcss',
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    proxy: {
      '/graphql': apiOrigin,
      '/readyz': apiOrigin,
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
});
