// One participant's WebSocket as the host sees it: who it is (id, kind, address, when,
// with which code generation), its message and byte budgets, and sending that never blocks
// the host — a client that cannot keep up is dropped (it resyncs when it comes back), one
// that exceeds its budget is closed with 1008, one that does not answer a close is destroyed.
import type { WebSocket } from 'ws';
import { SESSION_CLOSE_CODES } from '../../../shared/sync/closeCodes';
import { TokenBucket } from './tokenBucket';

export type ConnectionKind = 'signaling' | 'relay';

export interface ConnectionInfo {
  readonly id: string;
  readonly kind: ConnectionKind;
  readonly remoteAddress: string;
  /** Milliseconds since the epoch. */
  readonly connectedAt: number;
  /** Which join code admitted it (JoinCodes.generation at the time). */
  readonly codeGeneration: number;
  /**
   * Relay connections: the awareness client ids this connection speaks for. Display names
   * and "who edits which card" come from those ids' awareness states (RelayRoom.awareness).
   */
  readonly awarenessClientIds: readonly number[];
}

export interface ConnectionBudget {
  readonly messageBurst: number;
  readonly messagesPerSecond: number;
  readonly byteBurst: number;
  readonly bytesPerSecond: number;
}

export interface ConnectionOptions {
  readonly id: string;
  readonly kind: ConnectionKind;
  readonly remoteAddress: string;
  readonly codeGeneration: number;
  readonly budget: ConnectionBudget;
  readonly maxBufferedBytes: number;
  readonly closeGraceMs: number;
  readonly log: (message: string) => void;
}

export class HostConnection {
  readonly id: string;
  readonly kind: ConnectionKind;
  readonly remoteAddress: string;
  readonly codeGeneration: number;
  readonly connectedAt = Date.now();
  readonly awarenessClientIds = new Set<number>();
  /** Set on every pong and message, cleared by each heartbeat ping. */
  alive = true;
  private closing = false;
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;

  constructor(
    readonly socket: WebSocket,
    private readonly options: ConnectionOptions,
  ) {
    this.id = options.id;
    this.kind = options.kind;
    this.remoteAddress = options.remoteAddress;
    this.codeGeneration = options.codeGeneration;
    this.messages = new TokenBucket(options.budget.messageBurst, options.budget.messagesPerSecond);
    this.bytes = new TokenBucket(options.budget.byteBurst, options.budget.bytesPerSecond);
  }

  /** False once the host closes it or the socket is no longer open. */
  get open(): boolean {
    return !this.closing && this.socket.readyState === this.socket.OPEN;
  }

  /** Accounts one received frame; closes the connection and returns false when over budget. */
  admit(byteLength: number): boolean {
    if (!this.open) return false;
    this.alive = true;
    if (this.messages.take(1) && this.bytes.take(byteLength)) return true;
    this.close(SESSION_CLOSE_CODES.policyViolation, 'too many messages');
    return false;
  }

  send(data: string | Uint8Array): void {
    if (!this.open) return;
    if (this.socket.bufferedAmount > this.options.maxBufferedBytes) {
      this.terminate('cannot keep up');
      return;
    }
    this.socket.send(data, (error) => {
      if (error) this.terminate(`send failed: ${error.message}`);
    });
  }

  /** Sends a close frame; destroys the socket if the client does not answer in time. */
  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    this.options.log(`${this.describe()} closed (${code} ${reason})`);
    try {
      this.socket.close(code, reason);
    } catch {
      this.socket.terminate();
      return;
    }
    const timer = setTimeout(() => this.socket.terminate(), this.options.closeGraceMs);
    timer.unref();
    this.socket.once('close', () => clearTimeout(timer));
  }

  terminate(reason: string): void {
    if (!this.closing) this.options.log(`${this.describe()} dropped (${reason})`);
    this.closing = true;
    this.socket.terminate();
  }

  info(): ConnectionInfo {
    return {
      id: this.id,
      kind: this.kind,
      remoteAddress: this.remoteAddress,
      connectedAt: this.connectedAt,
      codeGeneration: this.codeGeneration,
      awarenessClientIds: [...this.awarenessClientIds],
    };
  }

  private describe(): string {
    return `${this.kind} connection ${this.id} from ${this.remoteAddress}`;
  }
}
