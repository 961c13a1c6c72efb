// Finds a Chromium for the end-to-end tests, or provisions one: CHROMIUM_PATH, a
// system Chromium or Chrome, Debian's `chromium` package installed with apt-get
// when running as root, or the `@sparticuz/chromium` package if it is installed.
// Where none of these works it throws with instructions: browser tests are never
// skipped silently.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const APT_INSTALL_TIMEOUT_MS = 15 * 60_000;

let found: Promise<string> | null = null;

export function findChromium(): Promise<string> {
  found ??= locate();
  return found;
}

function firstExisting(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  return CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

async function locate(): Promise<string> {
  const existing = firstExisting();
  if (existing) return existing;
  if (process.platform === 'linux' && process.getuid?.() === 0 && hasAptGet()) {
    console.log('No Chromium found: installing Debian\'s "chromium" package with apt-get …');
    execFileSync('apt-get', ['update'], { stdio: 'inherit', timeout: APT_INSTALL_TIMEOUT_MS });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      timeout: APT_INSTALL_TIMEOUT_MS,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = firstExisting();
    if (installed) return installed;
  }
  const sparticuz = await fromSparticuz();
  if (sparticuz) return sparticuz;
  throw new Error(
    'The browser tests need Chromium and none was found. Install one of: ' +
      "Debian/Ubuntu: 'sudo apt-get install chromium'; or 'npm install --no-save @sparticuz/chromium'; " +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
  );
}

function hasAptGet(): boolean {
  try {
    execFileSync('apt-get', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function fromSparticuz(): Promise<string | null> {
  try {
    const require = createRequire(import.meta.url);
    const modulePath = require.resolve('@sparticuz/chromium');
    const imported = (await import(modulePath)) as {
      default: { executablePath(): Promise<string> };
    };
    return await imported.default.executablePath();
  } catch {
    return null;
  }
}
