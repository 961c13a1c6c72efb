// Every limit of the session host in one place, with its unit and the reason for its
// size. A host runs on a facilitator's laptop for one room (up to ~40 participants, each
// with a signaling and a relay connection); the limits keep one misbehaving client from
// taking the host or the other participants down. Tests pass smaller values.

/** Signaling frames are JSON with SDP offers/answers and ICE candidates (a few KiB each). */
export const MAX_SIGNALING_FRAME_BYTES = 64 * 1024;

/**
 * A y-websocket client sends its whole missing state in ONE frame when it connects (sync
 * step 2), so this must exceed the largest board anyone brings: measured here, 2,000 cards
 * are 0.6 MiB and 10,000 cards 2.9 MiB as one Yjs update. 8 MiB leaves room for history;
 * a frame over the limit closes the socket (1009) and that client could never sync.
 */
export const MAX_RELAY_FRAME_BYTES = 8 * 1024 * 1024;

/** 40 participants × (signaling + relay) = 80, plus spare tabs and the host's own window. */
export const MAX_CONNECTIONS = 128;

/**
 * Open TCP connections of any kind (page loads with keep-alive, WebSockets, refused
 * attempts): 40 browsers loading the app open ~6 each. Beyond this new sockets are dropped.
 */
export const MAX_TCP_CONNECTIONS = 512;

/** One laptop, a few tabs: keeps one address from taking every slot. */
export const MAX_CONNECTIONS_PER_ADDRESS = 16;

/**
 * Messages per connection: a token bucket of BURST tokens refilled at PER_SECOND. A peer
 * joining a 40-peer room sends announce + offer/answer + ICE candidates for ~34 peers at once
 * (a few hundred signaling messages); typing sends an update and an awareness message per
 * keystroke, a bulk paste hundreds of updates at once.
 */
export const SIGNALING_MESSAGE_BURST = 500;
export const SIGNALING_MESSAGES_PER_SECOND = 100;
export const RELAY_MESSAGE_BURST = 2000;
export const RELAY_MESSAGES_PER_SECOND = 200;

/** Bytes per connection, same scheme; a relay burst holds two maximal frames. */
export const SIGNALING_BYTE_BURST = 1024 * 1024;
export const SIGNALING_BYTES_PER_SECOND = 256 * 1024;
export const RELAY_BYTE_BURST = 2 * MAX_RELAY_FRAME_BYTES;
export const RELAY_BYTES_PER_SECOND = 4 * 1024 * 1024;

/**
 * Heartbeat: every interval the host pings each socket; one that has not answered (pong or
 * any message) since the previous ping is dropped, so a laptop that sleeps or leaves the
 * Wi-Fi is gone after at most two intervals.
 */
export const PING_INTERVAL_MS = 10_000;

/** A client that cannot keep up (data queued for it beyond this) is dropped; it resyncs. */
export const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

/** After a close frame, how long a client may take to answer before its socket is destroyed. */
export const CLOSE_GRACE_MS = 1_000;

/**
 * Wrong join codes per remote address: a burst of 10 attempts, then one every 6 s. While an
 * address is out of attempts every join from it is refused (429), right code or not, so that
 * guessing cannot go faster; at 10 per minute the 30^8 codes would take ~125,000 years.
 */
export const FAILED_JOIN_BURST = 10;
export const FAILED_JOIN_REFILL_MS = 6_000;

/** Addresses remembered by the wrong-code throttle; the oldest forgiven entries go first. */
export const MAX_THROTTLED_ADDRESSES = 4096;

/** Awareness states one relay connection may control (a tab has one; spam would fan out). */
export const MAX_AWARENESS_CLIENTS_PER_CONNECTION = 8;

/** Topics in one signaling subscribe message (y-webrtc subscribes to all its rooms at once). */
export const MAX_TOPICS_PER_MESSAGE = 64;

/** Slow or stuck HTTP clients before authentication (Node's defaults are 60 s and 300 s). */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;

/** Snapshots of the relay's replica (--data) are written at most this often. */
export const SNAPSHOT_DELAY_MS = 1_000;

export interface SessionLimits {
  readonly maxSignalingFrameBytes: number;
  readonly maxRelayFrameBytes: number;
  readonly maxConnections: number;
  readonly maxConnectionsPerAddress: number;
  readonly signalingMessageBurst: number;
  readonly signalingMessagesPerSecond: number;
  readonly relayMessageBurst: number;
  readonly relayMessagesPerSecond: number;
  readonly signalingByteBurst: number;
  readonly signalingBytesPerSecond: number;
  readonly relayByteBurst: number;
  readonly relayBytesPerSecond: number;
  readonly pingIntervalMs: number;
  readonly maxBufferedBytes: number;
  readonly closeGraceMs: number;
  readonly failedJoinBurst: number;
  readonly failedJoinRefillMs: number;
  readonly maxThrottledAddresses: number;
  readonly maxAwarenessClientsPerConnection: number;
  readonly snapshotDelayMs: number;
}

export const DEFAULT_LIMITS: SessionLimits = {
  maxSignalingFrameBytes: MAX_SIGNALING_FRAME_BYTES,
  maxRelayFrameBytes: MAX_RELAY_FRAME_BYTES,
  maxConnections: MAX_CONNECTIONS,
  maxConnectionsPerAddress: MAX_CONNECTIONS_PER_ADDRESS,
  signalingMessageBurst: SIGNALING_MESSAGE_BURST,
  signalingMessagesPerSecond: SIGNALING_MESSAGES_PER_SECOND,
  relayMessageBurst: RELAY_MESSAGE_BURST,
  relayMessagesPerSecond: RELAY_MESSAGES_PER_SECOND,
  signalingByteBurst: SIGNALING_BYTE_BURST,
  signalingBytesPerSecond: SIGNALING_BYTES_PER_SECOND,
  relayByteBurst: RELAY_BYTE_BURST,
  relayBytesPerSecond: RELAY_BYTES_PER_SECOND,
  pingIntervalMs: PING_INTERVAL_MS,
  maxBufferedBytes: MAX_BUFFERED_BYTES,
  closeGraceMs: CLOSE_GRACE_MS,
  failedJoinBurst: FAILED_JOIN_BURST,
  failedJoinRefillMs: FAILED_JOIN_REFILL_MS,
  maxThrottledAddresses: MAX_THROTTLED_ADDRESSES,
  maxAwarenessClientsPerConnection: MAX_AWARENESS_CLIENTS_PER_CONNECTION,
  snapshotDelayMs: SNAPSHOT_DELAY_MS,
};
