// The one list of calls the renderer may make to the desktop shell. The main
// process implements exactly this interface, the preload exposes exactly these
// channels, and the renderer's `window.werkstatt` is typed from it.

export interface AppInfo {
  readonly version: string;
  readonly shell: 'desktop' | 'browser';
  readonly platform: string;
  readonly locale: string;
}

export interface IpcContract {
  'app:getInfo': () => AppInfo;
  'window:setTitle': (title: string) => void;
}

export type IpcChannel = keyof IpcContract;

export const IPC_CHANNELS: readonly IpcChannel[] = ['app:getInfo', 'window:setTitle'];

/** What the preload puts on `window.werkstatt`: one async function per channel. */
export type WerkstattBridge = {
  readonly [C in IpcChannel]: (
    ...args: Parameters<IpcContract[C]>
  ) => Promise<Awaited<ReturnType<IpcContract[C]>>>;
};
