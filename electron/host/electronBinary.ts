// Finds out whether the Electron binary is installed. Electron's npm package
// downloads it in an install script, which cannot run without internet (and is
// switched off in package.json so that installing always succeeds).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function findElectronBinary(electronPackageDir: string | null): string | null {
  if (!electronPackageDir) return null;
  const pathFile = path.join(electronPackageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (!relative) return null;
  const binary = path.join(electronPackageDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}
