// The desktop app's main process: one window on the app:// origin, hardened as
// Electron's security checklist asks, with the typed IPC surface. Logic lives in
// plain modules beside this file, which are tested under Node.
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import path from 'node:path';
import { APP_HOST, APP_SCHEME, APP_START_URL } from './security/appOrigin';
import { SECURITY_HEADERS } from './security/csp';
import { guardNavigation } from './security/navigationGuard';
import { secureWebPreferences } from './security/webPreferences';
import { readStaticFile } from './static/readStaticFile';
import { createHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/registerIpc';
import { SessionController } from './host/sessionController';
import { CertificatePins } from './security/certificatePins';
import { createSessionLookup } from './ipc/pinnedSessionLookup';
import { LanSessionBrowser } from './host/discovery/sessionBrowser';

const RENDERER_ROOT = path.join(__dirname, '..', 'dist');
const WINDOW_MIN_WIDTH_PX = 900;
const WINDOW_MIN_HEIGHT_PX = 600;

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
  },
]);

// Peers in the room find each other by their real local addresses (no mDNS names).
app.commandLine.appendSwitch('disable-features', 'WebRtcHideLocalIpsWithMdns');

let mainWindow: BrowserWindow | null = null;

/** A stable port keeps the join address the same when the facilitator restarts a session. */
const SESSION_PORT = 4871;
let sessions: SessionController;
/** Listens for sessions on the LAN only while the join screen asks (see sessionBrowser.ts). */
const discovery = new LanSessionBrowser({
  log: (message) => console.log(`[discovery] ${message}`),
});

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: WINDOW_MIN_WIDTH_PX,
    minHeight: WINDOW_MIN_HEIGHT_PX,
    title: 'Werkstatt',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  guardNavigation(mainWindow.webContents, (url) => console.warn(`Blocked navigation to ${url}`));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(APP_START_URL);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  void app.whenReady().then(() => {
    // Session hosts' own certificates this app trusts (per address); in place before the
    // window's first connection, because Chromium caches every certificate verdict.
    const pins = CertificatePins.loadSync(
      path.join(app.getPath('userData'), 'trusted-session-certificates.json'),
    );
    session.defaultSession.setCertificateVerifyProc((request, callback) =>
      callback(pins.verify(request)),
    );
    sessions = new SessionController({
      appRoot: RENDERER_ROOT,
      dataDir: path.join(app.getPath('userData'), 'sessions'),
      port: SESSION_PORT,
      log: (message) => console.log(`[session] ${message}`),
      // Our own session's certificate: the facilitator's window connects to it too.
      onCertificate: (address, fingerprint) =>
        void pins
          .trust(address, fingerprint)
          .catch((error: unknown) => console.warn(`[session] ${(error as Error).message}`)),
    });
    protocol.handle(APP_SCHEME, async (request) => {
      const url = new URL(request.url);
      if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
      const file = await readStaticFile(RENDERER_ROOT, url.pathname);
      return new Response(new Uint8Array(file.body), {
        status: file.status,
        headers: { 'Content-Type': file.contentType, ...SECURITY_HEADERS },
      });
    });
    // No page of ours needs camera, microphone, notifications or anything else.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
      callback(false),
    );
    session.defaultSession.setPermissionCheckHandler(() => false);
    registerIpc(
      ipcMain,
      createHandlers({
        version: app.getVersion(),
        platform: process.platform,
        locale: () => app.getLocale(),
        setTitle: (title) => mainWindow?.setTitle(title),
        sessions,
        discovery,
        lookupSession: createSessionLookup(pins),
      }),
    );
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('web-contents-created', (_event, contents) => guardNavigation(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => {
    void sessions?.stop();
    void discovery.stop();
  });
}
