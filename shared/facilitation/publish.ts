// The reveal: private drafts become ordinary cards in the shared document. Every
// device publishes its own drafts once it sees their phase revealed, in one
// transaction, and a device that was offline does so when it comes back. A card
// takes its draft's id and every published id is also recorded in the shared
// "publishedDrafts" root, so publishing twice, from two devices, or after the card
// was deleted never creates a second card. In anonymous mode the cards are placed
// at random spots of a band that starts after every card of the board at the time
// of the reveal, and all carry the reveal time: neither the positions nor the times
// tell whose cards came together.
import type * as Y from 'yjs';
import { collection, valueRoot } from '../schema/doc';
import { POSITION_STEP, positionAfter } from '../model/position';
import { listFields } from '../model/read';
import { cryptoRandomUint32 } from './anonymous';
import { insertCard, lastPositionIn } from './cards';
import { listDrafts, markDraftsPublished, type Draft } from './drafts';
import { readPhase, type Phase } from './phases';
import { isAnonymousWorkshop } from './sessionState';
import { change } from './transaction';
import { isParticipantId } from './values';

/** Width of the band of positions anonymous cards are scattered over at a reveal. */
export const REVEAL_POSITION_SPREAD = POSITION_STEP * 1024;

export interface PublishOptions {
  /** Publish at most this many drafts now (the app may spread a reveal over time). */
  readonly limit?: number;
  /** Uniform random numbers in [0, 1), for the positions of anonymous cards. */
  readonly random?: () => number;
}

function cryptoRandomUnit(): number {
  return cryptoRandomUint32() / 2 ** 32;
}

/** Drafts of this device whose phase is revealed and that are not yet published. */
export function publishableDrafts(shared: Y.Doc, drafts: Y.Doc): Draft[] {
  const phases = new Map<string, Phase | undefined>();
  return listDrafts(drafts, { pending: true }).filter((draft) => {
    if (!phases.has(draft.phaseId)) phases.set(draft.phaseId, readPhase(shared, draft.phaseId));
    return phases.get(draft.phaseId)?.revealed === true;
  });
}

export function isPublished(shared: Y.Doc, draftId: string): boolean {
  return (
    collection(shared, 'cards').has(draftId) || valueRoot(shared, 'publishedDrafts').has(draftId)
  );
}

/**
 * Publishes this device's revealed drafts as cards, in one transaction on the shared
 * document (and one on the draft document to mark them). Returns the ids of the
 * cards created now; drafts found already published are only marked.
 */
export function publishDrafts(
  shared: Y.Doc,
  drafts: Y.Doc,
  options: PublishOptions = {},
): string[] {
  const candidates = publishableDrafts(shared, drafts);
  if (candidates.length === 0) return [];
  const already = candidates.filter((draft) => isPublished(shared, draft.id));
  const fresh = candidates
    .filter((draft) => !isPublished(shared, draft.id))
    .slice(0, options.limit ?? Number.POSITIVE_INFINITY);
  const random = options.random ?? cryptoRandomUnit;
  const anonymous = isAnonymousWorkshop(shared);
  const fieldIds = new Set(listFields(shared).map((field) => field.id));
  const firstField = listFields(shared)[0]?.id;
  if (fresh.length > 0) {
    change(shared, () => {
      for (const draft of fresh) {
        const phase = readPhase(shared, draft.phaseId) as Phase;
        // A column deleted meanwhile: the card goes to the first one rather than nowhere.
        const fieldId = fieldIds.has(draft.fieldId) ? draft.fieldId : (firstField ?? draft.fieldId);
        const authorId = isParticipantId(draft.participantId) ? draft.participantId : '';
        insertCard(
          shared,
          {
            id: draft.id,
            fieldId,
            text: draft.text,
            position: anonymous
              ? phase.revealBase + random() * REVEAL_POSITION_SPREAD
              : positionAfter(lastPositionIn(shared, fieldId)),
            createdAt: anonymous ? phase.revealedAt : draft.createdAt,
            authorId,
            enteredBy: draft.enteredBy !== authorId ? draft.enteredBy : '',
          },
          () => valueRoot(shared, 'publishedDrafts').set(draft.id, true),
        );
      }
    });
  }
  markDraftsPublished(
    drafts,
    [...already, ...fresh].map((draft) => ({
      id: draft.id,
      at: readPhase(shared, draft.phaseId)?.revealedAt ?? 1,
    })),
  );
  return fresh.map((draft) => draft.id);
}
