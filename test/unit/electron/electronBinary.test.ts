// `npm start` chooses between the desktop shell and browser mode by whether the
// Electron binary is really there; a half-installed package (no download, a stale
// path.txt) must count as "not installed" rather than crash the launcher.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../electron/host/electronBinary';

let packageDir: string;

beforeEach(() => {
  packageDir = mkdtempSync(path.join(os.tmpdir(), 'werkstatt-electron-pkg-'));
  writeFileSync(path.join(packageDir, 'package.json'), '{"name":"electron"}');
});

afterEach(() => {
  rmSync(packageDir, { recursive: true, force: true });
});

function installBinary(relative: string): string {
  const binary = path.join(packageDir, 'dist', relative);
  mkdirSync(path.dirname(binary), { recursive: true });
  writeFileSync(binary, '');
  return binary;
}

describe('findElectronBinary', () => {
  it('returns null when the package is not installed at all', () => {
    expect(findElectronBinary(null)).toBeNull();
  });

  it('returns null when the install script never ran (no path.txt)', () => {
    installBinary('electron');
    expect(findElectronBinary(packageDir)).toBeNull();
  });

  it('returns null when path.txt is empty', () => {
    writeFileSync(path.join(packageDir, 'path.txt'), '  \n');
    expect(findElectronBinary(packageDir)).toBeNull();
  });

  it('returns null when path.txt names a binary that is not there', () => {
    writeFileSync(path.join(packageDir, 'path.txt'), 'electron');
    expect(findElectronBinary(packageDir)).toBeNull();
  });

  it('returns null for a package folder that does not exist', () => {
    expect(findElectronBinary(path.join(packageDir, 'missing'))).toBeNull();
  });

  it('returns the binary under dist/ that path.txt names', () => {
    const binary = installBinary('electron');
    writeFileSync(path.join(packageDir, 'path.txt'), 'electron');
    expect(findElectronBinary(packageDir)).toBe(binary);
  });

  it('accepts a nested path with a trailing newline, as on macOS', () => {
    const binary = installBinary(path.join('Electron.app', 'Contents', 'MacOS', 'Electron'));
    writeFileSync(path.join(packageDir, 'path.txt'), 'Electron.app/Contents/MacOS/Electron\n');
    expect(findElectronBinary(packageDir)).toBe(binary);
  });
});
