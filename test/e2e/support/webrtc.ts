// Chromium launches that can open real WebRTC connections to each other on this
// machine: no mDNS hiding of local addresses, loopback allowed, a granted
// camera/microphone permission (Chromium only exposes host candidates then), and a
// test-only RTCPeerConnection that keeps only 127.0.0.1 candidates so that
// traffic stays on loopback.
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium';
import { findChromium } from './findChromium';

export const LOOPBACK_CANDIDATES_ONLY = `
(() => {
  const Native = window.RTCPeerConnection;
  const keep = (candidate) => !candidate || !candidate.candidate || candidate.candidate.includes(' 127.0.0.1 ');
  class LoopbackPeerConnection extends Native {
    constructor(...args) {
      super(...args);
      const add = this.addEventListener.bind(this);
      this.addEventListener = (type, listener, options) =>
        type === 'icecandidate'
          ? add(type, (event) => { if (keep(event.candidate)) listener.call(this, event); }, options)
          : add(type, listener, options);
    }
    set onicecandidate(handler) {
      this.addEventListener('icecandidate', (event) => handler && handler.call(this, event));
    }
  }
  window.RTCPeerConnection = LoopbackPeerConnection;
})();`;

export async function launchPeerBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: await findChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS, '--allow-loopback-in-peer-connection'],
  });
}

export async function newPeerPage(browser: Browser, origin: string): Promise<Page> {
  const context = await browser.newContext({
    locale: 'de-DE',
    viewport: { width: 1400, height: 900 },
  });
  await context.grantPermissions(['camera', 'microphone'], { origin });
  await context.addInitScript(LOOPBACK_CANDIDATES_ONLY);
  return context.newPage();
}
