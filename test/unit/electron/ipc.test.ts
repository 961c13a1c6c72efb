// The IPC surface is the only way from a renderer into the main process. Every call
// must come from a frame on app://werkstatt and carry arguments of the contract's
// shape, or it is refused before any handler runs.
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  IPC_CHANNELS,
  type AppInfo,
  type IpcChannel,
  type IpcContract,
  type WerkstattBridge,
} from '../../../shared/ipc/contract';
import {
  MAX_WINDOW_TITLE_LENGTH,
  createHandlers,
  type HandlerRegistry,
} from '../../../electron/ipc/handlers';
import {
  IpcRefusedError,
  dispatch,
  registerIpc,
  type InvokeEvent,
  type IpcMainLike,
} from '../../../electron/ipc/registerIpc';
import { SessionController } from '../../../electron/host/sessionController';

const FROM_APP: InvokeEvent = { senderFrame: { url: 'app://werkstatt/index.html' } };

function setup(): {
  registry: HandlerRegistry;
  setTitle: ReturnType<typeof vi.fn>;
  locale: ReturnType<typeof vi.fn>;
} {
  const setTitle = vi.fn();
  const locale = vi.fn(() => 'de-DE');
  const sessions = new SessionController({
    appRoot: '/nonexistent',
    dataDir: '/nonexistent',
    listInterfaces: () => [{ name: 'lo', address: '127.0.0.1', internal: true }],
  });
  const registry = createHandlers({
    version: '1.2.3',
    platform: 'linux',
    locale,
    setTitle,
    sessions,
    discovery: { list: () => [] },
  });
  return { registry, setTitle, locale };
}

/** Behaves like Electron's ipcMain: one handler per channel, a second one throws. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => unknown>();
  readonly removed: string[] = [];

  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.removed.push(channel);
    this.handlers.delete(channel);
  }

  invoke(channel: string, event: InvokeEvent, ...args: unknown[]): unknown {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, ...args);
  }
}

describe('dispatch: who may call', () => {
  it.each<[string, InvokeEvent]>([
    ['a foreign web page', { senderFrame: { url: 'http://evil.example/' } }],
    ['browser mode on localhost', { senderFrame: { url: 'http://localhost:4870/' } }],
    ['a lookalike app host', { senderFrame: { url: 'app://werkstatt.evil/index.html' } }],
    ['a file:// page', { senderFrame: { url: 'file:///work/main/dist/index.html' } }],
    ['a frame with an empty URL', { senderFrame: { url: '' } }],
    ['a frame that is gone (null senderFrame)', { senderFrame: null }],
  ])('refuses %s and runs no handler', (_label, event) => {
    const { registry, setTitle, locale } = setup();
    expect(() => dispatch(registry, 'window:setTitle', event, ['Hijacked'])).toThrow(
      IpcRefusedError,
    );
    expect(() => dispatch(registry, 'app:getInfo', event, [])).toThrow(
      'IPC app:getInfo refused: sender is not the Werkstatt app',
    );
    expect(setTitle).not.toHaveBeenCalled();
    expect(locale).not.toHaveBeenCalled();
  });
});

describe('dispatch: what may be passed', () => {
  it.each<[string, unknown[]]>([
    ['a number', [42]],
    ['null', [null]],
    ['an object', [{ toString: () => 'x' }]],
    ['no title', []],
    ['a title one character too long', ['x'.repeat(MAX_WINDOW_TITLE_LENGTH + 1)]],
    ['an extra argument', ['Title', 'extra']],
  ])('refuses window:setTitle with %s', (_label, args) => {
    const { registry, setTitle } = setup();
    expect(() => dispatch(registry, 'window:setTitle', FROM_APP, args)).toThrow(
      'IPC window:setTitle refused: invalid arguments',
    );
    expect(setTitle).not.toHaveBeenCalled();
  });

  it('refuses app:getInfo with any argument', () => {
    const { registry, locale } = setup();
    expect(() => dispatch(registry, 'app:getInfo', FROM_APP, ['please'])).toThrow(IpcRefusedError);
    expect(locale).not.toHaveBeenCalled();
  });

  it('accepts a title of exactly the maximum length', () => {
    const { registry, setTitle } = setup();
    const title = 'x'.repeat(MAX_WINDOW_TITLE_LENGTH);
    expect(dispatch(registry, 'window:setTitle', FROM_APP, [title])).toBeUndefined();
    expect(setTitle).toHaveBeenCalledExactlyOnceWith(title);
  });
});

describe('dispatch: valid calls', () => {
  it('returns the desktop shell’s AppInfo, reading the locale at call time', () => {
    const { registry, locale } = setup();
    expect(dispatch(registry, 'app:getInfo', FROM_APP, [])).toEqual<AppInfo>({
      version: '1.2.3',
      shell: 'desktop',
      platform: 'linux',
      locale: 'de-DE',
    });
    locale.mockReturnValue('fr-FR');
    expect(dispatch(registry, 'app:getInfo', FROM_APP, [])).toMatchObject({ locale: 'fr-FR' });
  });

  it('sets the window title', () => {
    const { registry, setTitle } = setup();
    dispatch(registry, 'window:setTitle', { senderFrame: { url: 'app://werkstatt/x' } }, [
      'Strategie 2030 – Werkstatt',
    ]);
    expect(setTitle).toHaveBeenCalledExactlyOnceWith('Strategie 2030 – Werkstatt');
  });

  it('IpcRefusedError is an Error, so Electron passes its message to the renderer', () => {
    expect(new IpcRefusedError('x')).toBeInstanceOf(Error);
  });
});

describe('the handler registry and the contract', () => {
  it('has one handler per contract channel and no others', () => {
    const { registry } = setup();
    expect(Object.keys(registry).sort()).toEqual([...IPC_CHANNELS].sort());
    expect(new Set(IPC_CHANNELS).size).toBe(IPC_CHANNELS.length);
  });

  it('matches the contract’s types', () => {
    expectTypeOf<keyof HandlerRegistry>().toEqualTypeOf<IpcChannel>();
    expectTypeOf<ReturnType<HandlerRegistry['app:getInfo']['handle']>>().toEqualTypeOf<
      ReturnType<IpcContract['app:getInfo']> | Promise<ReturnType<IpcContract['app:getInfo']>>
    >();
    expectTypeOf<WerkstattBridge['window:setTitle']>().toEqualTypeOf<
      (title: string) => Promise<void>
    >();
    expectTypeOf<WerkstattBridge['app:getInfo']>().toEqualTypeOf<() => Promise<AppInfo>>();
  });
});

describe('registerIpc', () => {
  it('registers exactly the contract’s channels', () => {
    const ipcMain = new FakeIpcMain();
    registerIpc(ipcMain, setup().registry);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('routes calls through dispatch, so the sender and argument checks apply', () => {
    const ipcMain = new FakeIpcMain();
    const { registry, setTitle } = setup();
    registerIpc(ipcMain, registry);
    expect(ipcMain.invoke('app:getInfo', FROM_APP)).toMatchObject({ shell: 'desktop' });
    ipcMain.invoke('window:setTitle', FROM_APP, 'Workshop');
    expect(setTitle).toHaveBeenCalledExactlyOnceWith('Workshop');
    expect(() =>
      ipcMain.invoke('window:setTitle', { senderFrame: { url: 'https://evil.example/' } }, 'x'),
    ).toThrow(IpcRefusedError);
    expect(() => ipcMain.invoke('window:setTitle', FROM_APP, 7)).toThrow(IpcRefusedError);
    expect(setTitle).toHaveBeenCalledTimes(1);
  });

  it('returns a function that removes every handler it registered', () => {
    const ipcMain = new FakeIpcMain();
    const unregister = registerIpc(ipcMain, setup().registry);
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
    expect([...ipcMain.removed].sort()).toEqual([...IPC_CHANNELS].sort());
    // Registering again after removal works (Electron would throw on a duplicate).
    expect(() => registerIpc(ipcMain, setup().registry)).not.toThrow();
  });
});
