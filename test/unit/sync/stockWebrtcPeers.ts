// Drives an unmodified y-webrtc participant (fixtures/stockWebrtcPeer.ts) in a child process
// from a test, over IPC: join, write a card, report what it holds and whom it is connected to.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { RawCard } from './fixtures/rawBoard';
import type { StockPeerCommand, StockPeerState } from './fixtures/stockWebrtcPeer';

const PEER_SCRIPT = path.join(import.meta.dirname, 'fixtures', 'stockWebrtcPeer.ts');
/** Loading tsx, Yjs, y-webrtc and wrtc on a busy 2-core machine. */
const READY_TIMEOUT_MS = 20_000;
const STATE_TIMEOUT_MS = 5_000;

export class StockWebrtcPeer {
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private readonly ready: Promise<void>;
  private waiting: ((state: StockPeerState) => void)[] = [];

  /** `peerId`: pin y-webrtc's otherwise random peer id (see the fixture for why). */
  constructor(
    readonly name: string,
    signalingUrl: string,
    room: string,
    peerId?: string,
  ) {
    this.child = fork(PEER_SCRIPT, [signalingUrl, room, ...(peerId ? [peerId] : [])], {
      stdio: 'pipe',
      execArgv: ['--import', 'tsx'],
    });
    this.child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${name} did not start in time`)),
        READY_TIMEOUT_MS,
      );
      this.child.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.child.on('message', (message: { type: string } & StockPeerState) => {
      if (message.type === 'state') for (const resolve of this.waiting.splice(0)) resolve(message);
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  join(): void {
    this.send({ type: 'join' });
  }

  addCard(card: RawCard): void {
    this.send({ type: 'addCard', card });
  }

  state(): Promise<StockPeerState> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `${this.name} did not report its state (exit code ${String(this.child.exitCode)}, signal ${String(this.child.signalCode)})`,
            ),
          ),
        STATE_TIMEOUT_MS,
      );
      this.waiting.push((state) => {
        clearTimeout(timer);
        resolve(state);
      });
      this.send({ type: 'state' });
    });
  }

  /**
   * Ends the process at once. Closing its peer connections first could crash it anyway
   * (@roamhq/wrtc, node-webrtc#576), and the process is never used again.
   */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
    }
    await this.exited;
  }

  private send(command: StockPeerCommand): void {
    if (this.child.connected) this.child.send(command);
  }
}
