// The desktop shell's bridge, when there is one (browser mode has none).
import type { WerkstattBridge } from '../../shared/ipc/contract';

declare global {
  interface Window {
    readonly werkstatt?: WerkstattBridge;
  }
}

export function desktopBridge(): WerkstattBridge | null {
  return window.werkstatt ?? null;
}
