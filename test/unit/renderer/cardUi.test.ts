// @vitest-environment jsdom
// The parts of cardUi/ the board tests (cardUiRemount.test.tsx) reach only in some
// orders: a card's state store on its own (one card's change tells that card
// only; nothing kept for closed or deleted cards) and the focus keeper when a
// card's new element appears before its old one leaves, when the focus has moved
// on meanwhile, and when the control that had the focus is not there any more.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CardFocusKeeper,
  FALLBACK_FOCUS_KEY,
  FOCUS_KEY_ATTRIBUTE,
} from '../../../renderer/components/cardUi/cardFocus';
import { CLOSED_CARD, CardUiStore } from '../../../renderer/components/cardUi/cardUiStore';

describe('CardUiStore', () => {
  const live = new Set(['a', 'b']);
  const comments = new Map([['a', new Set(['c1'])]]);
  const presence = {
    hasCard: (id: string) => live.has(id),
    commentIdsOf: (id: string) => comments.get(id) ?? new Set<string>(),
  };

  it("tells only the changed card's subscribers, and keeps no entry for a closed card", () => {
    const store = new CardUiStore(presence);
    const a = vi.fn();
    const b = vi.fn();
    store.subscribe('a', a);
    store.subscribe('b', b);
    store.update('a', { commentsOpen: true, commentDraft: 'Hallo' });
    store.update('a', { commentDraft: 'Hallo' });
    expect([a.mock.calls.length, b.mock.calls.length]).toEqual([1, 0]);
    expect(store.get('a')).toMatchObject({ commentsOpen: true, commentDraft: 'Hallo' });
    store.update('a', { commentsOpen: false, commentDraft: '' });
    expect(store.get('a')).toBe(CLOSED_CARD);
    expect(store.cardIds()).toEqual([]);
  });

  it('forgets deleted cards and the comment fields of deleted comments', () => {
    const store = new CardUiStore(presence);
    store.update('a', { editingComments: ['c1', 'c2'] });
    store.update('b', { editing: true });
    store.update('gone', { moving: true });
    const gone = vi.fn();
    store.subscribe('gone', gone);
    store.prune();
    expect(store.cardIds().sort()).toEqual(['a', 'b']);
    expect(store.get('a').editingComments).toEqual(['c1']);
    expect(gone).toHaveBeenCalledOnce();
  });
});

describe('CardFocusKeeper', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  /** A card's element as the board renders it: a drag handle and a comment field. */
  function cardElement(): { card: HTMLElement; field: HTMLInputElement; handle: HTMLElement } {
    const card = document.createElement('div');
    const handle = document.createElement('button');
    handle.setAttribute(FOCUS_KEY_ATTRIBUTE, FALLBACK_FOCUS_KEY);
    const field = document.createElement('input');
    field.setAttribute(FOCUS_KEY_ATTRIBUTE, 'comment-draft');
    field.value = 'Zuständigkeit?';
    card.append(handle, field);
    document.body.append(card);
    return { card, field, handle };
  }

  it('gives the focus back when the new element was there before the old one left', async () => {
    const keeper = new CardFocusKeeper();
    const old = cardElement();
    const leave = keeper.attach('a', old.card);
    old.field.focus();
    old.field.setSelectionRange(3, 7);
    const next = cardElement();
    keeper.attach('a', next.card);
    leave();
    old.card.remove();
    await Promise.resolve();
    expect(document.activeElement).toBe(next.field);
    expect([next.field.selectionStart, next.field.selectionEnd]).toEqual([3, 7]);
  });

  it('leaves the focus where it went meanwhile', () => {
    const keeper = new CardFocusKeeper();
    const old = cardElement();
    const leave = keeper.attach('a', old.card);
    old.field.focus();
    leave();
    old.card.remove();
    const elsewhere = document.createElement('input');
    document.body.append(elsewhere);
    elsewhere.focus();
    const next = cardElement();
    keeper.attach('a', next.card);
    expect(document.activeElement).toBe(elsewhere);
  });

  it("goes to the card's drag handle when the control that had it is gone", () => {
    const keeper = new CardFocusKeeper();
    const old = cardElement();
    const leave = keeper.attach('a', old.card);
    old.field.focus();
    leave();
    old.card.remove();
    const next = cardElement();
    next.field.remove();
    keeper.attach('a', next.card);
    expect(document.activeElement).toBe(next.handle);
  });

  it('focuses an opened control once, not again when it is rebuilt', () => {
    const keeper = new CardFocusKeeper();
    const first = cardElement();
    keeper.requestFocus('a', 'comment-draft');
    keeper.focusIfRequested('a', 'comment-draft', first.field);
    expect(document.activeElement).toBe(first.field);
    first.field.blur();
    const second = cardElement();
    keeper.focusIfRequested('a', 'comment-draft', second.field);
    expect(document.activeElement).toBe(document.body);
  });
});
