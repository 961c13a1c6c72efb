// Who may change which part of the strategy during a facilitated workshop. The
// strategy editor's commands (shared/model/commands.ts) know nothing of phases;
// the app asks here before each one, with the same rule the UI uses to make
// fields read only (can() in permissions.ts): adding a measure and filling it in
// needs "editMeasures", everything else (Leitbild, Handlungsfelder, Ziele, and
// deleting anything, measures included) needs "editStrategy". In free mode
// (facilitation not started) both are allowed to everybody, as before.
import type * as Y from 'yjs';
import type { ParticipantAction } from './actions';
import { allowed } from './guard';

export const STRATEGY_EDITS = [
  /** Title, organisation and Leitbild. */
  'header',
  /** Add, retitle, describe or delete a Handlungsfeld. */
  'field',
  /** Add, edit or delete a Ziel with its indicator, baseline and target. */
  'goal',
  /** Add a Maßnahme to a Ziel. */
  'addMeasure',
  /** Edit a Maßnahme's fields. */
  'editMeasure',
  /** Delete a Maßnahme. */
  'deleteMeasure',
] as const;
export type StrategyEdit = (typeof STRATEGY_EDITS)[number];

/** The permission a kind of strategy edit needs. */
export function strategyAction(edit: StrategyEdit): ParticipantAction {
  return edit === 'addMeasure' || edit === 'editMeasure' ? 'editMeasures' : 'editStrategy';
}

/** Whether `actorId` may make this kind of strategy edit now, as far as this replica knows. */
export function mayEditStrategy(doc: Y.Doc, actorId: string, edit: StrategyEdit): boolean {
  return allowed(doc, actorId, strategyAction(edit));
}
