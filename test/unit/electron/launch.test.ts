// `npm start` on a machine without the Electron binary (like this one, or a locked
// down office PC) must still give the facilitator a working app: one line saying
// the desktop shell is unavailable, then the browser-mode URL, serving the build.
// Runs the real launcher, bundled as build.mjs bundles it, as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../electron/host/electronBinary';
import { freePort, rawRequest } from './httpHelpers';

const LAUNCH_SOURCE = fileURLToPath(new URL('../../../electron/launch.ts', import.meta.url));
const INDEX_HTML = '<!doctype html><html><head><title>Werkstatt launch test</title></head></html>';
const LINE_TIMEOUT_MS = 10_000;

let tmp: string;
/** A project folder like the repository: package.json, dist/ and dist-electron/launch.cjs. */
let project: string;
/** The same launcher in a project that was never built (no dist/). */
let unbuiltProject: string;
const children: ChildProcess[] = [];

function launcherIn(projectDir: string): string {
  return path.join(projectDir, 'dist-electron', 'launch.cjs');
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'werkstatt-launch-'));
  project = path.join(tmp, 'built');
  unbuiltProject = path.join(tmp, 'unbuilt');
  for (const dir of [project, unbuiltProject]) {
    mkdirSync(path.join(dir, 'dist-electron'), { recursive: true });
    writeFileSync(
      path.join(dir, 'package.json'),
      '{"name":"werkstatt-launch-test","private":true}',
    );
  }
  mkdirSync(path.join(project, 'dist'));
  writeFileSync(path.join(project, 'dist', 'index.html'), INDEX_HTML);
  await build({
    entryPoints: [LAUNCH_SOURCE],
    outfile: launcherIn(project),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    logLevel: 'silent',
  });
  copyFileSync(launcherIn(project), launcherIn(unbuiltProject));
}, 30_000);

afterEach(async () => {
  await Promise.all(children.splice(0).map(stop));
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

interface Launched {
  readonly child: ChildProcess;
  /** Resolves with the next stdout line. */
  nextLine(): Promise<string>;
  readonly stderr: () => string;
  readonly exit: Promise<number | null>;
}

function launch(projectDir: string, env: Record<string, string>, args: string[] = []): Launched {
  // Nothing from the developer's shell may switch modes or make Electron resolvable.
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  delete childEnv.WERKSTATT_BROWSER;
  delete childEnv.WERKSTATT_PORT;
  delete childEnv.NODE_PATH;
  const child = spawn(process.execPath, [launcherIn(projectDir), ...args], {
    cwd: projectDir,
    env: { ...childEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  if (!child.stdout) throw new Error('no stdout pipe');
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const waiter = waiting.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  return {
    child,
    stderr: () => stderr,
    exit,
    nextLine: () => {
      const buffered = lines.shift();
      if (buffered !== undefined) return Promise.resolve(buffered);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no output line within ${LINE_TIMEOUT_MS} ms; stderr: ${stderr}`)),
          LINE_TIMEOUT_MS,
        );
        waiting.push((line) => {
          clearTimeout(timer);
          resolve(line);
        });
      });
    },
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('the launcher without an Electron binary', () => {
  it('has no Electron binary to find from the test project', () => {
    // The premise of the tests below, checked the way the launcher checks it.
    let packageDir: string | null;
    try {
      const require = createRequire(path.join(project, 'package.json'));
      packageDir = path.dirname(require.resolve('electron/package.json'));
    } catch {
      packageDir = null;
    }
    expect(findElectronBinary(packageDir)).toBeNull();
  });

  it('says the desktop shell is unavailable, then serves the build at the printed URL', async () => {
    const port = await freePort();
    const launched = launch(project, { WERKSTATT_PORT: String(port) });

    const first = await launched.nextLine();
    expect(first).toMatch(/^Desktop shell unavailable\b/);
    expect(first).toContain('browser mode');

    const second = await launched.nextLine();
    expect(second).toContain(`http://localhost:${port}`);
    expect(second).toMatch(/^Werkstatt is running at http:\/\/localhost:\d+ /);

    // Only loopback: the server listens on 127.0.0.1, which localhost names.
    const response = await rawRequest(port, '/');
    expect(response.status).toBe(200);
    expect(response.body).toBe(INDEX_HTML);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");

    launched.child.kill('SIGTERM');
    expect(await launched.exit).toBe(0);
    expect(launched.stderr()).toBe('');
  }, 30_000);

  it('skips the "unavailable" line when browser mode is asked for', async () => {
    const port = await freePort();
    const launched = launch(project, { WERKSTATT_PORT: String(port) }, ['--browser']);
    expect(await launched.nextLine()).toMatch(
      new RegExp(`^Werkstatt is running at http://localhost:${port} `),
    );
  }, 30_000);

  it('exits with a clear message when the app is not built', async () => {
    const port = await freePort();
    const launched = launch(unbuiltProject, { WERKSTATT_PORT: String(port) });
    expect(await launched.exit).toBe(1);
    expect(launched.stderr()).toContain('The app is not built');
    expect(launched.stderr()).toContain('npm run build');
  }, 30_000);

  it('exits with a clear message for an invalid WERKSTATT_PORT', async () => {
    const launched = launch(project, { WERKSTATT_PORT: 'abc' });
    expect(await launched.exit).toBe(1);
    expect(launched.stderr()).toContain(
      'WERKSTATT_PORT must be a port number (1–65535), not "abc"',
    );
  }, 30_000);
});
