// Maps a request's URL to what the session host does with it, before anything else
// happens: the session API, the two WebSocket endpoints, or the built app. Only the
// path's shape is checked here; the join code is checked by the caller.
import {
  JOIN_CODE_PARAM,
  RELAY_PATH,
  SESSION_API_PATH,
  SIGNALING_PATH,
} from '../../../shared/sync/paths';

export type Route =
  | { readonly kind: 'session-api'; readonly code: string | null }
  | { readonly kind: 'signaling'; readonly code: string | null }
  | { readonly kind: 'relay'; readonly code: string | null; readonly room: string }
  | { readonly kind: 'static' }
  | { readonly kind: 'not-found' };

export function routeOf(requestUrl: string | undefined): Route {
  let url: URL;
  try {
    // The base only makes the relative request URL parseable; it is never contacted.
    url = new URL(requestUrl ?? '/', 'http://session.invalid');
  } catch {
    return { kind: 'not-found' };
  }
  const code = url.searchParams.get(JOIN_CODE_PARAM);
  const pathname = url.pathname;
  if (pathname === SESSION_API_PATH) return { kind: 'session-api', code };
  if (pathname === SIGNALING_PATH) return { kind: 'signaling', code };
  if (pathname.startsWith(`${RELAY_PATH}/`)) {
    return { kind: 'relay', code, room: pathname.slice(RELAY_PATH.length + 1) };
  }
  if (pathname === '/api' || pathname.startsWith('/api/') || pathname === RELAY_PATH) {
    return { kind: 'not-found' };
  }
  return { kind: 'static' };
}
