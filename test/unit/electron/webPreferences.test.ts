// Every window is created with these preferences, so they are the renderer's whole
// security boundary: a page that somehow runs hostile script must not reach Node,
// the preload's scope, other origins or a <webview>.
import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../electron/security/webPreferences';

const PRELOAD = '/opt/werkstatt/dist-electron/preload.cjs';

describe('secureWebPreferences', () => {
  it('isolates the preload from the page and sandboxes the renderer', () => {
    const prefs = secureWebPreferences(PRELOAD);
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
  });

  it('gives Node to no page, worker or subframe', () => {
    const prefs = secureWebPreferences(PRELOAD);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps the same-origin policy and refuses insecure content, webviews and drop navigation', () => {
    const prefs = secureWebPreferences(PRELOAD);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('passes the preload path through unchanged', () => {
    expect(secureWebPreferences(PRELOAD).preload).toBe(PRELOAD);
    expect(secureWebPreferences('C:\\Werkstatt\\preload.cjs').preload).toBe(
      'C:\\Werkstatt\\preload.cjs',
    );
  });

  it('sets no option beyond the reviewed list', () => {
    // A new key (say, experimentalFeatures) must be a conscious change to this test.
    expect(Object.keys(secureWebPreferences(PRELOAD)).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('returns a fresh object, so changing one window’s preferences cannot weaken the next', () => {
    const first = secureWebPreferences(PRELOAD) as { sandbox: boolean };
    first.sandbox = false;
    expect(secureWebPreferences(PRELOAD).sandbox).toBe(true);
  });
});
