// Both ways of serving the app (the desktop app's app:// handler and browser mode's
// HTTP server) map request paths to files through these two functions, so they are
// where path traversal must stop: nothing outside the built folder is ever touched.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentTypeFor } from '../../../electron/static/contentTypes';
import { readStaticFile } from '../../../electron/static/readStaticFile';
import { resolveStaticPath } from '../../../electron/static/resolveStaticPath';

// Record every path the reader touches, so a test can prove it stayed inside root.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, readFile: vi.fn(actual.readFile), stat: vi.fn(actual.stat) };
});

const INDEX_HTML = '<!doctype html><title>Werkstatt</title>';
const APP_JS = 'console.log("werkstatt");';
/** A chunk the app loads on first use (React.lazy, import()): Vite names it <module>-<hash>.js. */
const CHUNK = 'StrategyView-Bb_J0-Rn.js';
const CHUNK_JS = 'export const StrategyView = () => null;';
const SECRET = 'TOP SECRET: outside the served folder';

let tmp: string;
let root: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'werkstatt-static-'));
  root = path.join(tmp, 'dist');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(root, 'assets', 'app.js'), APP_JS);
  writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(path.join(root, 'assets', CHUNK), CHUNK_JS);
  writeFileSync(path.join(tmp, 'secret'), SECRET);
  writeFileSync(path.join(tmp, 'x'), SECRET);
  // A sibling whose name starts with the root's name: a plain prefix check would let it through.
  mkdirSync(path.join(tmp, 'dist-evil'));
  writeFileSync(path.join(tmp, 'dist-evil', 'leak.txt'), SECRET);
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

beforeEach(() => {
  vi.mocked(fsPromises.readFile).mockClear();
  vi.mocked(fsPromises.stat).mockClear();
});

const TRAVERSALS = [
  '/../secret',
  '/../../../../../../etc/passwd',
  '/%2e%2e/secret',
  '/%2E%2E/secret',
  '/.%2e/secret',
  '/..%2fsecret',
  '/%2e%2e%2fsecret',
  '/assets/../../x',
  '/assets/%2e%2e/%2e%2e/x',
  '/../dist-evil/leak.txt',
  '/..',
  '/index.html%00.js',
  '/%00',
  '/assets/app.js%00',
  '%E0%A4%A',
  '/%',
  '/%zz/index.html',
];

describe('resolveStaticPath', () => {
  it('maps / and the empty path to index.html', () => {
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/?from=start')).toBe(path.join(root, 'index.html'));
  });

  it('maps a file path inside root, ignoring query and fragment', () => {
    expect(resolveStaticPath(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveStaticPath(root, '/assets/app.js?v=2#x')).toBe(
      path.join(root, 'assets', 'app.js'),
    );
    expect(resolveStaticPath(root, '/assets/app%2Ejs')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it('allows .. that stays inside root', () => {
    expect(resolveStaticPath(root, '/assets/../index.html')).toBe(path.join(root, 'index.html'));
  });

  it('keeps absolute-looking paths inside root', () => {
    expect(resolveStaticPath(root, '//etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolveStaticPath(root, '/%2Fetc%2Fpasswd')).toBe(path.join(root, 'etc', 'passwd'));
  });

  it('works for a root given with a trailing separator or as a relative path', () => {
    expect(resolveStaticPath(root + path.sep, '/assets/app.js')).toBe(
      path.join(root, 'assets', 'app.js'),
    );
    expect(resolveStaticPath(path.relative(process.cwd(), root), '/../secret')).toBeNull();
  });

  it.each(TRAVERSALS)('refuses %j', (requestPath) => {
    expect(resolveStaticPath(root, requestPath)).toBeNull();
  });
});

describe('readStaticFile', () => {
  function touchedPaths(): string[] {
    return [
      ...vi.mocked(fsPromises.readFile).mock.calls,
      ...vi.mocked(fsPromises.stat).mock.calls,
    ].map(([file]) => String(file));
  }

  it('serves index.html for /', async () => {
    const file = await readStaticFile(root, '/');
    expect(file.status).toBe(200);
    expect(file.contentType).toBe('text/html; charset=utf-8');
    expect(file.body.toString()).toBe(INDEX_HTML);
    // The recording works, so the "never touches" checks below are not vacuous.
    expect(touchedPaths()).toContain(path.join(root, 'index.html'));
  });

  it('serves a script with a JavaScript content type', async () => {
    const file = await readStaticFile(root, '/assets/app.js');
    expect(file.status).toBe(200);
    expect(file.contentType).toBe('text/javascript; charset=utf-8');
    expect(file.body.toString()).toBe(APP_JS);
  });

  it('serves a chunk loaded on first use as JavaScript', async () => {
    expect(resolveStaticPath(root, `/assets/${CHUNK}`)).toBe(path.join(root, 'assets', CHUNK));
    const file = await readStaticFile(root, `/assets/${CHUNK}`);
    expect(file.status).toBe(200);
    expect(file.contentType).toBe('text/javascript; charset=utf-8');
    expect(file.body.toString()).toBe(CHUNK_JS);
  });

  it('serves a stylesheet as CSS', async () => {
    const file = await readStaticFile(root, '/assets/app.css');
    expect(file.status).toBe(200);
    expect(file.contentType).toBe('text/css; charset=utf-8');
  });

  it.each(TRAVERSALS)('answers %j with 404 and never touches a file outside root', async (p) => {
    const file = await readStaticFile(root, p);
    expect(file.status).toBe(404);
    expect(file.body.toString()).toBe('Not found');
    for (const touched of touchedPaths()) {
      expect(touched.startsWith(root + path.sep), touched).toBe(true);
    }
  });

  it('falls back to index.html for app routes without an extension', async () => {
    for (const route of ['/workshops/42', '/settings', '/assets']) {
      const file = await readStaticFile(root, route);
      expect(file.status, route).toBe(200);
      expect(file.contentType, route).toBe('text/html; charset=utf-8');
      expect(file.body.toString(), route).toBe(INDEX_HTML);
    }
  });

  it('answers a missing file with an extension with 404, not index.html', async () => {
    for (const missing of ['/assets/missing.js', '/favicon.svg', '/workshops/42.json']) {
      const file = await readStaticFile(root, missing);
      expect(file.status, missing).toBe(404);
      expect(file.contentType, missing).toBe('text/plain; charset=utf-8');
    }
  });

  it('answers 404 for everything when the folder has no index.html', async () => {
    const empty = path.join(tmp, 'empty');
    mkdirSync(empty, { recursive: true });
    expect((await readStaticFile(empty, '/')).status).toBe(404);
    expect((await readStaticFile(empty, '/workshops/42')).status).toBe(404);
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a/b/app.mjs', 'text/javascript; charset=utf-8'],
    ['APP.JS', 'text/javascript; charset=utf-8'],
    ['manifest.json', 'application/json; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['font.woff2', 'font/woff2'],
    ['app.webmanifest', 'application/manifest+json'],
  ])('%s is %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });

  it('serves anything unknown as bytes, never as something a browser would run', () => {
    expect(contentTypeFor('archive.bin')).toBe('application/octet-stream');
    expect(contentTypeFor('README')).toBe('application/octet-stream');
    expect(contentTypeFor('page.htm')).toBe('application/octet-stream');
  });
});
