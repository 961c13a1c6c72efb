// `npm start`: opens the desktop app when the Electron binary is installed, and
// otherwise says so in one line and serves the same app in browser mode.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { browserPort, serveBrowserMode } from './host/browserMode';
import { findElectronBinary } from './host/electronBinary';

const projectRoot = path.resolve(__dirname, '..');
const rendererRoot = path.join(projectRoot, 'dist');

function electronPackageDir(): string | null {
  try {
    const require = createRequire(path.join(projectRoot, 'package.json'));
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const forceBrowser = process.argv.includes('--browser') || process.env.WERKSTATT_BROWSER === '1';
  const binary = forceBrowser ? null : findElectronBinary(electronPackageDir());
  if (binary) {
    const child = spawn(binary, [projectRoot], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  if (!forceBrowser) {
    console.log(
      'Desktop shell unavailable (Electron binary not installed; with internet: node node_modules/electron/install.js) — serving Werkstatt in browser mode instead.',
    );
  }
  const server = await serveBrowserMode(rendererRoot, browserPort(process.env));
  console.log(
    `Werkstatt is running at ${server.url} — open it in Chromium, Chrome, Edge or Firefox. Ctrl+C stops it.`,
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
