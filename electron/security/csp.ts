// The Content-Security-Policy for every page Werkstatt shows, in the desktop app
// (set by the app:// protocol handler) and in browser mode (an HTTP header), and
// written into the built index.html as a second line of defence.
// Scripts only from the app itself; no eval, no inline scripts, no plugins, no
// framing; connections only to the app's own origin and WebSockets (in-room sync).

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Headers that go with every response the app serves. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
