// Undo and redo buttons for one's own edits (Ctrl+Z / Ctrl+Shift+Z work too).
import { useTranslation } from 'react-i18next';
import { useUndoRedo, useUndoShortcuts } from '../hooks/useUndoRedo';

export function UndoButtons() {
  const { t } = useTranslation();
  const { canUndo, canRedo, undo, redo } = useUndoRedo();
  useUndoShortcuts();
  return (
    <div className="undo-buttons" role="group" aria-label={t('undo.group')}>
      <button type="button" onClick={undo} disabled={!canUndo} title={t('undo.undoHint')}>
        {t('undo.undo')}
      </button>
      <button type="button" onClick={redo} disabled={!canRedo} title={t('undo.redoHint')}>
        {t('undo.redo')}
      </button>
    </div>
  );
}
