// Undo/redo of one's own edits for the workshop screen: state for the buttons and
// the keyboard shortcuts (Ctrl/⌘+Z, Ctrl/⌘+Shift+Z, Ctrl+Y), also inside text
// fields, where the browser's own undo would fight the shared document.
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useSession } from './sessionContext';

export interface UndoRedo {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  undo(): void;
  redo(): void;
}

const UNDO_EVENTS = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;

export function useUndoRedo(): UndoRedo {
  const { undo: manager } = useSession();
  const subscribe = useCallback(
    (onChange: () => void) => {
      for (const event of UNDO_EVENTS) manager.on(event, onChange);
      return () => {
        for (const event of UNDO_EVENTS) manager.off(event, onChange);
      };
    },
    [manager],
  );
  const canUndo = useSyncExternalStore(subscribe, () => manager.canUndo());
  const canRedo = useSyncExternalStore(subscribe, () => manager.canRedo());
  return {
    canUndo,
    canRedo,
    undo: () => void manager.undo(),
    redo: () => void manager.redo(),
  };
}

export function useUndoShortcuts(): void {
  const { undo: manager } = useSession();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        manager.undo();
      } else if ((key === 'z' && event.shiftKey) || (key === 'y' && event.ctrlKey)) {
        event.preventDefault();
        manager.redo();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [manager]);
}
