// The non-drag way to move a card: "Move to …" lists the Handlungsfelder; the card
// goes to the end of the chosen column. Rendered only while open, so 2,000 cards do
// not carry 2,000 menus.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useField, useFieldIds } from '../hooks/workshopHooks';

interface MoveCardMenuProps {
  readonly currentFieldId: string;
  readonly onMove: (fieldId: string) => void;
  readonly onClose: () => void;
}

export function MoveCardMenu({ currentFieldId, onMove, onClose }: MoveCardMenuProps) {
  const { t } = useTranslation();
  const fieldIds = useFieldIds();
  const ref = useRef<HTMLUListElement>(null);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
  }, []);
  return (
    <ul
      ref={ref}
      className="move-menu"
      aria-label={t('board.moveTo')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      {fieldIds
        .filter((id) => id !== currentFieldId)
        .map((id) => (
          <MoveTarget key={id} fieldId={id} onMove={onMove} />
        ))}
      <li>
        <button type="button" onClick={onClose}>
          {t('start.cancel')}
        </button>
      </li>
    </ul>
  );
}

function MoveTarget({
  fieldId,
  onMove,
}: {
  readonly fieldId: string;
  readonly onMove: (fieldId: string) => void;
}) {
  const field = useField(fieldId);
  return (
    <li>
      <button type="button" onClick={() => onMove(fieldId)}>
        {field?.title}
      </button>
    </li>
  );
}
