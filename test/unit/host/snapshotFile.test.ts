// The relay replica's file: read back whole or refused when damaged, written in batches,
// atomically (a failed write leaves the previous snapshot and no temporary file).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  SnapshotWriter,
  loadSnapshot,
  writeFileAtomically,
} from '../../../electron/host/session/snapshotFile';
import { startSessionHost } from '../../../electron/host/session/sessionHost';
import { makeAppRoot, makeTempDir, removeDir, waitFor } from './helpers';
import { occupyPort, closeServer, portOf } from '../electron/httpHelpers';

let tmp: string;

beforeEach(() => {
  tmp = makeTempDir('werkstatt-host-snapshot-');
});
afterEach(() => removeDir(tmp));

describe('loadSnapshot', () => {
  it('reads a snapshot into the document, or reports that there is none', async () => {
    const file = path.join(tmp, 'board.yjs');
    const doc = new Y.Doc();
    expect(await loadSnapshot(file, doc)).toBe(false);
    const source = new Y.Doc();
    source.getText('board').insert(0, 'Leitbild');
    writeFileSync(file, Y.encodeStateAsUpdate(source));
    expect(await loadSnapshot(file, doc)).toBe(true);
    expect(doc.getText('board').toString()).toBe('Leitbild');
  });

  it('refuses a damaged file and leaves it alone', async () => {
    const file = path.join(tmp, 'board.yjs');
    const source = new Y.Doc();
    source.getText('board').insert(0, 'Leitbild der Stadt');
    const damaged = Y.encodeStateAsUpdate(source).slice(0, 10);
    writeFileSync(file, damaged);
    const doc = new Y.Doc();
    await expect(loadSnapshot(file, doc)).rejects.toThrow(/not a Werkstatt board snapshot/);
    expect(doc.getText('board').toString()).toBe('');
    expect(new Uint8Array(readFileSync(file))).toEqual(damaged);
  });

  it('a host with a damaged data file does not start (and does not hold the port)', async () => {
    const file = path.join(tmp, 'board.yjs');
    writeFileSync(file, 'this is not a snapshot');
    const probe = await occupyPort();
    const port = portOf(probe);
    await closeServer(probe);
    await expect(
      startSessionHost({
        appRoot: makeAppRoot(tmp),
        workshopId: 'w',
        title: 't',
        port,
        dataFile: file,
      }),
    ).rejects.toThrow(/not a Werkstatt board snapshot/);
    const again = await occupyPort(port);
    await closeServer(again);
  });
});

describe('writeFileAtomically', () => {
  it('replaces the file whole and leaves no temporary file', async () => {
    const file = path.join(tmp, 'board.yjs');
    writeFileSync(file, 'old');
    await writeFileAtomically(file, new TextEncoder().encode('new'));
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(tmp)).toEqual(['board.yjs']);
  });

  it('on failure keeps what was there and cleans up', async () => {
    const target = path.join(tmp, 'occupied');
    mkdirSync(path.join(target, 'inside'), { recursive: true });
    await expect(writeFileAtomically(target, new Uint8Array([1, 2, 3]))).rejects.toThrow();
    expect(readdirSync(tmp)).toEqual(['occupied']);
    expect(readdirSync(target)).toEqual(['inside']);
  });
});

describe('SnapshotWriter', () => {
  it('batches many edits into one write and flushes on close', async () => {
    const file = path.join(tmp, 'board.yjs');
    const doc = new Y.Doc();
    const writer = new SnapshotWriter(doc, file, 50, () => {});
    const text = doc.getText('board');
    for (let index = 0; index < 300; index++) text.insert(text.length, 'x');
    await waitFor('first snapshot', () => writer.writes === 1, 2_000);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(writer.writes).toBe(1);
    text.insert(0, 'last ');
    await writer.close();
    expect(writer.writes).toBe(2);
    const back = new Y.Doc();
    await loadSnapshot(file, back);
    expect(back.getText('board').toString()).toBe(`last ${'x'.repeat(300)}`);
  });

  it('logs a failed write and tries again instead of throwing', async () => {
    const target = path.join(tmp, 'occupied');
    mkdirSync(path.join(target, 'inside'), { recursive: true });
    const log: string[] = [];
    const doc = new Y.Doc();
    const writer = new SnapshotWriter(doc, target, 10, (line) => log.push(line));
    doc.getText('board').insert(0, 'x');
    await waitFor('two failed attempts', () => log.length >= 2, 2_000);
    expect(log[0]).toMatch(/could not write/);
    removeDir(target);
    await waitFor('written after all', () => writer.writes === 1, 2_000);
    await writer.close();
  });
});
