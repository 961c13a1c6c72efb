// The child's half of the IPC protocol: its arguments (JSON in argv), sending and receiving
// messages, and never outliving the benchmark: a child exits when the coordinator goes away
// (IPC disconnect), when told to, and in any case after CHILD_MAX_LIFETIME_MS.
import { nowMs } from './clock';
import type { ChildMessage, ParentMessage } from './protocol';

/** No child of the sync benchmark is meant to live this long; a stray one ends itself. */
export const CHILD_MAX_LIFETIME_MS = 300_000;
/** Time for closing sockets before the process exits. */
const EXIT_GRACE_MS = 50;

export function childArgs<T>(): T {
  const json = process.argv[2];
  if (!json || !process.send) throw new Error('run by bench/sync/children.ts only');
  return JSON.parse(json) as T;
}

export function send(message: ChildMessage): void {
  if (process.connected) process.send?.(message);
}

/**
 * Makes the process end once and never outlive its parent: the returned function runs
 * `cleanup` and exits after EXIT_GRACE_MS; the process also ends when the parent goes (IPC
 * disconnect, even while this process was still loading) and after `maxLifetimeMs`. Also
 * used by the test peers (test/unit/sync/fixtures/childSide.ts).
 */
export function exitWithParent(cleanup: () => void, maxLifetimeMs: number): (code: number) => void {
  let exiting = false;
  const exit = (code: number) => {
    if (exiting) return;
    exiting = true;
    try {
      cleanup();
    } finally {
      setTimeout(() => process.exit(code), EXIT_GRACE_MS);
    }
  };
  process.on('disconnect', () => exit(0));
  // The parent may have gone while this process was still loading.
  if (!process.connected) exit(0);
  setTimeout(() => exit(3), maxLifetimeMs).unref();
  return exit;
}

/**
 * Handles the coordinator's messages. `clock` and `exit` are answered here; `cleanup` runs
 * once before the process exits for any reason this module controls.
 */
export function serve(handler: (message: ParentMessage) => void, cleanup: () => void): void {
  const exit = exitWithParent(cleanup, CHILD_MAX_LIFETIME_MS);
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'clock') send({ type: 'clock', nowMs: nowMs() });
    else if (message.type === 'exit') exit(0);
    else handler(message);
  });
}
