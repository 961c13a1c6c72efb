// The preload is the renderer's only door to the main process. It must put exactly
// the contract's channels on window.werkstatt, each forwarding to ipcRenderer.invoke,
// and never hand the page ipcRenderer itself (which could call any channel).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../shared/ipc/contract';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn((channel: string, ...args: unknown[]) => Promise.resolve({ channel, args })),
    send: vi.fn(),
    on: vi.fn(),
  },
}));

vi.mock('electron', () => electron);

let exposed: Record<string, unknown>;

beforeAll(async () => {
  await import('../../../electron/preload');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  expect(name).toBe('werkstatt');
  exposed = api as Record<string, unknown>;
});

describe('the preload bridge', () => {
  it('exposes exactly the contract’s channels, all as functions', () => {
    expect(Object.keys(exposed).sort()).toEqual([...IPC_CHANNELS].sort());
    for (const value of Object.values(exposed)) expect(typeof value).toBe('function');
  });

  it('does not expose ipcRenderer or any of its methods', () => {
    const values = Object.values(exposed);
    expect(values).not.toContain(electron.ipcRenderer);
    expect(values).not.toContain(electron.ipcRenderer.invoke);
    expect(values).not.toContain(electron.ipcRenderer.send);
    expect(values).not.toContain(electron.ipcRenderer.on);
  });

  it.each(IPC_CHANNELS)('forwards %s to ipcRenderer.invoke with its arguments', async (channel) => {
    electron.ipcRenderer.invoke.mockClear();
    const call = exposed[channel] as (...args: unknown[]) => Promise<unknown>;
    await expect(call('a', 2)).resolves.toEqual({ channel, args: ['a', 2] });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channel, 'a', 2);
  });

  it('sends nothing while loading', () => {
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });
});
