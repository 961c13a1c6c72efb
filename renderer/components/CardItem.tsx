// One card. Subscribes to its own change key only, so typing on one card
// re-renders that card and nothing else.
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCardEditors, useSessionActions } from '../hooks/useConnection';
import { useCard } from '../hooks/workshopHooks';
import { useWorkshopActions } from '../hooks/useWorkshopActions';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { MoveCardMenu } from './MoveCardMenu';
import { TextField } from './TextField';
import { ConfirmingDeleteButton } from './ConfirmingDeleteButton';

export const CardItem = memo(function CardItem({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const card = useCard(id);
  const actions = useWorkshopActions();
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState(false);
  const sortable = useSortable({
    id,
    data: { fieldId: card?.fieldId ?? '', text: card?.text ?? '' },
  });
  const editors = useCardEditors(id);
  const presence = useSessionActions();
  const toggleEditing = () => {
    presence.setEditing(editing ? null : id);
    setEditing(!editing);
  };
  if (!card) return null;
  return (
    <li
      className={`card${sortable.isDragging ? ' dragging' : ''}`}
      data-testid="card"
      data-card-id={id}
      ref={sortable.setNodeRef}
      style={{
        transform: CSS.Translate.toString(sortable.transform),
        transition: sortable.transition,
      }}
    >
      {editors && <p className="card-editors">{t('connection.editing', { names: editors })}</p>}
      {editing ? (
        <TextField
          label={t('board.cardTextLabel')}
          hideLabel
          multiline
          autoFocus
          value={card.text}
          onChange={(value) => actions.setCardText(id, value)}
        />
      ) : (
        <p className="card-text">{card.text}</p>
      )}
      <div className="card-footer">
        {card.author && <span className="author">{t('board.by', { author: card.author })}</span>}
        <div className="card-actions">
          <button
            type="button"
            className="drag-handle"
            aria-label={t('board.dragCard', { text: card.text.slice(0, 60) })}
            ref={sortable.setActivatorNodeRef}
            {...sortable.attributes}
            {...sortable.listeners}
          >
            ⠿
          </button>
          <button
            type="button"
            aria-haspopup="true"
            aria-expanded={moving}
            aria-label={t('board.moveTo')}
            onClick={() => setMoving(!moving)}
          >
            ⇄
          </button>
          <button
            type="button"
            aria-label={editing ? t('board.done') : t('board.editCard')}
            onClick={toggleEditing}
          >
            {editing ? t('board.done') : '✎'}
          </button>
          <ConfirmingDeleteButton
            ariaLabel={t('board.deleteCard')}
            question={t('board.confirmDeleteCard', { text: card.text.slice(0, 80) })}
            onDelete={() => actions.deleteCard(id)}
          >
            ×
          </ConfirmingDeleteButton>
        </div>
      </div>
      {moving && (
        <MoveCardMenu
          currentFieldId={card.fieldId}
          onClose={() => setMoving(false)}
          onMove={(fieldId) => {
            setMoving(false);
            actions.moveCardBefore(id, fieldId, null);
          }}
        />
      )}
    </li>
  );
});
