// Wires the handler registry to ipcMain: every call's sender must be a frame of
// the app's own origin and its arguments must pass the channel's validator, or the
// call is refused with an error and nothing runs.
import { IPC_CHANNELS, type IpcChannel } from '../../shared/ipc/contract';
import { isAppUrl } from '../security/appOrigin';
import type { HandlerRegistry } from './handlers';

export interface InvokeEvent {
  readonly senderFrame: { readonly url: string } | null;
}

/** The part of Electron's ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export class IpcRefusedError extends Error {}

export function dispatch(
  registry: HandlerRegistry,
  channel: IpcChannel,
  event: InvokeEvent,
  args: readonly unknown[],
): unknown {
  if (!isAppUrl(event.senderFrame?.url)) {
    throw new IpcRefusedError(`IPC ${channel} refused: sender is not the Werkstatt app`);
  }
  const entry = registry[channel];
  if (!entry.validate(args)) {
    throw new IpcRefusedError(`IPC ${channel} refused: invalid arguments`);
  }
  return (entry.handle as (...a: readonly unknown[]) => unknown)(...args);
}

export function registerIpc(ipcMain: IpcMainLike, registry: HandlerRegistry): () => void {
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, (event, ...args) => dispatch(registry, channel, event, args));
  }
  return () => {
    for (const channel of IPC_CHANNELS) ipcMain.removeHandler(channel);
  };
}
