// Serves the built app (dist/) for the end-to-end tests, exactly as browser mode does.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer, type RunningServer } from '../../../electron/host/staticServer';

/** WERKSTATT_DIST points the tests at another build (e.g. `vite build --outDir /tmp/x/dist`). */
export const DIST_DIR =
  process.env.WERKSTATT_DIST ?? fileURLToPath(new URL('../../../dist', import.meta.url));

export async function serveApp(port = 0): Promise<RunningServer> {
  if (!existsSync(path.join(DIST_DIR, 'index.html'))) {
    throw new Error('dist/ is missing: run "npm run build" before the end-to-end tests');
  }
  return startStaticServer({ root: DIST_DIR, port });
}
