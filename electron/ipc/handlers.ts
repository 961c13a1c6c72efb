// The main process's side of the IPC contract: one validated handler per channel.
// Arguments arrive from the renderer and are checked here as untrusted input.
import type { AppInfo, IpcChannel, IpcContract } from '../../shared/ipc/contract';

export const MAX_WINDOW_TITLE_LENGTH = 200;

export interface HandlerDeps {
  readonly version: string;
  readonly platform: string;
  readonly locale: () => string;
  readonly setTitle: (title: string) => void;
}

export type ArgsValidator<C extends IpcChannel> = (
  args: readonly unknown[],
) => args is Parameters<IpcContract[C]>;

export type HandlerRegistry = {
  readonly [C in IpcChannel]: {
    readonly validate: ArgsValidator<C>;
    readonly handle: IpcContract[C];
  };
};

const noArgs = (args: readonly unknown[]): args is [] => args.length === 0;

export function createHandlers(deps: HandlerDeps): HandlerRegistry {
  return {
    'app:getInfo': {
      validate: noArgs,
      handle: (): AppInfo => ({
        version: deps.version,
        shell: 'desktop',
        platform: deps.platform,
        locale: deps.locale(),
      }),
    },
    'window:setTitle': {
      validate: (args): args is [string] =>
        args.length === 1 &&
        typeof args[0] === 'string' &&
        args[0].length <= MAX_WINDOW_TITLE_LENGTH,
      handle: (title: string) => deps.setTitle(title),
    },
  };
}
