// Facilitator commands that shape the agenda: add, retitle, re-time, reorder and
// remove phases, and set a vote phase's rules. The running phase cannot be removed
// (move on first); if a peer removes it concurrently, currentPhase() falls back.
import type * as Y from 'yjs';
import { collection } from '../schema/doc';
import { newEntity, setText } from '../model/entity';
import { newId } from '../model/ids';
import { positionBetween } from '../model/position';
import { PARTICIPANT_ACTIONS, type ParticipantAction } from './actions';
import { allowed } from './guard';
import {
  currentPhase,
  DEFAULT_TIMEBOX_MINUTES,
  listPhases,
  MAX_TIMEBOX_MINUTES,
  MAX_VOTE_BUDGET,
  phaseEntity,
  readPhase,
  readVoteRules,
  type PhaseKind,
  type VoteRules,
} from './phases';
import { change } from './transaction';
import { wholeNumber } from './values';

export interface PhaseInit {
  readonly kind: PhaseKind;
  readonly title?: string;
  readonly timeboxMinutes?: number;
  /** Custom phases: what participants may do. */
  readonly allows?: readonly ParticipantAction[];
  /** Insert after this phase; at the end if absent or unknown. */
  readonly afterId?: string;
}

function timebox(minutes: number | undefined, kind: PhaseKind): number {
  return wholeNumber(minutes, DEFAULT_TIMEBOX_MINUTES[kind], 0, MAX_TIMEBOX_MINUTES);
}

function cleanAllows(allows: readonly ParticipantAction[]): ParticipantAction[] {
  return PARTICIPANT_ACTIONS.filter((action) => allows.includes(action));
}

/** Position for inserting at `index` among phases sorted by position. */
function positionAt(positions: readonly { id: string; position: number }[], index: number) {
  return positionBetween(positions[index - 1]?.position, positions[index]?.position);
}

export function addPhase(doc: Y.Doc, actorId: string, init: PhaseInit): string | undefined {
  if (!allowed(doc, actorId, 'editAgenda')) return undefined;
  const phases = listPhases(doc);
  const after = init.afterId === undefined ? -1 : phases.findIndex((p) => p.id === init.afterId);
  const index = after === -1 ? phases.length : after + 1;
  return change(doc, () => {
    const id = newId();
    const map = newEntity(
      id,
      {
        kind: init.kind,
        position: positionAt(phases, index),
        timeboxMinutes: timebox(init.timeboxMinutes, init.kind),
      },
      { title: init.title ?? '' },
    );
    if (init.allows) map.set('allows', cleanAllows(init.allows));
    collection(doc, 'phases').set(id, map);
    return id;
  });
}

export interface PhasePatch {
  readonly title?: string;
  readonly timeboxMinutes?: number;
  readonly privateWriting?: boolean;
  readonly allows?: readonly ParticipantAction[];
}

export function updatePhase(doc: Y.Doc, actorId: string, id: string, patch: PhasePatch): boolean {
  const map = phaseEntity(doc, id);
  if (!map || !allowed(doc, actorId, 'editAgenda')) return false;
  change(doc, () => {
    if (patch.title !== undefined) setText(map, 'title', patch.title);
    if (patch.timeboxMinutes !== undefined) {
      map.set(
        'timeboxMinutes',
        timebox(patch.timeboxMinutes, readPhase(doc, id)?.kind ?? 'custom'),
      );
    }
    if (patch.privateWriting !== undefined) map.set('privateWriting', patch.privateWriting);
    if (patch.allows !== undefined) map.set('allows', cleanAllows(patch.allows));
  });
  return true;
}

/** Sets a phase's voting rules; the cap is kept within the budget. */
export function setVoteRules(
  doc: Y.Doc,
  actorId: string,
  id: string,
  rules: Partial<VoteRules>,
): boolean {
  const map = phaseEntity(doc, id);
  if (!map || !allowed(doc, actorId, 'setVoteRules')) return false;
  const current = readVoteRules(map);
  const budget = wholeNumber(rules.budget, current.budget, 1, MAX_VOTE_BUDGET);
  const capPerItem = wholeNumber(rules.capPerItem, current.capPerItem, 1, budget);
  change(doc, () => {
    map.set('voteBudget', budget);
    map.set('voteCap', capPerItem);
    if (rules.facilitatorVotes !== undefined) map.set('facilitatorVotes', rules.facilitatorVotes);
    if (rules.hiddenUntilReveal !== undefined) map.set('votesHidden', rules.hiddenUntilReveal);
  });
  return true;
}

/** Moves a phase to `index` in the agenda (counted without the phase itself). */
export function movePhase(doc: Y.Doc, actorId: string, id: string, index: number): boolean {
  const map = phaseEntity(doc, id);
  if (!map || !allowed(doc, actorId, 'editAgenda')) return false;
  const others = listPhases(doc).filter((phase) => phase.id !== id);
  const at = Math.max(0, Math.min(others.length, Math.floor(index)));
  change(doc, () => map.set('position', positionAt(others, at)));
  return true;
}

export function removePhase(doc: Y.Doc, actorId: string, id: string): boolean {
  if (!phaseEntity(doc, id) || currentPhase(doc)?.id === id) return false;
  if (!allowed(doc, actorId, 'editAgenda')) return false;
  change(doc, () => collection(doc, 'phases').delete(id));
  return true;
}
