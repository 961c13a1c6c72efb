// @vitest-environment jsdom
// The join screen's "Sessions on this network": nothing at all in browser mode; in the
// desktop app one button per session found, a polite status that speaks only when the
// count changes, and plain words when nothing turns up.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DiscoveredSession, WerkstattBridge } from '../../../shared/ipc/contract';
import { DiscoveredSessions } from '../../../renderer/components/DiscoveredSessions';
import {
  DISCOVERY_GRACE_MS,
  DISCOVERY_POLL_MS,
} from '../../../renderer/hooks/useDiscoveredSessions';
import { initI18n } from '../../../renderer/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const LINDENAU: DiscoveredSession = {
  title: 'Digitalstrategie Lindenau',
  baseUrl: 'http://192.168.8.23:4871',
  hostName: 'laptop-mueller',
  lastSeen: 1,
};
const SOZIALES: DiscoveredSession = {
  title: 'Klausur Soziales',
  baseUrl: 'http://192.168.8.40:4871',
  hostName: 'moderation-2',
  lastSeen: 1,
};

let container: HTMLDivElement;
let root: Root;
let found: DiscoveredSession[];
let statusChanges: string[];

function installBridge(): void {
  // lastSeen moves on every answer, as it does for real.
  const discover = vi.fn(() =>
    Promise.resolve(found.map((entry) => ({ ...entry, lastSeen: Date.now() }))),
  );
  (window as { werkstatt?: Partial<WerkstattBridge> }).werkstatt = {
    'session:discover': discover,
  };
}

async function render(onChoose: (baseUrl: string) => void = () => {}): Promise<void> {
  await act(async () => root.render(<DiscoveredSessions chosen="" onChoose={onChoose} />));
  const status = container.querySelector('[role="status"]');
  if (status) {
    new MutationObserver(() => statusChanges.push(status.textContent ?? '')).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  }
}

async function advance(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

beforeAll(async () => {
  localStorage.setItem('werkstatt.language', 'de');
  await initI18n();
});

beforeEach(() => {
  vi.useFakeTimers();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  found = [];
  statusChanges = [];
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  delete (window as { werkstatt?: unknown }).werkstatt;
  vi.useRealTimers();
});

describe('DiscoveredSessions', () => {
  it('shows nothing in browser mode', async () => {
    await render();
    expect(container.innerHTML).toBe('');
  });

  it('lists what the desktop app found; choosing one hands over its address', async () => {
    installBridge();
    const onChoose = vi.fn();
    await render(onChoose);
    expect(container.textContent).toContain('Sitzungen in diesem Netzwerk');
    expect(container.querySelector('[role="status"]')?.getAttribute('aria-live')).toBe('polite');
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Suche nach Sitzungen …');

    found = [LINDENAU];
    await advance(DISCOVERY_POLL_MS);
    const buttons = [...container.querySelectorAll('li button')];
    expect(buttons.map((button) => button.textContent)).toEqual([
      'Digitalstrategie Lindenau 192.168.8.23:4871 auf laptop-mueller',
    ]);
    act(() => (buttons[0] as HTMLButtonElement).click());
    expect(onChoose).toHaveBeenCalledWith('http://192.168.8.23:4871');
    expect(container.textContent).not.toContain('Multicast');
  });

  it('speaks only when the count changes, not on every poll', async () => {
    installBridge();
    found = [LINDENAU];
    await render();
    for (let poll = 0; poll < 5; poll++) await advance(DISCOVERY_POLL_MS);
    found = [LINDENAU, SOZIALES];
    for (let poll = 0; poll < 5; poll++) await advance(DISCOVERY_POLL_MS);
    expect(statusChanges.filter((text, index) => text !== statusChanges[index - 1])).toEqual([
      '2 Sitzungen gefunden',
    ]);
  });

  it('says in plain words what to do when nothing is found', async () => {
    installBridge();
    await render();
    expect(container.textContent).not.toContain('Keine Sitzung gefunden');
    await advance(DISCOVERY_GRACE_MS);
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Keine Sitzung gefunden.');
    expect(container.textContent).toContain('Multicast ist gesperrt');
    expect(container.textContent).toContain('Adresse ein');
  });
});
