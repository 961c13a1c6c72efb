// Comments on cards: a short thread under each card, in order of writing. Same
// authorship rules as cards: a name and participant id normally, nothing and a
// fresh clientID in anonymous mode. Deleting a card takes its comments along
// (cards.ts); a comment whose card vanished concurrently is simply never listed.
import type * as Y from 'yjs';
import { collection, isEntity, type EntityMap } from '../schema/doc';
import { getNumber, getString, getText, newEntity, setText } from '../model/entity';
import { newId } from '../model/ids';
import { anonymously, coarseTime } from './anonymous';
import { cardEntity } from './cards';
import { allowed } from './guard';
import { participantName } from './participants';
import { isFacilitator } from './roles';
import { isAnonymousWorkshop } from './sessionState';
import { change } from './transaction';
import { compareIds, isParticipantId } from './values';

export interface Comment {
  readonly id: string;
  readonly cardId: string;
  readonly text: string;
  /** Display name; '' when anonymous. */
  readonly author: string;
  readonly authorId: string;
  readonly createdAt: number;
}

function toComment(map: EntityMap, id: string): Comment {
  const authorId = getString(map, 'authorId');
  return {
    id,
    cardId: getString(map, 'cardId'),
    text: getText(map, 'text'),
    author: getText(map, 'author'),
    authorId: isParticipantId(authorId) ? authorId : '',
    createdAt: getNumber(map, 'createdAt'),
  };
}

function commentEntity(doc: Y.Doc, id: string): EntityMap | undefined {
  const map = collection(doc, 'comments').get(id);
  return isEntity(map) ? map : undefined;
}

function byTime(a: Comment, b: Comment): number {
  return a.createdAt - b.createdAt || compareIds(a.id, b.id);
}

/** A card's comments, oldest first. */
export function listComments(doc: Y.Doc, cardId: string): Comment[] {
  const comments: Comment[] = [];
  collection(doc, 'comments').forEach((map, id) => {
    if (isEntity(map) && getString(map, 'cardId') === cardId) comments.push(toComment(map, id));
  });
  return comments.sort(byTime);
}

/** Every card's comments, for search (cardId → comments, oldest first). */
export function commentsByCard(doc: Y.Doc): Map<string, Comment[]> {
  const byCard = new Map<string, Comment[]>();
  collection(doc, 'comments').forEach((map, id) => {
    if (!isEntity(map)) return;
    const comment = toComment(map, id);
    const list = byCard.get(comment.cardId) ?? [];
    list.push(comment);
    byCard.set(comment.cardId, list);
  });
  for (const list of byCard.values()) list.sort(byTime);
  return byCard;
}

export function addComment(
  doc: Y.Doc,
  actorId: string,
  cardId: string,
  text: string,
  now: number,
): string | undefined {
  if (!cardEntity(doc, cardId) || text.trim() === '' || !allowed(doc, actorId, 'comment')) {
    return undefined;
  }
  return change(doc, () => {
    const id = newId();
    const comments = collection(doc, 'comments');
    if (isAnonymousWorkshop(doc)) {
      anonymously(doc, `comments/${id}`, () =>
        comments.set(id, newEntity(id, { cardId, createdAt: coarseTime(now) }, { text })),
      );
    } else {
      comments.set(
        id,
        newEntity(
          id,
          { cardId, authorId: actorId, createdAt: now },
          { text, author: participantName(doc, actorId) },
        ),
      );
    }
    return id;
  });
}

/** Authors change their comments (`own` when the device knows it wrote an anonymous one). */
function mayChange(doc: Y.Doc, actorId: string, comment: Comment, own: boolean): boolean {
  if (isFacilitator(doc, actorId)) return true;
  return (
    allowed(doc, actorId, 'comment') &&
    (own || (comment.authorId !== '' && comment.authorId === actorId))
  );
}

export function editComment(
  doc: Y.Doc,
  actorId: string,
  id: string,
  text: string,
  own = false,
): boolean {
  const map = commentEntity(doc, id);
  if (!map || text.trim() === '' || !mayChange(doc, actorId, toComment(map, id), own)) return false;
  change(doc, () => {
    if (isAnonymousWorkshop(doc))
      anonymously(doc, `comments/${id}`, () => setText(map, 'text', text));
    else setText(map, 'text', text);
  });
  return true;
}

export function deleteComment(doc: Y.Doc, actorId: string, id: string, own = false): boolean {
  const map = commentEntity(doc, id);
  if (!map || !mayChange(doc, actorId, toComment(map, id), own)) return false;
  change(doc, () => collection(doc, 'comments').delete(id));
  return true;
}
