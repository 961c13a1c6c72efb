// The preload: exposes exactly the channels of the IPC contract as async functions
// on window.werkstatt. It never exposes ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, type WerkstattBridge } from '../shared/ipc/contract';

const bridge = Object.fromEntries(
  IPC_CHANNELS.map((channel) => [
    channel,
    (...args: unknown[]) => ipcRenderer.invoke(channel, ...args),
  ]),
) as unknown as WerkstattBridge;

contextBridge.exposeInMainWorld('werkstatt', bridge);
