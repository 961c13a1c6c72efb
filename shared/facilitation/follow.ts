// "Everyone to me": a facilitator asks all screens to follow theirs. The document
// stores who leads and what they are looking at (a view target the app defines,
// e.g. "board/field/<id>"); participants' screens go there while it is set.
import type * as Y from 'yjs';
import { allowed } from './guard';
import { SESSION_KEY, sessionMap } from './sessionState';
import { change } from './transaction';
import { finiteOr, isParticipantId, isRecord } from './values';

/** Longer view targets are refused when written and ignored when read. */
export const MAX_VIEW_TARGET_LENGTH = 500;

export interface Follow {
  /** The facilitator everyone follows. */
  readonly by: string;
  /** What they are looking at. */
  readonly view: string;
  /** Host clock (ms) when following started. */
  readonly since: number;
}

function validView(view: unknown): view is string {
  return typeof view === 'string' && view.length <= MAX_VIEW_TARGET_LENGTH;
}

export function readFollow(doc: Y.Doc): Follow | undefined {
  const value = sessionMap(doc).get(SESSION_KEY.follow);
  if (!isRecord(value) || !isParticipantId(value.by) || !validView(value.view)) return undefined;
  return { by: value.by, view: value.view, since: finiteOr(value.since, 0) };
}

/** Starts "everyone to me" (or takes it over from another facilitator). */
export function startFollowMe(doc: Y.Doc, actorId: string, view: string, hostNow: number): boolean {
  if (!validView(view) || !allowed(doc, actorId, 'follow')) return false;
  change(doc, () => sessionMap(doc).set(SESSION_KEY.follow, { by: actorId, view, since: hostNow }));
  return true;
}

/** The leading facilitator navigated: everyone's view goes along. */
export function updateFollowView(doc: Y.Doc, actorId: string, view: string): boolean {
  const follow = readFollow(doc);
  if (!follow || follow.by !== actorId || follow.view === view || !validView(view)) return false;
  if (!allowed(doc, actorId, 'follow')) return false;
  change(doc, () => sessionMap(doc).set(SESSION_KEY.follow, { ...follow, view }));
  return true;
}

export function stopFollow(doc: Y.Doc, actorId: string): boolean {
  if (!readFollow(doc) || !allowed(doc, actorId, 'follow')) return false;
  change(doc, () => sessionMap(doc).delete(SESSION_KEY.follow));
  return true;
}
