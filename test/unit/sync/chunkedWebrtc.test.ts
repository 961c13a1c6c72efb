// A 2,000-card board (~600 KB as one Yjs update) between two y-webrtc peers, each in its own
// process with real WebRTC (@roamhq/wrtc, no STUN/TURN), signaling through a session host on
// 127.0.0.1 and no relay: with installChunking on both sides it arrives complete, and no
// message on the data channel is over 64 KiB; without it, libwebrtc closes the channel and the
// board never arrives; an unmodified peer next to a chunking one misses only the large
// message and stays connected.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { scaledDemo } from '../../../bench/scaledDemo';
import { MAX_PEER_MESSAGE_BYTES } from '../../../renderer/sync/chunkedPeerMessages';
import { seedDemo } from '../../../shared/demo/seedDemo';
import {
  Resources,
  WORKSHOP_ID,
  makeAppRoot,
  makeTempDir,
  removeDir,
  waitFor,
} from '../host/helpers';
import type { PeerReport } from './fixtures/chunkedWebrtcPeer';

const PEER_SCRIPT = path.join(import.meta.dirname, 'fixtures', 'chunkedWebrtcPeer.ts');
const WEBRTC_TIMEOUT_MS = 20_000;
/**
 * Waiting for the board: over loopback on a busy machine the kernel drops UDP datagrams of
 * the 600 KB burst (Udp6RcvbufErrors), and SCTP resends only after its retransmission
 * timeout (≥ 1 s, doubling), so a transfer that takes ~10 ms on the wire sometimes takes
 * seconds. That is SCTP, with or without chunking.
 */
const ARRIVAL_TIMEOUT_MS = 45_000;
const TEST_TIMEOUT_MS = 2 * WEBRTC_TIMEOUT_MS + 2 * ARRIVAL_TIMEOUT_MS;
/** What y-webrtc logs for a message type it does not know (a frame, to an unmodified peer). */
const UNKNOWN_MESSAGE_LOG = 'Unable to compute message';
const POLL_MS = 20;
const BOARD_CARDS = 2_000;
const STOP_GRACE_MS = 3_000;

type Mode = 'chunked' | 'plain';

class PeerProcess {
  state: PeerReport | null = null;
  /** Times this peer logged UNKNOWN_MESSAGE_LOG (not echoed to the test output). */
  unknownMessages = 0;
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(signalingUrl: string, mode: Mode) {
    this.child = fork(PEER_SCRIPT, [signalingUrl, WORKSHOP_ID, mode], {
      stdio: 'pipe',
      execArgv: ['--import', 'tsx'],
    });
    this.child.stderr?.setEncoding('utf8');
    this.child.stderr?.on('data', (chunk: string) => {
      const lines = chunk.split('\n');
      const other = lines.filter((line) => !line.includes(UNKNOWN_MESSAGE_LOG));
      this.unknownMessages += lines.length - other.length;
      if (other.join('').trim() !== '') process.stderr.write(other.join('\n'));
    });
    this.child.on('message', (message: { type: string } & PeerReport) => {
      if (message.type === 'state') this.state = message;
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  poll(): void {
    if (this.child.connected) this.child.send({ type: 'state' });
  }

  apply(update: Uint8Array): void {
    this.child.send({ type: 'apply', update: Buffer.from(update).toString('base64') });
  }

  insert(text: string): void {
    this.child.send({ type: 'insert', text });
  }

  async stop(): Promise<void> {
    if (this.child.connected) this.child.send({ type: 'exit' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }
}

let tmp: string;
let appRoot: string;
let board: Uint8Array;
let boardStateVector: string;
const resources = new Resources();
const peers: PeerProcess[] = [];

beforeAll(() => {
  tmp = makeTempDir('werkstatt-sync-chunked-');
  appRoot = makeAppRoot(tmp);
  const doc = new Y.Doc();
  seedDemo(doc, scaledDemo(BOARD_CARDS));
  board = Y.encodeStateAsUpdate(doc);
  boardStateVector = Buffer.from(Y.encodeStateVector(doc)).toString('base64');
  doc.destroy();
});
afterEach(async () => {
  await Promise.all(peers.splice(0).map((peer) => peer.stop()));
  await resources.closeAll();
});
afterAll(() => removeDir(tmp));

async function pollUntil(
  what: string,
  check: () => boolean,
  timeoutMs = WEBRTC_TIMEOUT_MS,
): Promise<void> {
  await waitFor(
    what,
    () => {
      for (const peer of peers) peer.poll();
      return check();
    },
    timeoutMs,
    POLL_MS,
  );
}

/** Fresh reports from every peer. */
async function settle(): Promise<void> {
  for (const peer of peers) peer.state = null;
  await pollUntil('every peer reports', () => peers.every((peer) => peer.state !== null));
}

async function signalingUrl(): Promise<string> {
  const host = await resources.host({ appRoot });
  return `ws://127.0.0.1:${host.port}/signal?code=${host.code}`;
}

function start(url: string, mode: Mode): PeerProcess {
  const peer = new PeerProcess(url, mode);
  peers.push(peer);
  return peer;
}

const connected = (peer: PeerProcess) => peer.state?.connectedPeers === 1;
const hasBoard = (peer: PeerProcess) =>
  peer.state?.stateVector === boardStateVector && peer.state.pending === false;

const ms = (from: number, to: number) => `${(to - from).toFixed(0)} ms`;

/** Where the time goes from the sender's last send (all stamps are this machine's clock). */
function arrival(sender: PeerReport, receiver: PeerReport): string {
  return [
    `data channel ${ms(sender.lastSendAt, receiver.lastReceiveAt)}`,
    `reassembly and decoding ${ms(receiver.lastReceiveAt, receiver.lastTransactionAt)}`,
    `receiver apply ${ms(receiver.lastTransactionAt, receiver.lastUpdateAt)}`,
  ].join(', ');
}

function sentSummary(sender: PeerReport): string {
  const { messages, bytes, largest } = sender.sent;
  return `${messages} messages on the channel (${(bytes / 1000).toFixed(0)} KB, largest ${largest} B)`;
}

describe('chunked y-webrtc messages over real WebRTC', () => {
  it(
    'a 600 KB update arrives complete, in messages of at most 64 KiB',
    async () => {
      expect(board.length).toBeGreaterThan(500_000);
      const url = await signalingUrl();
      const [a, b] = [start(url, 'chunked'), start(url, 'chunked')];
      await pollUntil('both peers connected', () => connected(a) && connected(b));
      a.apply(board);
      await pollUntil('B has the whole board', () => hasBoard(b), ARRIVAL_TIMEOUT_MS);
      await settle();
      const [sender, receiver] = [a.state as PeerReport, b.state as PeerReport];
      console.log(
        `chunked update, ${(board.length / 1000).toFixed(0)} KB: ${sentSummary(sender)}; total ${ms(sender.appliedAt, receiver.lastUpdateAt)}: sender apply + send ${ms(sender.appliedAt, sender.lastSendAt)}, ${arrival(sender, receiver)}`,
      );
      expect(sender.sent.largest).toBeLessThanOrEqual(MAX_PEER_MESSAGE_BYTES);
      expect(receiver.sent.largest).toBeLessThanOrEqual(MAX_PEER_MESSAGE_BYTES);
      expect(sender.sent.messages).toBeGreaterThanOrEqual(
        Math.ceil(board.length / MAX_PEER_MESSAGE_BYTES),
      );
      expect(sender.sent.failed + receiver.sent.failed).toBe(0);
      expect(sender.connectionsLost + receiver.connectionsLost).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a newcomer gets the 600 KB board as sync step 2, in messages of at most 64 KiB',
    async () => {
      const url = await signalingUrl();
      const a = start(url, 'chunked');
      a.apply(board);
      await pollUntil('A has the board', () => hasBoard(a));
      const b = start(url, 'chunked');
      const joined = performance.now();
      await pollUntil('B has the whole board', () => hasBoard(b), ARRIVAL_TIMEOUT_MS);
      const arrivedMs = performance.now() - joined;
      await settle();
      const [sender, receiver] = [a.state as PeerReport, b.state as PeerReport];
      console.log(
        `chunked sync step 2: B had the board ${arrivedMs.toFixed(0)} ms after its process started; A: ${sentSummary(sender)}; ${arrival(sender, receiver)}`,
      );
      expect(sender.sent.largest).toBeLessThanOrEqual(MAX_PEER_MESSAGE_BYTES);
      expect(receiver.sent.largest).toBeLessThanOrEqual(MAX_PEER_MESSAGE_BYTES);
      expect(sender.sent.messages).toBeGreaterThanOrEqual(
        Math.ceil(board.length / MAX_PEER_MESSAGE_BYTES),
      );
      expect(sender.connectionsLost + receiver.connectionsLost).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'without chunking the same update closes the data channel instead of arriving',
    async () => {
      const url = await signalingUrl();
      const [a, b] = [start(url, 'plain'), start(url, 'plain')];
      await pollUntil('both peers connected', () => connected(a) && connected(b));
      a.apply(board);
      // The oversized send closes the channel; y-webrtc reconnects and sends the board again
      // as sync step 2, which closes the channel again.
      // libwebrtc closes the channel on the oversized send (and drops what it still held);
      // both sides see the connection go. What y-webrtc does next varies with wrtc (no
      // reconnection, or one that carries nothing), so the test stops here.
      await pollUntil(
        'both peers lost the connection',
        () => (a.state?.connectionsLost ?? 0) >= 1 && (b.state?.connectionsLost ?? 0) >= 1,
      );
      expect(a.state?.sent.oversized).toBeGreaterThanOrEqual(1);
      expect(b.state?.stateVector).not.toBe(boardStateVector);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'an unmodified peer misses only the large message and stays connected',
    async () => {
      const url = await signalingUrl();
      const [a, b] = [start(url, 'chunked'), start(url, 'plain')];
      await pollUntil('both peers connected', () => connected(a) && connected(b));
      a.apply(board);
      a.insert('nach dem Board');
      // The channel is ordered: B has A's later edit, so the frames came before it and were
      // ignored. (The edit does not depend on the board, so Yjs applies it.)
      await pollUntil(
        'B has the edit A made after the board',
        () => b.state?.probe === 'nach dem Board',
        ARRIVAL_TIMEOUT_MS,
      );
      // B logged every frame and answered each with an empty message (which simple-peer's
      // stream drops on A); the connection carries B's edits as before.
      b.insert(' – Antwort');
      await pollUntil(
        'A has B’s edit',
        () => a.state?.probe === 'nach dem Board – Antwort',
        ARRIVAL_TIMEOUT_MS,
      );
      const frames = Math.ceil(board.length / MAX_PEER_MESSAGE_BYTES);
      await waitFor('B logged every frame', () => b.unknownMessages >= frames);
      expect(b.unknownMessages).toBeLessThanOrEqual(frames + 1);
      expect(b.state?.stateVector).not.toBe(boardStateVector);
      expect(a.state?.sent.largest).toBeLessThanOrEqual(MAX_PEER_MESSAGE_BYTES);
      expect((a.state?.connectionsLost ?? 0) + (b.state?.connectionsLost ?? 0)).toBe(0);
      expect([a.state?.connectedPeers, b.state?.connectedPeers]).toEqual([1, 1]);
    },
    TEST_TIMEOUT_MS,
  );
});
