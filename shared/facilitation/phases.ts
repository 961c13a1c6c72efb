// The agenda: phases with a kind, a title and a time box, in order. The kind
// decides what participants may do (permissions.ts); a vote phase carries its
// voting rules, a collect phase whether cards may be written privately, and every
// phase its reveal flag. The phase running now is the one the session names;
// latecomers read the same and land in it.
import type * as Y from 'yjs';
import { collection, isEntity, type EntityMap } from '../schema/doc';
import { getNumber, getOneOf, getText } from '../model/entity';
import { byPosition } from '../model/position';
import { isParticipantAction, type ParticipantAction } from './actions';
import { readSession } from './sessionState';
import { wholeNumber } from './values';

export const PHASE_KINDS = ['collect', 'cluster', 'vote', 'derive', 'close', 'custom'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

/** Time boxes of the default agenda, in minutes. */
export const DEFAULT_TIMEBOX_MINUTES: Readonly<Record<PhaseKind, number>> = {
  collect: 10,
  cluster: 15,
  vote: 5,
  derive: 30,
  close: 10,
  custom: 10,
};
/** The longest time box a phase can have, in minutes (a working day). */
export const MAX_TIMEBOX_MINUTES = 480;

/** Dots per person unless the facilitator sets another budget. */
export const DEFAULT_VOTE_BUDGET = 5;
/** The largest budget a facilitator can set, in dots per person. */
export const MAX_VOTE_BUDGET = 99;
/** Dots one person may put on one item unless the facilitator sets another cap. */
export const DEFAULT_VOTE_CAP_PER_ITEM = 3;

/** The default agenda, collect → cluster → vote → derive measures → close. */
export const DEFAULT_AGENDA: readonly { readonly id: string; readonly kind: PhaseKind }[] = [
  // Fixed ids: two devices that create the default agenda at once write the same
  // five entries instead of ten.
  { id: 'default-collect', kind: 'collect' },
  { id: 'default-cluster', kind: 'cluster' },
  { id: 'default-vote', kind: 'vote' },
  { id: 'default-derive', kind: 'derive' },
  { id: 'default-close', kind: 'close' },
];

export interface VoteRules {
  /** Dots per person. */
  readonly budget: number;
  /** Dots one person may put on one item (at most the budget). */
  readonly capPerItem: number;
  /** Whether facilitators vote too (they do not by default). */
  readonly facilitatorVotes: boolean;
  /** Whether results stay hidden until the phase is revealed. */
  readonly hiddenUntilReveal: boolean;
}

export interface Phase {
  readonly id: string;
  readonly kind: PhaseKind;
  /** '' means "the kind's name in the reader's language" (the default agenda stores ''). */
  readonly title: string;
  readonly timeboxMinutes: number;
  readonly position: number;
  /** Host clock (ms) of the reveal; 0 while not revealed. */
  readonly revealedAt: number;
  readonly revealed: boolean;
  /** Where cards published at this phase's reveal are placed (see publish.ts). */
  readonly revealBase: number;
  /** Collect phases: whether participants may write privately until the reveal. */
  readonly privateWriting: boolean;
  readonly vote: VoteRules;
  /** Custom phases: what participants may do (other kinds ignore it). */
  readonly allows: readonly ParticipantAction[];
}

export function phaseEntity(doc: Y.Doc, id: string): EntityMap | undefined {
  const map = collection(doc, 'phases').get(id);
  return isEntity(map) ? map : undefined;
}

export function readVoteRules(map: EntityMap): VoteRules {
  const budget = wholeNumber(map.get('voteBudget'), DEFAULT_VOTE_BUDGET, 1, MAX_VOTE_BUDGET);
  return {
    budget,
    capPerItem: wholeNumber(
      map.get('voteCap'),
      Math.min(DEFAULT_VOTE_CAP_PER_ITEM, budget),
      1,
      budget,
    ),
    facilitatorVotes: map.get('facilitatorVotes') === true,
    hiddenUntilReveal: map.get('votesHidden') === true,
  };
}

function readAllows(map: EntityMap): ParticipantAction[] {
  const value = map.get('allows');
  if (!Array.isArray(value)) return [];
  return Array.from(new Set(value.filter(isParticipantAction)));
}

export function toPhase(map: EntityMap, id: string): Phase {
  const kind = getOneOf(map, 'kind', PHASE_KINDS, 'custom');
  const revealedAt = getNumber(map, 'revealedAt');
  return {
    id,
    kind,
    title: getText(map, 'title'),
    timeboxMinutes: wholeNumber(
      map.get('timeboxMinutes'),
      DEFAULT_TIMEBOX_MINUTES[kind],
      0,
      MAX_TIMEBOX_MINUTES,
    ),
    position: getNumber(map, 'position'),
    revealedAt: revealedAt > 0 ? revealedAt : 0,
    revealed: revealedAt > 0,
    revealBase: getNumber(map, 'revealBase'),
    privateWriting: map.get('privateWriting') !== false,
    vote: readVoteRules(map),
    allows: readAllows(map),
  };
}

export function readPhase(doc: Y.Doc, id: string): Phase | undefined {
  const map = phaseEntity(doc, id);
  return map ? toPhase(map, id) : undefined;
}

/** The agenda in order. */
export function listPhases(doc: Y.Doc): Phase[] {
  const phases: Phase[] = [];
  collection(doc, 'phases').forEach((map, id) => {
    if (isEntity(map)) phases.push(toPhase(map, id));
  });
  return phases.sort(byPosition);
}

/**
 * The phase running now: the one the session names, or the agenda's first phase if
 * that one no longer exists (removed concurrently). Undefined before facilitation
 * starts or with an empty agenda: the board then works as it always did.
 */
export function currentPhase(doc: Y.Doc): Phase | undefined {
  const { phaseId } = readSession(doc);
  if (phaseId === '') return undefined;
  return readPhase(doc, phaseId) ?? listPhases(doc)[0];
}
