// Two unmodified y-webrtc peers, each in its own process with real WebRTC (@roamhq/wrtc,
// no STUN/TURN), find each other through the host's signaling endpoint with the join code
// and sync an edit peer to peer. Only connections whose `connected` is true are counted.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  Resources,
  WORKSHOP_ID,
  makeAppRoot,
  makeTempDir,
  removeDir,
  upgradeStatus,
  waitFor,
} from './helpers';

const PEER_SCRIPT = path.join(import.meta.dirname, 'fixtures', 'webrtcPeer.mjs');
const WEBRTC_TIMEOUT_MS = 20_000;

interface PeerState {
  readonly text: string;
  readonly connectedPeers: number;
  readonly signalingConnected: boolean;
}

class PeerProcess {
  state: PeerState | null = null;
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(signalingUrl: string) {
    this.child = fork(PEER_SCRIPT, [signalingUrl, WORKSHOP_ID], { stdio: 'pipe' });
    this.child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    this.child.on('message', (message: { type: string } & PeerState) => {
      if (message.type === 'state') this.state = message;
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  poll(): void {
    if (this.child.connected) this.child.send({ type: 'state' });
  }

  insert(text: string): void {
    this.child.send({ type: 'insert', text });
  }

  async stop(): Promise<void> {
    if (this.child.connected) this.child.send({ type: 'exit' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3_000);
    await this.exited;
    clearTimeout(timer);
  }
}

let tmp: string;
let appRoot: string;
const resources = new Resources();
const peers: PeerProcess[] = [];

beforeAll(() => {
  tmp = makeTempDir('werkstatt-host-webrtc-');
  appRoot = makeAppRoot(tmp);
});
afterEach(async () => {
  await Promise.all(peers.splice(0).map((peer) => peer.stop()));
  await resources.closeAll();
});
afterAll(() => removeDir(tmp));

async function pollUntil(what: string, check: () => boolean): Promise<void> {
  await waitFor(
    what,
    () => {
      for (const peer of peers) peer.poll();
      return check();
    },
    WEBRTC_TIMEOUT_MS,
    50,
  );
}

describe('y-webrtc signaling through the host', () => {
  it(
    'two peers in their own processes connect over WebRTC and sync an edit',
    async () => {
      const host = await resources.host({ appRoot });
      const signalingUrl = `ws://127.0.0.1:${host.port}/signal?code=${host.code}`;
      peers.push(new PeerProcess(signalingUrl), new PeerProcess(signalingUrl));
      const started = Date.now();
      await pollUntil('both peers have one connected WebRTC peer', () =>
        peers.every((peer) => peer.state?.connectedPeers === 1),
      );
      const connectedMs = Date.now() - started;
      expect(host.connections().map((connection) => connection.kind)).toEqual([
        'signaling',
        'signaling',
      ]);
      const [a, b] = peers as [PeerProcess, PeerProcess];
      a.insert('Breitband für das Gewerbegebiet');
      const editedAt = performance.now();
      // B reports every update by itself; the wait below only polls that report.
      await waitFor(
        'B has the edit',
        () => b.state?.text === 'Breitband für das Gewerbegebiet',
        WEBRTC_TIMEOUT_MS,
        1,
      );
      console.log(
        `y-webrtc: peers connected ${connectedMs} ms after start; edit A → B (incl. IPC both ways) ${(performance.now() - editedAt).toFixed(1)} ms`,
      );
      // The relay never saw it: the document went peer to peer.
      expect(host.doc.getText('board').toString()).toBe('');
    },
    WEBRTC_TIMEOUT_MS * 3,
  );

  it(
    'a peer with a wrong code is refused at the upgrade and never connects',
    async () => {
      const host = await resources.host({ appRoot });
      const wrong = `ws://127.0.0.1:${host.port}/signal?code=22222222`;
      expect((await upgradeStatus(host.port, '/signal?code=22222222')).status).toBe(401);
      const right = `ws://127.0.0.1:${host.port}/signal?code=${host.code}`;
      peers.push(new PeerProcess(right), new PeerProcess(wrong));
      await pollUntil('both peers report', () => peers.every((peer) => peer.state !== null));
      await pollUntil(
        'the right peer is on signaling',
        () => peers[0]?.state?.signalingConnected === true,
      );
      // Give the refused peer time to retry; it must stay out.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      for (const peer of peers) peer.poll();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(peers[1]?.state?.signalingConnected).toBe(false);
      expect(peers.map((peer) => peer.state?.connectedPeers)).toEqual([0, 0]);
      expect(host.connections()).toHaveLength(1);
    },
    WEBRTC_TIMEOUT_MS * 2,
  );
});
