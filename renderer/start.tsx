// Starts the app once main.tsx has set the workshop loading: languages, persistent
// storage, flushing on close, then the UI.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { db } from './app/database';
import { initI18n } from './i18n';
import { purgeDeletedWorkshops } from './persistence/workshops';
import { requestPersistentStorage } from './platform/storage';
import { storagePersistence } from './platform/storageState';
import { flushWhenPageHides } from './session/flushOnHide';

/**
 * Workshops deleted in an earlier run are purged this long after the start: opening
 * the database connection and the purge's transaction would otherwise compete with
 * loading and showing the first screen.
 */
export const PURGE_DELAY_MS = 3_000;

/** `startedAt` (ms since 1970): when this run began; workshops deleted since stay restorable. */
export async function start(startedAt: number): Promise<void> {
  await initI18n();
  flushWhenPageHides();
  // Workshops deleted in an earlier run could be restored until now. Nothing on the
  // first screen waits for it (the list hides deleted workshops anyway).
  window.setTimeout(() => {
    purgeDeletedWorkshops(db, startedAt).catch((error: unknown) =>
      console.warn('purge failed', error),
    );
  }, PURGE_DELAY_MS);
  void requestPersistentStorage().then(storagePersistence.set);
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root');
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
