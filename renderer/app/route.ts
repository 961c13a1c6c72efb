// Hash routes: "#/" is the start screen, "#/w/<id>" a workshop. Hash routing works
// the same on the desktop app's app:// origin and in browser mode.
import { useSyncExternalStore } from 'react';

export type WorkshopView = 'board' | 'strategy' | 'session';

export type Route =
  | { readonly screen: 'start' }
  | { readonly screen: 'join'; readonly code: string }
  | { readonly screen: 'workshop'; readonly id: string; readonly view: WorkshopView };

export function parseRoute(hash: string): Route {
  const join = /^#\/join(?:\?(.*))?$/.exec(hash);
  if (join) {
    const code = new URLSearchParams(join[1] ?? '').get('code') ?? '';
    return { screen: 'join', code: code.slice(0, 32) };
  }
  const match = /^#\/w\/([A-Za-z0-9_-]+)(?:\/(board|strategy|session))?$/.exec(hash);
  if (match?.[1]) {
    return {
      screen: 'workshop',
      id: match[1],
      view: (match[2] as WorkshopView | undefined) ?? 'board',
    };
  }
  return { screen: 'start' };
}

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
