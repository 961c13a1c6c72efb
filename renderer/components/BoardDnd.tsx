// Drag and drop of cards within and between clusters and Handlungsfelder (dnd-kit),
// with the keyboard path dnd-kit provides (focus the handle, Space, arrows, Space;
// Escape cancels) and screen-reader announcements in the UI language that name
// the list and the position a card is over. Dragging a selected card moves the
// whole selection. The board is not inside the DndContext and cards use no dnd-kit
// hook, so that a drag across a 2,000-card board re-renders the lists it passes,
// not cards (cardDrag/cardDragController.ts).
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragMoveEvent,
} from '@dnd-kit/core';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useBoardUiActions,
  useFacilitationActions,
} from '../hooks/facilitation/useFacilitationActions';
import {
  CardDragController,
  DRAG_INSTRUCTIONS_ID,
  type DropSlot,
} from './cardDrag/cardDragController';
import { CardDragContext } from './cardDrag/cardDragContext';
import { DragSource } from './cardDrag/DragSource';
import { listCollision, listKeyboardCoordinates, slotOfCollisions } from './cardDrag/listCollision';

/** A pointer must move this far before a press becomes a drag, so clicks stay clicks. */
export const DRAG_ACTIVATION_DISTANCE_PX = 6;
export const COLUMN_DROP_PREFIX = 'column:';
/**
 * dnd-kit scrolls the page when a dragged card nears its edge, by up to 10 px per
 * step; its default step of 5 ms (up to 2,000 px/s) ran three scroll steps, each
 * with a render of the drag, per frame, and rushed past cards faster than anyone
 * can aim. One step per frame: up to ~600 px/s.
 */
export const AUTO_SCROLL_INTERVAL_MS = 16;
/** After a keyboard drop, the moved card's handle gets the focus back within this many frames. */
const REFOCUS_FRAMES = 30;

export interface DropTarget {
  readonly fieldId: string;
  readonly clusterId: string;
  /** Index among the cards already there, not counting the moved ones; end if absent. */
  readonly index?: number;
}

/** Where a drop lands: in the list under the pointer, at the slot it is over. */
export function dropTarget(
  controller: CardDragController,
  slot: DropSlot | null,
): DropTarget | null {
  const list = slot ? controller.list(slot.listId) : undefined;
  if (!slot || !list) return null;
  return { fieldId: list.fieldId, clusterId: list.clusterId, index: slot.index };
}

function isKeyboardEvent(event: Event | null): boolean {
  return typeof KeyboardEvent !== 'undefined' && event instanceof KeyboardEvent;
}

/**
 * After a keyboard drop the card may be a new element in another list: give its
 * handle the focus, as dnd-kit does for a card that stays, unless the user has put
 * the focus somewhere else meanwhile.
 */
function refocusHandle(cardId: string): void {
  let frames = 0;
  const step = () => {
    const active = document.activeElement;
    if (!active || active === document.body) {
      document.querySelector<HTMLElement>(`[data-card-id="${cardId}"] .drag-handle`)?.focus();
    }
    if (++frames < REFOCUS_FRAMES) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

export function BoardDnd({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation();
  const actions = useFacilitationActions();
  const ui = useBoardUiActions();
  const [controller] = useState(() => new CardDragController());
  const collisionDetection = useMemo(() => listCollision(controller), [controller]);
  const coordinateGetter = useMemo(() => listKeyboardCoordinates(controller), [controller]);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: DRAG_ACTIVATION_DISTANCE_PX } }),
    useSensor(KeyboardSensor, { coordinateGetter }),
  );
  const movingWith = (cardId: string): string[] => {
    const selected = ui.selectedInOrder();
    return selected.length > 1 && selected.includes(cardId) ? selected : [cardId];
  };
  const announcements = useMemo<Announcements>(() => {
    let announced = '';
    const card = () => {
      const id = controller.data.cardId;
      const text = ui.labelOf('card', id).slice(0, 60);
      const selected = ui.selectedInOrder();
      return selected.length > 1 && selected.includes(id)
        ? t('dnd.group', { card: text, count: selected.length })
        : text;
    };
    const place = (slot: DropSlot) => {
      const list = controller.list(slot.listId);
      if (!list) return '';
      if (list.clusterId) {
        return t('dnd.inCluster', {
          name: ui.labelOf('cluster', list.clusterId) || t('clusters.unnamed'),
        });
      }
      return t('dnd.inColumn', { name: ui.labelOf('field', list.fieldId) });
    };
    return {
      onDragStart: () => {
        announced = '';
        return t('dnd.picked', { card: card() });
      },
      // dnd-kit sees no droppables (the lists are the controller's), so each new
      // place is announced from the slot, once, with its position in the list.
      onDragMove: () => {
        const slot = controller.slot.get();
        const key = slot ? `${slot.listId}#${slot.slot}` : 'outside';
        if (key === announced) return undefined;
        announced = key;
        if (!slot) return t('dnd.outside', { card: card() });
        return t('dnd.overAt', {
          card: card(),
          place: place(slot),
          position: slot.slot + 1,
          count: slot.slots,
        });
      },
      onDragOver: () => undefined,
      onDragEnd: () => {
        const slot = controller.lastSlot;
        return slot
          ? t('dnd.dropped', { card: card(), place: place(slot) })
          : t('dnd.cancelled', { card: card() });
      },
      onDragCancel: () => t('dnd.cancelled', { card: card() }),
    };
  }, [t, ui, controller]);
  const onDragEnd = (event: DragEndEvent) => {
    const slot = slotOfCollisions(event.collisions) ?? controller.slot.get();
    const target = dropTarget(controller, slot);
    // The announcement that follows says where the cards went (or that they did not).
    controller.setSlot(target ? slot : null);
    const moving = Array.from(controller.moving);
    controller.finish();
    if (target) actions.moveCards(moving, target);
    if (isKeyboardEvent(event.activatorEvent)) refocusHandle(controller.data.cardId);
  };
  return (
    <CardDragContext.Provider value={controller}>
      {/* Alone in the DndContext: its providers change on every pointer move. */}
      <DndContext
        id={DRAG_INSTRUCTIONS_ID}
        sensors={sensors}
        autoScroll={{ interval: AUTO_SCROLL_INTERVAL_MS }}
        collisionDetection={collisionDetection}
        accessibility={{
          announcements,
          restoreFocus: false,
          screenReaderInstructions: { draggable: t('dnd.instructions') },
        }}
        onDragStart={() => controller.start(movingWith(controller.data.cardId))}
        onDragMove={(event: DragMoveEvent) =>
          controller.setSlot(slotOfCollisions(event.collisions))
        }
        onDragEnd={onDragEnd}
        onDragCancel={(event) => {
          controller.finish();
          if (isKeyboardEvent(event.activatorEvent)) refocusHandle(controller.data.cardId);
        }}
        onDragAbort={() => controller.finish()}
      >
        <DragSource controller={controller} />
      </DndContext>
      {children}
    </CardDragContext.Provider>
  );
}
