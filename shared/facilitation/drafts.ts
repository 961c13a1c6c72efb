// Private drafts. While a collect phase is not revealed, a private card's text must
// not reach the other laptops, not even their databases, so it never enters the
// shared workshop document: it lives in a separate per-device Y.Doc (the "draft
// document", persisted locally and never synced) until publish.ts moves it into the
// shared document at the reveal. A draft's id becomes its card's id, which is what
// makes publishing idempotent. Published drafts stay here, marked, so that the
// device remembers which (possibly anonymous) cards are its own.
import * as Y from 'yjs';
import { getNumber, getString, getText, newEntity, setText } from '../model/entity';
import { newId } from '../model/ids';
import { LOCAL_ORIGIN } from '../schema/origin';
import { isParticipantId } from './values';

/** The one root map of a draft document: draft id → draft entity. */
export const DRAFTS_ROOT = 'drafts';

export interface Draft {
  readonly id: string;
  /** The participant the card is from (a proxy participant if a facilitator typed it). */
  readonly participantId: string;
  /** Who typed it: this device's participant. */
  readonly enteredBy: string;
  /** The phase it was written in; it is published when that phase is revealed. */
  readonly phaseId: string;
  readonly fieldId: string;
  readonly text: string;
  readonly createdAt: number;
  /** When it was published (0 while private). */
  readonly publishedAt: number;
}

export interface DraftInit {
  readonly participantId: string;
  readonly enteredBy?: string;
  readonly phaseId: string;
  readonly fieldId: string;
  readonly text: string;
  readonly createdAt: number;
}

function draftsMap(drafts: Y.Doc): Y.Map<unknown> {
  return drafts.getMap(DRAFTS_ROOT);
}

function draftEntity(drafts: Y.Doc, id: string): Y.Map<unknown> | undefined {
  const map = draftsMap(drafts).get(id);
  return map instanceof Y.Map ? map : undefined;
}

function local<T>(drafts: Y.Doc, fn: () => T): T {
  let result!: T;
  drafts.transact(() => {
    result = fn();
  }, LOCAL_ORIGIN);
  return result;
}

function toDraft(map: Y.Map<unknown>, id: string): Draft {
  const participantId = getString(map, 'participantId');
  const enteredBy = getString(map, 'enteredBy');
  return {
    id,
    participantId,
    enteredBy: isParticipantId(enteredBy) ? enteredBy : participantId,
    phaseId: getString(map, 'phaseId'),
    fieldId: getString(map, 'fieldId'),
    text: getText(map, 'text'),
    createdAt: getNumber(map, 'createdAt'),
    publishedAt: getNumber(map, 'publishedAt'),
  };
}

/** Adds a private draft to this device's draft document; returns its id. */
export function addDraft(drafts: Y.Doc, init: DraftInit): string {
  return local(drafts, () => {
    const id = newId();
    draftsMap(drafts).set(
      id,
      newEntity(
        id,
        {
          participantId: init.participantId,
          enteredBy: init.enteredBy ?? init.participantId,
          phaseId: init.phaseId,
          fieldId: init.fieldId,
          createdAt: init.createdAt,
          publishedAt: 0,
        },
        { text: init.text },
      ),
    );
    return id;
  });
}

/** Edits a draft's text while it is private; published drafts are edited as cards. */
export function setDraftText(drafts: Y.Doc, id: string, text: string): boolean {
  const map = draftEntity(drafts, id);
  if (!map || getNumber(map, 'publishedAt') > 0) return false;
  local(drafts, () => setText(map, 'text', text));
  return true;
}

/** Moves a private draft to another Handlungsfeld. */
export function setDraftField(drafts: Y.Doc, id: string, fieldId: string): boolean {
  const map = draftEntity(drafts, id);
  if (!map || getNumber(map, 'publishedAt') > 0) return false;
  local(drafts, () => map.set('fieldId', fieldId));
  return true;
}

/** Throws a private draft away (a published one only loses its "mine" mark). */
export function deleteDraft(drafts: Y.Doc, id: string): boolean {
  if (!draftEntity(drafts, id)) return false;
  local(drafts, () => draftsMap(drafts).delete(id));
  return true;
}

export function readDraft(drafts: Y.Doc, id: string): Draft | undefined {
  const map = draftEntity(drafts, id);
  return map ? toDraft(map, id) : undefined;
}

/** Drafts in order of writing; only unpublished ones with `pending`. */
export function listDrafts(
  drafts: Y.Doc,
  filter: { readonly phaseId?: string; readonly pending?: boolean } = {},
): Draft[] {
  const list: Draft[] = [];
  draftsMap(drafts).forEach((map, id) => {
    if (!(map instanceof Y.Map)) return;
    const draft = toDraft(map, id);
    if (filter.phaseId !== undefined && draft.phaseId !== filter.phaseId) return;
    if (filter.pending === true && draft.publishedAt > 0) return;
    list.push(draft);
  });
  return list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Records that drafts are now cards in the shared document (`at`: when, ms, > 0). */
export function markDraftsPublished(
  drafts: Y.Doc,
  published: readonly { readonly id: string; readonly at: number }[],
): void {
  const pending = published
    .map(({ id, at }) => ({ map: draftEntity(drafts, id), at }))
    .filter(({ map }) => map !== undefined && getNumber(map, 'publishedAt') <= 0);
  if (pending.length === 0) return;
  local(drafts, () => {
    for (const { map, at } of pending) map?.set('publishedAt', Math.max(1, at));
  });
}

/** Ids of this device's cards: drafts it published (anonymous cards name nobody else). */
export function ownCardIds(drafts: Y.Doc): Set<string> {
  return new Set(
    listDrafts(drafts)
      .filter((d) => d.publishedAt > 0)
      .map((d) => d.id),
  );
}
