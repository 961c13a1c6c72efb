// One workshop on the start screen, with rename, duplicate and delete.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workshopHref } from '../app/route';
import type { WorkshopSummary } from '../hooks/useWorkshopList';

interface WorkshopListItemProps {
  readonly workshop: WorkshopSummary;
  readonly onRename: (title: string) => void;
  readonly onDuplicate: () => void;
  readonly onDelete: () => void;
}

export function WorkshopListItem({
  workshop,
  onRename,
  onDuplicate,
  onDelete,
}: WorkshopListItemProps) {
  const { t, i18n } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(workshop.title);
  const title = workshop.title || t('start.untitled');
  const updated = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(workshop.updatedAt);

  return (
    <li className="workshop-item" data-testid="workshop-item">
      {renaming ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (draft.trim()) onRename(draft.trim());
            setRenaming(false);
          }}
        >
          <label htmlFor={`rename-${workshop.id}`}>{t('start.renameLabel')}</label>
          <input
            id={`rename-${workshop.id}`}
            autoFocus
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="primary">
            {t('start.save')}
          </button>
          <button type="button" onClick={() => setRenaming(false)}>
            {t('start.cancel')}
          </button>
        </form>
      ) : (
        <div className="workshop-summary">
          <a href={workshopHref(workshop.id)} className="workshop-title">
            {title}
          </a>
          {workshop.isDemo && <span className="badge">{t('start.demoBadge')}</span>}
          <p className="meta">
            {t('start.updated', { date: updated })} ·{' '}
            {t('start.counts', { fields: workshop.fieldCount, cards: workshop.cardCount })}
          </p>
        </div>
      )}
      {!renaming && (
        <div className="item-actions">
          <button
            type="button"
            aria-label={`${t('start.rename')}: ${title}`}
            onClick={() => {
              setDraft(workshop.title);
              setRenaming(true);
            }}
          >
            {t('start.rename')}
          </button>
          <button
            type="button"
            aria-label={`${t('start.duplicate')}: ${title}`}
            onClick={onDuplicate}
          >
            {t('start.duplicate')}
          </button>
          <button
            type="button"
            className="danger"
            aria-label={`${t('start.delete')}: ${title}`}
            onClick={onDelete}
          >
            {t('start.delete')}
          </button>
        </div>
      )}
    </li>
  );
}
