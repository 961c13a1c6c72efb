// Splits large y-webrtc messages into frames of at most 64 KiB and puts them back together.
//
// Why: WebRTC data channels fail on messages over the peer's maxMessageSize (256 KiB in
// libwebrtc; y-webrtc#20). Measured with @roamhq/wrtc: sending one closes the channel, and
// what it still held is lost. y-webrtc sends a document change or sync step 2 as one message,
// and sync step 2 of a 2,000-card board is ~600 KB, so a newcomer could not sync over WebRTC.
// Every message on the wire stays at or below MAX_PEER_MESSAGE_BYTES (the 64 KiB).
//
// Interop with unmodified y-webrtc clients: messages up to the limit are sent unchanged (the
// same bytes). Only larger ones become frames whose first varuint is CHUNK_MESSAGE_TYPE, a
// message type y-webrtc does not use; an unmodified peer logs "Unable to compute message" per
// frame, answers with an empty message (simple-peer's stream drops it on our side), and misses
// only that large message, which the relay still delivers.
//
// Frame: varuint CHUNK_MESSAGE_TYPE, varuint message id, varuint index, varuint count,
// varuint total bytes, varuint checksum (32-bit FNV-1a of the whole message), then the
// payload. All frames of a message but the last carry ceil(total / count) bytes, so the
// receiver checks every frame's length; the checksum keeps a frame that was damaged or does
// not belong from producing a wrong message (it is no defence against a peer that lies).
//
// Pure TypeScript on lib0: no DOM, runs in the browser and under Node.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebrtcProvider } from 'y-webrtc';

/** The largest message put on a data channel (the requirement), in bytes. */
export const MAX_PEER_MESSAGE_BYTES = 64 * 1024;
/** y-webrtc uses message types 0–4; it ignores (logs) any other. */
export const CHUNK_MESSAGE_TYPE = 127;
/** Largest message a Reassembler rebuilds, and the most it holds for partial messages at once. */
export const MAX_REASSEMBLED_MESSAGE_BYTES = 32 * 1024 * 1024;
/** Partial messages kept at once per connection (an honest peer has at most one). */
export const MAX_PARTIAL_MESSAGES = 8;
/** A partial message that gets no frame for this long is dropped. */
export const PARTIAL_MESSAGE_TIMEOUT_MS = 30_000;
/** Ids of finished or dropped messages remembered, so that late duplicates are ignored. */
export const REMEMBERED_MESSAGE_IDS = 256;
/** Message ids and checksums are unsigned 32-bit numbers (ids wrap). */
const UINT32_LIMIT = 2 ** 32;
/** Bytes of a varuint that holds any unsigned 32-bit number. */
const UINT32_VARUINT_BYTES = 5;
const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const HEADER_FIELDS = 6;

let nextId = Math.floor(Math.random() * UINT32_LIMIT);

/** A fresh message id; starts at a random value so that ids do not repeat across sessions. */
export function nextMessageId(): number {
  const id = nextId;
  nextId = (nextId + 1) % UINT32_LIMIT;
  return id;
}

/** 32-bit FNV-1a: cheap (~1 ms per MB), enough to tell a damaged message from its original. */
export function checksum(bytes: Uint8Array): number {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, FNV_PRIME);
  return hash >>> 0;
}

function varUintBytes(value: number): number {
  let bytes = 1;
  for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128)) bytes++;
  return bytes;
}

/**
 * The message itself (the same object) if it fits in maxBytes, otherwise frames of at most
 * maxBytes each. (A message that fits but begins like a frame, which y-webrtc never sends, is
 * framed too, so that the receiver cannot mistake it.)
 */
export function splitMessage(
  message: Uint8Array,
  maxBytes: number = MAX_PEER_MESSAGE_BYTES,
  messageId: number = nextMessageId(),
): Uint8Array[] {
  if (message.length <= maxBytes && !isChunkFrame(message)) return [message];
  if (!Number.isInteger(messageId) || messageId < 0 || messageId >= UINT32_LIMIT) {
    throw new RangeError(`message id out of range: ${messageId}`);
  }
  const total = message.length;
  // index < count <= total, so every header fits in this many bytes.
  const headerBytes =
    varUintBytes(CHUNK_MESSAGE_TYPE) +
    varUintBytes(messageId) +
    3 * varUintBytes(total) +
    UINT32_VARUINT_BYTES;
  const capacity = Math.floor(maxBytes) - headerBytes;
  if (capacity < 1) throw new RangeError(`maxBytes too small for a frame: ${maxBytes}`);
  const count = Math.max(1, Math.ceil(total / capacity));
  const chunk = Math.ceil(total / count);
  const sum = checksum(message);
  const frames: Uint8Array[] = [];
  for (let index = 0; index < count; index++) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, CHUNK_MESSAGE_TYPE);
    encoding.writeVarUint(encoder, messageId);
    encoding.writeVarUint(encoder, index);
    encoding.writeVarUint(encoder, count);
    encoding.writeVarUint(encoder, total);
    encoding.writeVarUint(encoder, sum);
    encoding.writeUint8Array(encoder, message.subarray(index * chunk, (index + 1) * chunk));
    frames.push(encoding.toUint8Array(encoder));
  }
  return frames;
}

/** Whether data is a frame of a split message (its first varuint is CHUNK_MESSAGE_TYPE). */
export function isChunkFrame(data: Uint8Array): boolean {
  if (data.length === 0) return false;
  try {
    return decoding.readVarUint(decoding.createDecoder(data)) === CHUNK_MESSAGE_TYPE;
  } catch {
    return false;
  }
}

interface Frame {
  readonly id: number;
  readonly index: number;
  readonly count: number;
  readonly total: number;
  readonly chunk: number;
  readonly sum: number;
  readonly payload: Uint8Array;
}

function parseFrame(data: Uint8Array, maxMessageBytes: number): Frame | null {
  let header: number[];
  let offset: number;
  try {
    const decoder = decoding.createDecoder(data);
    header = [];
    for (let field = 0; field < HEADER_FIELDS; field++) header.push(decoding.readVarUint(decoder));
    offset = decoder.pos;
  } catch {
    return null;
  }
  const [type, id, index, count, total, sum] = header as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (type !== CHUNK_MESSAGE_TYPE || id >= UINT32_LIMIT || sum >= UINT32_LIMIT) {
    return null;
  }
  if (count < 1 || index >= count || total < count || total > maxMessageBytes) return null;
  const chunk = Math.ceil(total / count);
  const last = total - (count - 1) * chunk;
  if (last < 1) return null;
  const payload = data.subarray(offset);
  if (payload.length !== (index === count - 1 ? last : chunk)) return null;
  return { id, index, count, total, chunk, sum, payload };
}

interface PartialMessage {
  readonly count: number;
  readonly total: number;
  readonly sum: number;
  readonly bytes: Uint8Array;
  readonly received: Uint8Array;
  receivedFrames: number;
  lastFrameAt: number;
}

export interface ReassemblerOptions {
  /** Largest message rebuilt, and the most held for all partial messages together. */
  readonly maxMessageBytes?: number;
  readonly maxPartialMessages?: number;
  readonly partialTimeoutMs?: number;
  readonly now?: () => number;
}

/**
 * Rebuilds split messages from their frames, in any order, for one connection. `push` returns
 * the whole message when its last missing frame arrives, otherwise null. Malformed frames,
 * duplicates, frames that disagree with earlier ones and frames of finished or dropped
 * messages are ignored, a message whose checksum does not match is dropped, and it never
 * throws. Memory: at most maxMessageBytes of payload (plus one byte per frame) in at most
 * maxPartialMessages messages; the least recently active one is dropped to make room, and one
 * idle for partialTimeoutMs is dropped at the next push.
 */
export class Reassembler {
  private readonly partials = new Map<number, PartialMessage>();
  private readonly finished = new Set<number>();
  private heldBytes = 0;
  private readonly maxMessageBytes: number;
  private readonly maxPartialMessages: number;
  private readonly partialTimeoutMs: number;
  private readonly now: () => number;

  constructor(options: ReassemblerOptions = {}) {
    this.maxMessageBytes = options.maxMessageBytes ?? MAX_REASSEMBLED_MESSAGE_BYTES;
    this.maxPartialMessages = Math.max(1, options.maxPartialMessages ?? MAX_PARTIAL_MESSAGES);
    this.partialTimeoutMs = options.partialTimeoutMs ?? PARTIAL_MESSAGE_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
  }

  /** Partial messages held now. */
  get partialMessages(): number {
    return this.partials.size;
  }

  /** Bytes reserved for partial messages now. */
  get bufferedBytes(): number {
    return this.heldBytes;
  }

  push(data: Uint8Array): Uint8Array | null {
    const now = this.now();
    for (const [id, partial] of this.partials) {
      if (now - partial.lastFrameAt >= this.partialTimeoutMs) this.drop(id);
    }
    const frame = parseFrame(data, this.maxMessageBytes);
    if (frame === null || this.finished.has(frame.id)) return null;
    let partial = this.partials.get(frame.id);
    if (partial === undefined) {
      this.makeRoom(frame.total);
      partial = {
        count: frame.count,
        total: frame.total,
        sum: frame.sum,
        bytes: new Uint8Array(frame.total),
        received: new Uint8Array(frame.count),
        receivedFrames: 0,
        lastFrameAt: now,
      };
      this.partials.set(frame.id, partial);
      this.heldBytes += frame.total;
    } else if (
      partial.count !== frame.count ||
      partial.total !== frame.total ||
      partial.sum !== frame.sum
    ) {
      return null;
    }
    if (partial.received[frame.index] === 1) return null;
    partial.bytes.set(frame.payload, frame.index * frame.chunk);
    partial.received[frame.index] = 1;
    partial.receivedFrames++;
    partial.lastFrameAt = now;
    // Most recently active last, so that makeRoom drops the least recently active first.
    this.partials.delete(frame.id);
    this.partials.set(frame.id, partial);
    if (partial.receivedFrames < partial.count) return null;
    this.drop(frame.id);
    return checksum(partial.bytes) === partial.sum ? partial.bytes : null;
  }

  private makeRoom(bytes: number): void {
    for (const id of this.partials.keys()) {
      if (
        this.partials.size < this.maxPartialMessages &&
        this.heldBytes + bytes <= this.maxMessageBytes
      ) {
        return;
      }
      this.drop(id);
    }
  }

  /** Forgets a partial message (finished or not) and ignores its frames from now on. */
  private drop(id: number): void {
    const partial = this.partials.get(id);
    if (partial !== undefined) {
      this.partials.delete(id);
      this.heldBytes -= partial.total;
    }
    this.finished.add(id);
    if (this.finished.size > REMEMBERED_MESSAGE_IDS) {
      const oldest = this.finished.values().next();
      if (!oldest.done) this.finished.delete(oldest.value);
    }
  }
}

/** What installChunking touches of a simple-peer instance (y-webrtc types it as any). */
interface PeerLike {
  send(data: unknown): void;
  emit(event: string | symbol, ...args: unknown[]): boolean;
}

/** The part of y-webrtc's WebrtcProvider (and its Room) that installChunking uses. */
export interface ChunkableProvider {
  readonly room: { readonly webrtcConns: Map<string, { readonly peer: PeerLike }> } | null;
  on(name: 'peers', listener: () => void): unknown;
  off(name: 'peers', listener: () => void): unknown;
}

export interface ChunkingOptions extends ReassemblerOptions {
  readonly maxBytes?: number;
}

const installations = new WeakMap<object, () => void>();

/**
 * Makes every WebRTC connection of the provider send messages over `maxBytes` as frames and
 * rebuild frames into whole messages before y-webrtc sees them. Covers connections that exist
 * now and every later one (y-webrtc emits 'peers' right after creating a connection, before it
 * carries data). Idempotent per provider; returns a function that undoes it.
 */
export function installChunking(
  provider: WebrtcProvider | ChunkableProvider,
  options: ChunkingOptions = {},
): () => void {
  const target: ChunkableProvider = provider;
  const existing = installations.get(target);
  if (existing) return existing;
  const maxBytes = options.maxBytes ?? MAX_PEER_MESSAGE_BYTES;
  const patched = new Map<PeerLike, () => void>();

  const patch = (peer: PeerLike): (() => void) => {
    let active = true;
    const reassembler = new Reassembler(options);
    const originalSend = peer.send;
    const originalEmit = peer.emit;
    const send = (data: unknown): void => {
      if (!active || !(data instanceof Uint8Array)) {
        originalSend.call(peer, data);
        return;
      }
      for (const frame of splitMessage(data, maxBytes)) originalSend.call(peer, frame);
    };
    const emit = (event: string | symbol, ...args: unknown[]): boolean => {
      const data = args[0];
      if (active && event === 'data' && data instanceof Uint8Array && isChunkFrame(data)) {
        const whole = reassembler.push(data);
        return whole === null ? false : originalEmit.call(peer, 'data', whole);
      }
      return originalEmit.call(peer, event, ...args);
    };
    peer.send = send;
    peer.emit = emit;
    return () => {
      active = false;
      if (peer.send === send) peer.send = originalSend;
      if (peer.emit === emit) peer.emit = originalEmit;
    };
  };

  const onPeers = (): void => {
    const current = new Set<PeerLike>();
    target.room?.webrtcConns.forEach((conn) => {
      current.add(conn.peer);
      if (!patched.has(conn.peer)) patched.set(conn.peer, patch(conn.peer));
    });
    // Closed connections are gone from webrtcConns; unpatch and forget their peers.
    for (const [peer, restore] of patched) {
      if (current.has(peer)) continue;
      restore();
      patched.delete(peer);
    }
  };

  const uninstall = (): void => {
    if (installations.get(target) !== uninstall) return;
    installations.delete(target);
    target.off('peers', onPeers);
    for (const restore of patched.values()) restore();
    patched.clear();
  };
  installations.set(target, uninstall);
  target.on('peers', onPeers);
  onPeers();
  return uninstall;
}
