// Participants' laptops for the Node integration tests: each a child process running the
// app's SessionConnection with real WebRTC (fixtures/sessionPeer.ts), driven over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { PeerCommand, PeerState } from './fixtures/sessionPeer';

const PEER_SCRIPT = path.join(import.meta.dirname, 'fixtures', 'sessionPeer.ts');
/** Loading tsx, Yjs, y-webrtc and wrtc on a busy 2-core machine. */
const READY_TIMEOUT_MS = 20_000;
const STATE_TIMEOUT_MS = 5_000;
const STOP_GRACE_MS = 3_000;

export class SessionPeer {
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private readonly ready: Promise<void>;
  private waiting: ((state: PeerState) => void)[] = [];
  /** Called with every change the peer made itself (already saved in its state file). */
  onUpdate: ((update: Uint8Array) => void) | null = null;

  constructor(
    readonly actorId: string,
    baseUrl: string,
    code: string,
    workshopId: string,
    stateFile?: string,
  ) {
    const args = [baseUrl, code, workshopId, actorId, ...(stateFile ? [stateFile] : [])];
    this.child = fork(PEER_SCRIPT, args, {
      stdio: 'pipe',
      execArgv: ['--import', 'tsx'],
    });
    this.child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${actorId} did not start in time`)),
        READY_TIMEOUT_MS,
      );
      this.child.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.child.on('message', (message: { type: string; update?: string } & PeerState) => {
      if (message.type === 'update') {
        this.onUpdate?.(new Uint8Array(Buffer.from(message.update as string, 'base64')));
      }
      if (message.type !== 'state') return;
      for (const resolve of this.waiting.splice(0)) resolve(message);
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  send(command: PeerCommand): void {
    if (this.child.connected) this.child.send(command);
  }

  /** The peer's state now (its document as an update, its connection status). */
  state(): Promise<PeerState> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `${this.actorId} did not report its state (exit code ${String(this.child.exitCode)}, signal ${String(this.child.signalCode)})`,
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

  /** Pulls the plug: no goodbye, nothing closed cleanly (a laptop shut mid-session). */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
    }
    await this.exited;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(): Promise<void> {
    this.send({ type: 'exit' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }
}
