// Blocks every navigation away from the app and every new window. A workshop page
// that somehow contained a link or a redirect must not load foreign content into a
// window that has the preload bridge.
import { isAppUrl } from './appOrigin';

interface PreventableEvent {
  preventDefault(): void;
  /** Newer Electron puts the target URL on the event; the second argument is deprecated. */
  readonly url?: string;
}

/** The part of Electron's WebContents this guard needs; a fake one tests it. */
export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate',
    listener: (event: PreventableEvent, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export function guardNavigation(
  contents: GuardedContents,
  onBlocked: (url: string) => void = () => {},
): void {
  const block = (event: PreventableEvent, legacyUrl: string) => {
    const url = event.url ?? legacyUrl;
    if (isAppUrl(url)) return;
    event.preventDefault();
    onBlocked(url);
  };
  contents.on('will-navigate', block);
  contents.on('will-redirect', block);
  contents.on('will-frame-navigate', block);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    onBlocked(url);
    return { action: 'deny' };
  });
}
