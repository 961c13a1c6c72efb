// What a participant has open on a card, kept outside the card's components: its
// editor, its "Move to …" menu, its comment thread, the comments being edited and
// the comment typed but not yet sent. A card's element is replaced whenever the
// card lands in another list or render chunk (often by somebody else's move), and
// React state would go with it. One store per board, keyed by card id; a card has
// an entry only while something is open or typed, and a change to one card tells
// that card's subscribers only.
import type { CardPresence } from '../../hooks/facilitation/useCardPresence';

export interface CardUi {
  readonly editing: boolean;
  readonly moving: boolean;
  readonly commentsOpen: boolean;
  /** Ids of this card's comments whose text field is open. */
  readonly editingComments: readonly string[];
  /** A comment typed under the card and not sent yet. */
  readonly commentDraft: string;
}

export const CLOSED_CARD: CardUi = {
  editing: false,
  moving: false,
  commentsOpen: false,
  editingComments: [],
  commentDraft: '',
};

export type CardUiPatch = Partial<CardUi> | ((current: CardUi) => Partial<CardUi>);

function sameUi(a: CardUi, b: CardUi): boolean {
  return (
    a.editing === b.editing &&
    a.moving === b.moving &&
    a.commentsOpen === b.commentsOpen &&
    a.commentDraft === b.commentDraft &&
    a.editingComments.length === b.editingComments.length &&
    a.editingComments.every((id, index) => id === b.editingComments[index])
  );
}

export class CardUiStore {
  private readonly entries = new Map<string, CardUi>();
  private readonly listeners = new Map<string, Set<() => void>>();

  /** @param presence what is still in the workshop (for forgetting what is not) */
  constructor(private readonly presence: Pick<CardPresence, 'hasCard' | 'commentIdsOf'>) {}

  get(cardId: string): CardUi {
    return this.entries.get(cardId) ?? CLOSED_CARD;
  }

  /** Changes a card's state; an entry back at the closed default is dropped. */
  update(cardId: string, patch: CardUiPatch): void {
    const current = this.get(cardId);
    const next = { ...current, ...(typeof patch === 'function' ? patch(current) : patch) };
    if (sameUi(next, current)) return;
    if (sameUi(next, CLOSED_CARD)) this.entries.delete(cardId);
    else this.entries.set(cardId, next);
    this.notify(cardId);
  }

  subscribe(cardId: string, listener: () => void): () => void {
    let set = this.listeners.get(cardId);
    if (!set) {
      set = new Set();
      this.listeners.set(cardId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(cardId) === set) this.listeners.delete(cardId);
    };
  }

  /** Cards that have something open or typed (for tests and pruning). */
  cardIds(): string[] {
    return Array.from(this.entries.keys());
  }

  /** Drops what belongs to deleted cards and comments. */
  prune(): void {
    const { presence } = this;
    for (const [cardId, ui] of Array.from(this.entries)) {
      if (!presence.hasCard(cardId)) {
        this.entries.delete(cardId);
        this.notify(cardId);
      } else if (ui.editingComments.length > 0) {
        const comments = presence.commentIdsOf(cardId);
        this.update(cardId, {
          editingComments: ui.editingComments.filter((id) => comments.has(id)),
        });
      }
    }
  }

  /** Forgets every card (the board is going away). */
  clear(): void {
    const cardIds = this.cardIds();
    this.entries.clear();
    for (const cardId of cardIds) this.notify(cardId);
  }

  private notify(cardId: string): void {
    const set = this.listeners.get(cardId);
    if (set) for (const listener of Array.from(set)) listener();
  }
}
