// The board's one draggable. It stands in for the card whose handle was pressed
// (CardDragController.press points it there) and moves that card's element with
// the pointer or the arrow keys. Being the only component that follows every move,
// it is the only one that re-renders per move.
import { useLayoutEffect } from 'react';
import { useDraggable } from '@dnd-kit/core';
import { CARD_DRAG_ID, type CardDragController } from './cardDragController';

export function DragSource({ controller }: { readonly controller: CardDragController }) {
  const { setNodeRef, setActivatorNodeRef, listeners, node, transform, isDragging } = useDraggable({
    id: CARD_DRAG_ID,
    data: controller.data,
  });
  useLayoutEffect(() => {
    controller.bind({ setNodeRef, setActivatorNodeRef, listeners });
  }, [controller, setNodeRef, setActivatorNodeRef, listeners]);
  // Written to the element directly: the card's own component renders no style. In
  // whole pixels: a fractional offset made Chromium repaint the card's text in every
  // frame of a drag (drag frame p50 10.0 → 7.8 ms, docs/benchmarks.md).
  useLayoutEffect(() => {
    const element = node.current;
    if (!element) return;
    element.style.transform =
      isDragging && transform
        ? `translate3d(${Math.round(transform.x)}px, ${Math.round(transform.y)}px, 0)`
        : '';
  }, [node, isDragging, transform]);
  return null;
}
