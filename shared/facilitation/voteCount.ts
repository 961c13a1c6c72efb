// How dot votes are counted: a pure function of the merged set of vote entries, so
// every replica that has the same entries computes the same result, whatever order
// they arrived in. Each vote is its own entry under a unique key, so no vote exists
// twice; per voter the entries are taken in (time, key) order and a vote counts
// only while the voter is under budget and under the per-item cap. Two devices of
// one person voting at once can write more entries than the budget allows; the
// surplus simply never counts, on every replica alike.
import type { VoteRules } from './phases';
import { compareIds, finiteOr, isParticipantId, isRecord } from './values';

export interface VoteEntry {
  /** "<voterId>:<uniqueId>", the entry's key in the "votes" root. */
  readonly key: string;
  readonly voter: string;
  /** The card or cluster voted for. */
  readonly item: string;
  readonly phaseId: string;
  /** Host clock (ms) when cast; only orders one voter's votes. */
  readonly at: number;
  /** For a "no laptop" participant: the facilitator who cast it; '' otherwise. */
  readonly enteredBy: string;
  /** The phase's vote round it was cast in ('' before any "start over", see votes.ts). */
  readonly round: string;
}

export interface VoteTally {
  /** Keys of the entries that count. */
  readonly counted: ReadonlySet<string>;
  /** Counted votes per (resolved) item. */
  readonly perItem: ReadonlyMap<string, number>;
  /** Counted votes per voter: what each has used of the budget. */
  readonly perVoter: ReadonlyMap<string, number>;
}

export interface RankedItem {
  readonly itemId: string;
  readonly votes: number;
  /** 1 for the most votes; equal votes share a rank (1, 2, 2, 4). */
  readonly rank: number;
}

export interface TallyInput {
  readonly entries: readonly VoteEntry[];
  readonly rules: VoteRules;
  /** Whose votes count at all (facilitators only if the rules say so). */
  readonly eligible: (voterId: string) => boolean;
  /** The item a vote counts for (merged clusters forward), or undefined if it is gone. */
  readonly resolveItem: (itemId: string) => string | undefined;
}

/** Reads one entry of the "votes" root; anything malformed is undefined. */
export function parseVoteEntry(key: string, value: unknown): VoteEntry | undefined {
  const colon = key.lastIndexOf(':');
  const voter = key.slice(0, colon);
  if (colon <= 0 || colon === key.length - 1 || !isParticipantId(voter)) return undefined;
  if (!isRecord(value) || typeof value.item !== 'string' || value.item === '') return undefined;
  if (typeof value.phase !== 'string') return undefined;
  const at = finiteOr(value.at, Number.NaN);
  if (Number.isNaN(at)) return undefined;
  return {
    key,
    voter,
    item: value.item,
    phaseId: value.phase,
    at,
    enteredBy: isParticipantId(value.by) ? value.by : '',
    round: typeof value.round === 'string' ? value.round : '',
  };
}

/** The order in which one voter's votes are considered. */
export function compareVotes(a: VoteEntry, b: VoteEntry): number {
  return a.at - b.at || compareIds(a.key, b.key);
}

export function tallyVotes({ entries, rules, eligible, resolveItem }: TallyInput): VoteTally {
  const byVoter = new Map<string, { entry: VoteEntry; item: string }[]>();
  for (const entry of entries) {
    if (!eligible(entry.voter)) continue;
    const item = resolveItem(entry.item);
    if (item === undefined) continue;
    let list = byVoter.get(entry.voter);
    if (!list) {
      list = [];
      byVoter.set(entry.voter, list);
    }
    list.push({ entry, item });
  }
  const counted = new Set<string>();
  const perItem = new Map<string, number>();
  const perVoter = new Map<string, number>();
  for (const [voter, list] of byVoter) {
    list.sort((a, b) => compareVotes(a.entry, b.entry));
    const mine = new Map<string, number>();
    let used = 0;
    for (const { entry, item } of list) {
      if (used >= rules.budget) break;
      if (counted.has(entry.key)) continue;
      const onItem = mine.get(item) ?? 0;
      if (onItem >= rules.capPerItem) continue;
      mine.set(item, onItem + 1);
      perItem.set(item, (perItem.get(item) ?? 0) + 1);
      counted.add(entry.key);
      used++;
    }
    if (used > 0) perVoter.set(voter, used);
  }
  return { counted, perItem, perVoter };
}

/** Items with votes, most first; equal counts share a rank and are ordered by id. */
export function rankItems(perItem: ReadonlyMap<string, number>): RankedItem[] {
  const sorted = Array.from(perItem, ([itemId, votes]) => ({ itemId, votes }))
    .filter((item) => item.votes > 0)
    .sort((a, b) => b.votes - a.votes || compareIds(a.itemId, b.itemId));
  let rank = 0;
  return sorted.map((item, index) => {
    if (index === 0 || (sorted[index - 1] as { votes: number }).votes !== item.votes)
      rank = index + 1;
    return { ...item, rank };
  });
}
