// What this participant may do now, and why not, from the facilitation view: the
// same rule the commands check (can() in shared/facilitation/permissions.ts), so
// that the UI enables exactly what a command would accept.
import { isParticipantAction, type Action } from '../../../shared/facilitation/actions';
import { can } from '../../../shared/facilitation/permissions';
import type { FacilitationView } from './reads';

export type DenialReason =
  | 'locked'
  | 'readOnly'
  | 'phase'
  | 'facilitatorsOnly'
  | 'notOwn'
  | 'revealed'
  | 'noVotesLeft'
  | 'capReached';

export function canDo(view: FacilitationView, action: Action): boolean {
  return can(view.role, action, view.phase ?? undefined, { locked: view.locked });
}

/** Why `action` is not allowed now (null when it is). */
export function whyNot(view: FacilitationView, action: Action): DenialReason | null {
  if (canDo(view, action)) return null;
  if (!view.facilitator && canDo({ ...view, role: 'host' }, action) && !isContentAction(action)) {
    return 'facilitatorsOnly';
  }
  if (view.locked && !view.facilitator) return 'locked';
  if (view.phase?.kind === 'close') return 'readOnly';
  if (view.phase?.revealed && (action === 'vote' || action === 'writePrivateCard')) {
    return 'revealed';
  }
  return 'phase';
}

/** Actions on content (what a phase can allow), as opposed to steering the workshop. */
function isContentAction(action: Action): boolean {
  return isParticipantAction(action);
}
