// The desktop app's own origin. The renderer is served from a privileged custom
// scheme rather than file:// so that it has a stable origin (IndexedDB survives
// restarts) and so that "is this our page?" is one exact comparison.

export const APP_SCHEME = 'app';
export const APP_HOST = 'werkstatt';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs on the app's own origin (not lookalike hosts, not file://). */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
