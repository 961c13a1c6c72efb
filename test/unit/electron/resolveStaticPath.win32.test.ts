// The desktop app ships to Windows offices, where backslashes, drive letters and UNC
// paths are separators and roots too. This runs resolveStaticPath with Windows path
// semantics (node:path swapped for path.win32) to show the containment check holds
// there as well, whatever this test machine's platform is.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { resolveStaticPath } from '../../../electron/static/resolveStaticPath';

vi.mock('node:path', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:path')>();
  return { ...actual.win32, default: actual.win32 };
});

const ROOT = 'C:\\Program Files\\Werkstatt\\resources\\dist';

describe('resolveStaticPath with Windows paths', () => {
  it('runs with Windows semantics', () => {
    // This file's import is swapped; the next test shows the module's is too.
    expect(path.sep).toBe('\\');
  });

  it('maps app paths inside the root', () => {
    expect(resolveStaticPath(ROOT, '/')).toBe(`${ROOT}\\index.html`);
    expect(resolveStaticPath(ROOT, '/assets/app.js')).toBe(`${ROOT}\\assets\\app.js`);
  });

  it.each([
    '/..\\..\\secret.txt',
    '/%5c..%5c..%5csecret.txt',
    '/assets\\..\\..\\secret.txt',
    '/C:/Windows/win.ini',
    '/C:%5cWindows%5cwin.ini',
    '/D:secret.txt',
    '/\\\\evil-host\\share\\payload.js',
    '/%5c%5cevil-host%5cshare%5cpayload.js',
    '/..%2f..%2fsecret.txt',
    '/../dist-evil/leak.txt',
  ])('refuses %j', (requestPath) => {
    expect(resolveStaticPath(ROOT, requestPath)).toBeNull();
  });
});
