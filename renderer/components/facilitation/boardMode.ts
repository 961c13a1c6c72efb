// What the board lets this participant do now, computed once for the whole board
// from the facilitation view and shared through context as a store. A component
// selects the few fields it shows (a card: its own permissions), so that a phase
// change re-renders only what looks different; with 2,000 cards a re-render of
// every card costs a few hundred milliseconds.
import { createContext, useContext } from 'react';
import { shallowEqual } from '../../hooks/useDocValue';
import { deepEqual, useStoreSelector } from '../../hooks/facilitation/derivedStore';
import type { DenialReason } from '../../hooks/facilitation/permissions';
import { whyNot } from '../../hooks/facilitation/permissions';
import type { FacilitationView } from '../../hooks/facilitation/useFacilitation';
import type { FacilitationRuntime } from '../../hooks/facilitation/runtime';

export interface BoardMode {
  readonly me: string;
  /** Facilitation never started: the board works as it always did. */
  readonly free: boolean;
  readonly facilitator: boolean;
  readonly anonymous: boolean;
  /** Writing a card (privately or not); null when allowed. */
  readonly write: DenialReason | null;
  /** New cards go to this device's private drafts until the reveal. */
  readonly writePrivately: boolean;
  readonly edit: DenialReason | null;
  readonly remove: DenialReason | null;
  readonly move: DenialReason | null;
  readonly clusters: DenialReason | null;
  readonly comment: DenialReason | null;
  /** Vote buttons show on cards and clusters (a vote phase is running or was). */
  readonly votes: boolean;
  readonly vote: DenialReason | null;
  /** This participant takes part in the vote (facilitators only if the rules say so). */
  readonly voter: boolean;
  /** The "no laptop" participant a facilitator enters for; '' for themselves. */
  readonly actingFor: string;
  /** Multi-select is switched on. */
  readonly selecting: boolean;
}

export function boardModeOf(view: FacilitationView, selecting: boolean, actingFor = ''): BoardMode {
  const privately = whyNot(view, 'writePrivateCard') === null;
  // A facilitator voting for a "no laptop" participant votes as that participant.
  const proxy: FacilitationView | null =
    actingFor !== '' && view.facilitator ? { ...view, role: 'participant', locked: false } : null;
  return {
    me: view.me,
    free: view.phase === null,
    facilitator: view.facilitator,
    anonymous: view.anonymous,
    write: privately ? null : whyNot(view, 'writeCard'),
    writePrivately: privately,
    edit: whyNot(view, 'editCard'),
    remove: whyNot(view, 'deleteCard'),
    move: whyNot(view, 'moveCard'),
    clusters: whyNot(view, 'editClusters'),
    comment: whyNot(view, 'comment'),
    votes: view.phase?.kind === 'vote',
    vote: whyNot(proxy ?? view, 'vote'),
    voter: proxy !== null || !view.facilitator || view.phase?.vote.facilitatorVotes === true,
    actingFor: proxy ? actingFor : '',
    selecting,
  };
}

export const FREE_BOARD: BoardMode = {
  me: '',
  free: true,
  facilitator: false,
  anonymous: false,
  write: null,
  writePrivately: false,
  edit: null,
  remove: null,
  move: null,
  clusters: null,
  comment: null,
  votes: false,
  vote: null,
  voter: false,
  actingFor: '',
  selecting: false,
};

/** A source of the board mode that components subscribe to. */
export interface BoardModeSource {
  get(): BoardMode;
  subscribe(listener: () => void): () => void;
}

const FREE_SOURCE: BoardModeSource = { get: () => FREE_BOARD, subscribe: () => () => {} };

/**
 * The board mode of a workshop, derived from its facilitation view, the
 * multi-select switch and the "no laptop" participant. Tells its subscribers only
 * when the mode itself changed (a timer or a title does not change it).
 */
export class BoardModeStore implements BoardModeSource {
  private inputs: readonly [FacilitationView, boolean, string] | null = null;
  private mode: BoardMode = FREE_BOARD;
  /** The mode subscribers were last told about (or saw when they subscribed). */
  private told: BoardMode = FREE_BOARD;
  private readonly listeners = new Set<() => void>();
  private detach: (() => void) | null = null;
  /**
   * While subscribed, the inputs report every change, so `mode` is known to be
   * current until they do: reading the facilitation view costs a signature of its
   * change keys, and 2,000 cards read the mode several times each per render.
   */
  private current = false;

  constructor(private readonly runtime: FacilitationRuntime) {}

  get = (): BoardMode => {
    if (this.current) return this.mode;
    this.current = this.detach !== null;
    const { view, selecting, actingFor } = this.runtime;
    const inputs = [view.get(), selecting.get(), actingFor.get()] as const;
    const previous = this.inputs;
    if (previous && inputs.every((input, index) => Object.is(input, previous[index]))) {
      return this.mode;
    }
    const next = boardModeOf(...inputs);
    if (!previous || !deepEqual(next, this.mode)) this.mode = next;
    this.inputs = inputs;
    return this.mode;
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.detach) {
      this.told = this.get();
      const { view, selecting, actingFor } = this.runtime;
      const unsubscribes = [view, selecting, actingFor].map((store) =>
        store.subscribe(this.changed),
      );
      this.detach = () => unsubscribes.forEach((unsubscribe) => unsubscribe());
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.detach) {
        this.detach();
        this.detach = null;
        this.current = false;
      }
    };
  };

  private readonly changed = (): void => {
    this.current = false;
    const mode = this.get();
    if (mode === this.told) return;
    this.told = mode;
    for (const listener of Array.from(this.listeners)) listener();
  };
}

export const BoardModeContext = createContext<BoardModeSource>(FREE_SOURCE);

/** The whole mode: for the few components that show much of it (columns, tool bars). */
export function useBoardMode(): BoardMode {
  return useStoreSelector(useContext(BoardModeContext), (mode) => mode);
}

/** A piece of the mode; re-renders only when that piece changes (shallowly). */
export function useBoardModeSelect<T>(
  select: (mode: BoardMode) => T,
  isEqual: (a: T, b: T) => boolean = shallowEqual,
): T {
  return useStoreSelector(useContext(BoardModeContext), select, isEqual);
}

/**
 * Whether this participant may change a given card: the phase allows it and the
 * card is theirs, unless they facilitate or the board is free (mayChangeCard).
 */
export function changeDenial(
  mode: BoardMode,
  phaseDenial: DenialReason | null,
  own: boolean,
): DenialReason | null {
  if (phaseDenial) return phaseDenial;
  if (mode.free || mode.facilitator || own) return null;
  return 'notOwn';
}

/** Id of the hidden text that explains a denial (rendered once per board). */
export function reasonId(reason: DenialReason): string {
  return `reason-${reason}`;
}
