// Render chunks of a card list: every card exactly once and in order, bounded
// chunk sizes, and few cards changing chunk (React remounts those) when the list
// changes by inserts, deletes and moves.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHUNK_CARDS,
  MAX_CHUNK_CARDS,
  chunkCards,
  type CardChunk,
} from '../../../renderer/components/cardList/chunkCards';

function keys() {
  let next = 0;
  return () => next++;
}

function chunkOf(chunks: readonly CardChunk[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const chunk of chunks) for (const id of chunk.cardIds) result.set(id, chunk.key);
  return result;
}

const cards = (count: number, prefix = 'c') =>
  Array.from({ length: count }, (_, index) => `${prefix}${index}`);

function expectWellFormed(chunks: readonly CardChunk[], cardIds: readonly string[]): void {
  expect(chunks.flatMap((chunk) => chunk.cardIds)).toEqual(cardIds);
  expect(new Set(chunks.map((chunk) => chunk.key)).size).toBe(chunks.length);
  for (const chunk of chunks) {
    expect(chunk.cardIds.length).toBeGreaterThan(0);
    expect(chunk.cardIds.length).toBeLessThanOrEqual(MAX_CHUNK_CARDS);
  }
  // No two neighbours would fit into one chunk, so a list never crumbles into many small ones.
  for (let index = 1; index < chunks.length; index++) {
    const pair =
      (chunks[index - 1] as CardChunk).cardIds.length + (chunks[index] as CardChunk).cardIds.length;
    expect(pair).toBeGreaterThan(CHUNK_CARDS);
  }
}

/** Cards (other than `except`) whose chunk key differs between two renders. */
function remounted(before: readonly CardChunk[], after: readonly CardChunk[], except: string[]) {
  const old = chunkOf(before);
  return [...chunkOf(after)].filter(
    ([id, key]) => !except.includes(id) && old.has(id) && old.get(id) !== key,
  ).length;
}

type Op =
  | { kind: 'insert'; at: number }
  | { kind: 'delete'; at: number }
  | { kind: 'move'; from: number; to: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
);

function apply(list: string[], step: Op, fresh: () => string): { list: string[]; moved: string[] } {
  const next = [...list];
  if (step.kind === 'insert') {
    const id = fresh();
    next.splice(step.at % (next.length + 1), 0, id);
    return { list: next, moved: [id] };
  }
  if (next.length === 0) return { list: next, moved: [] };
  if (step.kind === 'delete') {
    next.splice(step.at % next.length, 1);
    return { list: next, moved: [] };
  }
  const [id] = next.splice(step.from % next.length, 1);
  next.splice(step.to % (next.length + 1), 0, id as string);
  return { list: next, moved: [id as string] };
}

describe('chunkCards', () => {
  it('cuts a new list into chunks of CHUNK_CARDS in order', () => {
    const ids = cards(100);
    const chunks = chunkCards([], ids, keys());
    expectWellFormed(chunks, ids);
    expect(chunks).toHaveLength(Math.ceil(100 / CHUNK_CARDS));
    for (const chunk of chunks) expect(chunk.cardIds.length).toBeLessThanOrEqual(CHUNK_CARDS);
    expect(chunkCards([], [], keys())).toEqual([]);
  });

  it('returns the same chunk objects when nothing changed, so their components skip rendering', () => {
    const ids = cards(60);
    const first = chunkCards([], ids, keys());
    const again = chunkCards(first, [...ids], keys());
    expect(again).toHaveLength(first.length);
    again.forEach((chunk, index) => expect(chunk).toBe(first[index]));
  });

  it('moves only the moved card when a card goes far down the list', () => {
    const ids = cards(200);
    const next = keys();
    const before = chunkCards([], ids, next);
    const moved = [...ids.slice(1, 150), 'c0', ...ids.slice(150)];
    const after = chunkCards(before, moved, next);
    expectWellFormed(after, moved);
    expect(remounted(before, after, ['c0'])).toBe(0);
    // Untouched chunks are the very same objects.
    expect(after.filter((chunk) => before.includes(chunk)).length).toBe(before.length - 2);
  });

  it('keeps a chunk whole when a card from another chunk lands in its middle', () => {
    const ids = cards(200);
    const next = keys();
    const before = chunkCards([], ids, next);
    const target = before[3] as CardChunk;
    const middle = ids.indexOf(target.cardIds[5] as string);
    const moved = ids.filter((id) => id !== 'c199');
    moved.splice(middle - 1, 0, 'c199');
    const after = chunkCards(before, moved, next);
    expectWellFormed(after, moved);
    expect(remounted(before, after, ['c199'])).toBe(0);
  });

  it('remounts no card when one is inserted at the top, unlike chunks cut by position', () => {
    const ids = cards(200);
    const next = keys();
    const before = chunkCards([], ids, next);
    const after = chunkCards(before, ['new', ...ids], next);
    expectWellFormed(after, ['new', ...ids]);
    expect(remounted(before, after, ['new'])).toBe(0);
  });

  it('keeps the focused card in its chunk when its chunk is split', () => {
    const next = keys();
    let list = cards(CHUNK_CARDS);
    let chunks = chunkCards([], list, next);
    const focused = list[CHUNK_CARDS - 1] as string;
    const keyOfFocused = chunkOf(chunks).get(focused);
    // Cards written at the top of the list until the chunk must be split.
    for (let added = 0; added <= MAX_CHUNK_CARDS; added++) {
      list = [`n${added}`, ...list];
      chunks = chunkCards(chunks, list, next, focused);
      expectWellFormed(chunks, list);
      expect(chunkOf(chunks).get(focused)).toBe(keyOfFocused);
    }
    expect(chunks.length).toBeGreaterThan(1);
  });

  it('stays well formed and remounts few cards under any sequence of inserts, deletes and moves', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 150 }),
        fc.array(op, { maxLength: 80 }),
        fc.nat(),
        (size, ops, pick) => {
          const next = keys();
          let fresh = 0;
          let list = cards(size);
          let chunks = chunkCards([], list, next);
          expectWellFormed(chunks, list);
          for (const step of ops) {
            const { list: changed, moved } = apply(list, step, () => `f${fresh++}`);
            const focused = changed.length > 0 ? (changed[pick % changed.length] as string) : null;
            const after = chunkCards(chunks, changed, next, focused);
            expectWellFormed(after, changed);
            // Splitting or merging one chunk moves at most one chunk's worth of cards.
            expect(remounted(chunks, after, moved)).toBeLessThanOrEqual(MAX_CHUNK_CARDS);
            if (focused !== null && !moved.includes(focused) && chunkOf(chunks).has(focused)) {
              expect(chunkOf(after).get(focused)).toBe(chunkOf(chunks).get(focused));
            }
            list = changed;
            chunks = after;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
