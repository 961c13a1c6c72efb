// The window holding the preload bridge must never show foreign content: links,
// scripted navigations, server redirects, window.open and <webview> all stay on
// app://werkstatt. Tested against a fake WebContents that emits like Electron's.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { guardNavigation, type GuardedContents } from '../../../electron/security/navigationGuard';

type WindowOpenHandler = (details: { url: string }) => { action: 'deny' };

class FakeContents extends EventEmitter implements GuardedContents {
  windowOpenHandler: WindowOpenHandler | null = null;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** Emits an event the way Electron does and says whether a listener prevented it. */
  fire(name: string, url?: string): boolean {
    const event = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    this.emit(name, event, url);
    return event.prevented;
  }

  openWindow(url: string): { action: string } {
    if (!this.windowOpenHandler) throw new Error('no window open handler installed');
    return this.windowOpenHandler({ url });
  }
}

function guarded(): { contents: FakeContents; onBlocked: ReturnType<typeof vi.fn> } {
  const contents = new FakeContents();
  const onBlocked = vi.fn();
  guardNavigation(contents, onBlocked);
  return { contents, onBlocked };
}

const FOREIGN_URLS = [
  'https://evil.example/phish',
  'http://localhost:4870/',
  'file:///etc/passwd',
  'app://werkstatt.evil/index.html',
  'app://other/index.html',
  'javascript:alert(1)',
  'about:blank',
];

describe('guardNavigation', () => {
  it('installs one listener per guarded event and a window open handler', () => {
    const { contents } = guarded();
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-redirect')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    expect(contents.windowOpenHandler).not.toBeNull();
  });

  describe.each(['will-navigate', 'will-redirect'])('%s', (eventName) => {
    it.each(FOREIGN_URLS)('prevents and reports %s', (url) => {
      const { contents, onBlocked } = guarded();
      expect(contents.fire(eventName, url)).toBe(true);
      expect(onBlocked).toHaveBeenCalledExactlyOnceWith(url);
    });

    it('allows the app’s own pages without reporting them', () => {
      const { contents, onBlocked } = guarded();
      expect(contents.fire(eventName, 'app://werkstatt/index.html')).toBe(false);
      expect(contents.fire(eventName, 'app://werkstatt/workshops/7?x=1')).toBe(false);
      expect(onBlocked).not.toHaveBeenCalled();
    });
  });

  it('denies every window.open, even to the app itself, and reports it', () => {
    const { contents, onBlocked } = guarded();
    expect(contents.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
    expect(contents.openWindow('app://werkstatt/index.html')).toEqual({ action: 'deny' });
    expect(onBlocked.mock.calls).toEqual([
      ['https://evil.example/'],
      ['app://werkstatt/index.html'],
    ]);
  });

  it('prevents attaching a <webview>', () => {
    const { contents } = guarded();
    expect(contents.fire('will-attach-webview')).toBe(true);
  });

  it('still blocks when no one listens for blocked URLs', () => {
    const contents = new FakeContents();
    guardNavigation(contents);
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
  });
});
