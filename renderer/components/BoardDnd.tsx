// Drag and drop of cards within and between clusters and Handlungsfelder (dnd-kit),
// with the keyboard path dnd-kit provides (focus the handle, Space, arrows, Space;
// Escape cancels) and screen-reader announcements in the UI language that name
// the list a card is over. Dragging a selected card moves the whole selection.
import {
  closestCorners,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Active,
  type Announcements,
  type DragEndEvent,
  type Over,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useBoardUiActions,
  useFacilitationActions,
} from '../hooks/facilitation/useFacilitationActions';

/** A pointer must move this far before a press becomes a drag, so clicks stay clicks. */
export const DRAG_ACTIVATION_DISTANCE_PX = 6;
export const COLUMN_DROP_PREFIX = 'column:';
const CLUSTER_PREFIX = 'cluster:';

interface SortableInfo {
  readonly containerId: string;
  readonly index: number;
  readonly items: readonly (string | number)[];
}

interface DropData {
  readonly type?: 'card' | 'container';
  readonly fieldId?: string;
  readonly clusterId?: string;
  readonly sortable?: SortableInfo;
}

export interface DropTarget {
  readonly fieldId: string;
  readonly clusterId: string;
  /** Index among the cards already there, not counting the moved ones; end if absent. */
  readonly index?: number;
}

/** "column:<fieldId>" or "cluster:<clusterId>" → where moveCards should put cards. */
export function containerTarget(containerId: string): DropTarget | null {
  if (containerId.startsWith(COLUMN_DROP_PREFIX)) {
    return { fieldId: containerId.slice(COLUMN_DROP_PREFIX.length), clusterId: '' };
  }
  if (containerId.startsWith(CLUSTER_PREFIX)) {
    return { fieldId: '', clusterId: containerId.slice(CLUSTER_PREFIX.length) };
  }
  return null;
}

/** Where a drop lands: in the list under the pointer, before (or after) the card it is over. */
export function dropTarget(
  active: Active,
  over: Over | null,
  moving: readonly string[],
): DropTarget | null {
  if (!over) return null;
  const data = over.data.current as DropData | undefined;
  if (data?.type === 'container') {
    return { fieldId: data.fieldId ?? '', clusterId: data.clusterId ?? '' };
  }
  const sortable = data?.sortable;
  if (!sortable) return null;
  const overId = String(over.id);
  if (moving.includes(overId)) return null;
  const container = containerTarget(String(sortable.containerId));
  if (!container) return null;
  const others = sortable.items.map(String).filter((id) => !moving.includes(id));
  const activeSortable = (active.data.current as DropData | undefined)?.sortable;
  // Moving down within one list lands after the card it is over; otherwise before it.
  const movingDown =
    activeSortable?.containerId === sortable.containerId && activeSortable.index < sortable.index;
  const index = others.indexOf(overId) + (movingDown ? 1 : 0);
  return { ...container, index };
}

export function BoardDnd({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation();
  const actions = useFacilitationActions();
  const ui = useBoardUiActions();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: DRAG_ACTIVATION_DISTANCE_PX } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const movingWith = (active: Active): string[] => {
    const id = String(active.id);
    const selected = ui.selectedInOrder();
    return selected.length > 1 && selected.includes(id) ? selected : [id];
  };
  const announcements = useMemo<Announcements>(() => {
    const card = (active: Active) => {
      const text = ui.labelOf('card', String(active.id)).slice(0, 60);
      const selected = ui.selectedInOrder();
      return selected.length > 1 && selected.includes(String(active.id))
        ? t('dnd.group', { card: text, count: selected.length })
        : text;
    };
    const place = (over: Over) => {
      const data = over.data.current as DropData | undefined;
      const containerId =
        data?.type === 'container'
          ? data.clusterId
            ? `${CLUSTER_PREFIX}${data.clusterId}`
            : `${COLUMN_DROP_PREFIX}${data.fieldId ?? ''}`
          : String(data?.sortable?.containerId ?? '');
      const target = containerTarget(containerId);
      if (!target) return '';
      if (target.clusterId) {
        return t('dnd.inCluster', {
          name: ui.labelOf('cluster', target.clusterId) || t('clusters.unnamed'),
        });
      }
      return t('dnd.inColumn', { name: ui.labelOf('field', target.fieldId) });
    };
    return {
      onDragStart: ({ active }) => t('dnd.picked', { card: card(active) }),
      onDragOver: ({ active, over }) =>
        over
          ? t('dnd.over', { card: card(active), place: place(over) })
          : t('dnd.outside', { card: card(active) }),
      onDragEnd: ({ active, over }) =>
        over
          ? t('dnd.dropped', { card: card(active), place: place(over) })
          : t('dnd.cancelled', { card: card(active) }),
      onDragCancel: ({ active }) => t('dnd.cancelled', { card: card(active) }),
    };
  }, [t, ui]);
  const onDragEnd = (event: DragEndEvent) => {
    const moving = movingWith(event.active);
    const target = dropTarget(event.active, event.over, moving);
    if (target) actions.moveCards(moving, target);
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: t('dnd.instructions') },
      }}
      onDragEnd={onDragEnd}
    >
      {children}
    </DndContext>
  );
}
