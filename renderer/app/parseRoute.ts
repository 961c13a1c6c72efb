// Hash routes: "#/" is the start screen, "#/w/<id>" a workshop, "#/join" joining.
// Plain parsing without React, so that the page's first script (main.tsx) can tell
// which workshop to load before React has been loaded; route.ts has the hooks.

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
