// The place a part loaded on first use (lazyParts.ts) appears: until its code has
// arrived, a short status ("Lädt …") that screen readers announce politely. If the
// code cannot be loaded (say, a browser tab left open while the app was updated),
// or the part fails, the rest of the app stays usable and a reload is offered.
import { Component, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function PartLoading() {
  const { t } = useTranslation();
  return (
    <p role="status" data-testid="part-loading">
      {t('app.loadingPart')}
    </p>
  );
}

function PartFailed() {
  const { t } = useTranslation();
  return (
    <div role="alert">
      <p>{t('app.partFailed')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </button>
    </div>
  );
}

class PartBoundary extends Component<{ readonly children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('a part of the app failed', error);
  }

  override render(): ReactNode {
    return this.state.failed ? <PartFailed /> : this.props.children;
  }
}

export function LazyPart({ children }: { readonly children: ReactNode }) {
  return (
    <PartBoundary>
      <Suspense fallback={<PartLoading />}>{children}</Suspense>
    </PartBoundary>
  );
}
