// The state of one board's card drag, outside React: which card is being dragged
// and the slot it would land in, each a small store that the few components which
// show them select from, and the card lists on the board. dnd-kit re-renders every
// component that uses one of its hooks whenever the list under the pointer changes,
// and its providers change on every pointer move, which makes React search the
// whole tree below them (60,000 fibres with 2,000 cards). So the board is not
// below them: one draggable (DragSource), alone in the DndContext, stands in for
// whichever card's handle is pressed, and the lists register here instead of as
// droppables. See docs/benchmarks.md (drag).
import type { KeyboardEvent, PointerEvent } from 'react';
import type { DraggableSyntheticListeners } from '@dnd-kit/core';
import { LocalStore } from '../../hooks/facilitation/derivedStore';
import type { CardBox, ListSlot } from './listSlots';
import { measureList } from './measureList';

/** The id of the one draggable; the card it carries is in its data. */
export const CARD_DRAG_ID = 'card-drag';
/** DndContext's id: also the id of its hidden drag instructions, which every handle names. */
export const DRAG_INSTRUCTIONS_ID = 'card-drag-instructions';
/** Card boxes of a list are measured again after this long during a drag (ms). */
export const MEASURE_TTL_MS = 500;

/** Where a list's cards go: a column's loose cards (clusterId '') or a cluster. */
export interface ListPlace {
  readonly fieldId: string;
  readonly clusterId: string;
}

export interface CardListEntry extends ListPlace {
  /** "column:<fieldId>" or "cluster:<clusterId>". */
  readonly listId: string;
  readonly element: HTMLElement;
}

export interface DropSlot extends ListSlot {
  /** The list: "column:<fieldId>" or "cluster:<clusterId>". */
  readonly listId: string;
}

/** What DragSource hands over: its draggable's refs and dnd-kit's activator listeners. */
export interface DraggableBinding {
  setNodeRef(element: HTMLElement | null): void;
  setActivatorNodeRef(element: HTMLElement | null): void;
  readonly listeners: DraggableSyntheticListeners;
}

type ActivatorEvent = PointerEvent<HTMLElement> | KeyboardEvent<HTMLElement>;

function sameSlot(a: DropSlot | null, b: DropSlot | null): boolean {
  if (a === null || b === null) return a === b;
  return a.listId === b.listId && a.index === b.index && a.slot === b.slot && a.line === b.line;
}

export class CardDragController {
  /** The card being dragged (by pointer or keyboard); null between drags. */
  readonly dragged = new LocalStore<string | null>(null);
  /** Where a drop would land now; null between drags. */
  readonly slot = new LocalStore<DropSlot | null>(null);
  /** The draggable's data: the card a pressed handle belongs to. */
  readonly data: { cardId: string } = { cardId: '' };
  /** The cards that move on a drop (the dragged one, or the selection it belongs to). */
  moving: ReadonlySet<string> = new Set();

  /** The slot of the last drop or cancel, for its announcement. */
  lastSlot: DropSlot | null = null;

  private readonly lists = new Map<string, CardListEntry>();
  private binding: DraggableBinding | null = null;
  /** dnd-kit took a press: waiting for the activation distance, or dragging. */
  private engaged = false;
  private measured = new Map<Element, { at: number; cards: CardBox[] }>();

  /** A card list's element appeared; returns the cleanup for when it goes. */
  registerList(listId: string, element: HTMLElement, place: ListPlace): () => void {
    const entry: CardListEntry = { listId, element, ...place };
    this.lists.set(listId, entry);
    return () => {
      if (this.lists.get(listId) === entry) this.lists.delete(listId);
    };
  }

  listEntries(): Iterable<CardListEntry> {
    return this.lists.values();
  }

  list(listId: string): CardListEntry | undefined {
    return this.lists.get(listId);
  }

  bind(binding: DraggableBinding): void {
    this.binding = binding;
  }

  /**
   * A card handle was pressed (pointer down, or a key that may start a keyboard
   * drag): points the draggable at that card and passes the event to dnd-kit.
   */
  press(event: ActivatorEvent, cardId: string): void {
    const binding = this.binding;
    if (this.engaged || !binding) return;
    const handle = event.currentTarget;
    const card = handle.closest<HTMLElement>('[data-card-id]');
    if (!card) return;
    this.data.cardId = cardId;
    binding.setNodeRef(card);
    binding.setActivatorNodeRef(handle);
    const listener =
      'pointerId' in event ? binding.listeners?.onPointerDown : binding.listeners?.onKeyDown;
    listener?.(event);
    if ((event.nativeEvent as { dndKit?: unknown }).dndKit) this.engaged = true;
  }

  start(moving: readonly string[]): void {
    this.moving = new Set(moving);
    this.measured.clear();
    this.dragged.set(this.data.cardId);
  }

  setSlot(slot: DropSlot | null): void {
    if (!sameSlot(slot, this.slot.get())) this.slot.set(slot);
  }

  /** The drag ended, was cancelled, or the press never became a drag. */
  finish(): void {
    this.lastSlot = this.slot.get();
    this.engaged = false;
    this.moving = new Set();
    this.measured.clear();
    this.dragged.set(null);
    this.slot.set(null);
  }

  /** The boxes of a list's cards, measured at most every MEASURE_TTL_MS during a drag. */
  cardsOf(list: Element): CardBox[] {
    const now = performance.now();
    const cached = this.measured.get(list);
    if (cached && now - cached.at < MEASURE_TTL_MS) return cached.cards;
    const cards = measureList(list);
    this.measured.set(list, { at: now, cards });
    return cards;
  }
}
