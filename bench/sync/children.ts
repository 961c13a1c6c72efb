// Child processes of the sync benchmark. Each is one script of this folder, bundled by
// esbuild (project code inlined, packages left to node_modules) and run by plain Node from
// stdin with the repository as working directory, so that its CPU and memory are its own:
// no tsx loader (~50 MiB) in a host whose memory is a figure. Messages go over Node's IPC
// channel. Every child is tracked and killed at the end, even when the benchmark fails, and
// every wait is bounded.
import { build } from 'esbuild';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nowMs } from './clock';
import type { ChildMessage, ChildScript, ParentMessage } from './protocol';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** A child that does not answer `exit` within this time is killed. */
const STOP_GRACE_MS = 2_000;
/** Clock check: readings per child, and the rounding slack of a float millisecond. */
const CLOCK_CHECKS = 3;
const CLOCK_SLACK_MS = 0.001;
const CLOCK_ANSWER_TIMEOUT_MS = 5_000;

type MessageOf<T extends ChildMessage['type']> = Extract<ChildMessage, { type: T }>;

const bundles = new Map<ChildScript, Promise<string>>();

function bundle(script: ChildScript): Promise<string> {
  let code = bundles.get(script);
  if (!code) {
    code = build({
      entryPoints: [fileURLToPath(new URL(`./${script}.ts`, import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      logLevel: 'warning',
    }).then((result) => result.outputFiles[0]?.text ?? '');
    bundles.set(script, code);
  }
  return code;
}

export class Child {
  readonly exited: Promise<number | null>;
  private exitCode: number | null | undefined = undefined;
  private readonly listeners = new Set<(message: ChildMessage) => void>();

  constructor(
    readonly name: string,
    private readonly handle: ChildProcess,
  ) {
    handle.on('message', (message: ChildMessage) => {
      for (const listener of [...this.listeners]) listener(message);
    });
    this.exited = new Promise((resolve) =>
      handle.once('exit', (code, signal) => {
        this.exitCode = code ?? (signal ? -1 : null);
        resolve(this.exitCode);
      }),
    );
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  /** With a callback: a child on its way out fails the write with EPIPE (uncaught without). */
  send(message: ParentMessage): void {
    if (this.handle.connected) this.handle.send(message, () => {});
  }

  on(listener: (message: ChildMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The next message of this type; rejects on timeout or if the child exits first. */
  next<T extends ChildMessage['type']>(
    type: T,
    timeoutMs: number,
    what: string = type,
  ): Promise<MessageOf<T>> {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        off();
      };
      const off = this.on((message) => {
        if (message.type !== type) return;
        done();
        resolve(message as MessageOf<T>);
      });
      const timer = setTimeout(() => {
        off();
        reject(new Error(`${this.name}: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      void this.exited.then((code) => {
        done();
        reject(new Error(`${this.name} exited (${code}) before ${what}`));
      });
    });
  }

  request<T extends ChildMessage['type']>(
    message: ParentMessage,
    reply: T,
    timeoutMs: number,
  ): Promise<MessageOf<T>> {
    const answer = this.next(reply, timeoutMs, `${reply} after ${message.type}`);
    this.send(message);
    return answer;
  }

  /**
   * Checks that this child reads the same clock as the coordinator: its reading must lie
   * between the coordinator's readings before the question and after the answer.
   */
  async checkClock(): Promise<void> {
    for (let check = 0; check < CLOCK_CHECKS; check++) {
      const before = nowMs();
      const { nowMs: reading } = await this.request(
        { type: 'clock' },
        'clock',
        CLOCK_ANSWER_TIMEOUT_MS,
      );
      const after = nowMs();
      if (reading < before - CLOCK_SLACK_MS || reading > after + CLOCK_SLACK_MS) {
        throw new Error(
          `${this.name} reads another clock: ${reading} not within [${before}, ${after}]`,
        );
      }
    }
  }

  kill(): void {
    if (this.running) this.handle.kill('SIGKILL');
  }

  /** Asks the child to exit; kills it if it has not after STOP_GRACE_MS. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.send({ type: 'exit' });
    const timer = setTimeout(() => this.kill(), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }
}

/** All children of one benchmark run; `stopAll` in a finally block ends every one of them. */
export class Children {
  private readonly live = new Set<Child>();
  private count = 0;
  /** Last resort if the bench process exits without stopAll (an uncaught error). */
  private readonly killOnExit = () => {
    for (const child of this.live) child.kill();
  };

  constructor() {
    process.on('exit', this.killOnExit);
  }

  /** Starts a script with its arguments and waits for its `ready`. */
  async start(
    script: ChildScript,
    args: unknown,
    readyTimeoutMs: number,
  ): Promise<{ child: Child; ready: MessageOf<'ready'> }> {
    const code = await bundle(script);
    const name = `${script}#${++this.count}`;
    const processHandle = spawn(
      process.execPath,
      ['--input-type=module', '-', JSON.stringify(args)],
      { cwd: REPO_ROOT, stdio: ['pipe', 'inherit', 'inherit', 'ipc'] },
    );
    // Without a listener a failed spawn would throw; the wait for `ready` reports it.
    processHandle.on('error', (error) => console.error(`${name}: ${error.message}`));
    const child = new Child(name, processHandle);
    this.live.add(child);
    void child.exited.then(() => this.live.delete(child));
    const ready = child.next('ready', readyTimeoutMs);
    processHandle.stdin?.end(code);
    return { child, ready: await ready };
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.live].map((child) => child.stop()));
    process.off('exit', this.killOnExit);
  }
}
