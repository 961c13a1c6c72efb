// main.ts only wires Electron to the tested modules, but the wiring is where a
// hardened window quietly becomes a weak one: this runs it against a fake Electron
// and checks the window's preferences, the app:// handler, the permission policy,
// the navigation guards and the IPC registration.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../shared/ipc/contract';
import { APP_START_URL } from '../../../electron/security/appOrigin';
import { SECURITY_HEADERS } from '../../../electron/security/csp';
import { secureWebPreferences } from '../../../electron/security/webPreferences';
import { readStaticFile } from '../../../electron/static/readStaticFile';

const ELECTRON_DIR = fileURLToPath(new URL('../../../electron', import.meta.url));

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;

  class Emitter {
    readonly listeners = new Map<string, Listener[]>();
    on(event: string, listener: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: Listener): this {
      return this.on(event, listener);
    }
    emit(event: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
  }

  class FakeWebContents extends Emitter {
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
      this.windowOpenHandler = handler;
    }
  }

  class FakeBrowserWindow extends Emitter {
    static readonly instances: FakeBrowserWindow[] = [];
    static getAllWindows(): FakeBrowserWindow[] {
      return FakeBrowserWindow.instances;
    }
    readonly webContents = new FakeWebContents();
    readonly loadURL = vi.fn(() => Promise.resolve());
    readonly setTitle = vi.fn();
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly isMinimized = vi.fn(() => false);
    constructor(readonly options: { webPreferences?: unknown }) {
      super();
      FakeBrowserWindow.instances.push(this);
    }
  }

  const ipcHandlers = new Map<string, Listener>();
  const app = Object.assign(new Emitter(), {
    commandLine: { appendSwitch: vi.fn() },
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getVersion: () => '9.8.7',
    getLocale: () => 'de-DE',
    getPath: (name: string) => `/nonexistent/werkstatt-${name}`,
  });

  return {
    Emitter,
    FakeWebContents,
    FakeBrowserWindow,
    ipcHandlers,
    electron: {
      app,
      BrowserWindow: FakeBrowserWindow,
      ipcMain: {
        handle: (channel: string, listener: Listener) => ipcHandlers.set(channel, listener),
        removeHandler: (channel: string) => ipcHandlers.delete(channel),
      },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
          setCertificateVerifyProc: vi.fn(),
        },
      },
    },
  };
});

vi.mock('electron', () => fake.electron);
vi.mock('../../../electron/static/readStaticFile', () => ({ readStaticFile: vi.fn() }));

type ProtocolHandler = (request: { url: string }) => Promise<Response>;
type PermissionHandler = (
  contents: unknown,
  permission: string,
  callback: (ok: boolean) => void,
) => void;

async function startMain(): Promise<void> {
  await import('../../../electron/main');
  // Let app.whenReady() resolve and its then() run.
  await new Promise((resolve) => setImmediate(resolve));
}

function onlyWindow(): InstanceType<typeof fake.FakeBrowserWindow> {
  expect(fake.FakeBrowserWindow.instances).toHaveLength(1);
  const window = fake.FakeBrowserWindow.instances[0];
  if (!window) throw new Error('no window');
  return window;
}

function protocolHandler(): ProtocolHandler {
  const call = fake.electron.protocol.handle.mock.calls[0] as unknown[] | undefined;
  expect(call?.[0]).toBe('app');
  return call?.[1] as ProtocolHandler;
}

beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
  fake.FakeBrowserWindow.instances.length = 0;
  fake.ipcHandlers.clear();
  fake.electron.app.listeners.clear();
  fake.electron.app.requestSingleInstanceLock.mockReturnValue(true);
});

afterEach(() => {
  vi.mocked(readStaticFile).mockReset();
  vi.restoreAllMocks();
});

describe('main process', () => {
  it('registers app:// as a standard, secure scheme before the app is ready', async () => {
    await startMain();
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      {
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      },
    ]);
  });

  it('opens one window with the secure preferences and the bundled preload, on the app origin', async () => {
    await startMain();
    const window = onlyWindow();
    expect(window.options.webPreferences).toEqual(
      secureWebPreferences(path.join(ELECTRON_DIR, 'preload.cjs')),
    );
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith(APP_START_URL);
  });

  it('guards the window’s navigation and window.open', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await startMain();
    const contents = onlyWindow().webContents;
    const preventDefault = vi.fn();
    contents.emit('will-navigate', { preventDefault }, 'https://evil.example/');
    expect(preventDefault).toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith('Blocked navigation to https://evil.example/');
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/popup' })).toEqual({
      action: 'deny',
    });
    expect(warn).toHaveBeenCalledWith('Blocked navigation to https://evil.example/popup');
  });

  it('guards every web contents created later', async () => {
    await startMain();
    const contents = new fake.FakeWebContents();
    fake.electron.app.emit('web-contents-created', {}, contents);
    const preventDefault = vi.fn();
    contents.emit('will-redirect', { preventDefault }, 'http://localhost:4870/');
    expect(preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler).not.toBeNull();
  });

  it('denies every permission request', async () => {
    await startMain();
    const handler = fake.electron.session.defaultSession.setPermissionRequestHandler.mock
      .calls[0]?.[0] as PermissionHandler | undefined;
    expect(handler).toBeTypeOf('function');
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      const callback = vi.fn();
      handler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
    const check = fake.electron.session.defaultSession.setPermissionCheckHandler.mock
      .calls[0]?.[0] as ((...args: unknown[]) => boolean) | undefined;
    expect(check).toBeTypeOf('function');
    expect(check?.({}, 'media', 'app://werkstatt', {})).toBe(false);
  });

  it('serves app://werkstatt from the built folder beside dist-electron, with the security headers', async () => {
    vi.mocked(readStaticFile).mockResolvedValue({
      status: 200,
      contentType: 'text/javascript; charset=utf-8',
      body: Buffer.from('export {};'),
    });
    await startMain();
    const response = await protocolHandler()({ url: 'app://werkstatt/assets/app.js?v=1' });
    expect(readStaticFile).toHaveBeenCalledExactlyOnceWith(
      path.join(ELECTRON_DIR, '..', 'dist'),
      '/assets/app.js',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(response.headers.get(name), name).toBe(value);
    }
    expect(await response.text()).toBe('export {};');
  });

  it('serves a chunk the app loads on first use from the same folder', async () => {
    vi.mocked(readStaticFile).mockResolvedValue({
      status: 200,
      contentType: 'text/javascript; charset=utf-8',
      body: Buffer.from('export const StrategyView = () => null;'),
    });
    await startMain();
    const response = await protocolHandler()({
      url: 'app://werkstatt/assets/StrategyView-Bb_J0-Rn.js',
    });
    expect(readStaticFile).toHaveBeenCalledExactlyOnceWith(
      path.join(ELECTRON_DIR, '..', 'dist'),
      '/assets/StrategyView-Bb_J0-Rn.js',
    );
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('passes a 404 through with the security headers', async () => {
    vi.mocked(readStaticFile).mockResolvedValue({
      status: 404,
      contentType: 'text/plain; charset=utf-8',
      body: Buffer.from('Not found'),
    });
    await startMain();
    const response = await protocolHandler()({ url: 'app://werkstatt/missing.js' });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers any other app:// host with 404 without reading a file', async () => {
    await startMain();
    const response = await protocolHandler()({ url: 'app://other/index.html' });
    expect(response.status).toBe(404);
    expect(readStaticFile).not.toHaveBeenCalled();
  });

  it('registers the IPC channels, wired to this window and guarded by origin', async () => {
    await startMain();
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    const setTitle = fake.ipcHandlers.get('window:setTitle');
    const getInfo = fake.ipcHandlers.get('app:getInfo');
    setTitle?.({ senderFrame: { url: APP_START_URL } }, 'Strategie 2030');
    expect(onlyWindow().setTitle).toHaveBeenCalledExactlyOnceWith('Strategie 2030');
    expect(getInfo?.({ senderFrame: { url: APP_START_URL } })).toEqual({
      version: '9.8.7',
      shell: 'desktop',
      platform: process.platform,
      locale: 'de-DE',
    });
    // main.ts is re-imported per test, so its IpcRefusedError is a fresh class: match the message.
    expect(() => setTitle?.({ senderFrame: { url: 'https://evil.example/' } }, 'x')).toThrow(
      'IPC window:setTitle refused: sender is not the Werkstatt app',
    );
    expect(() => setTitle?.({ senderFrame: { url: APP_START_URL } }, 42)).toThrow(
      'invalid arguments',
    );
    expect(onlyWindow().setTitle).toHaveBeenCalledTimes(1);
  });

  it('quits at once, without a window or handlers, when another instance is running', async () => {
    fake.electron.app.requestSingleInstanceLock.mockReturnValue(false);
    await startMain();
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(fake.FakeBrowserWindow.instances).toHaveLength(0);
    expect(fake.electron.protocol.handle).not.toHaveBeenCalled();
    expect(fake.ipcHandlers.size).toBe(0);
  });

  it('focuses the existing window when a second instance starts', async () => {
    await startMain();
    fake.electron.app.emit('second-instance');
    expect(onlyWindow().focus).toHaveBeenCalled();
  });

  it('checks certificates with the session pins from before the window opens', async () => {
    await startMain();
    const setProc = fake.electron.session.defaultSession.setCertificateVerifyProc;
    expect(setProc).toHaveBeenCalledTimes(1);
    expect(setProc.mock.invocationCallOrder[0]).toBeLessThan(
      onlyWindow().loadURL.mock.invocationCallOrder[0] ?? 0,
    );
    const proc = setProc.mock.calls[0]?.[0] as
      ((request: unknown, callback: (verdict: number) => void) => void) | undefined;
    // No pins (the data folder does not exist here): Chromium's own verdict stands.
    const callback = vi.fn();
    proc?.(
      { hostname: '192.168.8.23', errorCode: -202, certificate: { data: 'not pinned' } },
      callback,
    );
    expect(callback).toHaveBeenCalledExactlyOnceWith(-3);
  });
});
