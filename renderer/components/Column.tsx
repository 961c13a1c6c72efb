// One Handlungsfeld's column: its cards and a form to add one. Re-renders when
// cards join, leave or move, not when one card's text changes.
import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCardIds, useField } from '../hooks/workshopHooks';
import { useWorkshopActions } from '../hooks/useWorkshopActions';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { COLUMN_DROP_PREFIX } from './BoardDnd';
import { CardItem } from './CardItem';

export const Column = memo(function Column({
  fieldId,
  author,
}: {
  readonly fieldId: string;
  readonly author: string;
}) {
  const { t } = useTranslation();
  const field = useField(fieldId);
  const cardIds = useCardIds(fieldId);
  const actions = useWorkshopActions();
  const [draft, setDraft] = useState('');
  const headingId = useId();
  const { setNodeRef, isOver } = useDroppable({ id: `${COLUMN_DROP_PREFIX}${fieldId}` });
  const inputId = useId();
  if (!field) return null;

  const add = () => {
    const text = draft.trim();
    if (!text) return;
    actions.addCard(fieldId, text, author.trim());
    setDraft('');
  };

  return (
    <section className="column" aria-labelledby={headingId} data-testid="column">
      <header className="column-header">
        <h3 id={headingId}>{field.title}</h3>
        <span className="count">{t('board.cardCount', { count: cardIds.length })}</span>
      </header>
      <SortableContext items={cardIds} strategy={verticalListSortingStrategy}>
        <ul className={`cards${isOver ? ' drop-target' : ''}`} ref={setNodeRef}>
          {cardIds.map((id) => (
            <CardItem key={id} id={id} />
          ))}
        </ul>
      </SortableContext>
      <form
        className="add-card"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <label htmlFor={inputId} className="visually-hidden">
          {t('board.newCardLabel', { field: field.title })}
        </label>
        <textarea
          id={inputId}
          rows={2}
          value={draft}
          placeholder={t('board.newCardPlaceholder')}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="submit">{t('board.addCard')}</button>
      </form>
    </section>
  );
});
