// Keeps the join code next to the board's data file (`<data file>.code`), so that a host
// restarted with the same data file also keeps the code: participants' clients reconnect
// by themselves with the code they have, instead of being refused (and, retrying, being
// throttled as guessers). A revoked code stays revoked across the restart. The file is as
// sensitive as the board next to it and is written atomically, readable by its owner only.
import { readFile } from 'node:fs/promises';
import { isWellFormedJoinCode } from '../../../shared/sync/joinCodeFormat';
import { writeFileAtomically } from './snapshotFile';

/** Owner read/write only (ignored on Windows). */
const CODE_FILE_MODE = 0o600;

export function joinCodeFileFor(dataFile: string): string {
  return `${dataFile}.code`;
}

/**
 * The code saved last time: a code, null if it was revoked, undefined if there is no usable
 * file (then the host makes a new code).
 */
export async function loadJoinCode(file: string): Promise<string | null | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const saved = (JSON.parse(text) as { code?: unknown }).code;
    if (saved === null) return null;
    return typeof saved === 'string' && isWellFormedJoinCode(saved) ? saved : undefined;
  } catch {
    return undefined;
  }
}

export function saveJoinCode(file: string, code: string | null): Promise<void> {
  return writeFileAtomically(file, `${JSON.stringify({ code })}\n`, CODE_FILE_MODE);
}
