// The desktop shell's bridge, when there is one (browser mode has none).
import type { WerkstattBridge } from '../../shared/ipc/contract';

declare global {
  interface Window {
    readonly werkstatt?: WerkstattBridge;
  }
}

export function desktopBridge(): WerkstattBridge | null {
  // No window under Node, where tests run the sync code (renderer/sync) outside a browser.
  return typeof window === 'undefined' ? null : (window.werkstatt ?? null);
}
