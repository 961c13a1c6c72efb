// Browser mode: serve the built app on this machine and print where to open it.
// Used when the desktop shell is unavailable, and by anyone who prefers a browser.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startStaticServer, type RunningServer } from './staticServer';

/** A fixed port, because the browser keeps a workshop's data per origin (host and port). */
export const DEFAULT_BROWSER_PORT = 4870;

export function browserPort(env: NodeJS.ProcessEnv): number {
  const raw = env.WERKSTATT_PORT;
  if (raw === undefined || raw === '') return DEFAULT_BROWSER_PORT;
  const port = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`WERKSTATT_PORT must be a port number (1–65535), not "${raw}"`);
  }
  return port;
}

export async function serveBrowserMode(rendererRoot: string, port: number): Promise<RunningServer> {
  if (!existsSync(path.join(rendererRoot, 'index.html'))) {
    throw new Error(
      `The app is not built (${rendererRoot} has no index.html): run "npm run build".`,
    );
  }
  try {
    return await startStaticServer({ root: rendererRoot, host: '127.0.0.1', port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `Port ${port} is in use (is Werkstatt already running? then open http://localhost:${port}). ` +
          'Set WERKSTATT_PORT to use another port; note that each port keeps its own workshops.',
        { cause: error },
      );
    }
    throw error;
  }
}
