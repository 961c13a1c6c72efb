// Split and reassemble y-webrtc messages (renderer/sync/chunkedPeerMessages.ts): any size up
// to 1 MiB, frames in any order, messages interleaved, duplicated frames, garbage and damaged
// frames — the receiver gets exactly the original messages, never a wrong one, and its memory
// stays within its limits. installChunking is tested here with fake peers; with real WebRTC
// in chunkedWebrtc.test.ts.
import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { ObservableV2 } from 'lib0/observable';
import { describe, expect, it } from 'vitest';
import {
  CHUNK_MESSAGE_TYPE,
  MAX_PARTIAL_MESSAGES,
  MAX_PEER_MESSAGE_BYTES,
  Reassembler,
  checksum,
  installChunking,
  isChunkFrame,
  splitMessage,
  type ChunkableProvider,
} from '../../../renderer/sync/chunkedPeerMessages';

const KIB = 1024;
const MIB = 1024 * KIB;
/** Smallest frame limit the tests use (header ≤ 25 bytes, so a few payload bytes per frame). */
const SMALL_FRAME_BYTES = 32;

/** Deterministic pseudo-random bytes (xorshift32), so 1 MiB messages are cheap to make. */
function bytesOf(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let state = seed | 1;
  for (let i = 0; i < size; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

/** The data as a peer's receive path sees it: frames reassembled, anything else passed on. */
function receiveAll(reassembler: Reassembler, data: readonly Uint8Array[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const item of data) {
    if (!isChunkFrame(item)) {
      out.push(item);
      continue;
    }
    const whole = reassembler.push(item);
    if (whole !== null) out.push(whole);
  }
  return out;
}

function sorted(messages: readonly Uint8Array[]): Buffer[] {
  return messages.map((message) => Buffer.from(message)).sort(Buffer.compare);
}

/** Whether both hold the same messages (by content), each as often. */
function sameMessages(a: readonly Uint8Array[], b: readonly Uint8Array[]): boolean {
  const left = sorted(a);
  const right = sorted(b);
  return (
    left.length === right.length && left.every((message, i) => message.equals(right[i] as Buffer))
  );
}

function same(a: Uint8Array | null | undefined, b: Uint8Array): boolean {
  return a != null && Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);
}

/** Whether `part` is a sub-multiset of `all` (by content). */
function isSubMultiset(part: readonly Uint8Array[], all: readonly Uint8Array[]): boolean {
  const left = sorted(all);
  return sorted(part).every((message) => {
    const at = left.findIndex((candidate) => candidate.equals(message));
    if (at < 0) return false;
    left.splice(at, 1);
    return true;
  });
}

/** Shuffles by sort keys (fast-check shrinks the keys, not the bytes). */
function shuffle<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % Math.max(1, keys.length)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map(({ item }) => item);
}

/** At most this many frames per message, so that a run stays fast. */
const MAX_FRAMES_PER_CASE = 2_000;

const messageSize = fc.oneof(
  fc.integer({ min: 0, max: 4 * KIB }),
  fc.integer({ min: 0, max: 1 * MIB }),
  fc.constantFrom(0, MAX_PEER_MESSAGE_BYTES, MAX_PEER_MESSAGE_BYTES + 1, 600_000, 1 * MIB),
);
/** A message size and a frame limit up to 64 KiB (at most MAX_FRAMES_PER_CASE frames). */
const sizeAndLimit = messageSize.chain((size) => {
  const min = Math.max(SMALL_FRAME_BYTES, Math.ceil(size / MAX_FRAMES_PER_CASE));
  return fc.tuple(
    fc.constant(size),
    fc.oneof(
      fc.constant(MAX_PEER_MESSAGE_BYTES),
      fc.integer({ min, max: Math.max(min, 4 * KIB) }),
      fc.integer({ min, max: MAX_PEER_MESSAGE_BYTES }),
    ),
  );
});

/** A few messages, each with its frames, at a frame limit that keeps the frame count modest. */
const framedMessages = (maxMessages: number) =>
  fc
    .record({
      sizes: fc.array(fc.integer({ min: 0, max: 64 * KIB }), {
        minLength: 1,
        maxLength: maxMessages,
      }),
      maxBytes: fc.integer({ min: 256, max: 8 * KIB }),
      seed: fc.integer(),
    })
    .map(({ sizes, maxBytes, seed }) => {
      const messages = sizes.map((size, i) => bytesOf(size, seed + i));
      return { messages, maxBytes, frames: messages.map((m) => splitMessage(m, maxBytes)) };
    });

describe('splitMessage', () => {
  it('leaves messages up to the limit untouched and splits larger ones into frames within it', () => {
    fc.assert(
      fc.property(sizeAndLimit, fc.integer(), ([size, maxBytes], seed) => {
        const message = bytesOf(size, seed);
        const frames = splitMessage(message, maxBytes);
        if (size <= maxBytes && !isChunkFrame(message)) {
          expect(frames).toHaveLength(1);
          expect(frames[0]).toBe(message);
          return;
        }
        expect(frames.every((frame) => frame.length <= maxBytes)).toBe(true);
        expect(frames.every((frame) => frame[0] === CHUNK_MESSAGE_TYPE)).toBe(true);
        expect(frames.every(isChunkFrame)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('uses the 64 KiB limit by default: a 600 KB sync step 2 becomes 10 frames', () => {
    expect(MAX_PEER_MESSAGE_BYTES).toBe(65_536);
    const frames = splitMessage(bytesOf(600_000, 7));
    expect(frames).toHaveLength(10);
    expect(Math.max(...frames.map((frame) => frame.length))).toBeLessThanOrEqual(65_536);
  });

  it('never marks a y-webrtc message (types 0–4) as a frame', () => {
    for (let type = 0; type <= 4; type++) {
      expect(isChunkFrame(Uint8Array.of(type, 1, 2, 3))).toBe(false);
    }
    expect(isChunkFrame(new Uint8Array(0))).toBe(false);
  });

  it('frames a small message that begins like a frame (y-webrtc never sends one)', () => {
    const looksFramed = Uint8Array.of(CHUNK_MESSAGE_TYPE, 0, 0, 1, 1, 0, 9);
    const frames = splitMessage(looksFramed);
    expect(frames).toHaveLength(1);
    expect(frames[0]).not.toBe(looksFramed);
    expect(same(new Reassembler().push(frames[0] as Uint8Array), Buffer.from(looksFramed))).toBe(
      true,
    );
  });

  it('refuses a limit that leaves no room for payload, and bad message ids', () => {
    const message = bytesOf(1_000, 1);
    expect(() => splitMessage(message, 8)).toThrow(RangeError);
    expect(() => splitMessage(message, 100, -1)).toThrow(RangeError);
    expect(() => splitMessage(message, 100, 2 ** 32)).toThrow(RangeError);
    expect(() => splitMessage(message, 100, 1.5)).toThrow(RangeError);
  });
});

describe('Reassembler', () => {
  it('rebuilds any message up to 1 MiB from its frames in any order', () => {
    fc.assert(
      fc.property(
        sizeAndLimit,
        fc.integer(),
        fc.array(fc.nat(), { maxLength: 64 }),
        ([size, maxBytes], seed, keys) => {
          const message = bytesOf(size, seed);
          const reassembler = new Reassembler();
          const received = receiveAll(reassembler, shuffle(splitMessage(message, maxBytes), keys));
          expect(received).toHaveLength(1);
          expect(same(received[0], Buffer.from(message))).toBe(true);
          expect(reassembler.partialMessages).toBe(0);
          expect(reassembler.bufferedBytes).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('rebuilds interleaved messages with duplicated frames, each exactly once', () => {
    fc.assert(
      fc.property(
        framedMessages(MAX_PARTIAL_MESSAGES),
        fc.array(fc.nat(), { maxLength: 200 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        ({ messages, frames }, keys, duplicatePicks) => {
          const all = frames.flat();
          // Unframed messages are passed on as they are; only frames can be duplicated.
          const framed = all.filter(isChunkFrame);
          const duplicates = framed.length
            ? duplicatePicks.map((pick) => framed[pick % framed.length] as Uint8Array)
            : [];
          const reassembler = new Reassembler();
          const received = receiveAll(reassembler, shuffle([...all, ...duplicates], keys));
          expect(sameMessages(received, messages)).toBe(true);
          expect(reassembler.partialMessages).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('ignores malformed frames: garbage, truncated or extended frames change nothing', () => {
    const garbage = (frames: readonly Uint8Array[]) =>
      fc.oneof(
        fc.uint8Array({ maxLength: 64 }).filter(isChunkFrame),
        fc
          .uint8Array({ maxLength: 64 })
          .map((bytes) => Uint8Array.of(CHUNK_MESSAGE_TYPE, ...bytes)),
        fc.record({ pick: fc.nat(), cut: fc.integer({ min: 1, max: 64 }) }).map(({ pick, cut }) => {
          const frame = frames[pick % frames.length] as Uint8Array;
          return frame.subarray(0, Math.max(0, frame.length - cut));
        }),
        fc
          .record({ pick: fc.nat(), extra: fc.uint8Array({ minLength: 1, maxLength: 8 }) })
          .map(({ pick, extra }) =>
            Uint8Array.of(...(frames[pick % frames.length] as Uint8Array), ...extra),
          ),
      );
    fc.assert(
      fc.property(
        framedMessages(4).chain((framed) => {
          const chunkFrames = framed.frames.flat().filter(isChunkFrame);
          const junk = chunkFrames.length
            ? fc.array(garbage(chunkFrames), { maxLength: 4 })
            : fc.constant([]);
          return fc.tuple(fc.constant(framed), junk);
        }),
        fc.array(fc.nat(), { maxLength: 200 }),
        ([{ messages, frames }, junk], keys) => {
          const reassembler = new Reassembler();
          const received = receiveAll(reassembler, shuffle([...frames.flat(), ...junk], keys));
          expect(sameMessages(received, messages)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never yields a wrong message, whatever bytes of the frames are damaged', () => {
    const damage = fc.record({
      frame: fc.nat(),
      byte: fc.nat(),
      flip: fc.integer({ min: 1, max: 255 }),
    });
    fc.assert(
      fc.property(
        framedMessages(4),
        fc.array(damage, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 200 }),
        ({ messages, frames }, damages, keys) => {
          const chunkFrames = frames.flat().filter(isChunkFrame);
          fc.pre(chunkFrames.length > 0);
          const damaged = damages.map(({ frame, byte, flip }) => {
            const copy = Uint8Array.from(chunkFrames[frame % chunkFrames.length] as Uint8Array);
            const at = byte % copy.length;
            copy[at] = (copy[at] as number) ^ flip;
            return copy;
          });
          const reassembler = new Reassembler();
          const yielded = shuffle([...damaged, ...chunkFrames], keys)
            .map((frame) => reassembler.push(frame))
            .filter((message): message is Uint8Array => message !== null);
          expect(isSubMultiset(yielded, messages)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 80 }), { maxLength: 50 }), (items) => {
        const reassembler = new Reassembler();
        for (const item of items) reassembler.push(Uint8Array.of(CHUNK_MESSAGE_TYPE, ...item));
        for (const item of items) reassembler.push(item);
      }),
    );
  });

  it('keeps partial messages within the byte and count limits', () => {
    fc.assert(
      fc.property(
        fc.record({
          maxMessageBytes: fc.integer({ min: 1_000, max: 20_000 }),
          maxPartialMessages: fc.integer({ min: 1, max: 4 }),
        }),
        fc.array(fc.integer({ min: 0, max: 30_000 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 300 }),
        (limits, sizes, keys) => {
          const messages = sizes.map((size, i) => bytesOf(size, i + 1));
          const frames = messages.flatMap((message) => splitMessage(message, 300));
          const reassembler = new Reassembler(limits);
          for (const frame of shuffle(frames, keys)) {
            const whole = frame.length > 0 && isChunkFrame(frame) ? reassembler.push(frame) : null;
            if (whole !== null) {
              expect(whole.length).toBeLessThanOrEqual(limits.maxMessageBytes);
              expect(messages.some((message) => Buffer.from(message).equals(whole))).toBe(true);
            }
            expect(reassembler.partialMessages).toBeLessThanOrEqual(limits.maxPartialMessages);
            expect(reassembler.bufferedBytes).toBeLessThanOrEqual(limits.maxMessageBytes);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses a message over its size limit at the first frame', () => {
    const reassembler = new Reassembler({ maxMessageBytes: 100_000 });
    const frames = splitMessage(bytesOf(100_001, 3), 10_000);
    for (const frame of frames) expect(reassembler.push(frame)).toBeNull();
    expect(reassembler.partialMessages).toBe(0);
    expect(reassembler.bufferedBytes).toBe(0);
  });

  it('drops the least recently active partial message to make room for a new one', () => {
    const reassembler = new Reassembler();
    const messages = Array.from({ length: MAX_PARTIAL_MESSAGES + 1 }, (_, i) =>
      bytesOf(500, i + 1),
    );
    const frames = messages.map((message) => splitMessage(message, 100));
    for (const split of frames) expect(reassembler.push(split[0] as Uint8Array)).toBeNull();
    expect(reassembler.partialMessages).toBe(MAX_PARTIAL_MESSAGES);
    // The first message was dropped: the rest of it yields nothing; every other one completes.
    const [first, ...others] = frames as [Uint8Array[], ...Uint8Array[][]];
    expect(first.slice(1).map((frame) => reassembler.push(frame))).toEqual(
      first.slice(1).map(() => null),
    );
    others.forEach((split, i) => {
      const results = split.slice(1).map((frame) => reassembler.push(frame));
      expect(
        Buffer.from(results.at(-1) as Uint8Array).equals(
          Buffer.from(messages[i + 1] as Uint8Array),
        ),
      ).toBe(true);
    });
    expect(reassembler.partialMessages).toBe(0);
  });

  it('drops a partial message after the timeout and ignores its late frames', () => {
    let now = 0;
    const reassembler = new Reassembler({ partialTimeoutMs: 1_000, now: () => now });
    const stale = splitMessage(bytesOf(1_000, 1), 300);
    const fresh = splitMessage(bytesOf(1_000, 2), 300);
    expect(reassembler.push(stale[0] as Uint8Array)).toBeNull();
    now = 999;
    expect(reassembler.push(stale[1] as Uint8Array)).toBeNull();
    now = 1_998;
    expect(reassembler.push(fresh[0] as Uint8Array)).toBeNull();
    expect(reassembler.partialMessages).toBe(2);
    now = 1_999;
    expect(reassembler.push(fresh[1] as Uint8Array)).toBeNull();
    expect(reassembler.partialMessages).toBe(1);
    for (const frame of stale.slice(2)) expect(reassembler.push(frame)).toBeNull();
    const last = fresh.slice(2).map((frame) => reassembler.push(frame));
    expect(last.at(-1)).not.toBeNull();
    expect(reassembler.partialMessages).toBe(0);
  });

  it('does not yield a finished message twice when all its frames come again', () => {
    const reassembler = new Reassembler();
    const message = bytesOf(5_000, 9);
    const frames = splitMessage(message, 1_000);
    expect(receiveAll(reassembler, frames)).toHaveLength(1);
    expect(receiveAll(reassembler, frames)).toHaveLength(0);
    expect(reassembler.partialMessages).toBe(0);
  });

  it('drops a message whose frames were put together from two different messages', () => {
    const a = splitMessage(bytesOf(3_000, 1), 1_000, 42);
    const b = splitMessage(bytesOf(3_000, 2), 1_000, 42);
    const reassembler = new Reassembler();
    expect(receiveAll(reassembler, [a[0], b[1], a[2], a[3]] as Uint8Array[])).toHaveLength(0);
    expect(checksum(bytesOf(3_000, 1))).not.toBe(checksum(bytesOf(3_000, 2)));
  });
});

/** A simple-peer stand-in: an EventEmitter with send() recording what went on the wire. */
class FakePeer extends EventEmitter {
  readonly wire: Uint8Array[] = [];
  remote: FakePeer | null = null;

  send(data: Uint8Array): void {
    this.wire.push(data);
    this.remote?.emit('data', data);
  }
}

class FakeProvider extends ObservableV2<{ peers: () => void }> implements ChunkableProvider {
  room: { webrtcConns: Map<string, { peer: FakePeer }> } | null = null;

  addPeer(id: string, peer: FakePeer): void {
    this.room ??= { webrtcConns: new Map() };
    this.room.webrtcConns.set(id, { peer });
    this.emit('peers', []);
  }
}

function linkedPair(): { a: FakeProvider; b: FakeProvider; pa: FakePeer; pb: FakePeer } {
  const a = new FakeProvider();
  const b = new FakeProvider();
  const pa = new FakePeer();
  const pb = new FakePeer();
  pa.remote = pb;
  pb.remote = pa;
  return { a, b, pa, pb };
}

describe('installChunking', () => {
  it('patches connections that exist and later ones; large messages cross in frames', () => {
    const { a, b, pa, pb } = linkedPair();
    a.addPeer('b', pa); // before installing
    const uninstallA = installChunking(a);
    const uninstallB = installChunking(b);
    b.addPeer('a', pb); // after installing, announced by 'peers'
    const received: Uint8Array[] = [];
    pb.on('data', (data: Uint8Array) => received.push(data));

    const small = bytesOf(MAX_PEER_MESSAGE_BYTES, 1);
    const large = bytesOf(600_000, 2);
    pa.send(small);
    pa.send(large);
    expect(pa.wire[0]).toBe(small); // unchanged, the same bytes
    expect(pa.wire).toHaveLength(1 + 10);
    expect(Math.max(...pa.wire.map((frame) => frame.length))).toBeLessThanOrEqual(
      MAX_PEER_MESSAGE_BYTES,
    );
    expect(received).toHaveLength(2);
    expect(received[0]).toBe(small);
    expect(Buffer.from(received[1] as Uint8Array).equals(Buffer.from(large))).toBe(true);
    uninstallA();
    uninstallB();
  });

  it('is idempotent and undone by its uninstall function', () => {
    const { a, pa } = linkedPair();
    const { send, emit } = pa;
    a.addPeer('b', pa);
    const uninstall = installChunking(a);
    const patchedSend = pa.send;
    expect(installChunking(a)).toBe(uninstall);
    expect(pa.send).toBe(patchedSend);
    uninstall();
    expect(pa.send).toBe(send);
    expect(pa.emit).toBe(emit);
    pa.send(bytesOf(200_000, 1));
    expect(pa.wire).toHaveLength(1); // no longer split
    // After uninstalling, a new install patches again.
    const again = installChunking(a);
    expect(pa.send).not.toBe(send);
    again();
  });

  it('unpatches and forgets the peers of closed connections', () => {
    const { a, pa } = linkedPair();
    const uninstall = installChunking(a);
    a.addPeer('b', pa);
    expect(pa.send).not.toBe(FakePeer.prototype.send);
    a.room?.webrtcConns.delete('b');
    a.emit('peers', []);
    expect(pa.send).toBe(FakePeer.prototype.send);
    expect(pa.emit).toBe(EventEmitter.prototype.emit);
    uninstall();
  });
});
