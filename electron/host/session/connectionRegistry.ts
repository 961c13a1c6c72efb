// Who is connected to the session host and how, for the facilitator's view: the live
// connections, the caps on how many there may be (in total and per address), and a
// 'connections' event whenever the list or a connection's awareness ids change.
import type { ConnectionInfo, HostConnection } from './hostConnection';

export type ConnectionsListener = (connections: readonly ConnectionInfo[]) => void;

export type Admission = 'ok' | 'host-full' | 'address-full';

export class ConnectionRegistry {
  private readonly live = new Map<string, HostConnection>();
  private readonly listeners = new Set<ConnectionsListener>();
  private nextId = 1;

  constructor(
    private readonly maxConnections: number,
    private readonly maxPerAddress: number,
  ) {}

  newId(kind: string): string {
    return `${kind}-${this.nextId++}`;
  }

  /** Whether one more connection from this address fits. */
  admission(remoteAddress: string): Admission {
    if (this.live.size >= this.maxConnections) return 'host-full';
    let fromAddress = 0;
    for (const connection of this.live.values()) {
      if (connection.remoteAddress === remoteAddress) fromAddress++;
    }
    return fromAddress >= this.maxPerAddress ? 'address-full' : 'ok';
  }

  add(connection: HostConnection): void {
    this.live.set(connection.id, connection);
    this.changed();
  }

  remove(connection: HostConnection): void {
    if (this.live.delete(connection.id)) this.changed();
  }

  all(): HostConnection[] {
    return [...this.live.values()];
  }

  size(): number {
    return this.live.size;
  }

  list(): ConnectionInfo[] {
    return this.all().map((connection) => connection.info());
  }

  on(listener: ConnectionsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the listeners; one that throws does not stop the others or the host. */
  changed(): void {
    if (this.listeners.size === 0) return;
    const list = this.list();
    for (const listener of [...this.listeners]) {
      try {
        listener(list);
      } catch (error) {
        console.error('Werkstatt session host: a connections listener failed:', error);
      }
    }
  }
}
