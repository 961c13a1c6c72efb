// The words for phases: a phase's title (its own, or its kind's name in the
// reader's language) and what the phase expects of the person looking.
import type { TFunction } from 'i18next';
import type { Phase } from '../../../shared/facilitation/phases';
import type { DenialReason } from '../../hooks/facilitation/permissions';
import type { FacilitationView } from '../../hooks/facilitation/useFacilitation';

export function phaseTitle(t: TFunction, phase: Pick<Phase, 'title' | 'kind'>): string {
  return phase.title.trim() || t(`facilitation.kinds.${phase.kind}`);
}

export function expectation(t: TFunction, view: FacilitationView): string {
  const phase = view.phase;
  if (!phase) return t('facilitation.freeMode');
  if (view.locked && !view.facilitator) return t('facilitation.expect.locked');
  switch (phase.kind) {
    case 'collect':
      if (phase.revealed) return t('facilitation.expect.collectRevealed');
      return phase.privateWriting
        ? t('facilitation.expect.collectPrivate')
        : t('facilitation.expect.collect');
    case 'cluster':
      return t('facilitation.expect.cluster');
    case 'vote':
      if (phase.revealed) return t('facilitation.expect.voteRevealed');
      if (view.facilitator && !phase.vote.facilitatorVotes) {
        return t('facilitation.expect.voteFacilitator');
      }
      return t('facilitation.expect.vote', {
        budget: phase.vote.budget,
        cap: phase.vote.capPerItem,
      });
    case 'derive':
      return t('facilitation.expect.derive');
    case 'close':
      return t('facilitation.expect.close');
    default:
      return t('facilitation.expect.custom');
  }
}

export function reasonText(t: TFunction, reason: DenialReason): string {
  return t(`facilitation.reasons.${reason}`);
}
