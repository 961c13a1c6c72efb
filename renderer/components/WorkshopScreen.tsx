// An open workshop: header with title and save state, the facilitation bar (phase,
// timer, controls), and the board, strategy or session view.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { workshopHref, type WorkshopView as View } from '../app/route';
import { SessionContext } from '../hooks/sessionContext';
import { useOpenWorkshop } from '../hooks/useOpenWorkshop';
import { useWorkshopInfo } from '../hooks/workshopHooks';
import { desktopBridge } from '../platform/shell';
import { useActivateFacilitation } from '../hooks/facilitation/useFacilitation';
import { Board } from './Board';
import { FacilitationBar } from './facilitation/FacilitationBar';
import { FollowController } from './facilitation/FollowController';
import { ConnectionIndicator } from './ConnectionIndicator';
import { LanguageSwitch } from './LanguageSwitch';
import { LazyPart } from './LazyPart';
import { SessionPanel, StrategyView } from './lazyParts';
import { SaveIndicator } from './SaveIndicator';
import { WorkshopTitleField } from './WorkshopTitleField';
import { UndoButtons } from './UndoButtons';

export function WorkshopScreen({ id, view }: { readonly id: string; readonly view: View }) {
  const { t } = useTranslation();
  const state = useOpenWorkshop(id);
  if (state.status === 'ready') {
    return (
      <SessionContext.Provider value={state.session}>
        <WorkshopLayout id={id} view={view} />
      </SessionContext.Provider>
    );
  }
  const message =
    state.status === 'loading'
      ? t('workshop.loading')
      : state.status === 'failed'
        ? t('workshop.failed', { message: state.message })
        : t(`workshop.${state.status}`);
  return (
    <main className="workshop-message">
      <p role={state.status === 'loading' ? 'status' : 'alert'}>{message}</p>
      <a href="#/">{t('workshop.back')}</a>
    </main>
  );
}

function WorkshopLayout({ id, view }: { readonly id: string; readonly view: View }) {
  const { t } = useTranslation();
  const info = useWorkshopInfo();
  useActivateFacilitation();

  useEffect(() => {
    const title = info.title ? `${info.title} – Werkstatt` : 'Werkstatt';
    document.title = title;
    void desktopBridge()?.['window:setTitle'](title);
  }, [info.title]);

  return (
    <div className="workshop-screen">
      <header className="workshop-header">
        <a href="#/" className="back-link">
          ← {t('workshop.back')}
        </a>
        <WorkshopTitleField />
        <UndoButtons />
        <SaveIndicator />
        <ConnectionIndicator />
        <LanguageSwitch />
      </header>
      <nav className="view-tabs" aria-label={t('workshop.views')}>
        <a href={workshopHref(id, 'board')} aria-current={view === 'board' ? 'page' : undefined}>
          {t('workshop.tabBoard')}
        </a>
        <a
          href={workshopHref(id, 'strategy')}
          aria-current={view === 'strategy' ? 'page' : undefined}
        >
          {t('workshop.tabStrategy')}
        </a>
        <a
          href={workshopHref(id, 'session')}
          aria-current={view === 'session' ? 'page' : undefined}
        >
          {t('workshop.tabSession')}
        </a>
      </nav>
      <FacilitationBar />
      <FollowController workshopId={id} view={view} />
      <main className="workshop-main">
        {view === 'board' ? (
          <Board />
        ) : (
          <LazyPart key={view}>
            {view === 'strategy' ? <StrategyView /> : <SessionPanel />}
          </LazyPart>
        )}
      </main>
    </div>
  );
}
