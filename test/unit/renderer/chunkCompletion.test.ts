// @vitest-environment jsdom
// Chunks that mount as outlines are completed exactly once: at once when Chromium
// says it is about to render them, otherwise in idle slices in the order they were
// scheduled, never past a slice's idle time unless the wait for idle timed out.
import { describe, expect, it } from 'vitest';
import {
  ChunkCompletion,
  IDLE_TIMEOUT_MS,
  MIN_IDLE_SLICE_MS,
} from '../../../renderer/components/cardList/chunkCompletion';
import {
  BULK_ARRIVAL_CARDS,
  MAX_CHUNK_CARDS,
  chunkCards,
  deferredChunkKeys,
} from '../../../renderer/components/cardList/chunkCards';

/** An idle scheduler the test runs by hand. */
function manualIdle() {
  const waiting: ((deadline: IdleDeadline) => void)[] = [];
  return {
    request: (callback: (deadline: IdleDeadline) => void) => waiting.push(callback),
    /** One idle slice of `ms` milliseconds (the clock does not move while chunks complete). */
    run(ms: number, didTimeout = false) {
      const callback = waiting.shift();
      callback?.({ didTimeout, timeRemaining: () => ms });
    },
    get waiting() {
      return waiting.length;
    },
  };
}

function stateChange(element: Element, skipped: boolean) {
  const event = Object.assign(new Event('contentvisibilityautostatechange'), { skipped });
  element.dispatchEvent(event);
}

function setUp(chunks: number, inView: (element: Element) => boolean = () => true) {
  const idle = manualIdle();
  const clock = { now: 0 };
  const tasks: (() => void)[] = [];
  const completion = new ChunkCompletion({
    idle: idle.request,
    now: () => clock.now,
    task: (callback) => tasks.push(callback),
    inView,
  });
  const completed: number[] = [];
  const elements = Array.from({ length: chunks }, () => document.createElement('div'));
  const cancels = elements.map((element, index) =>
    completion.schedule(element, () => completed.push(index)),
  );
  return { idle, clock, tasks, completion, completed, elements, cancels };
}

describe('completing outlined chunks', () => {
  it('completes nothing before the page is idle, then all in order while idle time lasts', () => {
    const { idle, completion, completed } = setUp(4);
    expect(completed).toEqual([]);
    expect(idle.waiting).toBe(1);
    idle.run(50);
    expect(completed).toEqual([0, 1, 2, 3]);
    expect(completion.size).toBe(0);
    expect(idle.waiting).toBe(0);
  });

  it('waits for the next slice when too little idle time is left', () => {
    const { idle, completed } = setUp(3);
    idle.run(MIN_IDLE_SLICE_MS - 1);
    expect(completed).toEqual([]);
    expect(idle.waiting).toBe(1);
    // A wait that timed out still completes one chunk: a busy page completes too.
    idle.run(0, true);
    expect(completed).toEqual([0]);
    idle.run(MIN_IDLE_SLICE_MS);
    expect(completed).toEqual([0, 1, 2]);
  });

  it('completes one chunk when short idle slices have kept it waiting too long', () => {
    // A page busy every frame (a drag, a stream of edits) offers slices too short to
    // use, each one answering a new request: the wait counts from the last completion.
    const { idle, clock, completed } = setUp(3);
    for (let frame = 0; clock.now < IDLE_TIMEOUT_MS; frame++) {
      idle.run(1);
      clock.now += 16;
      expect(completed).toEqual([]);
    }
    idle.run(1);
    expect(completed).toEqual([0]);
    idle.run(1);
    expect(completed).toEqual([0]);
    clock.now += IDLE_TIMEOUT_MS;
    idle.run(1);
    expect(completed).toEqual([0, 1]);
  });

  it('completes a chunk at once when Chromium is about to render it, and only once', () => {
    const { idle, completed, elements } = setUp(3);
    stateChange(elements[2]!, true);
    expect(completed).toEqual([]);
    stateChange(elements[2]!, false);
    expect(completed).toEqual([2]);
    stateChange(elements[2]!, false);
    idle.run(50);
    expect(completed).toEqual([2, 0, 1]);
  });

  it('completes chunks about to be rendered outside the viewport one task each, before idle ones', () => {
    const inView = new Set<Element>();
    const { idle, tasks, completed, elements } = setUp(5, (element) => inView.has(element));
    inView.add(elements[4]!);
    for (const element of elements.slice(2)) stateChange(element, false);
    // The one in view at once; the two in the margin wait for tasks of their own.
    expect(completed).toEqual([4]);
    expect(tasks).toHaveLength(1);
    tasks.shift()!();
    expect(completed).toEqual([4, 2]);
    tasks.shift()!();
    expect(completed).toEqual([4, 2, 3]);
    expect(tasks).toHaveLength(0);
    idle.run(50);
    expect(completed).toEqual([4, 2, 3, 0, 1]);
  });

  it('forgets a chunk that unmounts before it is completed', () => {
    const { idle, completed, elements, cancels } = setUp(3);
    cancels[1]!();
    stateChange(elements[1]!, false);
    idle.run(50);
    expect(completed).toEqual([0, 2]);
  });
});

describe('which chunks mount as outlines', () => {
  const ids = (count: number, from = 0) =>
    Array.from({ length: count }, (_, index) => `c${from + index}`);
  let key = 0;
  const nextKey = () => key++;

  it('a list mounting with many cards: every chunk but its first', () => {
    const chunks = chunkCards([], ids(100), nextKey, null);
    const deferred = deferredChunkKeys([], chunks);
    expect(chunks.length).toBeGreaterThan(2);
    expect([...deferred]).toEqual(chunks.slice(1).map((chunk) => chunk.key));
  });

  it('a list of a few chunks, a card added, a chunk split or 48 cards moved in: none', () => {
    const small = chunkCards([], ids(BULK_ARRIVAL_CARDS), nextKey, null);
    expect(small.length).toBeGreaterThan(1);
    expect(deferredChunkKeys([], small).size).toBe(0);
    const full = chunkCards([], ids(MAX_CHUNK_CARDS), nextKey, null);
    const split = chunkCards(full, [...ids(MAX_CHUNK_CARDS), 'new'], nextKey, null);
    expect(split.length).toBeGreaterThan(full.length);
    expect(deferredChunkKeys(full, split).size).toBe(0);
    const movedIn = chunkCards(
      split,
      [...ids(MAX_CHUNK_CARDS), 'new', ...ids(BULK_ARRIVAL_CARDS, 100)],
      nextKey,
      null,
    );
    expect(deferredChunkKeys(split, movedIn).size).toBe(0);
  });

  it('many cards arriving at once in a list that has a few: the chunks of new cards only', () => {
    const few = chunkCards([], ids(5), nextKey, null);
    const arriving = new Set(ids(200, 100));
    const filled = chunkCards(few, [...ids(5), ...arriving], nextKey, null);
    const deferred = deferredChunkKeys(few, filled);
    const onlyNew = filled.filter((chunk) => chunk.cardIds.every((id) => arriving.has(id)));
    expect(onlyNew.length).toBeGreaterThan(1);
    expect([...deferred]).toEqual(onlyNew.map((chunk) => chunk.key));
    // The first chunk holds the five cards shown before: complete.
    expect(deferred.has(filled[0]!.key)).toBe(false);
  });
});
