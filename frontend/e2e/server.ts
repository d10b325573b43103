import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const frontend = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Built by `make` at the repository root; SERVER_BIN points elsewhere (e.g. a stand-in). */
export const serverBinary = resolve(frontend, process.env.SERVER_BIN ?? '../bin/reablement');
export const staticDir = resolve(frontend, 'dist');
const logFile = resolve(frontend, 'test-results/server.log');
const readyTimeoutMs = 120_000;

/** A port nothing is listening on, on the loopback address. */
async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

function logTail(lines = 40): string {
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

export interface RunningServer {
  baseURL: string;
  stop(): Promise<void>;
}

/**
 * Starts `../bin/reablement serve` with the development signer and demo data,
 * serving the built app from dist/, and waits until GET /readyz answers 200.
 * Uses DATABASE_URL when set; otherwise the server starts its own private
 * PostgreSQL in a fresh DATA_DIR, which is removed afterwards.
 */
export async function startServer(): Promise<RunningServer> {
  if (!existsSync(serverBinary)) {
    throw new Error(`e2e: the server binary ${serverBinary} is missing. Build it with \`make\` at the repository root, then run \`npm run e2e\` again.`);
  }
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`e2e: ${staticDir}/index.html is missing. Run \`npm run build\` first: the server serves the built app.`);
  }

  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  // Always a fresh DATA_DIR: the server keeps its development keys there (and,
  // without DATABASE_URL, its own PostgreSQL), never inside the source tree.
  const dataDir = mkdtempSync(join(tmpdir(), 'reablement-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ADDR: `127.0.0.1:${port}`,
    DEV_SIGNER: '1',
    DEMO_DATA: '1',
    DEMO_PEOPLE: '300',
    STATIC_DIR: staticDir,
    PERSISTED_DOCUMENTS: resolve(frontend, 'src/gql/persisted-documents.json'),
  };
  env.DATA_DIR = dataDir;

  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const child: ChildProcess = spawn(serverBinary, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);

  let exited: string | null = null;
  const exit = new Promise<void>((resolveExit) => {
    child.on('exit', (code, signal) => {
      exited = signal ? `signal ${signal}` : `code ${code}`;
      resolveExit();
    });
  });
  // If the test run dies, do not leave the server (and its PostgreSQL) behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    if (exited === null) {
      child.kill('SIGTERM');
      // The server stops its private PostgreSQL on SIGTERM; give it time.
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exit;
      clearTimeout(timer);
    }
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (exited !== null) {
      await stop();
      throw new Error(`e2e: the server exited (${exited}) before it was ready. Last lines of ${logFile}:\n${logTail()}`);
    }
    try {
      const response = await fetch(`${baseURL}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return { baseURL, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`e2e: GET ${baseURL}/readyz did not answer 200 within ${readyTimeoutMs / 1000} s. Last lines of ${logFile}:\n${logTail()}`);
}
