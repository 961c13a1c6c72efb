// The relay speaks the y-websocket protocol: two unmodified y-websocket clients, given the
// join code as a URL parameter, sync through it, the host keeps its own replica (so that a
// latecomer gets the board from the host alone), and the connection list shows them.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ConnectionInfo } from '../../../electron/host/session/hostConnection';
import { Resources, makeAppRoot, makeTempDir, removeDir, waitFor } from './helpers';

let tmp: string;
let appRoot: string;
const resources = new Resources();

beforeAll(() => {
  tmp = makeTempDir('werkstatt-host-relay-');
  appRoot = makeAppRoot(tmp);
});
afterEach(() => resources.closeAll());
afterAll(() => removeDir(tmp));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

describe('relay with unmodified y-websocket clients', () => {
  it('syncs an edit from one client to another, and the host replica has it', async () => {
    const host = await resources.host({ appRoot });
    const code = host.code as string;
    const [docA, docB] = [new Y.Doc(), new Y.Doc()];
    const a = resources.relayClient(host, docA, code);
    const b = resources.relayClient(host, docB, code);
    await waitFor('both synced', () => a.synced && b.synced);
    docA.getText('board').insert(0, 'Glasfaser für alle Schulen');
    await waitFor(
      'B has the edit',
      () => docB.getText('board').toString() === 'Glasfaser für alle Schulen',
    );
    expect(host.doc.getText('board').toString()).toBe('Glasfaser für alle Schulen');
    docB.getMap('cards').set('c1', 'WLAN im Rathaus');
    await waitFor('A has the card', () => docA.getMap('cards').get('c1') === 'WLAN im Rathaus');
    expect(host.doc.getMap('cards').get('c1')).toBe('WLAN im Rathaus');
  });

  it('gives a latecomer the whole board from the host replica when the others are gone', async () => {
    const host = await resources.host({ appRoot });
    const code = host.code as string;
    const early = new Y.Doc();
    const first = resources.relayClient(host, early, code);
    await waitFor('synced', () => first.synced);
    const cards = early.getMap<string>('cards');
    early.transact(() => {
      for (let index = 0; index < 500; index++) cards.set(`card-${index}`, `Karte ${index}`);
    });
    await waitFor('host has 500 cards', () => host.doc.getMap('cards').size === 500);
    first.destroy();
    await waitFor('first gone', () => host.connections().length === 0);
    const late = new Y.Doc();
    const second = resources.relayClient(host, late, code);
    await waitFor('latecomer synced', () => second.synced && late.getMap('cards').size === 500);
    expect(late.getMap('cards').get('card-499')).toBe('Karte 499');
  });

  it('lists relay connections with address, time and awareness ids, and reports changes', async () => {
    const host = await resources.host({ appRoot });
    const code = host.code as string;
    const events: ConnectionInfo[][] = [];
    const off = host.on('connections', (list) => events.push([...list]));
    const startedAt = Date.now();
    const doc = new Y.Doc();
    const client = resources.relayClient(host, doc, code);
    client.awareness.setLocalStateField('user', { name: 'Ada' });
    await waitFor('awareness id known', () =>
      host.connections().some((connection) => connection.awarenessClientIds.includes(doc.clientID)),
    );
    const [info] = host.connections();
    expect(info).toMatchObject({ kind: 'relay', remoteAddress: '127.0.0.1', codeGeneration: 1 });
    expect(info?.id).toMatch(/^relay-\d+$/);
    expect(info?.connectedAt).toBeGreaterThanOrEqual(startedAt - 1);
    expect(info?.connectedAt).toBeLessThanOrEqual(Date.now());
    // The hook for display names: the host's awareness holds the state behind the id.
    expect(host.awareness.getStates().get(doc.clientID)).toEqual({ user: { name: 'Ada' } });
    client.destroy();
    await waitFor('gone', () => host.connections().length === 0);
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events.at(-1)).toEqual([]);
    expect(host.awareness.getStates().has(doc.clientID)).toBe(false);
    off();
  });

  it('measures the relay round trip (edit on A visible on B)', async () => {
    const host = await resources.host({ appRoot });
    const code = host.code as string;
    const [docA, docB] = [new Y.Doc(), new Y.Doc()];
    const a = resources.relayClient(host, docA, code);
    const b = resources.relayClient(host, docB, code);
    await waitFor('both synced', () => a.synced && b.synced);
    const samples: number[] = [];
    const text = docB.getText('board');
    for (let index = 0; index < 200; index++) {
      const arrived = new Promise<void>((resolve) => docB.once('update', () => resolve()));
      const started = performance.now();
      docA.getText('board').insert(0, 'x');
      await arrived;
      samples.push(performance.now() - started);
    }
    expect(text.length).toBe(200);
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    console.log(
      `relay round trip over 127.0.0.1: p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`,
    );
    expect(p95).toBeLessThan(50);
  });
});
