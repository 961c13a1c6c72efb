// Who may change the strategy during a facilitated workshop: everybody in free mode;
// facilitators always; participants only in the "derive measures" phase, and there
// only add and fill in measures (Leitbild, Handlungsfelder, Ziele and deleting stay
// with the facilitators); a locked board and the close phase leave them read only.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addField, initWorkshop } from '../../../../shared/model/commands';
import { goToPhase, setBoardLocked } from '../../../../shared/facilitation/session';
import {
  mayEditStrategy,
  STRATEGY_EDITS,
  type StrategyEdit,
} from '../../../../shared/facilitation/strategy';
import { setCoFacilitator } from '../../../../shared/facilitation/people';
import { BEN, CARLA, facilitated, HOST, T0 } from './fixture';

function editsAllowed(doc: Y.Doc, actorId: string): StrategyEdit[] {
  return STRATEGY_EDITS.filter((edit) => mayEditStrategy(doc, actorId, edit));
}

const EVERYTHING = [...STRATEGY_EDITS];

describe('strategy edits follow the phase', () => {
  it('are open to everybody in free mode (facilitation not started)', () => {
    const doc = new Y.Doc();
    initWorkshop(doc, { title: 'Frei' });
    addField(doc, { title: 'Feld' });
    expect(editsAllowed(doc, BEN)).toEqual(EVERYTHING);
  });

  it('are the facilitators’ in every phase, the close included', () => {
    const { doc } = facilitated();
    setCoFacilitator(doc, HOST, CARLA, true);
    for (const phaseId of ['default-collect', 'default-vote', 'default-close']) {
      goToPhase(doc, HOST, phaseId, T0);
      expect(editsAllowed(doc, HOST)).toEqual(EVERYTHING);
      expect(editsAllowed(doc, CARLA)).toEqual(EVERYTHING);
    }
    setBoardLocked(doc, HOST, true);
    expect(editsAllowed(doc, HOST)).toEqual(EVERYTHING);
  });

  it('let participants add and fill in measures in the derive phase only', () => {
    const { doc } = facilitated();
    for (const phaseId of ['default-collect', 'default-cluster', 'default-vote']) {
      goToPhase(doc, HOST, phaseId, T0);
      expect(editsAllowed(doc, BEN)).toEqual([]);
    }
    goToPhase(doc, HOST, 'default-derive', T0);
    expect(editsAllowed(doc, BEN)).toEqual(['addMeasure', 'editMeasure']);
    setBoardLocked(doc, HOST, true);
    expect(editsAllowed(doc, BEN)).toEqual([]);
    setBoardLocked(doc, HOST, false);
    goToPhase(doc, HOST, 'default-close', T0);
    expect(editsAllowed(doc, BEN)).toEqual([]);
  });

  it('refuse unknown or malformed actors', () => {
    const { doc } = facilitated();
    goToPhase(doc, HOST, 'default-derive', T0);
    expect(editsAllowed(doc, 'not an id!')).toEqual([]);
  });
});
