// Renderer entry: languages, persistent storage, flushing on close, then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { db } from './app/database';
import { initI18n } from './i18n';
import { purgeDeletedWorkshops } from './persistence/workshops';
import { requestPersistentStorage } from './platform/storage';
import { storagePersistence } from './platform/storageState';
import { flushWhenPageHides } from './session/flushOnHide';
import './styles.css';

async function start(): Promise<void> {
  await initI18n();
  flushWhenPageHides();
  // Workshops deleted in an earlier run could be restored until now.
  await purgeDeletedWorkshops(db).catch((error: unknown) => console.warn('purge failed', error));
  void requestPersistentStorage().then(storagePersistence.set);
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root');
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
