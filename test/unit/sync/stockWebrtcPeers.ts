// Drives an unmodified y-webrtc participant (fixtures/stockWebrtcPeer.ts) in a child process
// from a test, over IPC: join, write a card, report what it holds and whom it is connected to.
import path from 'node:path';
import type { RawCard } from './fixtures/rawBoard';
import type { StockPeerCommand, StockPeerState } from './fixtures/stockWebrtcPeer';
import { ChildProcessPeer } from './support/childProcessPeer';

const PEER_SCRIPT = path.join(import.meta.dirname, 'fixtures', 'stockWebrtcPeer.ts');

export class StockWebrtcPeer extends ChildProcessPeer<StockPeerCommand, StockPeerState> {
  /** `peerId`: pin y-webrtc's otherwise random peer id (see the fixture for why). */
  constructor(name: string, signalingUrl: string, room: string, peerId?: string) {
    super(name, PEER_SCRIPT, [signalingUrl, room, ...(peerId ? [peerId] : [])]);
  }

  join(): void {
    this.send({ type: 'join' });
  }

  addCard(card: RawCard): void {
    this.send({ type: 'addCard', card });
  }
}
