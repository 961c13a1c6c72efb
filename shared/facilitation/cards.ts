// Cards under facilitation. A card may say who wrote it (authorId, the display name
// in `author`) and, for "no laptop" participants, who typed it for them (enteredBy);
// in anonymous mode it says neither and is inserted under a fresh clientID
// (anonymous.ts). Cards also carry their cluster (clusters.ts). Old cards without
// these fields read as written by nobody, loose in their column.
import type * as Y from 'yjs';
import { collection, isEntity, type EntityMap } from '../schema/doc';
import type { Card } from '../schema/types';
import { getNumber, getString, newEntity, setText } from '../model/entity';
import { newId } from '../model/ids';
import { byPosition, positionAfter } from '../model/position';
import { readField, toCard } from '../model/read';
import { anonymously, coarseTime } from './anonymous';
import { allowed } from './guard';
import { participantName, readParticipant } from './participants';
import { currentPhase } from './phases';
import { isFacilitator } from './roles';
import { isAnonymousWorkshop } from './sessionState';
import { change } from './transaction';
import { isParticipantId } from './values';

export interface FacilitatedCard extends Card {
  /** Participant the card is from; '' when unknown or anonymous. */
  readonly authorId: string;
  /** Who typed it, if somebody else than the author did (proxy entry); '' otherwise. */
  readonly enteredBy: string;
  readonly proxy: boolean;
  /** Cluster as stored; board.ts resolves merged and deleted clusters. '' = loose. */
  readonly clusterId: string;
}

function idOrEmpty(map: EntityMap, key: string): string {
  const value = getString(map, key);
  return isParticipantId(value) ? value : '';
}

export function toFacilitatedCard(map: EntityMap, id: string): FacilitatedCard {
  const authorId = idOrEmpty(map, 'authorId');
  const enteredBy = idOrEmpty(map, 'enteredBy');
  return {
    ...toCard(map, id),
    authorId,
    enteredBy,
    proxy: enteredBy !== '' && enteredBy !== authorId,
    clusterId: getString(map, 'clusterId'),
  };
}

export function cardEntity(doc: Y.Doc, id: string): EntityMap | undefined {
  const map = collection(doc, 'cards').get(id);
  return isEntity(map) ? map : undefined;
}

export function readFacilitatedCard(doc: Y.Doc, id: string): FacilitatedCard | undefined {
  const map = cardEntity(doc, id);
  return map ? toFacilitatedCard(map, id) : undefined;
}

/** All cards, in position order. */
export function listFacilitatedCards(doc: Y.Doc): FacilitatedCard[] {
  const cards: FacilitatedCard[] = [];
  collection(doc, 'cards').forEach((map, id) => {
    if (isEntity(map)) cards.push(toFacilitatedCard(map, id));
  });
  return cards.sort(byPosition);
}

/** The author to show or export: nobody in anonymous mode, whatever older cards say. */
export function visibleAuthor(doc: Y.Doc, card: Card): string {
  return isAnonymousWorkshop(doc) ? '' : card.author;
}

/** The last position in a column (undefined for an empty one). */
export function lastPositionIn(doc: Y.Doc, fieldId: string): number | undefined {
  let last: number | undefined;
  collection(doc, 'cards').forEach((map) => {
    if (!isEntity(map) || getString(map, 'fieldId') !== fieldId) return;
    const position = getNumber(map, 'position');
    if (last === undefined || position > last) last = position;
  });
  return last;
}

export interface CardContent {
  readonly id: string;
  readonly fieldId: string;
  readonly text: string;
  readonly position: number;
  readonly createdAt: number;
  /** The participant the card is from ('' for nobody). */
  readonly authorId: string;
  /** Who typed it, when that is not the author. */
  readonly enteredBy?: string;
}

/**
 * Inserts a card; callers run it inside a transaction. In anonymous mode the card
 * gets no author, a creation time rounded to the minute, and a fresh clientID.
 */
export function insertCard(doc: Y.Doc, content: CardContent, extra?: () => void): void {
  if (isAnonymousWorkshop(doc)) {
    anonymously(doc, `cards/${content.id}`, () => {
      const map = newEntity(
        content.id,
        {
          fieldId: content.fieldId,
          position: content.position,
          createdAt: coarseTime(content.createdAt),
        },
        { text: content.text },
      );
      collection(doc, 'cards').set(content.id, map);
      extra?.();
    });
    return;
  }
  const values: Record<string, string | number> = {
    fieldId: content.fieldId,
    position: content.position,
    createdAt: content.createdAt,
  };
  if (content.authorId !== '') values.authorId = content.authorId;
  if (content.enteredBy) values.enteredBy = content.enteredBy;
  const author = content.authorId === '' ? '' : participantName(doc, content.authorId);
  collection(doc, 'cards').set(
    content.id,
    newEntity(content.id, values, { text: content.text, author }),
  );
  extra?.();
}

export interface WriteCard {
  readonly fieldId: string;
  readonly text: string;
  /** Clock of the writing device, ms. */
  readonly now: number;
  /** A facilitator typing the paper card of a "no laptop" participant. */
  readonly proxyFor?: string;
}

/** Writes a public card at the end of a column; returns its id, or undefined if not allowed. */
export function writeCard(doc: Y.Doc, actorId: string, init: WriteCard): string | undefined {
  if (!readField(doc, init.fieldId)) return undefined;
  let authorId = actorId;
  if (init.proxyFor !== undefined) {
    if (!readParticipant(doc, init.proxyFor)?.proxy) return undefined;
    if (!allowed(doc, actorId, 'enterProxyCard')) return undefined;
    authorId = init.proxyFor;
  } else if (!allowed(doc, actorId, 'writeCard')) {
    return undefined;
  }
  return change(doc, () => {
    const id = newId();
    insertCard(doc, {
      id,
      fieldId: init.fieldId,
      text: init.text,
      position: positionAfter(lastPositionIn(doc, init.fieldId)),
      createdAt: init.now,
      authorId,
      enteredBy: authorId === actorId ? '' : actorId,
    });
    return id;
  });
}

/**
 * Whether the actor may edit or delete this card now. Facilitators may change any
 * card; participants their own: the card names them, or the device knows it wrote
 * it (anonymous cards name nobody, so the app passes `own` from its drafts). Before
 * facilitation starts anyone may change any card, as the board always allowed.
 */
export function mayChangeCard(
  doc: Y.Doc,
  actorId: string,
  card: FacilitatedCard,
  action: 'editCard' | 'deleteCard',
  own = false,
): boolean {
  if (!allowed(doc, actorId, action)) return false;
  if (isFacilitator(doc, actorId) || currentPhase(doc) === undefined) return true;
  return own || (card.authorId !== '' && card.authorId === actorId);
}

/** Edits a card's text with the smallest change (under a pseudonym in anonymous mode). */
export function editCardText(
  doc: Y.Doc,
  actorId: string,
  id: string,
  text: string,
  own = false,
): boolean {
  const map = cardEntity(doc, id);
  if (!map || !mayChangeCard(doc, actorId, toFacilitatedCard(map, id), 'editCard', own)) {
    return false;
  }
  change(doc, () => {
    if (isAnonymousWorkshop(doc)) anonymously(doc, `cards/${id}`, () => setText(map, 'text', text));
    else setText(map, 'text', text);
  });
  return true;
}

/** Deletes a card with its comments. */
export function removeCard(doc: Y.Doc, actorId: string, id: string, own = false): boolean {
  const map = cardEntity(doc, id);
  if (!map || !mayChangeCard(doc, actorId, toFacilitatedCard(map, id), 'deleteCard', own)) {
    return false;
  }
  change(doc, () => {
    const comments = collection(doc, 'comments');
    for (const [commentId, comment] of Array.from(comments.entries())) {
      if (isEntity(comment) && getString(comment, 'cardId') === id) comments.delete(commentId);
    }
    collection(doc, 'cards').delete(id);
  });
  return true;
}
