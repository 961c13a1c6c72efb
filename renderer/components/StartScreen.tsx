// The start screen: the workshops on this device, a new one, the demo.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JOIN_HREF, navigate, workshopHref } from '../app/route';
import { useWorkshopList, useWorkshopListActions } from '../hooks/useWorkshopList';
import { useStoragePersistence } from '../platform/storageState';
import { AppHeader } from './AppHeader';
import { WorkshopListItem } from './WorkshopListItem';

export const UNDO_DELETE_VISIBLE_MS = 10_000;

export function StartScreen() {
  const { t } = useTranslation();
  const workshops = useWorkshopList();
  const actions = useWorkshopListActions();
  const storage = useStoragePersistence();
  const [creating, setCreating] = useState(false);
  const [newTitle, setNewTitle] = useState('');
  const [deleted, setDeleted] = useState<{ id: string; title: string } | null>(null);

  const create = async () => {
    const title = newTitle.trim() || t('start.untitled');
    const id = await actions.create(title);
    setCreating(false);
    setNewTitle('');
    navigate(workshopHref(id, 'strategy'));
  };

  const remove = async (id: string, title: string) => {
    await actions.remove(id);
    setDeleted({ id, title });
    window.setTimeout(
      () => setDeleted((current) => (current?.id === id ? null : current)),
      UNDO_DELETE_VISIBLE_MS,
    );
  };

  return (
    <div className="start-screen">
      <AppHeader />
      <main>
        <h2>{t('start.heading')}</h2>
        <div className="start-actions">
          {creating ? (
            <form
              className="inline-form"
              onSubmit={(event) => {
                event.preventDefault();
                void create();
              }}
            >
              <label htmlFor="new-workshop-title">{t('start.newTitleLabel')}</label>
              <input
                id="new-workshop-title"
                autoFocus
                value={newTitle}
                placeholder={t('start.newTitlePlaceholder')}
                onChange={(event) => setNewTitle(event.target.value)}
              />
              <button type="submit" className="primary">
                {t('start.create')}
              </button>
              <button type="button" onClick={() => setCreating(false)}>
                {t('start.cancel')}
              </button>
            </form>
          ) : (
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              {t('start.newWorkshop')}
            </button>
          )}
          <button
            type="button"
            title={t('start.demoHint')}
            onClick={() => void actions.openDemo().then((id) => navigate(workshopHref(id)))}
          >
            {t('start.openDemo')}
          </button>
          <a className="button-link" href={JOIN_HREF}>
            {t('join.link')}
          </a>
        </div>
        {workshops === undefined ? (
          <p>{t('start.loading')}</p>
        ) : workshops.length === 0 ? (
          <p className="empty">{t('start.empty')}</p>
        ) : (
          <ul className="workshop-list" aria-label={t('start.heading')}>
            {workshops.map((workshop) => (
              <WorkshopListItem
                key={workshop.id}
                workshop={workshop}
                onRename={(title) => void actions.rename(workshop.id, title)}
                onDuplicate={() =>
                  void actions.duplicate(workshop.id, (title) => t('start.copyOf', { title }))
                }
                onDelete={() => void remove(workshop.id, workshop.title)}
              />
            ))}
          </ul>
        )}
        <div className="toast-region" role="status" aria-live="polite">
          {deleted && (
            <div className="toast">
              <span>{t('start.deleted', { title: deleted.title })}</span>
              <button
                type="button"
                onClick={() => void actions.restore(deleted.id).then(() => setDeleted(null))}
              >
                {t('start.undo')}
              </button>
            </div>
          )}
        </div>
      </main>
      <footer className="app-footer">
        {storage === 'persistent' && <p>{t('app.storagePersistent')}</p>}
        {storage === 'bestEffort' && <p>{t('app.storageBestEffort')}</p>}
      </footer>
    </div>
  );
}
