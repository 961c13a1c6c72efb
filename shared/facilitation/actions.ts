// The actions that permissions are about. Participant actions are what a phase can
// allow; facilitator actions steer the workshop; granting roles belongs to the host.
// The strategy has two: "editMeasures" (add measures and fill them in, what the
// derive phase is for) and "editStrategy" (everything, including Leitbild,
// Handlungsfelder, Ziele and deleting; it implies editMeasures).

export const PARTICIPANT_ACTIONS = [
  'writeCard',
  'writePrivateCard',
  'editCard',
  'deleteCard',
  'moveCard',
  'editClusters',
  'vote',
  'comment',
  'editStrategy',
  'editMeasures',
  'markReady',
] as const;
export type ParticipantAction = (typeof PARTICIPANT_ACTIONS)[number];

export const FACILITATOR_ACTIONS = [
  'enterProxyCard',
  'manageParticipants',
  'changePhase',
  'editAgenda',
  'lockBoard',
  'reveal',
  'follow',
  'controlTimer',
  'setVoteRules',
  'setAnonymous',
] as const;
export type FacilitatorAction = (typeof FACILITATOR_ACTIONS)[number];

export const HOST_ACTIONS = ['grantRoles'] as const;
export type HostAction = (typeof HOST_ACTIONS)[number];

export type Action = ParticipantAction | FacilitatorAction | HostAction;
export const ACTIONS: readonly Action[] = [
  ...PARTICIPANT_ACTIONS,
  ...FACILITATOR_ACTIONS,
  ...HOST_ACTIONS,
];

export function isParticipantAction(value: unknown): value is ParticipantAction {
  return (PARTICIPANT_ACTIONS as readonly unknown[]).includes(value);
}
