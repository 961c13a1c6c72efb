// While several cards are selected: how many, "Move to …" for all of them (the
// non-drag path), a new cluster from them, and clearing the selection.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSelectionSize } from '../../hooks/facilitation/useFacilitation';
import {
  useBoardUiActions,
  useFacilitationActions,
} from '../../hooks/facilitation/useFacilitationActions';
import { reasonId, useBoardMode } from './boardMode';
import { GuardedButton } from './GuardedButton';
import { MoveTargetMenu } from './MoveTargetMenu';
import { reasonText } from './phaseText';

export function SelectionBar() {
  const { t } = useTranslation();
  const count = useSelectionSize();
  const mode = useBoardMode();
  const actions = useFacilitationActions();
  const ui = useBoardUiActions();
  const [moving, setMoving] = useState(false);
  const none = count === 0 ? t('selection.none') : null;
  const moveReason = none ?? (mode.move ? reasonText(t, mode.move) : null);
  const clusterReason = none ?? (mode.clusters ? reasonText(t, mode.clusters) : null);
  return (
    <div className="selection-bar" role="region" aria-label={t('selection.heading')}>
      <p role="status">{t('selection.count', { count })}</p>
      <GuardedButton
        aria-haspopup="true"
        aria-expanded={moving}
        reason={moveReason}
        reasonId={!none && mode.move ? reasonId(mode.move) : undefined}
        onClick={() => setMoving(!moving)}
      >
        {t('selection.moveTo')}
      </GuardedButton>
      <GuardedButton
        reason={clusterReason}
        reasonId={!none && mode.clusters ? reasonId(mode.clusters) : undefined}
        onClick={() => {
          const ids = ui.selectedInOrder();
          const first = ids[0];
          const fieldId = first ? ui.columnOf(first) : undefined;
          if (!fieldId) return;
          actions.createCluster(fieldId, t('clusters.defaultName'), ids);
          ui.clearSelection();
        }}
      >
        {t('selection.makeCluster')}
      </GuardedButton>
      <button type="button" onClick={() => ui.clearSelection()} disabled={count === 0}>
        {t('selection.clear')}
      </button>
      {moving && (
        <MoveTargetMenu
          label={t('selection.moveTo')}
          onClose={() => setMoving(false)}
          onMove={(target) => {
            setMoving(false);
            actions.moveCards(ui.selectedInOrder(), target);
            ui.clearSelection();
          }}
        />
      )}
    </div>
  );
}
