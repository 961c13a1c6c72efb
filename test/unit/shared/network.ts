// Replicas connected by an unreliable network, for convergence tests in the style of
// Yjs's testHelper.js: every update is queued at every other online replica and
// delivered in random order, sometimes twice; an offline replica neither sends nor
// receives — its own updates wait in its outbox and are flushed when it reconnects,
// and it then pulls what it missed from every online replica.
import * as Y from 'yjs';
import { REMOTE, syncAll } from './helpers';

export function pick<T>(items: readonly T[], n: number): T | undefined {
  return items.length === 0 ? undefined : items[n % items.length];
}

export class Network {
  readonly docs: Y.Doc[] = [];
  private readonly online: boolean[] = [];
  private readonly inbox: Uint8Array[][] = [];
  private readonly outbox: Uint8Array[][] = [];
  delivered = 0;
  /** Updates made offline and sent on reconnecting. */
  flushed = 0;

  constructor(base: Uint8Array, replicas: number, firstClientId = 100) {
    for (let i = 0; i < replicas; i++) {
      const doc = new Y.Doc();
      doc.clientID = firstClientId + i;
      Y.applyUpdate(doc, base, REMOTE);
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== REMOTE) this.send(i, update);
      });
      this.docs.push(doc);
      this.online.push(true);
      this.inbox.push([]);
      this.outbox.push([]);
    }
  }

  private send(from: number, update: Uint8Array): void {
    if (!this.online[from]) {
      this.outbox[from]?.push(update);
      return;
    }
    this.inbox.forEach((queue, to) => {
      if (to !== from && this.online[to]) queue.push(update);
    });
  }

  toggle(replica: number): void {
    if (this.online[replica]) {
      this.online[replica] = false;
      return;
    }
    this.online[replica] = true;
    const buffered = this.outbox[replica]?.splice(0) ?? [];
    for (const update of buffered) this.send(replica, update);
    this.flushed += buffered.length;
    const doc = this.docs[replica] as Y.Doc;
    this.docs.forEach((peer, index) => {
      if (index !== replica && this.online[index])
        this.inbox[replica]?.push(Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)));
    });
  }

  /** Delivers one queued update to a random online replica; false when none is queued. */
  deliver(pickNumber: number, index: number, duplicate: boolean): boolean {
    const ready = this.docs
      .map((_, replica) => replica)
      .filter((replica) => this.online[replica] && (this.inbox[replica]?.length ?? 0) > 0);
    const replica = pick(ready, pickNumber);
    if (replica === undefined) return false;
    const queue = this.inbox[replica] as Uint8Array[];
    const at = index % queue.length;
    const update = queue[at] as Uint8Array;
    // A duplicated message stays queued and arrives once more later.
    if (!duplicate) queue.splice(at, 1);
    Y.applyUpdate(this.docs[replica] as Y.Doc, update, REMOTE);
    this.delivered++;
    return true;
  }

  /** Everybody back online, every queued message delivered, then a full sync. */
  settle(): void {
    this.online.forEach((isOnline, replica) => {
      if (!isOnline) this.toggle(replica);
    });
    let n = 0;
    while (this.deliver(n * 7919, n * 104729, false)) n++;
    syncAll(...this.docs);
  }
}
