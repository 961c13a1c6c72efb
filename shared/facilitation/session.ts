// Facilitator controls for the running workshop: start facilitation (the starter
// becomes host and gets the default agenda), move through the agenda, lock the
// board, switch anonymous mode, reveal. Each is one transaction and writes nothing
// if the actor may not do it.
import type * as Y from 'yjs';
import { collection, isEntity } from '../schema/doc';
import { getNumber, newEntity } from '../model/entity';
import { newId } from '../model/ids';
import { POSITION_STEP, positionAfter } from '../model/position';
import { allowed } from './guard';
import { participantEntity, putParticipant } from './participants';
import { phaseAllows } from './permissions';
import {
  currentPhase,
  DEFAULT_AGENDA,
  DEFAULT_TIMEBOX_MINUTES,
  listPhases,
  phaseEntity,
  type Phase,
} from './phases';
import { readSession, SESSION_KEY, sessionMap } from './sessionState';
import { change } from './transaction';
import { isParticipantId } from './values';

export interface StartFacilitation {
  readonly hostId: string;
  readonly hostName: string;
  /** Host clock, ms. */
  readonly now: number;
}

/**
 * Starts facilitation on this workshop: the caller becomes host (unless another
 * host is recorded), joins, gets the default agenda if there is none, and the first
 * phase starts. Returns false if somebody else already hosts.
 */
export function startFacilitation(doc: Y.Doc, init: StartFacilitation): boolean {
  if (!isParticipantId(init.hostId)) return false;
  const session = readSession(doc);
  if (session.hostId !== '' && session.hostId !== init.hostId) return false;
  change(doc, () => {
    const map = sessionMap(doc);
    map.set(SESSION_KEY.hostId, init.hostId);
    if (!participantEntity(doc, init.hostId)) {
      putParticipant(doc, init.hostId, { name: init.hostName, joinedAt: init.now });
    }
    if (listPhases(doc).length === 0) {
      const phases = collection(doc, 'phases');
      DEFAULT_AGENDA.forEach(({ id, kind }, index) => {
        phases.set(
          id,
          newEntity(
            id,
            {
              kind,
              position: (index + 1) * POSITION_STEP,
              timeboxMinutes: DEFAULT_TIMEBOX_MINUTES[kind],
            },
            { title: '' },
          ),
        );
      });
    }
    if (session.phaseId === '') {
      const first = listPhases(doc)[0];
      if (first) enterPhase(doc, first.id, init.now);
    }
  });
  return true;
}

/** Card positions grow from here on at a reveal: after every card on the board. */
function revealBase(doc: Y.Doc): number {
  let last: number | undefined;
  collection(doc, 'cards').forEach((card) => {
    if (!isEntity(card)) return;
    const position = getNumber(card, 'position');
    if (last === undefined || position > last) last = position;
  });
  return positionAfter(last);
}

function markRevealed(doc: Y.Doc, phaseId: string, hostNow: number): void {
  const map = phaseEntity(doc, phaseId);
  if (!map || getNumber(map, 'revealedAt') > 0) return;
  // 0 means "not revealed", so a clock at the epoch still reveals.
  map.set('revealedAt', Math.max(1, hostNow));
  map.set('revealBase', revealBase(doc));
}

function enterPhase(doc: Y.Doc, phaseId: string, hostNow: number, leaving?: Phase): void {
  // Leaving a phase with private writing reveals it: drafts must not stay unpublished.
  if (leaving && leaving.id !== phaseId && phaseAllows(leaving).includes('writePrivateCard')) {
    markRevealed(doc, leaving.id, hostNow);
  }
  const map = sessionMap(doc);
  map.set(SESSION_KEY.phaseId, phaseId);
  map.set(SESSION_KEY.phaseRun, newId());
  map.set(SESSION_KEY.phaseStartedAt, hostNow);
}

/** Switches to a phase of the agenda; returns false if not allowed or unknown. */
export function goToPhase(doc: Y.Doc, actorId: string, phaseId: string, hostNow: number): boolean {
  if (!allowed(doc, actorId, 'changePhase') || !phaseEntity(doc, phaseId)) return false;
  const leaving = currentPhase(doc);
  change(doc, () => enterPhase(doc, phaseId, hostNow, leaving));
  return true;
}

function step(doc: Y.Doc, actorId: string, hostNow: number, by: 1 | -1): string | undefined {
  const phases = listPhases(doc);
  const current = currentPhase(doc);
  const index = current ? phases.findIndex((phase) => phase.id === current.id) : -1;
  const target = phases[index + by];
  if (!target || !goToPhase(doc, actorId, target.id, hostNow)) return undefined;
  return target.id;
}

/** Moves on to the next phase; returns its id, or undefined at the end or if not allowed. */
export function advancePhase(doc: Y.Doc, actorId: string, hostNow: number): string | undefined {
  return step(doc, actorId, hostNow, 1);
}

/** Goes back to the previous phase; returns its id, or undefined at the start. */
export function previousPhase(doc: Y.Doc, actorId: string, hostNow: number): string | undefined {
  return step(doc, actorId, hostNow, -1);
}

/**
 * Reveals a phase (the running one by default): private cards written in it may now
 * be published (publish.ts), and its votes are shown and closed. There is no
 * un-reveal: published text cannot be taken back from the other laptops.
 */
export function revealPhase(
  doc: Y.Doc,
  actorId: string,
  hostNow: number,
  phaseId = currentPhase(doc)?.id,
): boolean {
  if (phaseId === undefined || !allowed(doc, actorId, 'reveal') || !phaseEntity(doc, phaseId)) {
    return false;
  }
  change(doc, () => markRevealed(doc, phaseId, hostNow));
  return true;
}

export function setBoardLocked(doc: Y.Doc, actorId: string, locked: boolean): boolean {
  if (!allowed(doc, actorId, 'lockBoard')) return false;
  change(doc, () => sessionMap(doc).set(SESSION_KEY.locked, locked));
  return true;
}

/**
 * Switches anonymous mode. Content written while it is on carries no author and is
 * inserted under fresh clientIDs; content written before keeps what it has, so
 * switch it on before the first card (docs/facilitation.md).
 */
export function setAnonymous(doc: Y.Doc, actorId: string, anonymous: boolean): boolean {
  if (!allowed(doc, actorId, 'setAnonymous')) return false;
  change(doc, () => sessionMap(doc).set(SESSION_KEY.anonymous, anonymous));
  return true;
}
