// Asks the session host about the session with this laptop's link: through the desktop
// app's main process (the app:// page may not fetch from a LAN origin), or directly in a
// browser. Used for clock pings and to tell a wrong code from an unreachable host.
import { fetchSessionInfo, type SessionInfoResult } from '../../shared/sync/fetchSessionInfo';
import { desktopBridge } from '../platform/shell';
import type { SessionLink } from './sessionLink';

export function lookupSession(link: SessionLink): Promise<SessionInfoResult> {
  const bridge = desktopBridge();
  return bridge
    ? bridge['session:lookup'](link.baseUrl, link.code)
    : fetchSessionInfo(link.baseUrl, link.code);
}
