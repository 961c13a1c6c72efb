// What the board lets this participant do now, computed once for the whole board
// from the facilitation view and shared through context, so that each card does
// not subscribe to the facilitation state itself. Changes only when the phase, the
// role, the lock or anonymity change, and then every card re-renders once.
import { createContext, useContext } from 'react';
import type { DenialReason } from '../../hooks/facilitation/permissions';
import { whyNot } from '../../hooks/facilitation/permissions';
import type { FacilitationView } from '../../hooks/facilitation/useFacilitation';

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

export const BoardModeContext = createContext<BoardMode>(FREE_BOARD);

export function useBoardMode(): BoardMode {
  return useContext(BoardModeContext);
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
