// Hash routes: "#/" is the start screen, "#/w/<id>" a workshop. Hash routing works
// the same on the desktop app's app:// origin and in browser mode. The parsing
// itself is in parseRoute.ts (no React), this adds links and the hook.
import { useSyncExternalStore } from 'react';
import { parseRoute, type Route, type WorkshopView } from './parseRoute';

export { parseRoute, type Route, type WorkshopView };

export const JOIN_HREF = '#/join';

export function workshopHref(id: string, view: WorkshopView = 'board'): string {
  return `#/w/${id}/${view}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, getHash));
}

export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, '');
}
