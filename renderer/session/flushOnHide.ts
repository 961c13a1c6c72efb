// Writes pending edits the moment the page is hidden or closed, so that closing
// the window loses nothing; a killed process loses at most SAVE_DELAY_MS.
import { flushAllSessions } from './workshopSession';

export function flushWhenPageHides(target: Window = window): void {
  target.addEventListener('pagehide', () => void flushAllSessions());
  target.document.addEventListener('visibilitychange', () => {
    if (target.document.visibilityState === 'hidden') void flushAllSessions();
  });
}
