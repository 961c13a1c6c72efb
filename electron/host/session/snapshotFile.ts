// Keeps the relay's replica in a file (`--data`), so that a restarted host still has the
// board before the first participant reconnects. The file holds one Yjs update (the whole
// state, Y.encodeStateAsUpdate), readable by any Yjs tool. Writes are batched (at most one
// per delay) and atomic: the new snapshot goes to a temporary file in the same folder, is
// flushed to disk, and renamed over the old one, so a crash leaves either snapshot whole.
// A crash loses at most the last delay's edits here; the participants still have them and
// send them again when they reconnect.
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';

/** The transaction origin of state read back from the snapshot file. */
export const SNAPSHOT_ORIGIN = Symbol('werkstatt:host-snapshot');

/** Reads a snapshot into `doc`; false if there is no file yet. Refuses a damaged file. */
export async function loadSnapshot(file: string, doc: Y.Doc): Promise<boolean> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  const update = new Uint8Array(bytes);
  try {
    Y.decodeUpdate(update);
  } catch (error) {
    throw new Error(
      `${file} is not a Werkstatt board snapshot (or it is damaged); move it away or pick another --data file.`,
      { cause: error },
    );
  }
  Y.applyUpdate(doc, update, SNAPSHOT_ORIGIN);
  return true;
}

/** Writes `data` to a temporary file, flushes it, and renames it over `file`. */
export async function writeFileAtomically(
  file: string,
  data: Uint8Array | string,
  mode = 0o666,
): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(temporary, 'w', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(path.dirname(file));
}

/** Makes the rename itself durable where the platform allows it (not on Windows). */
async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Opening or syncing a directory is not possible everywhere; the rename is still atomic.
  }
}

export class SnapshotWriter {
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private dirty = false;
  private closed = false;
  /** Snapshots written so far (for tests and diagnostics). */
  writes = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly file: string,
    private readonly delayMs: number,
    private readonly log: (message: string) => void,
  ) {
    doc.on('update', this.onUpdate);
  }

  /** Writes what is pending now and waits for it. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.dirty) await this.write();
  }

  /** Stops listening and writes what is pending. */
  async close(): Promise<void> {
    this.doc.off('update', this.onUpdate);
    this.closed = true;
    await this.flush();
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === SNAPSHOT_ORIGIN) return;
    this.dirty = true;
    this.schedule();
  };

  private schedule(): void {
    if (this.timer || this.writing || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.write();
    }, this.delayMs);
  }

  private write(): Promise<void> {
    this.dirty = false;
    const run = writeFileAtomically(this.file, Y.encodeStateAsUpdate(this.doc)).then(
      () => {
        this.writes++;
      },
      (error: unknown) => {
        this.dirty = true;
        this.log(`could not write ${this.file}: ${(error as Error).message}`);
      },
    );
    this.writing = run.finally(() => {
      this.writing = null;
      if (this.dirty) this.schedule();
    });
    return this.writing;
  }
}
