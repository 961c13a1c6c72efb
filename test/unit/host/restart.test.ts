// The host restarted on the same port: unmodified y-websocket clients reconnect by
// themselves and everybody converges, including edits made while the host was down. With
// a data file the restarted host has the board before anybody reconnects, and the same
// join code (without one, the code must be handed over, or the clients are refused).
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SessionHost } from '../../../electron/host/session/sessionHost';
import { Resources, makeAppRoot, makeTempDir, removeDir, waitFor } from './helpers';

let tmp: string;
let appRoot: string;
const resources = new Resources();

beforeAll(() => {
  tmp = makeTempDir('werkstatt-host-restart-');
  appRoot = makeAppRoot(tmp);
});
afterEach(() => resources.closeAll());
afterAll(() => removeDir(tmp));

const RECONNECT = { maxBackoffTime: 100 };

function items(doc: Y.Doc): string[] {
  return [...doc.getArray<string>('items').toArray()].sort();
}

async function restartScenario(dataFile: string | undefined) {
  const first = await resources.host({ appRoot, dataFile, limits: { snapshotDelayMs: 20 } });
  const code = first.code as string;
  const [docA, docB] = [new Y.Doc(), new Y.Doc()];
  const a = resources.relayClient(first, docA, code, RECONNECT);
  const b = resources.relayClient(first, docB, code, RECONNECT);
  await waitFor('synced', () => a.synced && b.synced);
  docA.getArray<string>('items').push(['A before']);
  docB.getArray<string>('items').push(['B before']);
  await waitFor('host has both', () => items(first.doc).length === 2);

  await first.close();
  await waitFor('clients noticed', () => !a.wsconnected && !b.wsconnected);
  docA.getArray<string>('items').push(['A while down']);
  docB.getArray<string>('items').push(['B while down']);

  const second: SessionHost = await resources.host({
    appRoot,
    dataFile,
    port: first.port,
    // With a data file the code comes back by itself; without one it must be passed on.
    joinCode: dataFile ? undefined : code,
    limits: { snapshotDelayMs: 20 },
  });
  expect(second.code).toBe(code);
  const loaded = items(second.doc);
  const expected = ['A before', 'A while down', 'B before', 'B while down'];
  await waitFor(
    'everybody converged',
    () => [docA, docB, second.doc].every((doc) => items(doc).join('|') === expected.join('|')),
    10_000,
  );
  expect(Y.encodeStateVector(docA)).toEqual(Y.encodeStateVector(second.doc));
  expect(Y.encodeStateVector(docB)).toEqual(Y.encodeStateVector(second.doc));
  return { loaded, second };
}

describe('host restart on the same port', () => {
  it('with a data file: the board is there at start, clients reconnect and converge', async () => {
    const dataFile = path.join(tmp, 'board.yjs');
    const { loaded, second } = await restartScenario(dataFile);
    expect(loaded).toEqual(['A before', 'B before']);
    await second.close();
    const fromDisk = new Y.Doc();
    Y.applyUpdate(fromDisk, new Uint8Array(readFileSync(dataFile)));
    expect(items(fromDisk)).toEqual(['A before', 'A while down', 'B before', 'B while down']);
    expect(readdirSync(tmp).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('without a data file: the host starts empty and the clients bring the board back', async () => {
    const { loaded } = await restartScenario(undefined);
    expect(loaded).toEqual([]);
  });

  it('keeps the join code with the data file: rotated stays rotated, revoked stays revoked', async () => {
    const dataFile = path.join(tmp, 'codes.yjs');
    const first = await resources.host({ appRoot, dataFile });
    const rotated = first.rotateCode();
    await first.close();
    if (process.platform !== 'win32') {
      expect(statSync(`${dataFile}.code`).mode & 0o777).toBe(0o600);
    }
    const second = await resources.host({ appRoot, dataFile });
    expect(second.code).toBe(rotated);
    second.revokeCode();
    await second.close();
    const third = await resources.host({ appRoot, dataFile });
    expect(third.code).toBeNull();
    const fresh = third.rotateCode();
    await third.close();
    const fourth = await resources.host({ appRoot, dataFile, joinCode: undefined });
    expect(fourth.code).toBe(fresh);
    await fourth.close();
    // An explicit code wins; an unreadable code file means a new code.
    const explicit = await resources.host({ appRoot, dataFile, joinCode: 'K7QM-3XRD' });
    expect(explicit.code).toBe('K7QM3XRD');
    await explicit.close();
    writeFileSync(`${dataFile}.code`, 'garbage');
    const renewed = await resources.host({ appRoot, dataFile });
    expect(renewed.code).toMatch(/^[2-9A-Z]{8}$/);
    expect(renewed.code).not.toBe('K7QM3XRD');
  });
});
