// Who may do what, as one pure function of the role, the action, the running phase
// and the board state. The phase kind decides what participants may do; a locked
// board leaves them read only (they can still say "I'm done"); facilitators steer
// at any time and edit content in every phase (the strategy included); granting
// roles is the host's. Participants edit the strategy only in free mode, or add and
// fill in measures in the derive phase (docs/facilitation.md, "Roles and permissions").
// Commands check it on the acting device (guard.ts). A shared document cannot stop
// a modified client from writing anyway: this is the rule honest devices follow.
import {
  FACILITATOR_ACTIONS,
  HOST_ACTIONS,
  type Action,
  type FacilitatorAction,
  type ParticipantAction,
} from './actions';
import type { Phase, PhaseKind } from './phases';
import type { Role } from './roles';

export interface BoardState {
  readonly locked: boolean;
}

/** What each phase kind lets participants do (custom phases list it themselves). */
export const PHASE_ALLOWS: Readonly<
  Record<Exclude<PhaseKind, 'custom'>, readonly ParticipantAction[]>
> = {
  collect: ['writeCard', 'writePrivateCard', 'editCard', 'deleteCard', 'comment', 'markReady'],
  cluster: ['editCard', 'moveCard', 'editClusters', 'comment', 'markReady'],
  vote: ['vote', 'markReady'],
  derive: ['editMeasures', 'comment', 'markReady'],
  close: [],
};

/** Before facilitation starts (no phase) the board works as it always did. */
export const FREE_MODE_ALLOWS: readonly ParticipantAction[] = [
  'writeCard',
  'editCard',
  'deleteCard',
  'moveCard',
  'editClusters',
  'comment',
  'editStrategy',
  'editMeasures',
];

/** Content actions facilitators may take in every phase, locked or not. */
const FACILITATOR_CONTENT: readonly ParticipantAction[] = [
  'writeCard',
  'editCard',
  'deleteCard',
  'moveCard',
  'editClusters',
  'comment',
  'editStrategy',
  'editMeasures',
];

/** What a phase lets participants do, before the board lock is applied. */
export function phaseAllows(phase: Phase | undefined): readonly ParticipantAction[] {
  if (!phase) return FREE_MODE_ALLOWS;
  const kindAllows = phase.kind === 'custom' ? phase.allows : PHASE_ALLOWS[phase.kind];
  // Whoever may edit the whole strategy may edit its measures.
  const listed =
    kindAllows.includes('editStrategy') && !kindAllows.includes('editMeasures')
      ? [...kindAllows, 'editMeasures' as const]
      : kindAllows;
  return listed.filter((action) => {
    // Private writing ends with the reveal, and so does voting.
    if (action === 'writePrivateCard') return phase.privateWriting && !phase.revealed;
    if (action === 'vote') return !phase.revealed;
    return true;
  });
}

export function can(
  role: Role,
  action: Action,
  phase: Phase | undefined,
  state: BoardState,
): boolean {
  if ((HOST_ACTIONS as readonly Action[]).includes(action)) return role === 'host';
  const facilitator = role === 'host' || role === 'cofacilitator';
  if ((FACILITATOR_ACTIONS as readonly Action[]).includes(action as FacilitatorAction)) {
    return facilitator;
  }
  const content = action as ParticipantAction;
  const allowedByPhase = phaseAllows(phase).includes(content);
  if (facilitator) {
    if (content === 'vote') return allowedByPhase && phase?.vote.facilitatorVotes === true;
    if (content === 'writePrivateCard') return allowedByPhase;
    // Facilitators are not part of the ready check.
    if (content === 'markReady') return false;
    return FACILITATOR_CONTENT.includes(content);
  }
  if (state.locked && content !== 'markReady') return false;
  return allowedByPhase;
}
