// Who may do what is the heart of running a workshop: participants write only when
// writing is the point, vote only in the vote phase, see a locked board read only;
// facilitators steer at any time; only the host hands out roles. The tables below
// are the specification, written out by hand, not derived from the code.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ACTIONS, type Action } from '../../../../shared/facilitation/actions';
import { writeCard } from '../../../../shared/facilitation/cards';
import { castVote } from '../../../../shared/facilitation/votes';
import { can, phaseAllows } from '../../../../shared/facilitation/permissions';
import {
  DEFAULT_VOTE_BUDGET,
  DEFAULT_VOTE_CAP_PER_ITEM,
  type Phase,
  type PhaseKind,
} from '../../../../shared/facilitation/phases';
import { ROLES, type Role } from '../../../../shared/facilitation/roles';
import { advancePhase, setBoardLocked } from '../../../../shared/facilitation/session';
import { transactionsDuring } from '../helpers';
import { BEN, facilitated, HOST, T0 } from './fixture';

function phase(kind: PhaseKind, overrides: Partial<Phase> = {}): Phase {
  return {
    id: `p-${kind}`,
    kind,
    title: '',
    timeboxMinutes: 10,
    position: 1,
    revealedAt: 0,
    revealed: false,
    revealBase: 0,
    privateWriting: true,
    vote: {
      budget: DEFAULT_VOTE_BUDGET,
      capPerItem: DEFAULT_VOTE_CAP_PER_ITEM,
      facilitatorVotes: false,
      hiddenUntilReveal: false,
    },
    allows: [],
    ...overrides,
  };
}

const STEER =
  'enterProxyCard manageParticipants changePhase editAgenda lockBoard reveal follow controlTimer setVoteRules setAnonymous';
const FACILITATOR_CONTENT =
  'writeCard editCard deleteCard moveCard editClusters comment editStrategy editMeasures';

/** Allowed actions per context and role; every other action must be refused. */
const TABLE: Record<
  string,
  { phase: Phase | undefined; locked: boolean; allowed: Record<Role, string> }
> = {
  'no phase (facilitation not started)': {
    phase: undefined,
    locked: false,
    allowed: {
      participant:
        'writeCard editCard deleteCard moveCard editClusters comment editStrategy editMeasures',
      cofacilitator: `${STEER} ${FACILITATOR_CONTENT}`,
      host: `${STEER} ${FACILITATOR_CONTENT} grantRoles`,
    },
  },
  collect: {
    phase: phase('collect'),
    locked: false,
    allowed: {
      participant: 'writeCard writePrivateCard editCard deleteCard comment markReady',
      cofacilitator: `${STEER} ${FACILITATOR_CONTENT} writePrivateCard`,
      host: `${STEER} ${FACILITATOR_CONTENT} writePrivateCard grantRoles`,
    },
  },
  'collect, revealed': {
    phase: phase('collect', { revealed: true, revealedAt: T0 }),
    locked: false,
    allowed: {
      participant: 'writeCard editCard deleteCard comment markReady',
      cofacilitator: `${STEER} ${FACILITATOR_CONTENT}`,
      host: `${STEER} ${FACILITATOR_CONTENT} grantRoles`,
    },
  },
  'collect without private writing': {
    phase: phase('collect', { privateWriting: false }),
    locked: false,
    allowed: {
      participant: 'writeCard editCard deleteCard comment markReady',
      cofacilitator: `${STEER} ${FACILITATOR_CONTENT}`,
      host: `${STEER} ${FACILITATOR_CONTENT} grantRoles`,
    },
  },
  cluster: {
    phase: phase('cluster'),
    locked: false,
    allowed: {
      participant: 'editCard moveCard editClusters comment markReady',
      cofacilitator: `${STEER} ${FACILITATOR_CONTENT}`,
      host: `${STEER} ${FACILITATOR_CONTENT} grantRoles`,
    },
  },
  vote: {
    phase: phase('vote'),
    locked: false,
    allowed: {
      participant: 'vote markReady',
      cofacilitator: `${STEER} ${FACILITATOR_CONTENT}`,
      host: `${STEER} ${FACILITATOR_CONTENT} grantRoles`,
    },
  },
  'vote, facilitators vote too': {
    phase: phase('vote', {
      vote: { budget: 3, capPerItem: 1, facilitatorVotes: true, hiddenUntilReveal: true },
    }),
    locked: false,
    allowed: {
      participant: 'vote markReady',
      cofacilitator: `${STEER} ${FACILITATOR_CONTENT} vote`,
      host: `${STEER} ${FACILITATOR_CONTENT} vote grantRoles`,
    },
  },
  'vote, revealed (voting closed)': {
    phase: phase('vote', {
      revealed: true,
      revealedAt: T0,
      vote: { budget: 3, capPerItem: 1, facilitatorVotes: true, hiddenUntilReveal: true },
    }),
    locked: false,
    allowed: {
      participant: 'markReady',
      cofacilitator: `${STEER} ${FACILITATOR_CONTENT}`,
      host: `${STEER} ${FACILITATOR_CONTENT} grantRoles`,
    },
  },
  derive: {
    phase: phase('derive'),
    locked: false,
    allowed: {
      // Measures only: Leitbild, Handlungsfelder and Ziele stay with the facilitators.
      participant: 'editMeasures comment markReady',
      cofacilitator: `${STEER} ${FACILITATOR_CONTENT}`,
      host: `${STEER} ${FACILITATOR_CONTENT} grantRoles`,
    },
  },
  'close (read only)': {
    phase: phase('close'),
    locked: false,
    allowed: {
      participant: '',
      cofacilitator: `${STEER} ${FACILITATOR_CONTENT}`,
      host: `${STEER} ${FACILITATOR_CONTENT} grantRoles`,
    },
  },
  'custom, allowing comments and moves': {
    phase: phase('custom', { allows: ['comment', 'moveCard'] }),
    locked: false,
    allowed: {
      participant: 'comment moveCard',
      cofacilitator: `${STEER} ${FACILITATOR_CONTENT}`,
      host: `${STEER} ${FACILITATOR_CONTENT} grantRoles`,
    },
  },
  'custom, allowing the whole strategy (measures included)': {
    phase: phase('custom', { allows: ['editStrategy'] }),
    locked: false,
    allowed: {
      participant: 'editStrategy editMeasures',
      cofacilitator: `${STEER} ${FACILITATOR_CONTENT}`,
      host: `${STEER} ${FACILITATOR_CONTENT} grantRoles`,
    },
  },
  'derive, board locked': {
    phase: phase('derive'),
    locked: true,
    allowed: {
      participant: 'markReady',
      cofacilitator: `${STEER} ${FACILITATOR_CONTENT}`,
      host: `${STEER} ${FACILITATOR_CONTENT} grantRoles`,
    },
  },
  'collect, board locked': {
    phase: phase('collect'),
    locked: true,
    allowed: {
      participant: 'markReady',
      cofacilitator: `${STEER} ${FACILITATOR_CONTENT} writePrivateCard`,
      host: `${STEER} ${FACILITATOR_CONTENT} writePrivateCard grantRoles`,
    },
  },
  'no phase, board locked': {
    phase: undefined,
    locked: true,
    allowed: {
      participant: '',
      cofacilitator: `${STEER} ${FACILITATOR_CONTENT}`,
      host: `${STEER} ${FACILITATOR_CONTENT} grantRoles`,
    },
  },
};

describe('can(role, action, phase, state)', () => {
  for (const [context, { phase: current, locked, allowed }] of Object.entries(TABLE)) {
    it(`follows the table in: ${context}`, () => {
      for (const role of ROLES) {
        const expected = new Set(allowed[role].split(' ').filter(Boolean));
        const actual = ACTIONS.filter((action: Action) => can(role, action, current, { locked }));
        expect({ role, allowed: actual.sort() }).toEqual({ role, allowed: [...expected].sort() });
      }
    });
  }

  it('lets a custom phase allow only participant actions it lists, never steering', () => {
    const custom = phase('custom', {
      allows: ['vote', 'writePrivateCard'],
      revealed: true,
      revealedAt: T0,
    });
    // Both end with the reveal, in custom phases too.
    expect(phaseAllows(custom)).toEqual([]);
    expect(
      can('participant', 'lockBoard', phase('custom', { allows: ['comment'] }), { locked: false }),
    ).toBe(false);
  });
});

describe('commands follow the permissions', () => {
  it('refuses a participant’s card outside the writing phases and writes nothing', () => {
    const { doc, f1 } = facilitated();
    expect(writeCard(doc, BEN, { fieldId: f1, text: 'Idee', now: T0 })).toBeDefined();
    advancePhase(doc, HOST, T0); // cluster
    advancePhase(doc, HOST, T0); // vote
    const seen = transactionsDuring(doc, () => {
      expect(writeCard(doc, BEN, { fieldId: f1, text: 'Zu spät', now: T0 })).toBeUndefined();
    });
    expect(seen).toHaveLength(0);
  });

  it('refuses steering by participants and unknown ids', () => {
    const { doc } = facilitated();
    const seen = transactionsDuring(doc, () => {
      expect(advancePhase(doc, BEN, T0)).toBeUndefined();
      expect(setBoardLocked(doc, BEN, true)).toBe(false);
      expect(setBoardLocked(doc, 'not a valid id!', true)).toBe(false);
    });
    expect(seen).toHaveLength(0);
  });

  it('makes the board read only for participants while locked, not for the facilitator', () => {
    const { doc, f1 } = facilitated();
    expect(setBoardLocked(doc, HOST, true)).toBe(true);
    expect(writeCard(doc, BEN, { fieldId: f1, text: 'Gesperrt', now: T0 })).toBeUndefined();
    expect(writeCard(doc, HOST, { fieldId: f1, text: 'Moderation', now: T0 })).toBeDefined();
    setBoardLocked(doc, HOST, false);
    expect(writeCard(doc, BEN, { fieldId: f1, text: 'Wieder offen', now: T0 })).toBeDefined();
  });

  it('lets the host vote only when the rules say facilitators vote', () => {
    const { doc, f1 } = facilitated();
    const card = writeCard(doc, BEN, { fieldId: f1, text: 'Idee', now: T0 }) as string;
    advancePhase(doc, HOST, T0);
    advancePhase(doc, HOST, T0);
    expect(castVote(doc, HOST, card, { hostNow: T0 })).toBe(false);
    expect(castVote(doc, BEN, card, { hostNow: T0 })).toBe(true);
  });

  it('refuses commands on a document that is not a workshop, without throwing', () => {
    const doc = new Y.Doc();
    const seen = transactionsDuring(doc, () => {
      expect(writeCard(doc, BEN, { fieldId: 'nope', text: 'x', now: 0 })).toBeUndefined();
      expect(advancePhase(doc, BEN, 0)).toBeUndefined();
      expect(castVote(doc, BEN, 'nope', { hostNow: 0 })).toBe(false);
    });
    expect(seen).toHaveLength(0);
  });
});
