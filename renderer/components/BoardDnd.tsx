// Drag and drop of cards within and between Handlungsfelder (dnd-kit), with the
// keyboard path dnd-kit provides (focus the handle, Space, arrows, Space; Escape
// cancels) and screen-reader announcements in the UI language.
import {
  closestCorners,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkshopActions } from '../hooks/useWorkshopActions';

/** A pointer must move this far before a press becomes a drag, so clicks stay clicks. */
export const DRAG_ACTIVATION_DISTANCE_PX = 6;
export const COLUMN_DROP_PREFIX = 'column:';

interface CardDragData {
  readonly fieldId: string;
  readonly text: string;
}

function dropTarget(event: DragEndEvent): { fieldId: string; beforeId: string | null } | null {
  const { over, active } = event;
  if (!over) return null;
  const overId = String(over.id);
  if (overId.startsWith(COLUMN_DROP_PREFIX)) {
    return { fieldId: overId.slice(COLUMN_DROP_PREFIX.length), beforeId: null };
  }
  const overData = over.data.current as
    (CardDragData & { sortable?: { items: string[]; index: number } }) | undefined;
  if (!overData?.fieldId || !overData.sortable) return null;
  const activeData = active.data.current as
    (CardDragData & { sortable?: { index: number } }) | undefined;
  const { items, index } = overData.sortable;
  // Moving down within one column lands after the card it is over; otherwise before it.
  const movingDown =
    activeData?.fieldId === overData.fieldId && (activeData.sortable?.index ?? 0) < index;
  const beforeId = movingDown ? (items[index + 1] ?? null) : (items[index] ?? null);
  return { fieldId: overData.fieldId, beforeId: beforeId === active.id ? null : beforeId };
}

export function BoardDnd({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation();
  const actions = useWorkshopActions();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: DRAG_ACTIVATION_DISTANCE_PX } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const announcements = useMemo<Announcements>(() => {
    const label = (data: unknown) => (data as CardDragData | undefined)?.text.slice(0, 60) ?? '';
    return {
      onDragStart: ({ active }) => t('dnd.picked', { card: label(active.data.current) }),
      onDragOver: ({ active, over }) =>
        over
          ? t('dnd.over', { card: label(active.data.current) })
          : t('dnd.outside', { card: label(active.data.current) }),
      onDragEnd: ({ active, over }) =>
        over
          ? t('dnd.dropped', { card: label(active.data.current) })
          : t('dnd.cancelled', { card: label(active.data.current) }),
      onDragCancel: ({ active }) => t('dnd.cancelled', { card: label(active.data.current) }),
    };
  }, [t]);
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: t('dnd.instructions') },
      }}
      onDragEnd={(event) => {
        const target = dropTarget(event);
        if (target)
          actions.moveCardBefore(String(event.active.id), target.fieldId, target.beforeId);
      }}
    >
      {children}
    </DndContext>
  );
}
