// The parent's half of a test peer in its own process (fixtures/*.ts run with tsx through
// child_process.fork), shared by the drivers of the Node WebRTC tests: start, wait for
// `ready`, ask for the state with a bounded wait, stop politely or pull the plug. Not
// bench/sync/children.ts: that one runs esbuild bundles with JSON arguments and the bench's
// own message types; these fixtures are run as TypeScript with positional arguments.
import { fork, type ChildProcess } from 'node:child_process';

/** Loading tsx, Yjs, y-webrtc and wrtc on a busy 2-core machine. */
const READY_TIMEOUT_MS = 20_000;
const STATE_TIMEOUT_MS = 5_000;
const STOP_GRACE_MS = 3_000;

/** What every fixture understands besides its own commands (fixtures/childSide.ts). */
type CommonCommand = { readonly type: 'state' } | { readonly type: 'exit' };

export class ChildProcessPeer<Command extends { readonly type: string }, State> {
  readonly exited: Promise<number | null>;
  protected readonly child: ChildProcess;
  private readonly ready: Promise<void>;
  private waiting: ((state: State) => void)[] = [];

  /** `name` appears in the errors; `args` are the script's positional arguments. */
  constructor(
    readonly name: string,
    script: string,
    args: readonly string[],
  ) {
    this.child = fork(script, args, {
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
    this.child.on('message', (message: { type: string } & State) => {
      if (message.type === 'state') for (const resolve of this.waiting.splice(0)) resolve(message);
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  /**
   * A child that is exiting can still look connected while its end of the channel is
   * gone: the write then fails with EPIPE, which without a callback is an uncaught
   * error that failed a whole CI run once. A command that does not arrive shows
   * anyway (state() times out naming the peer and its exit code).
   */
  send(command: Command | CommonCommand): void {
    if (this.child.connected) this.child.send(command, () => {});
  }

  /** The peer's state now, as its fixture reports it. */
  state(): Promise<State> {
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

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * Pulls the plug: no goodbye, nothing closed cleanly (a laptop shut mid-session). Also the
   * safe way to end a WebRTC peer: closing its connections first could crash it anyway
   * (@roamhq/wrtc, node-webrtc#576).
   */
  async kill(): Promise<void> {
    if (this.alive) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Asks the peer to exit; kills it if it has not after STOP_GRACE_MS. */
  async stop(): Promise<void> {
    this.send({ type: 'exit' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }
}
