// @vitest-environment jsdom
// What a participant has open on a card survives somebody else moving the card:
// moving it to another list makes React build a new element for it, which used to
// close its editor and comment thread, drop a half-typed comment and leave the
// keyboard focus on <body>. Rendered with the real Board under jsdom; the moves
// arrive from another laptop's copy of the workshop, as in the room.
import './support/renderCounter';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCluster, moveCards } from '../../../shared/facilitation/clusters';
import { removeCard } from '../../../shared/facilitation/cards';
import { addComment, listComments } from '../../../shared/facilitation/comments';
import { initI18n } from '../../../renderer/i18n';
import type { WorkshopSession } from '../../../renderer/session/workshopSession';
import {
  applyAsPeer,
  BEN,
  boardSession,
  clusteringBoard,
  HOST,
  renderBoard,
  type BoardFixture,
} from './support/boardFixture';
import { resetRenders, totalRendersOf } from './support/renderCounter';
import { click, typeInto } from './support/userInput';

let container: HTMLDivElement;
let root: Root;
let board: BoardFixture;
let session: WorkshopSession;

beforeAll(async () => {
  // The facilitator looks: they may edit, move and comment on every card.
  localStorage.setItem('werkstatt.participantId', HOST);
  await initI18n();
});

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  board = clusteringBoard();
  session = boardSession(board);
  renderBoard(root, session);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  board.feed.destroy();
});

const card = (id: string) =>
  container.querySelector<HTMLElement>(`[data-card-id="${id}"]`) ?? fail(`no card ${id}`);
const inCard = <E extends Element>(id: string, selector: string) =>
  card(id).querySelector<E>(selector) ?? fail(`no ${selector} in card ${id}`);
const editor = (id: string) => inCard<HTMLTextAreaElement>(id, 'textarea');
const commentField = (id: string) => inCard<HTMLInputElement>(id, '.comment-form input');
const listOf = (id: string) => card(id).parentElement?.closest('[data-cluster-id], .column');

function fail(message: string): never {
  throw new Error(message);
}

/** Opens the editor of one card and the comment thread of another, with a comment typed. */
function openEditorAndDraft(editing: string, commenting: string) {
  click(inCard(editing, '[aria-label="Edit card"]'));
  expect(document.activeElement).toBe(editor(editing));
  click(inCard(commenting, '.comments-toggle'));
  typeInto(commentField(commenting), 'Bitte mit dem Bürgeramt klären');
  // Back in the editor, "Karte 0" with "rte" selected, as a user would leave it.
  editor(editing).focus();
  editor(editing).setSelectionRange(2, 5, 'backward');
}

describe('a card moved by somebody else', () => {
  it('keeps its open editor with the focus and selection, and another card keeps its typed comment', () => {
    const [editing = '', , , , , , commenting = ''] = board.cards;
    const [, daten = '', itField = ''] = board.fields;
    openEditorAndDraft(editing, commenting);
    const before = card(editing);

    // Ben, on his laptop, clusters the first card in "Daten" and moves the other to "IT".
    applyAsPeer(board.doc, (peer) => {
      createCluster(peer, BEN, { fieldId: daten, name: 'Schnell online', cardIds: [editing] });
      moveCards(peer, BEN, [commenting], { fieldId: itField });
    });

    // Both cards are new elements in their new places ...
    expect(before.isConnected).toBe(false);
    expect(listOf(editing)?.getAttribute('data-cluster-id')).not.toBeNull();
    expect(
      card(commenting).closest('[data-testid="column"]')?.querySelector('h3')?.textContent,
    ).toBe('IT');
    // ... the editor is open there, with the focus and the same selection ...
    const moved = editor(editing);
    expect(moved.value).toBe('Karte 0');
    expect(document.activeElement).toBe(moved);
    expect([moved.selectionStart, moved.selectionEnd, moved.selectionDirection]).toEqual([
      2,
      5,
      'backward',
    ]);
    // ... and the other card's thread is open with the comment as typed, ready to send.
    expect(inCard(commenting, '.comments-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(commentField(commenting).value).toBe('Bitte mit dem Bürgeramt klären');
    act(() => inCard<HTMLFormElement>(commenting, '.comment-form').requestSubmit());
    expect(listComments(board.doc, commenting).map((comment) => comment.text)).toEqual([
      'Bitte mit dem Bürgeramt klären',
    ]);
    expect(commentField(commenting).value).toBe('');
  });

  it('gives the focus back to the comment field with its caret', () => {
    const [commenting = ''] = board.cards;
    const [, daten = ''] = board.fields;
    click(inCard(commenting, '.comments-toggle'));
    const field = commentField(commenting);
    field.focus();
    typeInto(field, 'Zuständigkeit?');
    field.setSelectionRange(4, 4);

    applyAsPeer(board.doc, (peer) => moveCards(peer, BEN, [commenting], { fieldId: daten }));

    const moved = commentField(commenting);
    expect(moved).not.toBe(field);
    expect(document.activeElement).toBe(moved);
    expect([moved.value, moved.selectionStart, moved.selectionEnd]).toEqual([
      'Zuständigkeit?',
      4,
      4,
    ]);
  });

  it('gives the focus back to the card button that had it', () => {
    const [moving = ''] = board.cards;
    const [, daten = ''] = board.fields;
    const edit = inCard<HTMLButtonElement>(moving, '[aria-label="Edit card"]');
    edit.focus();

    applyAsPeer(board.doc, (peer) => moveCards(peer, BEN, [moving], { fieldId: daten }));

    expect(edit.isConnected).toBe(false);
    expect(document.activeElement).toBe(inCard(moving, '[aria-label="Edit card"]'));
  });

  it('keeps its "Move to" menu open with the focus on the same choice', () => {
    const [moving = ''] = board.cards;
    const [, daten = ''] = board.fields;
    click(inCard(moving, '[aria-label="Move to …"]'));
    const choice = (): HTMLButtonElement =>
      Array.from(card(moving).querySelectorAll<HTMLButtonElement>('.move-menu button')).find(
        (button) => button.textContent === 'IT',
      ) ?? fail('no choice "IT"');
    const before = choice();
    before.focus();

    applyAsPeer(board.doc, (peer) =>
      createCluster(peer, BEN, { fieldId: daten, name: 'Schnell online', cardIds: [moving] }),
    );

    expect(before.isConnected).toBe(false);
    expect(document.activeElement).toBe(choice());
  });

  it('keeps a comment open for editing, with the focus in it', () => {
    const [commented = ''] = board.cards;
    const [, daten = ''] = board.fields;
    act(() => {
      addComment(board.doc, HOST, commented, 'Erster Gedanke', 5);
    });
    click(inCard(commented, '.comments-toggle'));
    click(inCard(commented, '[aria-label="Edit comment"]'));
    const field = inCard<HTMLInputElement>(commented, '.comment input[type="text"]');
    expect(document.activeElement).toBe(field);

    applyAsPeer(board.doc, (peer) => moveCards(peer, BEN, [commented], { fieldId: daten }));

    const moved = inCard<HTMLInputElement>(commented, '.comment input[type="text"]');
    expect(moved).not.toBe(field);
    expect(moved.value).toBe('Erster Gedanke');
    expect(document.activeElement).toBe(moved);
  });

  it('does not take the focus back when the user has moved on to another field', () => {
    const [editing = '', , , , , , commenting = ''] = board.cards;
    const [, daten = ''] = board.fields;
    openEditorAndDraft(editing, commenting);
    // The user tabs on to the other card's comment field before the move arrives.
    commentField(commenting).focus();

    applyAsPeer(board.doc, (peer) => moveCards(peer, BEN, [editing], { fieldId: daten }));

    expect(editor(editing).value).toBe('Karte 0');
    expect(document.activeElement).toBe(commentField(commenting));
  });

  it('re-renders only the comment thread of the card a comment is typed on', () => {
    const [commenting = ''] = board.cards;
    click(inCard(commenting, '.comments-toggle'));
    resetRenders();
    typeInto(commentField(commenting), 'Z');
    typeInto(commentField(commenting), 'Zu');
    expect(totalRendersOf('CommentThread')).toBe(2);
    for (const component of ['CardItem', 'CardContent', 'CardActions', 'Column', 'CardList']) {
      expect(totalRendersOf(component), component).toBe(0);
    }
  });

  it('forgets what was open on a card once it is deleted', () => {
    const [deleted = ''] = board.cards;
    click(inCard(deleted, '.comments-toggle'));
    typeInto(commentField(deleted), 'Geht verloren');
    act(() => {
      removeCard(board.doc, HOST, deleted);
    });
    expect(container.querySelector(`[data-card-id="${deleted}"]`)).toBeNull();
    // Undo brings the card back, closed: nothing of it was kept meanwhile.
    act(() => {
      session.undo.undo();
    });
    expect(inCard(deleted, '.comments-toggle').getAttribute('aria-expanded')).toBe('false');
    expect(card(deleted).querySelector('.comment-form')).toBeNull();
  });
});
