// How a dragged card finds its place: the card list under the pointer (or, for the
// keyboard, under the card's centre), and the slot in it from the list's card boxes.
// The arrow keys step from slot to slot, from list to list within a column, and to
// the list beside in the next column. The lists are the controller's (dnd-kit has
// no droppables here), read from the page in viewport coordinates, as dnd-kit's
// pointer coordinates and the dragged card's rectangle are; the slot travels in
// the collision's data to onDragMove and onDragEnd.
import {
  KeyboardCode,
  type ClientRect,
  type Collision,
  type CollisionDetection,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import type { CardDragController, CardListEntry, DropSlot } from './cardDragController';
import { slotAt, slotTarget } from './listSlots';

interface Point {
  readonly x: number;
  readonly y: number;
}

interface PlacedList extends CardListEntry {
  readonly rect: DOMRect;
}

const ARROWS: readonly string[] = [
  KeyboardCode.Down,
  KeyboardCode.Up,
  KeyboardCode.Left,
  KeyboardCode.Right,
];

function centerOf(rect: ClientRect): Point {
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

/** 0 inside the rectangle, else the distance to its nearest edge or corner. */
function distanceTo(point: Point, rect: DOMRect): number {
  const dx = Math.max(rect.left - point.x, 0, point.x - rect.right);
  const dy = Math.max(rect.top - point.y, 0, point.y - rect.bottom);
  return Math.hypot(dx, dy);
}

function placedLists(controller: CardDragController): PlacedList[] {
  const lists: PlacedList[] = [];
  for (const entry of controller.listEntries()) {
    const rect = entry.element.getBoundingClientRect();
    if (rect.width > 0 || rect.height > 0) lists.push({ ...entry, rect });
  }
  return lists;
}

function nearest(lists: readonly PlacedList[], point: Point): PlacedList | null {
  let best: PlacedList | null = null;
  let bestDistance = Infinity;
  for (const list of lists) {
    const distance = distanceTo(point, list.rect);
    if (distance < bestDistance) {
      best = list;
      bestDistance = distance;
    }
  }
  return best;
}

/** The slot at a point (viewport coordinates) in a list. */
function slotInList(controller: CardDragController, list: PlacedList, point: Point): DropSlot {
  const cards = controller.cardsOf(list.element);
  return { ...slotAt(cards, controller.moving, point.y - list.rect.top), listId: list.listId };
}

/**
 * The list under the pointer (nearest to it when it is over none); for the
 * keyboard, which has no pointer, the list under the card's centre.
 */
export function listCollision(controller: CardDragController): CollisionDetection {
  return ({ collisionRect, pointerCoordinates }) => {
    const point = pointerCoordinates ?? centerOf(collisionRect);
    const list = nearest(placedLists(controller), point);
    if (!list) return [];
    const collision: Collision = {
      id: list.listId,
      data: { value: distanceTo(point, list.rect), slot: slotInList(controller, list, point) },
    };
    return [collision];
  };
}

/** The slot a collision carries (see listCollision). */
export function slotOfCollisions(collisions: readonly Collision[] | null): DropSlot | null {
  const slot = collisions?.[0]?.data?.slot as DropSlot | undefined;
  return slot ?? null;
}

/** The lists of the column next to `from` in a direction (-1 left, +1 right). */
function columnBeside(lists: readonly PlacedList[], from: PlacedList, direction: -1 | 1) {
  const columnLeft = new Map<string, number>();
  for (const list of lists) {
    columnLeft.set(
      list.fieldId,
      Math.min(columnLeft.get(list.fieldId) ?? Infinity, list.rect.left),
    );
  }
  const here = columnLeft.get(from.fieldId) ?? from.rect.left;
  let target: string | null = null;
  let targetDistance = Infinity;
  for (const [fieldId, left] of columnLeft) {
    const distance = (left - here) * direction;
    if (distance > 0 && distance < targetDistance) {
      target = fieldId;
      targetDistance = distance;
    }
  }
  return lists.filter((list) => list.fieldId === target);
}

/** The lists of one column, top to bottom. */
function columnOf(lists: readonly PlacedList[], fieldId: string): PlacedList[] {
  return lists.filter((list) => list.fieldId === fieldId).sort((a, b) => a.rect.top - b.rect.top);
}

/** The list and slot an arrow key leads to from `here`; null at the board's edge. */
function stepFrom(
  controller: CardDragController,
  lists: readonly PlacedList[],
  from: PlacedList,
  here: DropSlot,
  code: string,
  center: Point,
): { list: PlacedList; slot: number } | null {
  if (code === KeyboardCode.Down || code === KeyboardCode.Up) {
    const step = code === KeyboardCode.Down ? 1 : -1;
    const slot = here.slot + step;
    if (slot >= 0 && slot < here.slots) return { list: from, slot };
    const column = columnOf(lists, from.fieldId);
    const list = column[column.indexOf(from) + step];
    // Into the list below at its top, or into the list above at its end.
    return list ? { list, slot: step > 0 ? 0 : Number.MAX_SAFE_INTEGER } : null;
  }
  const beside = columnBeside(lists, from, code === KeyboardCode.Right ? 1 : -1);
  const list = nearest(beside, center);
  return list ? { list, slot: slotInList(controller, list, center).slot } : null;
}

/**
 * Arrow keys during a keyboard drag: one slot up or down (into the list above or
 * below in the same column at its end), or into the column beside at the same
 * height. Returns where the card's top-left corner goes, as dnd-kit expects.
 */
export function listKeyboardCoordinates(controller: CardDragController): KeyboardCoordinateGetter {
  return (event, { context }) => {
    if (!ARROWS.includes(event.code)) return undefined;
    event.preventDefault();
    const { collisionRect } = context;
    if (!collisionRect) return undefined;
    const lists = placedLists(controller);
    const center = centerOf(collisionRect);
    const current = controller.slot.get();
    const from = lists.find((list) => list.listId === current?.listId) ?? nearest(lists, center);
    if (!from) return undefined;
    const here = current?.listId === from.listId ? current : slotInList(controller, from, center);
    const next = stepFrom(controller, lists, from, here, event.code, center);
    if (!next) return undefined;
    const { list, slot } = next;
    const y = slotTarget(
      controller.cardsOf(list.element),
      controller.moving,
      slot,
      list.rect.height,
    );
    return {
      x: list.rect.left + list.rect.width / 2 - collisionRect.width / 2,
      y: list.rect.top + y - collisionRect.height / 2,
    };
  };
}
