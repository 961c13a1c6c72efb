// Splits a long card list into render chunks that keep their cards when the list
// changes. Chunks, not cards, carry `content-visibility: auto`: Chromium tracks
// every such element's intersection with the viewport on every frame that moves
// something, which cost ~5 ms a frame with 2,000 cards (docs/benchmarks.md, drag).
// React remounts a card that changes chunk (another parent), so chunks are not cut
// by position: a chunk keeps its cards and its key across inserts, deletes and
// moves, and only the card that moved to another chunk, or the cards of a chunk
// that grew too large and is split, or is so small that it joins its neighbour,
// get a new parent. Pure, so that it is tested without a DOM.

/**
 * Cards a chunk starts with, and the most two neighbours are merged up to. 12 rather
 * than 24: a drag repaints and lays out whole chunks (the dragged card's, the ones
 * autoscroll brings near the viewport), and with 12 the slowest 5 % of drag frames
 * took 14.1 instead of 17.9 ms (interleaved traced runs; docs/benchmarks.md). Below
 * 12, Chromium's viewport checks of more chunks cost more than that saves (8: 17.4 ms).
 */
export const CHUNK_CARDS = 12;
/** A chunk that grows beyond this many cards is split into chunks of CHUNK_CARDS. */
export const MAX_CHUNK_CARDS = 2 * CHUNK_CARDS;

/** The class of a chunk element: drag measurement finds a list's cards through it. */
export const CARD_CHUNK_CLASS = 'card-chunk';

export interface CardChunk {
  /** Unique within its list, kept while the chunk exists: React's key. */
  readonly key: number;
  readonly cardIds: readonly string[];
}

interface Run {
  readonly key: number;
  readonly start: number;
  readonly length: number;
}

/** Consecutive cards that stay in the same chunk, skipping cards with no chunk yet. */
function runsOf(keys: readonly (number | undefined)[]): Run[] {
  const runs: Run[] = [];
  let current: { key: number; start: number; length: number } | null = null;
  keys.forEach((key, index) => {
    if (key === undefined) return;
    if (current && current.key === key) {
      current.length = index - current.start + 1;
      return;
    }
    current = { key, start: index, length: 1 };
    runs.push(current);
  });
  return runs;
}

/**
 * The chunk each card stays in: a chunk whose cards are now in several places
 * keeps its longest run; the cards of its other runs lose their chunk (they moved
 * away). The shortest such runs go first, and runs are formed again, because a
 * card that moved into the middle of a chunk would otherwise split that chunk in
 * two and cost it its shorter half.
 */
function stayingChunks(
  cardIds: readonly string[],
  chunkOf: ReadonlyMap<string, number>,
): (number | undefined)[] {
  const keys = cardIds.map((id) => chunkOf.get(id));
  for (;;) {
    const runs = runsOf(keys);
    const longest = new Map<number, Run>();
    for (const run of runs) {
      const best = longest.get(run.key);
      if (!best || run.length > best.length) longest.set(run.key, run);
    }
    const strays = runs.filter((run) => longest.get(run.key) !== run);
    if (strays.length === 0) return keys;
    const shortest = Math.min(...strays.map((run) => run.length));
    for (const run of strays) {
      if (run.length !== shortest) continue;
      for (let index = run.start; index < run.start + run.length; index++) {
        if (keys[index] === run.key) keys[index] = undefined;
      }
    }
  }
}

/** Cards without a chunk join the chunk before them (the first ones the one after). */
function joinNeighbours(
  cardIds: readonly string[],
  keys: readonly (number | undefined)[],
  nextKey: () => number,
): CardChunk[] {
  const firstKey = keys.find((key) => key !== undefined) ?? nextKey();
  const chunks: { key: number; cardIds: string[] }[] = [];
  cardIds.forEach((id, index) => {
    const last = chunks[chunks.length - 1];
    const key = keys[index] ?? last?.key ?? firstKey;
    if (last && last.key === key) last.cardIds.push(id);
    else chunks.push({ key, cardIds: [id] });
  });
  return chunks;
}

/** Chunks over MAX_CHUNK_CARDS are cut into equal pieces; the piece holding `keep` keeps the key. */
function splitLarge(
  chunks: readonly CardChunk[],
  nextKey: () => number,
  keep: string | null,
): CardChunk[] {
  const result: CardChunk[] = [];
  for (const chunk of chunks) {
    if (chunk.cardIds.length <= MAX_CHUNK_CARDS) {
      result.push(chunk);
      continue;
    }
    // Equal pieces of at most CHUNK_CARDS, rather than full ones and a small rest.
    const count = Math.ceil(chunk.cardIds.length / CHUNK_CARDS);
    const size = Math.ceil(chunk.cardIds.length / count);
    const pieces: string[][] = [];
    for (let start = 0; start < chunk.cardIds.length; start += size) {
      pieces.push(chunk.cardIds.slice(start, start + size));
    }
    const keeper = Math.max(
      0,
      pieces.findIndex((piece) => keep !== null && piece.includes(keep)),
    );
    pieces.forEach((cardIds, index) =>
      result.push({ key: index === keeper ? chunk.key : nextKey(), cardIds }),
    );
  }
  return result;
}

/** Neighbours that fit into CHUNK_CARDS together become one (the smaller one's cards move). */
function mergeSmall(chunks: readonly CardChunk[], keep: string | null): CardChunk[] {
  const result: CardChunk[] = [];
  for (const chunk of chunks) {
    const last = result[result.length - 1];
    if (!last || last.cardIds.length + chunk.cardIds.length > CHUNK_CARDS) {
      result.push(chunk);
      continue;
    }
    const keepsLast =
      keep !== null && (last.cardIds.includes(keep) || chunk.cardIds.includes(keep))
        ? last.cardIds.includes(keep)
        : last.cardIds.length >= chunk.cardIds.length;
    result[result.length - 1] = {
      key: keepsLast ? last.key : chunk.key,
      cardIds: [...last.cardIds, ...chunk.cardIds],
    };
  }
  return result;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/**
 * The chunks for `cardIds`, given the chunks of the list's previous render. Chunks
 * that did not change are the previous objects (memoised chunk components skip
 * them). `keep` (the card holding the keyboard focus) keeps its chunk unless it
 * moved itself. `nextKey` hands out keys never used in this list.
 */
export function chunkCards(
  previous: readonly CardChunk[],
  cardIds: readonly string[],
  nextKey: () => number,
  keep: string | null = null,
): CardChunk[] {
  if (cardIds.length === 0) return [];
  const chunkOf = new Map<string, number>();
  for (const chunk of previous) for (const id of chunk.cardIds) chunkOf.set(id, chunk.key);
  const joined = joinNeighbours(cardIds, stayingChunks(cardIds, chunkOf), nextKey);
  const chunks = mergeSmall(splitLarge(joined, nextKey, keep), keep);
  const before = new Map(previous.map((chunk) => [chunk.key, chunk]));
  return chunks.map((chunk) => {
    const old = before.get(chunk.key);
    return old && sameIds(old.cardIds, chunk.cardIds) ? old : chunk;
  });
}

/** More cards than this arriving in a list at once mount as outlines (deferredChunkKeys). */
export const BULK_ARRIVAL_CARDS = 48;

/**
 * The chunks that mount with their cards as outlines (chunkCompletion.ts) when many
 * cards arrive in a list at once (a board opening, a late joiner's first sync): more
 * than BULK_ARRIVAL_CARDS cards new to the list. Those are the chunks made of new cards
 * only, but the list's first (on screen when a board opens). Chunks cut from cards
 * already shown (a split) and the few cards of an ordinary insert or move show
 * complete at once.
 */
export function deferredChunkKeys(
  before: readonly CardChunk[],
  after: readonly CardChunk[],
): ReadonlySet<number> {
  const known = new Set(before.flatMap((chunk) => chunk.cardIds));
  const arriving = after.reduce(
    (count, chunk) => count + chunk.cardIds.filter((id) => !known.has(id)).length,
    0,
  );
  if (arriving <= BULK_ARRIVAL_CARDS) return new Set();
  const deferred = after.filter(
    (chunk, index) => index > 0 && chunk.cardIds.every((id) => !known.has(id)),
  );
  return new Set(deferred.map((chunk) => chunk.key));
}
