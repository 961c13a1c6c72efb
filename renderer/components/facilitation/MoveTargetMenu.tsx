// The non-drag way to move cards: "Move to …" lists every Handlungsfeld (loose in
// that column) and, under it, its clusters. Used for one card and for a selection.
// Rendered only while open, so 2,000 cards do not carry 2,000 menus. Its buttons
// carry focus keys, so that a card's menu rebuilt in the card's new place gets the
// focus back on the same choice (cardUi/cardFocus.ts).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldIds } from '../../hooks/workshopHooks';
import {
  useCluster,
  useColumnLayout,
  useFieldTitle,
} from '../../hooks/facilitation/useFacilitation';
import { focusKey } from '../cardUi/cardFocus';

export interface MoveTargetChoice {
  readonly fieldId: string;
  readonly clusterId?: string;
}

interface MoveTargetMenuProps {
  /** The list the card is in now ("column:<id>" or "cluster:<id>"); not offered. */
  readonly currentContainer?: string;
  readonly onMove: (target: MoveTargetChoice) => void;
  readonly onClose: () => void;
  readonly label?: string;
  /**
   * Whether the first choice takes the focus when the menu appears; by default it
   * does. A card's menu that reappears because the card moved does not take it.
   */
  readonly takeFocus?: () => boolean;
}

export function MoveTargetMenu({
  currentContainer,
  onMove,
  onClose,
  label,
  takeFocus,
}: MoveTargetMenuProps) {
  const { t } = useTranslation();
  const fieldIds = useFieldIds();
  const ref = useRef<HTMLUListElement>(null);
  // Asked once, when the menu appears.
  const takesFocus = useRef(takeFocus);
  useEffect(() => {
    if (takesFocus.current?.() ?? true) ref.current?.querySelector('button')?.focus();
  }, []);
  return (
    <ul
      ref={ref}
      className="move-menu"
      aria-label={label ?? t('board.moveTo')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      {fieldIds.map((id) => (
        <ColumnTarget key={id} fieldId={id} current={currentContainer} onMove={onMove} />
      ))}
      <li>
        <button type="button" {...focusKey('move-cancel')} onClick={onClose}>
          {t('start.cancel')}
        </button>
      </li>
    </ul>
  );
}

function ColumnTarget({
  fieldId,
  current,
  onMove,
}: {
  readonly fieldId: string;
  readonly current?: string;
  readonly onMove: (target: MoveTargetChoice) => void;
}) {
  const { t } = useTranslation();
  const title = useFieldTitle(fieldId);
  const layout = useColumnLayout(fieldId);
  const clusters = (layout?.clusters ?? []).filter((c) => `cluster:${c.id}` !== current);
  const here = current === `column:${fieldId}`;
  if (here && clusters.length === 0) return null;
  return (
    <li>
      {here ? (
        <span className="move-menu-column">{title}</span>
      ) : (
        <button
          type="button"
          {...focusKey(`move-to:${fieldId}`)}
          onClick={() => onMove({ fieldId })}
        >
          {title}
        </button>
      )}
      {clusters.length > 0 && (
        <ul aria-label={t('clusters.inColumn', { title })}>
          {clusters.map((cluster) => (
            <ClusterTarget
              key={cluster.id}
              clusterId={cluster.id}
              fieldId={fieldId}
              onMove={onMove}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

function ClusterTarget({
  clusterId,
  fieldId,
  onMove,
}: {
  readonly clusterId: string;
  readonly fieldId: string;
  readonly onMove: (target: MoveTargetChoice) => void;
}) {
  const { t } = useTranslation();
  const cluster = useCluster(clusterId);
  return (
    <li>
      <button
        type="button"
        className="move-menu-cluster"
        {...focusKey(`move-to:${fieldId}:${clusterId}`)}
        onClick={() => onMove({ fieldId, clusterId })}
      >
        {t('clusters.target', { name: cluster?.name || t('clusters.unnamed') })}
      </button>
    </li>
  );
}
