// Keeps the keyboard focus with a card whose element is replaced. When a card moves
// to another list or render chunk (by anybody, for any reason), React removes its
// element and builds a new one, and the focus would fall to <body>: the caret in
// its editor or comment field, or a keyboard user's place on its buttons, gone.
// The element that leaves notes which control had the focus (by its focus key,
// FOCUS_KEY_ATTRIBUTE) and the selection in it; the card's next element gets the
// focus back in the same control, unless the focus went somewhere else meanwhile.
// Nothing is announced: the focus simply stays where the user left it.
// It also hands out one-shot focus requests ("the editor just opened: focus it"),
// so that a control that takes the focus when the user opens it does not take it
// again when it reappears in a new element.

/** Names a focusable control inside a card, the same in every element of that card. */
export const FOCUS_KEY_ATTRIBUTE = 'data-focus-key';
/** Where the focus goes when the control that had it is not in the new element. */
export const FALLBACK_FOCUS_KEY = 'drag';

/** Spread onto a control: `<button {...focusKey('edit')}>`. */
export function focusKey(key: string): { readonly 'data-focus-key': string } {
  return { [FOCUS_KEY_ATTRIBUTE]: key } as { readonly 'data-focus-key': string };
}

interface TextSelection {
  readonly start: number;
  readonly end: number;
  readonly direction: 'forward' | 'backward' | 'none';
  readonly scrollTop: number;
}

interface LostFocus {
  readonly cardId: string;
  readonly key: string | null;
  readonly selection: TextSelection | null;
}

function selectionOf(element: Element): TextSelection | null {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) return null;
  // null for inputs without a caret (checkboxes); some browsers throw instead.
  try {
    const { selectionStart, selectionEnd, selectionDirection } = element;
    if (selectionStart === null || selectionEnd === null) return null;
    return {
      start: selectionStart,
      end: selectionEnd,
      direction: selectionDirection ?? 'none',
      scrollTop: element.scrollTop,
    };
  } catch {
    return null;
  }
}

function controlIn(card: HTMLElement, key: string | null): HTMLElement | null {
  if (key === null) return null;
  for (const element of Array.from(
    card.querySelectorAll<HTMLElement>(`[${FOCUS_KEY_ATTRIBUTE}]`),
  )) {
    if (element.getAttribute(FOCUS_KEY_ATTRIBUTE) === key) return element;
  }
  return null;
}

/** Focuses without scrolling: where the user is looking stays put (typing brings the caret into view). */
function focusInPlace(control: HTMLElement): boolean {
  control.focus({ preventScroll: true });
  return control.ownerDocument.activeElement === control;
}

function select(control: HTMLElement, selection: TextSelection): void {
  if (!(control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement)) return;
  try {
    control.setSelectionRange(selection.start, selection.end, selection.direction);
    control.scrollTop = selection.scrollTop;
  } catch {
    // A control without a caret: the focus is enough.
  }
}

function nobodyHasFocus(document: Document): boolean {
  const active = document.activeElement;
  return active === null || active === document.body;
}

export class CardFocusKeeper {
  /** Each card's element now on the board (the newest, while two exist for a moment). */
  private readonly elements = new Map<string, HTMLElement>();
  private lost: LostFocus | null = null;
  private request: { readonly cardId: string; readonly key: string } | null = null;

  /**
   * A card's element appeared; returns what to call when it goes. For a ref
   * callback: React calls it while the element is still in the document, before
   * it removes it.
   */
  attach(cardId: string, element: HTMLElement): () => void {
    this.elements.set(cardId, element);
    this.restore(cardId);
    return () => this.detach(cardId, element);
  }

  private detach(cardId: string, element: HTMLElement): void {
    if (this.elements.get(cardId) === element) this.elements.delete(cardId);
    const active = element.ownerDocument.activeElement;
    if (!active || active === element || !element.contains(active)) return;
    this.lost = {
      cardId,
      key: active.closest(`[${FOCUS_KEY_ATTRIBUTE}]`)?.getAttribute(FOCUS_KEY_ATTRIBUTE) ?? null,
      selection: selectionOf(active),
    };
    // The card's new element may be in place already (built before this one left).
    queueMicrotask(() => this.restore(cardId));
  }

  /** The user put the focus (or clicked) somewhere: a lost focus is not given back. */
  readonly focusMoved = (): void => {
    this.lost = null;
    this.request = null;
  };

  private restore(cardId: string): void {
    const lost = this.lost;
    const card = this.elements.get(cardId);
    if (!lost || lost.cardId !== cardId || !card?.isConnected) return;
    this.lost = null;
    if (!nobodyHasFocus(card.ownerDocument)) return;
    const control = controlIn(card, lost.key);
    if (control && focusInPlace(control)) {
      if (lost.selection) select(control, lost.selection);
      return;
    }
    const fallback = controlIn(card, FALLBACK_FOCUS_KEY);
    if (fallback) focusInPlace(fallback);
  }

  /** The user opened something on a card whose control `key` should take the focus. */
  requestFocus(cardId: string, key: string): void {
    this.request = { cardId, key };
  }

  /** Whether the control `key` of a card should take the focus now (once per request). */
  takeRequest(cardId: string, key: string): boolean {
    const request = this.request;
    if (!request || request.cardId !== cardId || request.key !== key) return false;
    this.request = null;
    return true;
  }

  /** For a ref callback: focuses the element if the user just asked for it. */
  focusIfRequested(cardId: string, key: string, element: HTMLElement | null): void {
    if (element && this.takeRequest(cardId, key)) element.focus();
  }

  /** Forgets a lost focus and a request (the board is going; its cards detach themselves). */
  clear(): void {
    this.lost = null;
    this.request = null;
  }
}
