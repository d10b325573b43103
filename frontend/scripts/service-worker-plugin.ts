import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** Every file under dir, as paths relative to it with forward slashes. */
function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path).map((file) => `${name}/${file}`) : [name];
  });
}

/**
 * Writes dist/sw.js from a hand-written service worker (sw/service-worker.js)
 * with the build's files to precache (every emitted file but source maps,
 * plus public/) and a version hashed from their names, so each deploy
 * installs a new worker with a new cache. Builds only: `npm run dev` has no
 * service worker.
 */
export function serviceWorker(source = resolve(import.meta.dirname, '../sw/service-worker.js')): Plugin {
  let publicDir = '';
  return {
    name: 'reablement-service-worker',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    writeBundle(options, bundle) {
      const outDir = options.dir ?? 'dist';
      const emitted = Object.keys(bundle);
      const fromPublic = publicDir ? filesUnder(publicDir) : [];
      const files = [...new Set([...emitted, ...fromPublic])]
        .filter((file) => !file.endsWith('.map') && file !== 'sw.js')
        .sort()
        // The shell is cached as "/": servers (Go's among them) redirect /index.html there,
        // and a redirected response cannot answer a navigation.
        .map((file) => (file === 'index.html' ? '/' : `/${file}`));
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
      const code = readFileSync(source, 'utf8')
        .replace('self.__PRECACHE_FILES__', JSON.stringify(files))
        .replace('self.__PRECACHE_VERSION__', JSON.stringify(version));
      writeFileSync(join(outDir, 'sw.js'), code);
    },
  };
}
