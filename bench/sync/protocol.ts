// The messages between the sync benchmark's coordinator (bench/sync.ts, in the bench
// process) and its child processes (the scripts in this folder), over Node's IPC channel.

export type ChildScript = 'webrtcPeer' | 'relayClients' | 'relayHost' | 'lateJoiner';

export type ParentMessage =
  /** Answer with this process's reading of the shared clock. */
  | { readonly type: 'clock' }
  /** Relay clients: connect the client set of server `server`, disconnect the other; `synced`. */
  | { readonly type: 'connect'; readonly server: number }
  /** Client `client` of this process makes edit `seq` (the author rotates). */
  | { readonly type: 'edit'; readonly seq: number; readonly client: number }
  /** Peer: its connected WebRTC connections; relay clients: `clients`; host: `usage`. */
  | { readonly type: 'state' }
  /** Newcomer: connect now and report when the whole board is there. */
  | { readonly type: 'join' }
  /** Host: the measurement window starts / ends; report CPU and memory. */
  | { readonly type: 'window-start' }
  | { readonly type: 'window-end' }
  | { readonly type: 'exit' };

/** Some receivers of one edit in one process, and the slowest of them. */
export interface Receipts {
  readonly type: 'receipts';
  readonly seq: number;
  readonly receivers: number;
  readonly maxLatencyMs: number;
}

export interface HostUsage {
  readonly type: 'usage';
  /** Relay connections the server holds now. */
  readonly connections: number;
  readonly rssMiB: number;
  /** Peak resident memory over the process's life so far. */
  readonly maxRssMiB: number;
  /** What the host logged so far (connection ids left out), and how often. */
  readonly logged: Readonly<Record<string, number>>;
  /** CPU time (user + system) and wall time since window-start; 0 before. */
  readonly cpuMs: number;
  readonly wallMs: number;
}

export type ChildMessage =
  | { readonly type: 'ready'; readonly port?: number; readonly code?: string | null }
  | { readonly type: 'clock'; readonly nowMs: number }
  | Receipts
  | { readonly type: 'state'; readonly connectedPeers: number }
  | { readonly type: 'synced' }
  /** Relay clients: how many of the connected set are synced now. */
  | { readonly type: 'clients'; readonly synced: number }
  | { readonly type: 'joined'; readonly joinMs: number; readonly cards: number }
  | HostUsage;
